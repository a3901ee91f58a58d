/**
 * SSH to a firewall: an interactive PTY shell, never `exec` (ASA and PIX hang or refuse on exec
 * channels). Host keys go through HostKeyTrust before authentication; algorithms follow ssh-algorithms.ts.
 */
import { type Socket, connect as tcpConnect } from 'node:net'
import type { Client, ClientChannel } from 'ssh2'
import { type ByteChannel, ChannelEnd, DataListeners, TransportError } from './channel'
import type { AskHostKey, HostKeyTrust } from './host-key-trust'
import { algorithmPolicy } from './ssh-algorithms'
import { ssh2 } from './ssh2-loader'

export interface SshOptions {
  host: string
  port?: number
  username: string
  password?: string
  privateKey?: string | Buffer
  passphrase?: string
  /** Append the legacy algorithms old PIX/ASA images need (see ssh-algorithms.ts). */
  legacy?: boolean
  trust: HostKeyTrust
  /** Asked about unknown keys; without it an unknown key fails with `hostKeyUnknown`. */
  askHostKey?: AskHostKey
  term?: string
  cols?: number
  rows?: number
  /** TCP connect + SSH handshake + authentication, together. */
  timeoutMs?: number
  keepaliveIntervalMs?: number
  keepaliveCountMax?: number
}

export interface SshChannel extends ByteChannel {
  readonly kind: 'ssh'
  /** The server's identification line, e.g. `SSH-2.0-Cisco-1.25`. */
  readonly serverIdent: string
  readonly negotiated: { kex: string; serverHostKey: string; cipher: string; hmac: string }
}

const DEFAULT_TIMEOUT_MS = 20_000

export function connectSsh(options: SshOptions): Promise<SshChannel> {
  const port = options.port ?? 22
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS
  const peer = `ssh://${options.username}@${options.host}:${port}`
  const { Client: SshClient } = ssh2()
  return new Promise((resolve, reject) => {
    const client = new SshClient()
    let settled = false
    let hostKeyError: Error | undefined
    let banner = ''
    const negotiated = { kex: '', serverHostKey: '', cipher: '', hmac: '' }

    const fail = (error: Error): void => {
      if (settled) return
      settled = true
      clearTimeout(timer)
      client.end()
      socket.destroy()
      reject(error)
    }
    const timer = setTimeout(() => fail(new TransportError('timeout', { peer, ms: timeoutMs })), timeoutMs)

    // An interactive CLI: every line must leave at once, not wait for Nagle's algorithm (as OpenSSH does for a tty).
    const socket: Socket = tcpConnect({ host: options.host, port, noDelay: true })
    // The identification line is read here too: ssh2 only says "Invalid identification string" for SSH-1.
    const sniff = (chunk: Buffer): void => {
      banner += chunk.toString('latin1')
      if (banner.includes('\n') || banner.length > 512) socket.off('data', sniff)
    }
    socket.on('data', sniff)
    socket.once('error', (error) => fail(new TransportError('connectFailed', { peer, reason: error.message })))

    client.on('handshake', (info) => {
      negotiated.kex = info.kex
      negotiated.serverHostKey = info.serverHostKey
      negotiated.cipher = info.cs.cipher
      negotiated.hmac = info.cs.mac
    })
    client.on('keyboard-interactive', (_name, _instructions, _lang, prompts, finish) => {
      // ASA and OpenSSH ask "Password:" this way; any other prompt gets the password too, as OpenSSH's client does.
      finish(prompts.map(() => options.password ?? ''))
    })
    client.on('error', (error: Error & { level?: string }) => fail(classifyError(error, peer, banner, hostKeyError)))
    client.on('close', () => fail(new TransportError('closed', { peer })))
    client.on('ready', () => {
      client.shell(
        { term: options.term ?? 'vt100', cols: options.cols ?? 200, rows: options.rows ?? 48 },
        (error, stream) => {
          if (error) return fail(new TransportError('connectFailed', { peer, reason: error.message }))
          if (settled) return stream.close()
          settled = true
          clearTimeout(timer)
          const ident = banner.split(/\r?\n/).find((l) => l.startsWith('SSH-')) ?? ''
          resolve(wrapShell(client, stream, peer, ident, negotiated))
        },
      )
    })

    const algorithms = algorithmPolicy(options.legacy ?? false, options.trust.knownKeyTypes(options.host, port))
    client.connect({
      sock: socket,
      host: options.host,
      port,
      username: options.username,
      password: options.password,
      privateKey: options.privateKey,
      passphrase: options.passphrase,
      tryKeyboard: options.password !== undefined,
      algorithms,
      readyTimeout: timeoutMs,
      keepaliveInterval: options.keepaliveIntervalMs ?? 15_000,
      keepaliveCountMax: options.keepaliveCountMax ?? 3,
      hostVerifier: (key: Buffer, verify: (valid: boolean) => void) => {
        options.trust.verify(options.host, port, key, options.askHostKey).then(
          () => verify(true),
          (error: Error) => {
            hostKeyError = error
            verify(false)
          },
        )
      },
    })
  })
}

function classifyError(error: Error & { level?: string }, peer: string, banner: string, hostKeyError?: Error): Error {
  if (hostKeyError) return hostKeyError
  const ident = banner.split(/\r?\n/).find((l) => l.startsWith('SSH-')) ?? ''
  if (/^SSH-1\.(?!99)/.test(ident)) return new TransportError('sshVersion1', { peer, banner: ident.trim() })
  if (error.level === 'client-authentication') return new TransportError('authFailed', { peer })
  if (/no matching/i.test(error.message))
    return new TransportError('noMatchingAlgorithm', { peer, reason: error.message })
  if (/timed out/i.test(error.message)) return new TransportError('timeout', { peer, ms: 0 })
  return new TransportError('connectFailed', { peer, reason: error.message })
}

function wrapShell(
  client: Client,
  stream: ClientChannel,
  peer: string,
  serverIdent: string,
  negotiated: SshChannel['negotiated'],
): SshChannel {
  const data = new DataListeners()
  const end = new ChannelEnd()
  const finish = (reason?: Error): void => {
    if (end.finish(reason)) client.end()
  }
  stream.on('data', (chunk: Buffer) => data.emit(chunk))
  stream.stderr.on('data', (chunk: Buffer) => data.emit(chunk))
  stream.on('close', () => finish())
  client.on('close', () => finish())
  client.on('error', (error: Error) => finish(error))
  return {
    kind: 'ssh',
    peer,
    serverIdent,
    negotiated,
    get closed() {
      return end.closed
    },
    write: (chunk) => {
      if (!end.closed) stream.write(chunk)
    },
    onData: (listener) => data.add(listener),
    onClose: (listener) => end.onClose(listener),
    resize: (cols, rows) => {
      if (!end.closed) stream.setWindow(rows, cols, 0, 0)
    },
    close: () =>
      new Promise<void>((resolve) => {
        if (end.closed) return resolve()
        client.once('close', () => resolve())
        stream.end()
        client.end()
        setTimeout(() => {
          finish()
          resolve()
        }, 2_000).unref()
      }),
  }
}
