/**
 * One shell, two writers: the engineer's terminal and the driver. While the driver runs a command the
 * engineer's keystrokes are held (and shown as pending by the UI), then sent in order once the driver is
 * idle, so no keystroke lands in the middle of a scripted line and the evidence script's lines stay whole.
 */
import type { ByteChannel } from '../transports/channel'
import type { DeviceDriver } from './driver'

/** Held input is bounded: a stuck driver must not let a pasted file grow memory without end. */
const MAX_HELD_BYTES = 64 * 1024

export class InputGate {
  private held: Buffer[] = []
  private heldBytes = 0
  private readonly offIdle: () => void

  constructor(
    private readonly channel: ByteChannel,
    private readonly driver: Pick<DeviceDriver, 'busy' | 'onIdle'>,
  ) {
    this.offIdle = driver.onIdle(() => this.release())
  }

  /** Bytes waiting for the driver to finish. */
  get pending(): number {
    return this.heldBytes
  }

  /** The terminal's keystrokes: sent now when the driver is idle, held otherwise. Returns false if dropped. */
  userInput(data: string | Uint8Array): boolean {
    const bytes = typeof data === 'string' ? Buffer.from(data, 'utf8') : Buffer.from(data)
    if (!this.driver.busy && this.held.length === 0) {
      this.channel.write(bytes)
      return true
    }
    if (this.heldBytes + bytes.length > MAX_HELD_BYTES) return false
    this.held.push(bytes)
    this.heldBytes += bytes.length
    return true
  }

  dispose(): void {
    this.offIdle()
    this.held = []
    this.heldBytes = 0
  }

  private release(): void {
    if (this.held.length === 0) return
    const data = Buffer.concat(this.held)
    this.held = []
    this.heldBytes = 0
    this.channel.write(data)
  }
}
