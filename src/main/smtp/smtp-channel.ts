/**
 * One SMTP conversation on a socket (plain, then perhaps TLS): sends whole command lines and reads whole
 * replies, recording both. Everything is bounded: a reply must arrive within its time (an absolute
 * deadline, so a server dripping a byte a second cannot hold the probe), lines and replies have maximum
 * sizes, and the server may send only so many bytes in all. A read never throws; it says what went wrong.
 */
import type { Socket } from 'node:net'
import { parseReplies, type SmtpReply } from '../../shared/evidence/smtp-reply'
import type { ProbeErrorCode, ProbeLimits } from '../../shared/probe/types'
import { lineText } from './line-text'
import type { ProbeRecorder } from './recorder'

export interface ReadFailure {
  code: Extract<
    ProbeErrorCode,
    'reply-timeout' | 'total-timeout' | 'closed' | 'line-too-long' | 'reply-too-long' | 'too-many-bytes' | 'not-smtp'
  >
  message: string
}

export type ReplyRead = { ok: true; reply: SmtpReply } | { ok: false; failure: ReadFailure }

const REPLY_LINE = /^([2-5][0-9]{2})(?:([ -])(.*))?$/
const EXCERPT_BYTES = 80

export class SmtpChannel {
  private socket: Socket | null = null
  private partial: Buffer = Buffer.alloc(0)
  /** The last line when the server closed without ending it: shown, but never taken for a whole reply. */
  private unterminated: Buffer | null = null
  private readonly queue: Buffer[] = []
  private totalBytes = 0
  private fault: ReadFailure | null = null
  private wake: (() => void) | null = null
  private readonly onData = (chunk: Buffer) => this.receive(chunk)
  private readonly onEnd = () => this.closed('the server closed the connection')
  private readonly onError = (error: Error) => this.closed(error.message)

  constructor(
    private readonly recorder: ProbeRecorder,
    private readonly limits: ProbeLimits,
  ) {}

  attach(socket: Socket): void {
    this.socket = socket
    this.partial = Buffer.alloc(0)
    this.queue.length = 0
    socket.on('data', this.onData)
    socket.on('end', this.onEnd)
    socket.on('close', this.onEnd)
    socket.on('error', this.onError)
  }

  /**
   * Lets go of the socket before a TLS handshake. Bytes the server sent after its reply to STARTTLS are
   * dropped: accepting them would let anyone in the path inject plaintext into the TLS session.
   */
  detach(): { socket: Socket; discardedBytes: number } | null {
    const socket = this.socket
    if (!socket || this.fault) return null
    socket.off('data', this.onData)
    socket.off('end', this.onEnd)
    socket.off('close', this.onEnd)
    socket.off('error', this.onError)
    const discardedBytes = this.partial.length + this.queue.reduce((n, line) => n + line.length + 1, 0)
    this.socket = null
    this.partial = Buffer.alloc(0)
    this.queue.length = 0
    return { socket, discardedBytes }
  }

  get failure(): ReadFailure | null {
    return this.fault
  }

  /** Sends one command as one whole line (a single write) and records it; false if the channel is dead. */
  send(command: string): boolean {
    if (!this.socket || this.fault || this.socket.destroyed) return false
    this.recorder.record('client', command)
    this.socket.write(`${command}\r\n`)
    return true
  }

  /**
   * Sends a message's DATA lines and the closing `.` in one write. The transcript gets one note for the
   * content and the `.` as a client line: header and body lines recorded as client lines would read as
   * commands to anyone pairing commands with replies (the session parser does exactly that).
   */
  sendData(lines: string[]): boolean {
    if (!this.socket || this.fault || this.socket.destroyed) return false
    const data = `${lines.join('\r\n')}\r\n.\r\n`
    this.recorder.note('messageSent', { lines: lines.length, bytes: Buffer.byteLength(data) })
    this.recorder.record('client', '.')
    this.socket.write(data)
    return true
  }

