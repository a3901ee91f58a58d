/**
 * Terminal output from a device stream to the renderer with flow control, in the manner of VS Code's
 * terminal: main counts the characters it has sent and the renderer acknowledges what xterm has parsed.
 * Above the high watermark the source (an SSH channel, telnet socket or serial port) is paused, so a
 * 20 MB `show tech-support` backs up in the device's TCP window instead of in the renderer. Bytes are
 * decoded with a streaming UTF-8 decoder, so a multi-byte character is never split between two chunks.
 */
import { StringDecoder } from 'node:string_decoder'

export interface PausableSource {
  on(event: 'data', listener: (chunk: Buffer | string) => void): unknown
  on(event: 'end' | 'close', listener: () => void): unknown
  off(event: 'data', listener: (chunk: Buffer | string) => void): unknown
  pause(): unknown
  resume(): unknown
}

export interface OutputPumpOptions {
  /** Unacknowledged characters at which the source is paused. */
  highWatermark?: number
  /** Unacknowledged characters at or below which it is resumed. */
  lowWatermark?: number
  /** Largest single chunk sent to the renderer. */
  maxChunk?: number
}

export class OutputPump {
  private readonly decoder = new StringDecoder('utf8')
  private readonly high: number
  private readonly low: number
  private readonly maxChunk: number
  private unacked = 0
  private paused = false
  private sentTotal = 0
  private readonly onData = (chunk: Buffer | string) => this.push(chunk)

  constructor(
    private readonly source: PausableSource,
    private readonly send: (text: string) => void,
    options: OutputPumpOptions = {},
  ) {
    this.high = options.highWatermark ?? 100_000
    this.low = options.lowWatermark ?? 5_000
    this.maxChunk = options.maxChunk ?? 16_384
    if (this.low >= this.high) throw new Error('lowWatermark must be below highWatermark')
    source.on('data', this.onData)
    source.on('end', () => this.flushDecoder())
  }

  get isPaused(): boolean {
    return this.paused
  }

  get unacknowledged(): number {
    return this.unacked
  }

  get sent(): number {
    return this.sentTotal
  }

  /** The renderer has parsed `chars` more characters. */
  ack(chars: number): void {
    if (!Number.isFinite(chars) || chars <= 0) return
    this.unacked = Math.max(0, this.unacked - chars)
    if (this.paused && this.unacked <= this.low) {
      this.paused = false
      this.source.resume()
    }
  }

  dispose(): void {
    this.source.off('data', this.onData)
  }

  private push(chunk: Buffer | string): void {
    const text = typeof chunk === 'string' ? chunk : this.decoder.write(chunk)
    this.emit(text)
  }

  private flushDecoder(): void {
    this.emit(this.decoder.end())
  }

  private emit(text: string): void {
    for (let start = 0; start < text.length; ) {
      let end = Math.min(text.length, start + this.maxChunk)
      // Never cut a UTF-16 surrogate pair in two.
      if (end < text.length && isHighSurrogate(text.charCodeAt(end - 1))) end -= 1
      const piece = text.slice(start, end)
      start = end
      this.unacked += piece.length
      this.sentTotal += piece.length
      this.send(piece)
    }
    if (!this.paused && this.unacked >= this.high) {
      this.paused = true
      this.source.pause()
    }
  }
}

function isHighSurrogate(code: number): boolean {
  return code >= 0xd800 && code <= 0xdbff
}
