/**
 * Issue 14, host keys: a stored key of another type for the same host is a CHANGED key (OpenSSH refuses it
 * too once the known type is preferred in negotiation, sshconnect2.c order_hostkeyalgs()); host names are
 * lowercased before hashing, lookup and storing (OpenSSH ssh.c lowercases the host in main()).
 * Against real ssh2 servers and Debian's OpenSSH on 127.0.0.1.
 */
import { readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { HostKeyTrust } from '../../../src/main/transports/host-key-trust'
import { formatKnownHostLine, sha256Fingerprint } from '../../../src/main/transports/known-hosts'
import { preferKnownHostKeys } from '../../../src/main/transports/ssh-algorithms'
import { connectSsh, type SshChannel } from '../../../src/main/transports/ssh-transport'
import { generateKeyPair } from '../../support/asa-like-cli.ssh'
import { hasOpenSsh, type OpenSsh, startOpenSsh } from '../../support/openssh'
import { makeTempDir } from '../../support/temp-dir'
import { startRecordingSshServer } from './ssh-test-server'
import { hostKeyBlob, rejection } from './transport-assertions'

describe('host keys of another type and host name case', () => {
  let tmp: ReturnType<typeof makeTempDir>
  let trust: HostKeyTrust
  const closers: Array<() => Promise<void>> = []
  beforeEach(() => {
    tmp = makeTempDir()
    trust = new HostKeyTrust({ storeFile: join(tmp.path, 'known_hosts'), readOnlyFiles: [] })
  })
  afterEach(async () => {
    for (const close of closers.splice(0)) await close()
    tmp.remove()
  })

  it('treats a stored ed25519 key and an offered RSA key as CHANGED: blocks, both fingerprints, never asks', async () => {
    const ed = hostKeyBlob(generateKeyPair('ed25519').private)
    const rsaPrivate = generateKeyPair('rsa').private
    const server = await startRecordingSshServer([rsaPrivate])
    closers.push(server.close)
    writeFileSync(trust.storeFile, `${formatKnownHostLine('127.0.0.1', server.port, ed)}\n`)
    const before = readFileSync(trust.storeFile, 'utf8')
    const ask = vi.fn(async () => true)
    const error = await rejection(
      connectSsh({ host: '127.0.0.1', port: server.port, username: 'u', password: 'pw', trust, askHostKey: ask }),
    )
    expect(error.code).toBe('hostKeyChanged')
    expect(error.params.previous).toBe(`ssh-ed25519 ${sha256Fingerprint(ed)}`)
    expect(error.params.keyType).toBe('ssh-rsa')
    expect(error.params.fingerprint).toBe(sha256Fingerprint(hostKeyBlob(rsaPrivate)))
    expect(ask).not.toHaveBeenCalled()
    expect(readFileSync(trust.storeFile, 'utf8')).toBe(before)
  })

  it('an unknown host (nothing stored) is still only "unknown", so the first-time question stays', () => {
    const rsa = hostKeyBlob(generateKeyPair('rsa').private)
    expect(trust.check('127.0.0.1', 2222, rsa).status).toBe('unknown')
    writeFileSync(trust.storeFile, `${formatKnownHostLine('127.0.0.2', 2222, rsa)}\n`)
    expect(trust.check('127.0.0.1', 2222, hostKeyBlob(generateKeyPair().private)).status).toBe('unknown')
  })

  it('offers the known key type first, so a server with ed25519 and RSA keys presents the trusted RSA key', async () => {
    const rsaPrivate = generateKeyPair('rsa').private
    const server = await startRecordingSshServer([generateKeyPair('ed25519').private, rsaPrivate])
    closers.push(server.close)
    writeFileSync(trust.storeFile, `${formatKnownHostLine('127.0.0.1', server.port, hostKeyBlob(rsaPrivate))}\n`)
    const channel: SshChannel = await connectSsh({
      host: '127.0.0.1',
      port: server.port,
      username: 'u',
      password: 'pw',
      trust,
    })
    closers.push(() => channel.close())
    expect(channel.negotiated.serverHostKey).toMatch(/^rsa-sha2-(512|256)$/)
  })

  it('keeps the policy order when nothing is known, and never adds algorithms the policy lacks', () => {
    const offered = ['ssh-ed25519', 'ecdsa-sha2-nistp256', 'rsa-sha2-512', 'rsa-sha2-256'] as const
    expect(preferKnownHostKeys([...offered], [])).toEqual([...offered])
    expect(preferKnownHostKeys([...offered], ['ssh-rsa'])).toEqual([
      'rsa-sha2-512',
      'rsa-sha2-256',
      'ssh-ed25519',
      'ecdsa-sha2-nistp256',
    ])
    expect(preferKnownHostKeys([...offered], ['ssh-dss'])).toEqual([...offered])
  })

  it('lowercases host names before hashed lookup and before storing', () => {
    const key = hostKeyBlob(generateKeyPair().private)
    // A hashed line as `ssh-keyscan -H fw1.example.net` (lowercase, as OpenSSH hashes it) writes it.
    writeFileSync(trust.storeFile, `${formatKnownHostLine('fw1.example.net', 22, key, true)}\n`)
    expect(trust.check('FW1.Example.NET', 22, key).status).toBe('trusted')
    const other = new HostKeyTrust({ storeFile: join(tmp.path, 'second'), readOnlyFiles: [] })
    other.remember('FW2.Example.NET', 2222, key)
    expect(readFileSync(other.storeFile, 'utf8')).toMatch(/^\[fw2\.example\.net\]:2222 ssh-ed25519 /)
    expect(other.check('fw2.example.net', 2222, key).status).toBe('trusted')
    // Counter-example: another name still does not match.
    expect(other.check('fw3.example.net', 2222, key).status).toBe('unknown')
  })
})

describe.skipIf(!hasOpenSsh)('host key of another type against Debian OpenSSH', () => {
  let server: OpenSsh | undefined
  const tmp = makeTempDir()
  afterEach(async () => {
    await server?.stop()
    server = undefined
  })

  it('stops with hostKeyChanged when an RSA key is stored and sshd presents its ed25519 key', async () => {
    server = await startOpenSsh()
    const trust = new HostKeyTrust({ storeFile: join(tmp.path, 'kh'), readOnlyFiles: [] })
    const storedRsa = hostKeyBlob(generateKeyPair('rsa').private)
    writeFileSync(trust.storeFile, `${formatKnownHostLine('127.0.0.1', server.port, storedRsa)}\n`)
    const ask = vi.fn(async () => true)
    const error = await rejection(
      connectSsh({
        host: '127.0.0.1',
        port: server.port,
        username: server.username,
        privateKey: server.userKey,
        trust,
        askHostKey: ask,
      }),
    )
    expect(error.code).toBe('hostKeyChanged')
    expect(error.params.previous).toBe(`ssh-rsa ${sha256Fingerprint(storedRsa)}`)
    const served = Buffer.from((server.hostKeys[0] ?? '').split(' ')[1] ?? '', 'base64')
    expect(error.params.fingerprint).toBe(sha256Fingerprint(served))
    expect(ask).not.toHaveBeenCalled()
    tmp.remove()
  })
})
