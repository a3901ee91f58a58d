/** A minimal telnet client for the lab tests: refuses every option the server offers and collects the text. */
import { connect, type Socket } from 'node:net'

const IAC = 255

export class TelnetClient {
  output = ''
  private mark = 0
  private waiters: Array<() => void> = []
  closed = false
  /** Option negotiations the server sent (command, option). */
  negotiations: Array<[number, number]> = []

  private constructor(private readonly socket: Socket) {
    let pending: number[] = []
    socket.on('data', (data: Buffer) => {
      for (const byte of data) {
        if (pending.length > 0 || byte === IAC) {
          pending.push(byte)
          if (pending.length === 3) {
            this.negotiations.push([pending[1]!, pending[2]!])
            pending = []
          }
          continue
        }
        this.output += String.fromCharCode(byte)
      }
      this.wake()
    })
    socket.on('close', () => {
      this.closed = true
      this.wake()
    })
    socket.on('error', () => {})
  }

  static open(port: number): Promise<TelnetClient> {
    return new Promise((resolve, reject) => {
      const socket = connect({ host: '127.0.0.1', port })
      const timer = setTimeout(() => reject(new Error('telnet connect timeout')), 5000)
      socket.once('connect', () => {
        clearTimeout(timer)
        resolve(new TelnetClient(socket))
      })
      socket.once('error', reject)
    })
  }

  private wake(): void {
    for (const w of this.waiters.splice(0)) w()
  }

  waitFor(text: string, timeoutMs = 5000): Promise<string> {
    return new Promise((resolve, reject) => {
      const timer = setTimeout(
        () =>
          reject(
            new Error(
              `timeout waiting for ${JSON.stringify(text)}; got ${JSON.stringify(this.output.slice(this.mark))}`,
            ),
          ),
        timeoutMs,
      )
      const check = () => {
        const fresh = this.output.slice(this.mark)
        const index = fresh.indexOf(text)
        if (index !== -1) {
          clearTimeout(timer)
          this.mark += index + text.length
          return resolve(fresh.slice(0, index + text.length))
        }
        if (this.closed) {
          clearTimeout(timer)
          return reject(new Error(`closed; got ${JSON.stringify(fresh)}`))
        }
        this.waiters.push(check)
      }
      check()
    })
  }

  /** Sends a line the way a telnet client does in character mode: CR NUL. */
  async run(line: string, prompt: string): Promise<string> {
    this.socket.write(`${line}\r\0`, 'latin1')
    return this.waitFor(prompt)
  }

  send(text: string): void {
    this.socket.write(text, 'latin1')
  }

  close(): void {
    this.socket.destroy()
  }
}
