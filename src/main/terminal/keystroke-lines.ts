/**
 * What the engineer types in the app's terminal, turned into lines for the session log (issue 14). xterm sends one
 * keystroke at a time; logged that way, no line-based masking could ever see a whole secret. Here keystrokes are
 * collected until Enter (backspace and Ctrl-U applied as the device's line editor would), and a line typed right
 * after a password prompt is logged as `********` whatever it was.
 */
import { stripAnsi } from '../../shared/text/terminal'

/** The line that asks for a secret, as devices and hosts print it: `Password:`, `Enter passphrase for key …:`. */
const PASSWORD_PROMPT = /(?:pass(?:word|wd|phrase|code)|secret|\bPIN)\b[^\n:]{0,60}:\s*$/i
export const MASKED_LINE = '********'
/** A line longer than this is logged in pieces: a paste without line ends must not grow the buffer without limit. */
const MAX_LINE = 16 * 1024
/** How much of the device's current output line is kept to recognise a prompt. */
const MAX_TAIL = 256

export class KeystrokeLines {
  private line = ''
  private secret = false
  private tail = ''
  private lastWasCr = false

  /** `emit(line, secret)`: the line with its CR, or MASKED_LINE when it was typed at a password prompt. */
  constructor(private readonly emit: (line: string, secret: boolean) => void) {}

  /** Device output, to know whether the line being typed answers a password prompt. */
  output(text: string): void {
    const end = Math.max(text.lastIndexOf('\n'), text.lastIndexOf('\r'))
    this.tail = (end >= 0 ? text.slice(end + 1) : this.tail + text).slice(-MAX_TAIL)
    // A prompt that arrives after the first keystrokes (typed ahead) still makes the line secret; an echo that looks
    // like a prompt only masks more than needed.
    if (PASSWORD_PROMPT.test(stripAnsi(this.tail))) this.secret = true
  }

  input(data: string): void {
    for (const ch of data) {
      const afterCr = this.lastWasCr
      this.lastWasCr = ch === '\r'
      if (ch === '\n' && afterCr) continue
      if (ch === '\r' || ch === '\n') this.end('\r')
      else if (ch === '\x7f' || ch === '\b') this.line = [...this.line].slice(0, -1).join('')
      else if (ch === '\x15') this.line = ''
      else if (ch === '\x03') this.end('^C')
      else {
        this.line += ch
        if (this.line.length >= MAX_LINE) this.end('')
      }
    }
  }

  /** Logs an unfinished line (the session is closing). */
  flush(): void {
    if (this.line !== '') this.end('')
  }

  private end(ending: string): void {
    const secret = this.secret
    this.emit(secret ? MASKED_LINE : this.line + ending, secret)
    this.line = ''
    // The next line is a secret only if the device asks again.
    this.secret = false
    this.tail = ''
  }
}
