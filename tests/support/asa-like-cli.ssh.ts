/**
 * An ssh2 Server whose shell is the scripted ASA-like CLI, on 127.0.0.1 and a free port. Exec requests
 * are refused like an ASA does, so a transport that used exec would fail here.
 */
import type { AddressInfo } from 'node:net'
import { type Connection, Server, type ServerConfig, utils } from 'ssh2'
import { AsaLikeCli, type AsaLikeCliOptions } from './asa-like-cli'

export interface SshDeviceOptions {
  cli?: AsaLikeCliOptions
  users?: Record<string, string>
  /** Offer keyboard-interactive instead of password. */
  keyboardInteractive?: boolean
  /** Public keys (OpenSSH format) accepted for publickey auth. */
  authorizedKeys?: string[]
  hostKey?: string
  algorithms?: ServerConfig['algorithms']
  ident?: string
}

export interface SshDevice {
  port: number
  hostKey: string
  clis: AsaLikeCli[]
  ptys: Array<{ cols: number; rows: number; term: string }>
  windowChanges: Array<{ cols: number; rows: number }>
  execAttempts: string[]
  close(): Promise<void>
}

/**
 * A key pair ssh2 can read back: about 1 in 700 ed25519 keys from ssh2's own generator fails its parser
 * ("Malformed OpenSSH private key"), so a pair is only returned once it parses.
 */
export function generateKeyPair(type: 'ed25519' | 'rsa' = 'ed25519'): { private: string; public: string } {
  for (;;) {
    const pair =
      type === 'rsa' ? utils.generateKeyPairSync('rsa', { bits: 2048 }) : utils.generateKeyPairSync('ed25519')
    if (!(utils.parseKey(pair.private) instanceof Error)) return pair
  }
}

export function generateHostKey(type: 'ed25519' | 'rsa' = 'ed25519'): string {
  return generateKeyPair(type).private
}

export async function startSshDevice(options: SshDeviceOptions = {}): Promise<SshDevice> {
  const hostKey = options.hostKey ?? generateHostKey()
  const users = options.users ?? { admin: 'admin-pass' }
  const allowedKeys = (options.authorizedKeys ?? []).map((k) => utils.parseKey(k))
  const device: SshDevice = {
    port: 0,
    hostKey,
    clis: [],
    ptys: [],
    windowChanges: [],
    execAttempts: [],
    close: async () => {},
  }
  const connections = new Set<Connection>()
  const server = new Server({ hostKeys: [hostKey], algorithms: options.algorithms, ident: options.ident }, (client) => {
    connections.add(client)
    client.on('error', () => {})
    client.on('close', () => connections.delete(client))
    client.on('authentication', (ctx) => {
      if (ctx.method === 'password' && !options.keyboardInteractive && users[ctx.username] === ctx.password)
        return ctx.accept()
      if (ctx.method === 'keyboard-interactive' && options.keyboardInteractive) {
        return ctx.prompt([{ prompt: 'Password: ', echo: false }], (answers) => {
          if (users[ctx.username] === answers[0]) ctx.accept()
          else ctx.reject()
        })
      }
      if (ctx.method === 'publickey') {
        const match = allowedKeys.some(
          (k) => !(k instanceof Error) && k.type === ctx.key.algo && k.getPublicSSH().equals(ctx.key.data),
        )
        if (match && !ctx.signature) return ctx.accept()
        if (match && ctx.signature && ctx.blob) {
          const key = allowedKeys.find((k) => !(k instanceof Error) && k.getPublicSSH().equals(ctx.key.data))
          if (key && !(key instanceof Error) && key.verify(ctx.blob, ctx.signature, ctx.hashAlgo)) return ctx.accept()
        }
      }
      ctx.reject(options.keyboardInteractive ? ['keyboard-interactive', 'publickey'] : ['password', 'publickey'])
    })
    client.on('ready', () => {
      client.on('session', (acceptSession) => {
        const session = acceptSession()
        session.on('pty', (accept, _reject, info) => {
          device.ptys.push({ cols: info.cols, rows: info.rows, term: info.term })
          accept?.()
        })
        session.on('window-change', (accept, _reject, info) => {
          device.windowChanges.push({ cols: info.cols, rows: info.rows })
          accept?.()
        })
        session.on('exec', (_accept, reject, info) => {
          device.execAttempts.push(info.command)
          reject?.()
        })
        session.on('shell', (accept) => {
          const stream = accept()
          const cli = new AsaLikeCli(
            (text) => stream.write(text),
            () => {
              stream.exit(0)
              stream.end()
            },
            options.cli,
          )
          device.clis.push(cli)
          stream.on('data', (data: Buffer) => cli.input(data.toString('utf8')))
        })
      })
    })
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  device.port = (server.address() as AddressInfo).port
  device.close = () =>
    new Promise<void>((resolve) => {
      for (const c of connections) c.end()
      server.close(() => resolve())
    })
  return device
}
