/**
 * The SSH transport and the driver against Debian's OpenSSH server: a server this project did not write,
 * with a PTY and a user whose session is the scripted ASA-like CLI.
 */
import { execFileSync } from 'node:child_process'
import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, afterEach, describe, expect, it, vi } from 'vitest'
import { DeviceDriver } from '../../../src/main/device/driver'
import { TransportError } from '../../../src/main/transports/channel'
import { dhFallbackUseCount, simulateMissingDhGroups } from '../../../src/main/transports/dh-group-fallback'
import { HostKeyTrust } from '../../../src/main/transports/host-key-trust'
import { connectSsh, type SshChannel } from '../../../src/main/transports/ssh-transport'
import { hasOpenSsh, type OpenSsh, startOpenSsh } from '../../support/openssh'
import { makeTempDir } from '../../support/temp-dir'

describe.skipIf(!hasOpenSsh)('SSH against a real OpenSSH server', () => {
  const tmp = makeTempDir()
  let server: OpenSsh | undefined
  let channel: SshChannel | undefined
  let n = 0
  afterEach(async () => {
    await channel?.close()
    channel = undefined
    await server?.stop()
    server = undefined
  })
  afterAll(() => tmp.remove())

  const trustFile = () => join(tmp.path, `known_hosts-${++n}`)

  it('verifies the host key (fingerprint as ssh-keygen prints it), logs in with a key and drives the CLI', async () => {
    server = await startOpenSsh({ secret: 'real-sshd-secret' })
    const asked: string[] = []
    channel = await connectSsh({
      host: '127.0.0.1',
      port: server.port,
      username: server.username,
      privateKey: server.userKey,
      trust: new HostKeyTrust({ storeFile: trustFile(), readOnlyFiles: [] }),
      askHostKey: async (info) => {
        asked.push(info.fingerprint)
        return true
      },
    })
    const pubFile = join(server.dir, 'host_ed25519.pub')
    expect(execFileSync('ssh-keygen', ['-l', '-E', 'sha256', '-f', pubFile]).toString()).toContain(asked[0])
    expect(channel.serverIdent).toMatch(/^SSH-2\.0-OpenSSH_/)

    const driver = new DeviceDriver(channel, { credentials: { secret: 'real-sshd-secret' }, promptTimeoutMs: 15_000 })
    expect(await driver.open()).toMatchObject({ hostname: 'ciscoasa', mode: 'user' })
    await driver.enable()
    const version = await driver.run('show version')
    expect(version.output).toMatch(/^Cisco Adaptive Security Appliance Software Version 9\.8\(4\)10\n/)
    expect(version.output).not.toMatch(/\r|More/)
    expect(await driver.disablePaging()).toBe('terminal pager 0')
    const size = await driver.run('show terminal')
    expect(size.output).toBe('Width = 200, Height = 48\n')
    channel.resize(120, 30)
    await vi.waitFor(async () => expect((await driver.run('show terminal')).output).toBe('Width = 120, Height = 30\n'))
    driver.dispose()
  })

  it('trusts a key recorded by ssh-keyscan and hashed by ssh-keygen -H, without asking', async () => {
    server = await startOpenSsh()
    const file = join(tmp.path, 'user_known_hosts')
    const scanned = execFileSync('ssh-keyscan', ['-p', String(server.port), '-t', 'ed25519', '127.0.0.1'], {
      stdio: ['ignore', 'pipe', 'ignore'],
    }).toString()
    writeFileSync(file, scanned)
    execFileSync('ssh-keygen', ['-H', '-f', file], { stdio: 'ignore' })
    const ask = vi.fn(async () => false)
    channel = await connectSsh({
      host: '127.0.0.1',
      port: server.port,
      username: server.username,
      privateKey: server.userKey,
      trust: new HostKeyTrust({ storeFile: trustFile(), readOnlyFiles: [file] }),
      askHostKey: ask,
    })
    expect(ask).not.toHaveBeenCalled()
  })

  it('reaches a legacy-only sshd (group1, ssh-rsa, aes128-cbc, hmac-sha1) only with --legacy, also via the published group', async () => {
    server = await startOpenSsh({ legacyOnly: true })
    const options = {
      host: '127.0.0.1',
      port: server.port,
      username: server.username,
      privateKey: server.userKey,
      askHostKey: async () => true,
    }
    const refused = await connectSsh({
      ...options,
      trust: new HostKeyTrust({ storeFile: trustFile(), readOnlyFiles: [] }),
    }).catch((e: unknown) => e)
    expect(refused).toBeInstanceOf(TransportError)
    expect((refused as TransportError).code).toBe('noMatchingAlgorithm')

    channel = await connectSsh({
      ...options,
      legacy: true,
      trust: new HostKeyTrust({ storeFile: trustFile(), readOnlyFiles: [] }),
    })
    expect(channel.negotiated).toEqual({
      kex: 'diffie-hellman-group1-sha1',
      serverHostKey: 'ssh-rsa',
      cipher: 'aes128-cbc',
      hmac: 'hmac-sha1',
    })
    await channel.close()

    const before = dhFallbackUseCount()
    const restore = simulateMissingDhGroups(['modp2'])
    try {
      channel = await connectSsh({
        ...options,
        legacy: true,
        trust: new HostKeyTrust({ storeFile: trustFile(), readOnlyFiles: [] }),
      })
    } finally {
      restore()
    }
    expect(dhFallbackUseCount()).toBe(before + 1)
    const driver = new DeviceDriver(channel, { credentials: {}, promptTimeoutMs: 15_000 })
    expect(await driver.open()).toMatchObject({ hostname: 'ciscoasa' })
    driver.dispose()
  })
})