  async readReply(timeoutMs: number): Promise<ReplyRead> {
    const deadline = performance.now() + timeoutMs
    let count = 0
    let firstLine = 0
    for (;;) {
      const raw = await this.nextLine(deadline)
      if (!Buffer.isBuffer(raw)) return { ok: false, failure: raw }
      const text = lineText(raw)
      const number = this.recorder.record('server', text)
      if (raw === this.unterminated && this.fault) return { ok: false, failure: this.fault }
      if (count++ === 0) firstLine = number
      const match = REPLY_LINE.exec(text)
      if (!match) return this.fail({ code: 'not-smtp', message: `not an SMTP reply line: ${excerpt(text)}` })
      if (match[2] !== '-') return { ok: true, reply: this.parsed(firstLine, number) }
      if (count >= this.limits.maxReplyLines)
        return this.fail({ code: 'reply-too-long', message: `more than ${this.limits.maxReplyLines} lines in a reply` })
    }
  }

  /** The reply as the evidence parser reads it, so the probe and pasted transcripts agree on its shape. */
  private parsed(firstLine: number, lastLine: number): SmtpReply {
    const lines = this.recorder.lines.slice(firstLine - 1, lastLine)
    const [reply] = parseReplies(lines)
    return reply ?? { code: 0, enhanced: null, lines: [], startLine: firstLine, endLine: lastLine, complete: false }
  }

  /** Ends the conversation from outside (total timeout, abort) and wakes a pending read. */
  abort(failure: ReadFailure): void {
    this.fail(failure)
  }

  destroy(): void {
    this.socket?.destroy()
  }

  private fail(failure: ReadFailure): { ok: false; failure: ReadFailure } {
    if (!this.fault) this.fault = failure
    this.socket?.destroy()
    this.wakeUp()
    return { ok: false, failure: this.fault }
  }

  private async nextLine(deadline: number): Promise<Buffer | ReadFailure> {
    for (;;) {
      const line = this.queue.shift()
      if (line) return line
      if (this.fault) return this.fault
      const left = deadline - performance.now()
      if (left <= 0) return { code: 'reply-timeout', message: 'no complete reply in time' }
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, left)
        this.wake = () => {
          clearTimeout(timer)
          resolve()
        }
      })
      this.wake = null
    }
  }

  private receive(chunk: Buffer): void {
    if (this.fault) return
    this.totalBytes += chunk.length
    if (this.totalBytes > this.limits.maxTotalBytes) {
      this.fail({ code: 'too-many-bytes', message: `the server sent more than ${this.limits.maxTotalBytes} bytes` })
      return
    }
    let data = this.partial.length > 0 ? Buffer.concat([this.partial, chunk]) : chunk
    for (let lf = data.indexOf(0x0a); lf !== -1; lf = data.indexOf(0x0a)) {
      const end = lf > 0 && data[lf - 1] === 0x0d ? lf - 1 : lf
      if (end > this.limits.maxLineBytes) {
        this.tooLong(data.subarray(0, end))
        return
      }
      this.queue.push(data.subarray(0, end))
      data = data.subarray(lf + 1)
    }
    if (data.length > this.limits.maxLineBytes + 1) {
      this.tooLong(data)
      return
    }
    this.partial = Buffer.from(data)
    this.wakeUp()
  }

  private tooLong(start: Buffer): void {
    this.recorder.note('lineTooLong', {
      max: this.limits.maxLineBytes,
      start: lineText(start.subarray(0, EXCERPT_BYTES)),
    })
    this.fail({ code: 'line-too-long', message: `a line longer than ${this.limits.maxLineBytes} bytes` })
  }

  private closed(reason: string): void {
    if (this.fault) return
    if (this.partial.length > 0) {
      // An unterminated last line is still shown: it is often the most telling part of a broken server.
      this.queue.push(this.partial)
      this.unterminated = this.partial
      this.partial = Buffer.alloc(0)
    }
    this.fault = { code: 'closed', message: reason }
    this.wakeUp()
  }

  private wakeUp(): void {
    this.wake?.()
  }
}

function excerpt(text: string): string {
  return text.length > EXCERPT_BYTES ? `${text.slice(0, EXCERPT_BYTES)}…` : text
}
