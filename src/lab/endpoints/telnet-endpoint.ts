/**
 * Telnet access to a simulated PIX 6.x (which offers only telnet and SSH version 1, which no modern library speaks):
 * `User Access Verification` / `Password:` with the telnet password, then the device CLI. Telnet option
 * negotiation is minimal: the server echoes and suppresses go-ahead, and skips whatever the client asks.
 */
import { createServer, type Socket } from 'node:net'
import { type Shell, type ShellIo, TerminalSession } from '../terminal/terminal-session'
import { listenOnLoopback } from './listen'

export interface TelnetEndpointOptions {
  password: string
  port?: number
  /** Minutes without input before the session is closed (`telnet timeout`). */
  idleMinutes?: () => number
  openShell(from: string): { shell: Shell; greeting: string }
}

export interface TelnetEndpoint {
  host: '127.0.0.1'
  port: number
  close(): Promise<void>
}

const IAC = 255
const WILL = 251
const SB = 250
const SE = 240
const ECHO = 1
const SUPPRESS_GO_AHEAD = 3
const MAX_TRIES = 3

export async function startTelnetEndpoint(options: TelnetEndpointOptions): Promise<TelnetEndpoint> {
  const sockets = new Set<Socket>()
  const server = createServer((socket) => {
    sockets.add(socket)
    socket.on('close', () => sockets.delete(socket))
    socket.on('error', () => {})
    socket.setTimeout((options.idleMinutes?.() ?? 5) * 60_000, () => socket.destroy())
    const { shell, greeting } = options.openShell(socket.remoteAddress ?? '127.0.0.1')
    const gate = new PasswordGate(shell, options.password, greeting)
    const terminal = new TerminalSession(
      gate,
      (text) => {
        if (socket.writable) socket.write(Buffer.from(text, 'latin1'))
      },
      () => socket.end(),
    )
    socket.write(Buffer.from([IAC, WILL, ECHO, IAC, WILL, SUPPRESS_GO_AHEAD]))
    const filter = new TelnetFilter()
    socket.on('data', (data: Buffer) => terminal.input(filter.strip(data)))
    terminal.start('\n\nUser Access Verification\n\n')
  })
  const port = await listenOnLoopback(server, options.port)
  return {
    host: '127.0.0.1',
    port,
    close: () =>
      new Promise<void>((resolve) => {
        for (const s of sockets) s.destroy()
        server.close(() => resolve())
      }),
  }
}

/** Asks for the telnet password before handing the session to the device shell. */
class PasswordGate implements Shell {
  private open = false
  private tries = 0

  constructor(
    private readonly inner: Shell,
    private readonly password: string,
    private readonly banner: string,
  ) {}

  prompt(): string {
    return this.open ? this.inner.prompt() : 'Password: '
  }

  pagerLines(): number {
    return this.open ? this.inner.pagerLines() : 0
  }

  echo(): boolean {
    return this.open
  }

  handleLine(line: string, io: ShellIo): void {
    if (this.open) {
      this.inner.handleLine(line, io)
      return
    }
    if (line === this.password) {
      this.open = true
      io.print(this.banner)
      return
    }
    this.tries += 1
    if (this.tries >= MAX_TRIES) io.close()
  }
}

/** Removes telnet commands (IAC sequences) from the byte stream. */
class TelnetFilter {
  private state: 'data' | 'iac' | 'option' | 'sub' | 'sub-iac' = 'data'

  strip(data: Buffer): string {
    let text = ''
    for (const byte of data) {
      switch (this.state) {
        case 'data':
          if (byte === IAC) this.state = 'iac'
          else text += String.fromCharCode(byte)
          break
        case 'iac':
          if (byte === IAC) {
            text += String.fromCharCode(IAC)
            this.state = 'data'
          } else if (byte === SB) this.state = 'sub'
          else if (byte >= WILL) this.state = 'option'
          else this.state = 'data'
          break
        case 'option':
          this.state = 'data'
          break
        case 'sub':
          if (byte === IAC) this.state = 'sub-iac'
          break
        case 'sub-iac':
          this.state = byte === SE ? 'data' : 'sub'
          break
      }
    }
    return text
  }
}
