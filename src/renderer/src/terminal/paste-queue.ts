/**
 * Pasting many lines into a firewall CLI: the device reads them one at a time, and a burst can overrun its
 * input buffer and drop characters. The queue sends one line, waits for the device to echo something (or
 * a short timeout), then sends the next, so no line is lost.
 */

export interface PasteQueueOptions {
  send(text: string): void
  /** Newline the device expects (CR for most network CLIs). */
  newline?: string
  /** Longest wait for an echo before sending the next line anyway. */
  echoTimeoutMs?: number
}

export class PasteQueue {
  private lines: string[] = []
  private waiting: ReturnType<typeof setTimeout> | null = null
  private readonly newline: string
  private readonly timeoutMs: number

  constructor(private readonly options: PasteQueueOptions) {
    this.newline = options.newline ?? '\r'
    this.timeoutMs = options.echoTimeoutMs ?? 500
  }

  get pending(): number {
    return this.lines.length
  }

  /** Queues pasted text; a last line without a newline is typed but not entered. */
  paste(text: string): void {
    const normalised = text.replace(/\r\n?|\n/g, '\n')
    const parts = normalised.split('\n')
    const last = parts.pop() ?? ''
    for (const line of parts) this.lines.push(line + this.newline)
    if (last !== '') this.lines.push(last)
    if (this.waiting === null) this.sendNext()
  }

  /** Call with every chunk of device output: an echo releases the next line. */
  onOutput(): void {
    if (this.waiting === null) return
    clearTimeout(this.waiting)
    this.waiting = null
    this.sendNext()
  }

  cancel(): void {
    this.lines = []
    if (this.waiting !== null) clearTimeout(this.waiting)
    this.waiting = null
  }

  private sendNext(): void {
    const line = this.lines.shift()
    if (line === undefined) return
    this.options.send(line)
    this.waiting = setTimeout(() => {
      this.waiting = null
      this.sendNext()
    }, this.timeoutMs)
  }
}
