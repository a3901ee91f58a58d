/**
 * SSH access to a simulated device (ssh2 Server): password login, a PTY shell running the device's CLI. Legacy mode
 * offers only what an ASA 8.x offers: diffie-hellman-group1-sha1, ssh-rsa, CBC ciphers and hmac-sha1.
 */
import { createHash } from 'node:crypto'
import { type Algorithms, type Connection, Server, utils } from 'ssh2'
import { type Shell, TerminalSession } from '../terminal/terminal-session'
import { loadOrCreateHostKey } from './host-keys'
import { listenOnLoopback } from './listen'

export interface SshEndpointOptions {
  deviceId: string
  stateDir: string
  credentials: { username: string; password: string }
  legacyAlgorithms: boolean
  port?: number
  /** Minutes without input before a shell session is closed (the ASA's `ssh timeout`, default 5). */
  idleMinutes?: () => number
  /** The shell and its login banner for one session. */
  openShell(username: string, from: string): { shell: Shell; greeting: string }
}

export interface SshEndpoint {
  host: '127.0.0.1'
  port: number
  /** SHA256 fingerprint as OpenSSH prints it (SHA256:base64). */
  fingerprint: string
  close(): Promise<void>
}

const LOGIN_TIMEOUT_MS = 60_000

export const LEGACY_SSH_ALGORITHMS: Algorithms = {
  kex: ['diffie-hellman-group1-sha1'],
  serverHostKey: ['ssh-rsa'],
  cipher: ['aes128-cbc', 'aes256-cbc', '3des-cbc'],
  hmac: ['hmac-sha1'],
  compress: ['none'],
}

export async function startSshEndpoint(options: SshEndpointOptions): Promise<SshEndpoint> {
  const hostKey = loadOrCreateHostKey(options.stateDir, options.deviceId)
  const clients = new Set<Connection>()
  const server = new Server(
    {
      hostKeys: [hostKey],
      // ssh2 adds the 'SSH-2.0-' prefix itself; the device's line is 'SSH-2.0-Cisco-1.25'.
      ident: 'Cisco-1.25',
      ...(options.legacyAlgorithms ? { algorithms: LEGACY_SSH_ALGORITHMS } : {}),
    },
    (client, info) => {
      clients.add(client)
      // Answer each prompt at once rather than after Nagle's wait for the client's delayed ACK (about 40 ms a
      // command on loopback): the simulated device should not be slower than the slowest link it stands in for.
      // ssh2's Connection has setNoDelay at run time; @types/ssh2 does not declare it.
      ;(client as Connection & { setNoDelay(noDelay: boolean): void }).setNoDelay(true)
      client.on('error', () => {})
      // A client that never finishes logging in is dropped, as the device would.
      const loginTimer = setTimeout(() => client.end(), LOGIN_TIMEOUT_MS)
      client.on('close', () => {
        clearTimeout(loginTimer)
        clients.delete(client)
      })
      let username = ''
      client.on('authentication', (ctx) => {
        const ok =
          ctx.method === 'password' &&
          ctx.username === options.credentials.username &&
          ctx.password === options.credentials.password
        if (ok) {
          username = ctx.username
          ctx.accept()
        } else ctx.reject(['password'])
      })
      client.on('ready', () => {
        clearTimeout(loginTimer)
        client.on('session', (acceptSession) => {
          const session = acceptSession()
          session.on('pty', (accept) => accept?.())
          session.on('window-change', (accept) => accept?.())
          session.on('env', (accept) => accept?.())
          session.on('exec', (_accept, reject) => reject?.())
          session.on('shell', (accept) => {
            const stream = accept()
            const { shell, greeting } = options.openShell(username, info.ip)
            const terminal = new TerminalSession(
              shell,
              (text) => {
                if (stream.writable) stream.write(text)
              },
              () => {
                stream.exit(0)
                stream.end()
                setTimeout(() => client.end(), 50)
              },
            )
            let idle: NodeJS.Timeout | undefined
            const arm = () => {
              clearTimeout(idle)
              idle = setTimeout(() => client.end(), (options.idleMinutes?.() ?? 5) * 60_000)
            }
            arm()
            stream.on('close', () => clearTimeout(idle))
            stream.on('data', (data: Buffer) => {
              arm()
              terminal.input(data.toString('latin1'))
            })
            stream.on('error', () => {})
            terminal.start(greeting)
          })
        })
      })
    },
  )
  const port = await listenOnLoopback(server, options.port)
  return {
    host: '127.0.0.1',
    port,
    fingerprint: fingerprintOf(hostKey),
    close: () =>
      new Promise<void>((resolve) => {
        for (const c of clients) c.end()
        server.close(() => resolve())
      }),
  }
}

function fingerprintOf(privateKey: string): string {
  const parsed = utils.parseKey(privateKey)
  if (parsed instanceof Error) return ''
  const key = Array.isArray(parsed) ? parsed[0]! : parsed
  const hash = createHash('sha256').update(key.getPublicSSH()).digest('base64').replace(/=+$/, '')
  return `SHA256:${hash}`
}
