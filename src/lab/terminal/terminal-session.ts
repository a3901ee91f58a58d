/**
 * One interactive CLI session on a character stream (an SSH PTY shell or a telnet socket): echo and line editing,
 * secret prompts (`Password:` echoing `*`), and the `<--- More --->` pager. The device's shell decides what lines
 * mean; this class only deals with keystrokes and screen output.
 */
export interface ShellIo {
  /** Output text; `\n` becomes `\r\n`. Paged when the shell's pager is on. */
  print(text: string): void
  /** Asks for a secret on the next line; `mask` is echoed per typed character ('' for none). */
  askSecret(prompt: string, mask: string, done: (value: string) => void): void
  /** Ends the session after the pending output. */
  close(): void
}

export interface Shell {
  prompt(): string
  /** Lines per page, 0 for no paging (`terminal pager 0`). */
  pagerLines(): number
  /** False while typed characters must not be echoed (a login password prompt). */
  echo?(): boolean
  /** Sees every keystroke first (FTD's Ctrl+a d); returns what to write if it took the key. */
  intercept?(ch: string): { output: string; clearLine?: boolean } | undefined
  /** Context help for `?` typed after `partial`: the lines to show, or undefined to take `?` as a character. */
  help?(partial: string): string[] | undefined
  handleLine(line: string, io: ShellIo): void
}

const MORE = '<--- More --->'
const MAX_LINE = 4096

export class TerminalSession {
  private line = ''
  private lastWasCr = false
  private escape = 0
  private output: string[] = []
  private paging: string[] | null = null
  private secret: { mask: string; done: (value: string) => void } | null = null
  private closing = false
  private closed = false

  constructor(
    private readonly shell: Shell,
    private readonly writeRaw: (text: string) => void,
    private readonly onClose: () => void,
  ) {}

  /** Prints the greeting (login banner) and the first prompt. */
  start(greeting: string): void {
    if (greeting) this.writeRaw(toCrLf(greeting))
    this.writeRaw(this.shell.prompt())
  }

  input(data: string): void {
    for (const ch of data) {
      if (this.closed) return
      this.key(ch)
    }
  }

  private key(ch: string): void {
    // Swallow ANSI escape sequences (arrow keys): ESC [ ... final byte
    if (this.escape === 1) {
      this.escape = ch === '[' || ch === 'O' ? 2 : 0
      return
    }
    if (this.escape === 2) {
      if (ch >= '@' && ch <= '~') this.escape = 0
      return
    }
    if (this.paging) {
      this.pagerKey(ch)
      return
    }
    const taken = this.secret ? undefined : this.shell.intercept?.(ch)
    if (taken) {
      if (taken.clearLine) this.line = ''
      this.writeRaw(taken.output)
      return
    }
    if (ch === '\n' && this.lastWasCr) {
      this.lastWasCr = false
      return
    }
    this.lastWasCr = ch === '\r'
    if (ch === '\r' || ch === '\n') {
      this.enter()
      return
    }
    if (ch === '\x1b') {
      this.escape = 1
      return
    }
    if (ch === '?' && !this.secret) {
      const lines = this.shell.help?.(this.line)
      if (lines) {
        // As on the device: the help replaces the `?`, then the prompt and the typed text come back.
        this.writeRaw(`?\r\n${lines.join('\r\n')}\r\n${this.shell.prompt()}${this.line}`)
        return
      }
    }
    if (ch === '\x7f' || ch === '\b') {
      if (this.line.length === 0) return
      this.line = this.line.slice(0, -1)
      this.writeRaw('\b \b')
      return
    }
    if (ch === '\x03') {
      this.line = ''
      this.secret = null
      this.writeRaw(`^C\r\n${this.shell.prompt()}`)
      return
    }
    if (ch === '\x15') {
      this.writeRaw('\b \b'.repeat(this.line.length))
      this.line = ''
      return
    }
    if (ch < ' ' || this.line.length >= MAX_LINE) return
    this.line += ch
    if (this.secret) this.writeRaw(this.secret.mask)
    else if (this.shell.echo?.() !== false) this.writeRaw(ch)
  }

  private enter(): void {
    const line = this.line
    this.line = ''
    this.writeRaw('\r\n')
    const io: ShellIo = {
      print: (text) => this.output.push(...text.replace(/\r\n/g, '\n').replace(/\n$/, '').split('\n')),
      askSecret: (prompt, mask, done) => {
        this.flush(false)
        this.writeRaw(prompt)
        this.secret = { mask, done }
      },
      close: () => {
        this.closing = true
      },
    }
    const secret = this.secret
    this.secret = null
    if (secret) secret.done(line)
    else this.shell.handleLine(line, io)
    if (!this.secret) this.flush(true)
    else if (this.output.length > 0) this.flush(false)
  }

  private pageSize(): number {
    const lines = this.shell.pagerLines()
    return lines > 1 ? lines - 1 : 0
  }

  /** Writes collected output, paging it if needed; then the prompt (or closes). */
  private flush(withPrompt: boolean): void {
    const lines = this.output
    this.output = []
    const size = this.pageSize()
    if (size > 0 && lines.length > size) {
      this.writeLines(lines.slice(0, size))
      this.paging = lines.slice(size)
      this.writeRaw(MORE)
      return
    }
    this.writeLines(lines)
    if (withPrompt) this.finish()
  }

  private finish(): void {
    if (this.closing) {
      this.closed = true
      this.onClose()
      return
    }
    this.writeRaw(this.shell.prompt())
  }

  private pagerKey(ch: string): void {
    const rest = this.paging!
    this.writeRaw(`\r${' '.repeat(MORE.length)}\r`)
    if (ch === 'q' || ch === 'Q') {
      this.paging = null
      this.finish()
      return
    }
    const take = ch === '\r' || ch === '\n' ? 1 : this.pageSize()
    this.writeLines(rest.slice(0, take))
    const left = rest.slice(take)
    if (left.length === 0) {
      this.paging = null
      this.lastWasCr = ch === '\r'
      this.finish()
      return
    }
    this.paging = left
    this.writeRaw(MORE)
  }

  private writeLines(lines: string[]): void {
    if (lines.length > 0) this.writeRaw(`${lines.join('\r\n')}\r\n`)
  }
}

export function toCrLf(text: string): string {
  return text.replace(/\r?\n/g, '\r\n')
}
