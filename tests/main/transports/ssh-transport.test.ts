import { existsSync, readFileSync, writeFileSync } from 'node:fs'
import { createServer, type Server } from 'node:net'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { HostKeyTrust } from '../../../src/main/transports/host-key-trust'
import { formatKnownHostLine, sha256Fingerprint } from '../../../src/main/transports/known-hosts'
import { connectSsh, type SshChannel } from '../../../src/main/transports/ssh-transport'
import { generateKeyPair, type SshDevice, startSshDevice } from '../../support/asa-like-cli.ssh'
import { makeTempDir } from '../../support/temp-dir'
import { hostKeyBlob, rejection } from './transport-assertions'

async function readUntil(channel: SshChannel, pattern: RegExp, ms = 5_000): Promise<string> {
  let text = ''
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no ${pattern} in ${JSON.stringify(text)}`)), ms)
    let done = false
    const off = channel.onData((chunk) => {
      text += chunk.toString()
      if (!done && pattern.test(text)) {
        done = true
        clearTimeout(timer)
        queueMicrotask(() => off())
        resolve(text)
      }
    })
  })
}

describe('SSH transport against an ssh2 Server device', () => {
  let tmp: ReturnType<typeof makeTempDir>
  let device: SshDevice | undefined
  const channels: SshChannel[] = []
  let trust: HostKeyTrust

  beforeEach(() => {
    tmp = makeTempDir()
    trust = new HostKeyTrust({ storeFile: join(tmp.path, 'known_hosts'), readOnlyFiles: [] })
  })
  afterEach(async () => {
    for (const c of channels.splice(0)) await c.close()
    await device?.close()
    device = undefined
    tmp.remove()
  })

  it('asks about an unknown host key, stores it as [host]:port and trusts it next time', async () => {
    device = await startSshDevice()
    const ask = vi.fn(async () => true)
    const options = { host: '127.0.0.1', port: device.port, username: 'admin', password: 'admin-pass', trust }
    const first = await connectSsh({ ...options, askHostKey: ask })
    channels.push(first)
    expect(ask).toHaveBeenCalledTimes(1)
    const info = ask.mock.calls[0] as unknown as [{ keyType: string; fingerprint: string; port: number }]
    expect(info[0]).toMatchObject({ keyType: 'ssh-ed25519', port: device.port })
    expect(info[0].fingerprint).toBe(sha256Fingerprint(hostKeyBlob(device.hostKey)))
    const stored = readFileSync(trust.storeFile, 'utf8')
    expect(stored).toMatch(new RegExp(`^\\[127\\.0\\.0\\.1\\]:${device.port} ssh-ed25519 AAAA`))
    expect(await readUntil(first, /ciscoasa> $/)).toContain("Type help or '?'")

    const again = vi.fn(async () => true)
    const second = await connectSsh({ ...options, askHostKey: again })
    channels.push(second)
    expect(again).not.toHaveBeenCalled()
    expect(device.execAttempts).toEqual([])
    expect(device.ptys[0]).toMatchObject({ term: 'vt100', cols: 200, rows: 48 })
  })

  it('resizes the PTY with a window-change request', async () => {
    device = await startSshDevice()
    const channel = await connectSsh({
      host: '127.0.0.1',
      port: device.port,
      username: 'admin',
      password: 'admin-pass',
      trust,
      askHostKey: async () => true,
    })
    channels.push(channel)
    await readUntil(channel, /> $/)
    channel.resize(132, 40)
    await vi.waitFor(() => expect(device?.windowChanges).toEqual([{ cols: 132, rows: 40 }]))
  })

  it('refuses an unknown key without a question, and a key the user rejects; nothing is stored', async () => {
    device = await startSshDevice()
    const options = { host: '127.0.0.1', port: device.port, username: 'admin', password: 'admin-pass', trust }
    const unknown = await rejection(connectSsh(options))
    expect(unknown.code).toBe('hostKeyUnknown')
    expect(unknown.params.fingerprint).toMatch(/^SHA256:[A-Za-z0-9+/]{43}$/)
    const rejected = await rejection(connectSsh({ ...options, askHostKey: async () => false }))
    expect(rejected.code).toBe('hostKeyRejected')
    expect(existsSync(trust.storeFile)).toBe(false)
  })

  it('stops on a changed host key and shows the old and new fingerprints, without asking', async () => {
    device = await startSshDevice()
    const oldKey = hostKeyBlob(startKeyOnly())
    writeFileSync(trust.storeFile, `${formatKnownHostLine('127.0.0.1', device.port, oldKey)}\n`)
    const ask = vi.fn(async () => true)
    const error = await rejection(
      connectSsh({
        host: '127.0.0.1',
        port: device.port,
        username: 'admin',
        password: 'admin-pass',
        trust,
        askHostKey: ask,
      }),
    )
    expect(error.code).toBe('hostKeyChanged')
    expect(error.params.previous).toBe(`ssh-ed25519 ${sha256Fingerprint(oldKey)}`)
    expect(error.params.fingerprint).toBe(sha256Fingerprint(hostKeyBlob(device.hostKey)))
    expect(ask).not.toHaveBeenCalled()
  })

  it('honours a hashed entry in a read-only known_hosts file (as ~/.ssh/known_hosts)', async () => {
    device = await startSshDevice()
    const userFile = join(tmp.path, 'user_known_hosts')
    writeFileSync(userFile, `${formatKnownHostLine('127.0.0.1', device.port, hostKeyBlob(device.hostKey), true)}\n`)
    const withUserFile = new HostKeyTrust({ storeFile: trust.storeFile, readOnlyFiles: [userFile] })
    const channel = await connectSsh({
      host: '127.0.0.1',
      port: device.port,
      username: 'admin',
      password: 'admin-pass',
      trust: withUserFile,
    })
    channels.push(channel)
    expect(existsSync(trust.storeFile)).toBe(false)
  })

  it('authenticates with keyboard-interactive and reports a wrong password as authFailed', async () => {
    device = await startSshDevice({ keyboardInteractive: true })
    const options = { host: '127.0.0.1', port: device.port, username: 'admin', trust, askHostKey: async () => true }
    const channel = await connectSsh({ ...options, password: 'admin-pass' })
    channels.push(channel)
    await readUntil(channel, /ciscoasa> $/)
    const error = await rejection(connectSsh({ ...options, password: 'wrong' }))
    expect(error.code).toBe('authFailed')
  })

  it('authenticates with a private key', async () => {
    const pair = generateKeyPair()
    device = await startSshDevice({ authorizedKeys: [pair.public], users: {} })
    const channel = await connectSsh({
      host: '127.0.0.1',
      port: device.port,
      username: 'netops',
      privateKey: pair.private,
      trust,
      askHostKey: async () => true,
    })
    channels.push(channel)
    expect(channel.closed).toBe(false)
    expect(await readUntil(channel, /ciscoasa> $/)).toMatch(/ciscoasa> $/)
    // The same server refuses a key it does not know: the accepted login above was the key's doing.
    const stranger = generateKeyPair()
    await expect(
      connectSsh({
        host: '127.0.0.1',
        port: device.port,
        username: 'netops',
        privateKey: stranger.private,
        trust,
        askHostKey: async () => true,
      }),
    ).rejects.toMatchObject({ code: 'authFailed' })
  })
})

describe('SSH-1-only servers (PIX 6.x)', () => {
  let server: Server | undefined
  afterEach(() => new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve())))

  it('gets a clear sshVersion1 error naming the banner', async () => {
    const tmp = makeTempDir()
    server = createServer((socket) => {
      socket.on('error', () => {})
      socket.write('SSH-1.5-Cisco-1.25\n')
      socket.on('data', () => socket.end('Protocol major versions differ.\n'))
    })
    await new Promise<void>((resolve) => server?.listen(0, '127.0.0.1', resolve))
    const port = (server.address() as { port: number }).port
    const error = await rejection(
      connectSsh({
        host: '127.0.0.1',
        port,
        username: 'pix',
        password: 'x',
        trust: new HostKeyTrust({ storeFile: join(tmp.path, 'kh'), readOnlyFiles: [] }),
        timeoutMs: 5_000,
      }),
    )
    tmp.remove()
    expect(error.code).toBe('sshVersion1')
    expect(error.params.banner).toBe('SSH-1.5-Cisco-1.25')
  })

  it('does not call an SSH-2 server that fails for another reason an SSH-1 server', async () => {
    const tmp = makeTempDir()
    server = createServer((socket) => {
      socket.on('error', () => {})
      socket.write('SSH-2.0-OpenSSH_9.2\r\n')
      setTimeout(() => socket.destroy(), 50)
    })
    await new Promise<void>((resolve) => server?.listen(0, '127.0.0.1', resolve))
    const port = (server.address() as { port: number }).port
    const error = await rejection(
      connectSsh({
        host: '127.0.0.1',
        port,
        username: 'pix',
        password: 'x',
        trust: new HostKeyTrust({ storeFile: join(tmp.path, 'kh'), readOnlyFiles: [] }),
        timeoutMs: 5_000,
      }),
    )
    tmp.remove()
    expect(error.code).not.toBe('sshVersion1')
  })
})

function startKeyOnly(): string {
  return generateKeyPair().private
}
