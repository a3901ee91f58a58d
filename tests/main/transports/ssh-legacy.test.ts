import { createDiffieHellmanGroup, getDiffieHellman } from 'node:crypto'
import { join } from 'node:path'
import { afterAll, afterEach, describe, expect, it } from 'vitest'
import { TransportError } from '../../../src/main/transports/channel'
import {
  dhFallbackUseCount,
  MODP2_PRIME_HEX,
  simulateMissingDhGroups,
  withPublishedGroups,
} from '../../../src/main/transports/dh-group-fallback'
import { HostKeyTrust } from '../../../src/main/transports/host-key-trust'
import { algorithmPolicy, LEGACY_KEX, MODERN_KEX } from '../../../src/main/transports/ssh-algorithms'
import { connectSsh, type SshChannel } from '../../../src/main/transports/ssh-transport'
import { generateHostKey, type SshDevice, startSshDevice } from '../../support/asa-like-cli.ssh'
import { makeTempDir } from '../../support/temp-dir'

/** What an ASA 8.x offers: nothing newer than SHA-1 and CBC. */
const OLD_ASA_ALGORITHMS = {
  kex: ['diffie-hellman-group1-sha1'],
  serverHostKey: ['ssh-rsa'],
  cipher: ['aes128-cbc', '3des-cbc'],
  hmac: ['hmac-sha1'],
} as const

describe('algorithm policy', () => {
  it('puts every legacy algorithm after every modern one, and only when asked', () => {
    const modern = algorithmPolicy(false)
    const legacy = algorithmPolicy(true)
    expect(modern.kex).toEqual(MODERN_KEX)
    expect(modern.kex).not.toContain('diffie-hellman-group1-sha1')
    expect(modern.serverHostKey).not.toContain('ssh-rsa')
    expect(modern.cipher).not.toContain('aes128-cbc')
    expect(modern.hmac).not.toContain('hmac-sha1')
    expect(legacy.kex).toEqual([...MODERN_KEX, ...LEGACY_KEX])
    expect((legacy.serverHostKey as string[]).slice(-2)).toEqual(['ssh-rsa', 'ssh-dss'])
    expect((legacy.cipher as string[]).slice(-4)).toEqual(['aes128-cbc', 'aes192-cbc', 'aes256-cbc', '3des-cbc'])
    expect((legacy.hmac as string[]).at(-1)).toBe('hmac-sha1')
  })
})

describe('published DH group fallback', () => {
  it('builds the RFC 2409 Second Oakley Group, identical to OpenSSL modp2', () => {
    const missing = () => {
      throw new Error('Unknown DH group')
    }
    const dh = withPublishedGroups(missing)('modp2')
    expect(dh.getPrime('hex').toUpperCase()).toBe(MODP2_PRIME_HEX)
    expect(dh.getPrime('hex')).toBe(getDiffieHellman('modp2').getPrime('hex'))
    expect(dh.getGenerator('hex')).toBe('02')
  })

  it('uses the native group when it exists and passes other errors on', () => {
    const native = withPublishedGroups(createDiffieHellmanGroup)('modp14')
    expect(native.getPrime('hex')).toBe(getDiffieHellman('modp14').getPrime('hex'))
    const missingOther = withPublishedGroups(() => {
      throw new Error('Unknown DH group')
    })
    expect(() => missingOther('modp14')).toThrow('Unknown DH group')
  })
})

describe('legacy SSH (an ASA 8.x that only speaks SHA-1/CBC)', () => {
  let device: SshDevice | undefined
  const channels: SshChannel[] = []
  const tmp = makeTempDir()
  afterEach(async () => {
    for (const c of channels.splice(0)) await c.close()
    await device?.close()
    device = undefined
  })
  afterAll(() => tmp.remove())

  const connect = (port: number, legacy: boolean) =>
    connectSsh({
      host: '127.0.0.1',
      port,
      username: 'admin',
      password: 'admin-pass',
      legacy,
      trust: new HostKeyTrust({ storeFile: join(tmp.path, `kh-${port}-${Math.random()}`), readOnlyFiles: [] }),
      askHostKey: async () => true,
    })

  it('is refused with the modern defaults and negotiates with the legacy switch', async () => {
    device = await startSshDevice({
      hostKey: generateHostKey('rsa'),
      algorithms: structuredClone(OLD_ASA_ALGORITHMS) as never,
    })
    const refused = await connect(device.port, false).catch((e: unknown) => e)
    expect(refused).toBeInstanceOf(TransportError)
    expect((refused as TransportError).code).toBe('noMatchingAlgorithm')

    const channel = await connect(device.port, true)
    channels.push(channel)
    expect(channel.negotiated).toEqual({
      kex: 'diffie-hellman-group1-sha1',
      serverHostKey: 'ssh-rsa',
      cipher: 'aes128-cbc',
      hmac: 'hmac-sha1',
    })
  })

  it('completes group1 with the published parameters when the runtime lacks modp2 (the Electron path)', async () => {
    device = await startSshDevice({
      hostKey: generateHostKey('rsa'),
      algorithms: structuredClone(OLD_ASA_ALGORITHMS) as never,
    })
    const before = dhFallbackUseCount()
    const restore = simulateMissingDhGroups(['modp2'])
    try {
      const channel = await connect(device.port, true)
      channels.push(channel)
      expect(channel.negotiated.kex).toBe('diffie-hellman-group1-sha1')
    } finally {
      restore()
    }
    // Both ends of this loopback handshake run in this process, so each used the fallback once.
    expect(dhFallbackUseCount() - before).toBeGreaterThanOrEqual(1)
    const unaffected = dhFallbackUseCount()
    channels.push(await connect(device.port, true))
    expect(dhFallbackUseCount()).toBe(unaffected)
  })
})
