/**
 * What every transport (SSH shell, telnet, serial) hands to the device driver and to the terminal: a
 * duplex byte stream. The driver never knows which transport it talks through, so the renderer's
 * terminal and the driver can share one session.
 */

export type TransportKind = 'ssh' | 'telnet' | 'serial'

export interface ByteChannel {
  readonly kind: TransportKind
  /** Human-readable peer, e.g. `ssh://admin@127.0.0.1:2222` (never contains a password). */
  readonly peer: string
  write(data: string | Uint8Array): void
  /** Subscribes to incoming bytes; returns the unsubscribe function. */
  onData(listener: (chunk: Buffer) => void): () => void
  /** Called once when the channel ends, for whatever reason. */
  onClose(listener: (reason?: Error) => void): () => void
  /** Terminal size changes (SSH window-change, telnet NAWS); a no-op on serial. */
  resize(cols: number, rows: number): void
  readonly closed: boolean
  close(): Promise<void>
}

/**
 * A failure the user must understand: `code` picks the i18n message (`device.errors.<code>`), `params`
 * fill its placeholders. Transports throw only these (or let a plain Error through as `generic`).
 */
export class TransportError extends Error {
  constructor(
    readonly code: TransportErrorCode,
    readonly params: Record<string, string | number> = {},
    message?: string,
  ) {
    super(message ?? `${code}${Object.keys(params).length ? ` ${JSON.stringify(params)}` : ''}`)
    this.name = 'TransportError'
  }
}

export type TransportErrorCode =
  | 'connectFailed'
  | 'timeout'
  | 'sshVersion1'
  | 'noMatchingAlgorithm'
  | 'authFailed'
  | 'hostKeyUnknown'
  | 'hostKeyRejected'
  | 'hostKeyChanged'
  | 'hostKeyRevoked'
  | 'closed'
  | 'serialOpenFailed'
  | 'badTarget'

/** A small fan-out used by the transports for their data and close listeners. */
export class Listeners<T> {
  private readonly set = new Set<(value: T) => void>()
  add(listener: (value: T) => void): () => boolean {
    this.set.add(listener)
    return () => this.set.delete(listener)
  }
  emit(value: T): void {
    for (const listener of [...this.set]) listener(value)
  }
}

/**
 * The end of a channel, told once to every listener whatever ends it first (the remote side, an error, our own
 * close()). Every transport wires its close events through one of these.
 */
export class ChannelEnd {
  private readonly listeners = new Listeners<Error | undefined>()
  private ended = false

  get closed(): boolean {
    return this.ended
  }

  /** Marks the channel closed and tells the listeners; true only for the call that closed it. */
  finish(reason?: Error): boolean {
    if (this.ended) return false
    this.ended = true
    this.listeners.emit(reason)
    return true
  }

  onClose(listener: (reason?: Error) => void): () => boolean {
    return this.listeners.add(listener)
  }
}

/**
 * Data listeners that keep what arrives before anyone listens (a device greets as soon as the shell
 * opens, before the caller of connect() had a chance to subscribe). The first subscriber gets it all.
 */
export class DataListeners extends Listeners<Buffer> {
  private early: Buffer[] | null = []
  private earlyBytes = 0

  override add(listener: (value: Buffer) => void): () => boolean {
    const off = super.add(listener)
    const early = this.early
    this.early = null
    if (early) for (const chunk of early) listener(chunk)
    return off
  }

  override emit(value: Buffer): void {
    if (this.early) {
      // Bounded: a peer that floods before anyone listens cannot grow memory without limit.
      if (this.earlyBytes < 1024 * 1024) {
        this.early.push(value)
        this.earlyBytes += value.length
      }
      return
    }
    super.emit(value)
  }
}
