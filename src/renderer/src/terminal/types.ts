/** What a terminal view needs from a device session, whatever the transport behind it. */
export interface TerminalSource {
  /** Subscribes to device output; returns the unsubscribe function. */
  onData(listener: (text: string) => void): () => void
  write(data: string): void
  /** Tells main that xterm has parsed this many characters (flow control). */
  ack(chars: number): void
  resize(cols: number, rows: number): void
  /** Called once the view listens; the session then releases output that arrived before. */
  attach?(): void
}

export type BackspaceMode = 'del' | 'ctrl-h'
