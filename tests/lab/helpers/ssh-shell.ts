/** An interactive SSH shell client (ssh2 Client with a PTY) for driving the lab devices the way a person would. */
import { type Algorithms, Client, type ClientChannel } from 'ssh2'

export class ShellClient {
  output = ''
  private mark = 0
  private waiters: Array<() => void> = []
  closed = false

  private constructor(
    private readonly client: Client,
    private readonly stream: ClientChannel,
  ) {
    stream.on('data', (d: Buffer) => {
      this.output += d.toString('latin1')
      this.wake()
    })
    stream.on('close', () => {
      this.closed = true
      this.wake()
    })
  }

  static open(
    port: number,
    username: string,
    password: string,
    algorithms?: Algorithms,
  ): Promise<{ shell: ShellClient; serverHostKey: Buffer | undefined }> {
    return new Promise((resolve, reject) => {
      const client = new Client()
      let serverHostKey: Buffer | undefined
      const timer = setTimeout(() => {
        client.end()
        reject(new Error('ssh timeout'))
      }, 10_000)
      client.on('error', (e) => {
        clearTimeout(timer)
        reject(e)
      })
      client.on('ready', () => {
        client.shell({ term: 'vt100', cols: 80, rows: 24 }, (err, stream) => {
          clearTimeout(timer)
          if (err) return reject(err)
          resolve({ shell: new ShellClient(client, stream), serverHostKey })
        })
      })
      client.connect({
        host: '127.0.0.1',
        port,
        username,
        password,
        readyTimeout: 10_000,
        algorithms,
        hostVerifier: (key: Buffer) => {
          serverHostKey = key
          return true
        },
      })
    })
  }

  private wake(): void {
    for (const w of this.waiters.splice(0)) w()
  }

  /** Waits for `pattern` in output written since the last wait; returns that output. */
  waitFor(pattern: RegExp | string, timeoutMs = 5000): Promise<string> {
    return new Promise((resolve, reject) => {
      const check = () => {
        const fresh = this.output.slice(this.mark)
        const index = typeof pattern === 'string' ? fresh.indexOf(pattern) : fresh.search(pattern)
        if (index !== -1) {
          const matched = typeof pattern === 'string' ? pattern.length : (fresh.match(pattern)?.[0].length ?? 0)
          this.mark += index + matched
          clearTimeout(timer)
          return resolve(fresh.slice(0, index + matched))
        }
        if (this.closed) {
          clearTimeout(timer)
          return reject(new Error(`closed; output: ${JSON.stringify(fresh)}`))
        }
        this.waiters.push(check)
      }
      const timer = setTimeout(
        () =>
          reject(new Error(`timeout waiting for ${pattern}; output: ${JSON.stringify(this.output.slice(this.mark))}`)),
        timeoutMs,
      )
      check()
    })
  }

  send(text: string): void {
    this.stream.write(text)
  }

  /** Sends a line and returns everything up to the next prompt matching `prompt`. */
  async run(line: string, prompt: RegExp | string, timeoutMs = 5000): Promise<string> {
    this.send(`${line}\r`)
    return this.waitFor(prompt, timeoutMs)
  }

  async closedByPeer(timeoutMs = 5000): Promise<void> {
    if (this.closed) return
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error('not closed')), timeoutMs)
      const check = () => {
        if (!this.closed) return void this.waiters.push(check)
        clearTimeout(timer)
        resolve()
      }
      this.waiters.push(check)
    })
  }

  close(): void {
    this.stream.destroy()
    this.client.end()
  }
}
