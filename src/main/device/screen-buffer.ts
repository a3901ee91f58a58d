/**
 * The text received since the driver last consumed it, with helpers that look at it the way a user
 * looks at a screen: the last (unfinished) line is where prompts and the pager appear.
 */
import { StringDecoder } from 'node:string_decoder'
import { renderLine, stripAnsi } from '../../shared/devices/clean'

export class ScreenBuffer {
  private text = ''
  private readonly decoder = new StringDecoder('utf8')
  /** Total bytes ever received, for size limits. */
  bytes = 0

  push(chunk: Buffer): void {
    this.bytes += chunk.length
    this.text += this.decoder.write(chunk)
  }

  get value(): string {
    return this.text
  }

  get length(): number {
    return this.text.length
  }

  /** The unfinished last line as a terminal would show it (ANSI removed, CR/BS applied, right-trimmed). */
  lastLine(): string {
    const nl = this.text.lastIndexOf('\n')
    return renderLine(stripAnsi(this.text.slice(nl + 1)))
  }

  /** Forgets all but the last `chars` characters (a banner or flood before the prompt is of no use). */
  keepTail(chars: number): void {
    if (this.text.length > chars) this.text = this.text.slice(-chars)
  }

  /** Removes and returns everything received so far. */
  take(): string {
    const out = this.text
    this.text = ''
    return out
  }

  /** Removes and returns the complete lines, keeping the unfinished last one: long outputs never pile up here. */
  takeCompleteLines(): string {
    const nl = this.text.lastIndexOf('\n')
    if (nl === -1) return ''
    const out = this.text.slice(0, nl + 1)
    this.text = this.text.slice(nl + 1)
    return out
  }

  /** Drops the unfinished last line (a pager prompt that was answered), keeping earlier lines. */
  dropLastLine(): void {
    const nl = this.text.lastIndexOf('\n')
    this.text = this.text.slice(0, nl + 1)
  }
}
