/**
 * A plain socket client for the lab tests: sends whole lines (as a scripted tool or netcat would) and reads SMTP
 * replies. Every wait has a timeout so a broken lab fails a test instead of hanging it.
 */
import { connect, type Socket } from 'node:net'
import { type TLSSocket, connect as tlsConnect } from 'node:tls'

export interface Reply {
  code: number
  lines: string[]
  text: string
}

export class LineClient {
  private buffer = ''
  private waiters: Array<() => void> = []
  closed = false
  reset = false
  socket: Socket | TLSSocket

  private constructor(socket: Socket) {
    this.socket = socket
    this.attach(socket)
  }

  static open(port: number, timeoutMs = 5000): Promise<LineClient> {
    return new Promise((resolve, reject) => {
      const socket = connect({ host: '127.0.0.1', port })
      const timer = setTimeout(() => {
        socket.destroy()
        reject(new Error('connect timeout'))
      }, timeoutMs)
      socket.once('connect', () => {
        clearTimeout(timer)
        resolve(new LineClient(socket))
      })
      socket.once('error', (e) => {
        clearTimeout(timer)
        reject(e)
      })
    })
  }

  private attach(socket: Socket | TLSSocket): void {
    socket.setEncoding('latin1')
    socket.on('data', (chunk: string) => {
      this.buffer += chunk
      this.wake()
    })
    socket.on('error', (e: NodeJS.ErrnoException) => {
      if (e.code === 'ECONNRESET') this.reset = true
      this.closed = true
      this.wake()
    })
    socket.on('close', () => {
      this.closed = true
      this.wake()
    })
  }

  private wake(): void {
    for (const w of this.waiters.splice(0)) w()
  }

  /** Waits until `done(buffer)` is true, the socket closes, or the timeout passes. */
  private wait(done: (buffer: string) => boolean, timeoutMs: number): Promise<void> {
    return new Promise((resolve, reject) => {
      const check = () => {
        if (done(this.buffer)) return finish(resolve)
        if (this.closed) return finish(() => reject(new Error(`closed; buffer: ${JSON.stringify(this.buffer)}`)))
        this.waiters.push(check)
      }
      const timer = setTimeout(
        () => finish(() => reject(new Error(`timeout; buffer: ${JSON.stringify(this.buffer)}`))),
        timeoutMs,
      )
      const finish = (f: () => void) => {
        clearTimeout(timer)
        f()
      }
      check()
    })
  }

  async reply(timeoutMs = 5000): Promise<Reply> {
    await this.wait((b) => /(^|\r\n)\d{3} [^\r\n]*\r\n/.test(b) || /^\d{3} [^\r\n]*\r\n/.test(b), timeoutMs)
    const lines: string[] = []
    for (;;) {
      const end = this.buffer.indexOf('\r\n')
      const line = this.buffer.slice(0, end)
      this.buffer = this.buffer.slice(end + 2)
      lines.push(line)
      if (/^\d{3}( |$)/.test(line)) break
    }
    const last = lines[lines.length - 1]!
    return { code: Number(last.slice(0, 3)), lines, text: lines.join('\n') }
  }

  send(text: string): void {
    this.socket.write(text, 'latin1')
  }

  async command(line: string, timeoutMs = 5000): Promise<Reply> {
    this.send(`${line}\r\n`)
    return this.reply(timeoutMs)
  }

  /** Resolves when the peer closes (or resets) the connection. */
  async closedByPeer(timeoutMs = 5000): Promise<void> {
    await this.wait(() => this.closed, timeoutMs).catch((e: Error) => {
      if (!this.closed) throw e
    })
  }

  async startTls(ca: string, servername: string): Promise<TLSSocket> {
    this.socket.removeAllListeners('data')
    const tls = tlsConnect({ socket: this.socket as Socket, servername, ca, checkServerIdentity: () => undefined })
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error('tls timeout')), 5000)
      tls.once('secureConnect', () => {
        clearTimeout(timer)
        resolve()
      })
      tls.once('error', (e) => {
        clearTimeout(timer)
        reject(e)
      })
    })
    this.socket = tls
    this.buffer = ''
    this.attach(tls)
    return tls
  }

  close(): void {
    this.socket.destroy()
  }
}
