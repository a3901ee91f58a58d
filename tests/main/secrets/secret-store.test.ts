import { existsSync, readFileSync, statSync } from 'node:fs'
import { afterEach, describe, expect, it } from 'vitest'
import { SecretStore } from '../../../src/main/secrets/secret-store'
import type { DeviceProfile } from '../../../src/shared/profiles'
import { makeTempDir } from '../../support/temp-dir'
import { aesEncryptor } from './aes-encryptor'

const P1: DeviceProfile = {
  id: '00000000-0000-4000-8000-000000000001',
  name: 'fw1',
  transport: 'ssh',
  host: '127.0.0.1',
  port: 22,
  username: 'admin',
  legacy: false,
  backspace: 'del',
}
const P2: DeviceProfile = { ...P1, id: '00000000-0000-4000-8000-000000000002' }

let temp: ReturnType<typeof makeTempDir>
afterEach(() => temp?.remove())

describe('secret store', () => {
  it('stores secrets encrypted: the file never contains them in plain text', () => {
    temp = makeTempDir()
    const store = new SecretStore(temp.path, aesEncryptor())
    expect(store.set(P1, 'password', 'Cisco123!')).toBe(true)
    expect(store.set(P1, 'enable', 'S3cr3t-enable')).toBe(true)
    expect(store.get(P1, 'password')).toBe('Cisco123!')
    expect(store.get(P1, 'enable')).toBe('S3cr3t-enable')
    const raw = readFileSync(store.path, 'utf8')
    expect(raw).not.toContain('Cisco123!')
    expect(raw).not.toContain('S3cr3t-enable')
    expect(raw).not.toContain(Buffer.from('Cisco123!').toString('base64'))
    expect(statSync(store.path).mode & 0o077).toBe(0)
  })

  it('stores nothing at all when the OS offers no encryption', () => {
    temp = makeTempDir()
    for (const encryptor of [aesEncryptor(false), null]) {
      const store = new SecretStore(temp.path, encryptor)
      expect(store.canStore).toBe(false)
      expect(store.set(P1, 'password', 'Cisco123!')).toBe(false)
      expect(store.get(P1, 'password')).toBeUndefined()
      expect(existsSync(store.path)).toBe(false)
    }
  })

  it('forgets every secret of a profile, and survives a damaged file', () => {
    temp = makeTempDir()
    const store = new SecretStore(temp.path, aesEncryptor())
    store.set(P1, 'password', 'a')
    store.set(P2, 'password', 'b')
    store.forget(P1.id)
    expect(store.has(P1, 'password')).toBe(false)
    expect(store.get(P2, 'password')).toBe('b')
  })

  it('a ciphertext from another keychain does not decrypt', () => {
    temp = makeTempDir()
    new SecretStore(temp.path, aesEncryptor()).set(P1, 'password', 'x')
    expect(new SecretStore(temp.path, aesEncryptor()).get(P1, 'password')).toBeUndefined()
  })

  it('binds a secret to transport, host, port and user; never stores or returns one for telnet', () => {
    temp = makeTempDir()
    const store = new SecretStore(temp.path, aesEncryptor())
    store.set(P1, 'password', 'bound')
    expect(store.get({ ...P1, host: 'FW1' }, 'password')).toBeUndefined()
    expect(store.get({ ...P1, port: 2222 }, 'password')).toBeUndefined()
    expect(store.get({ ...P1, username: 'other' }, 'password')).toBeUndefined()
    expect(store.get({ ...P1, name: 'renamed', legacy: true }, 'password')).toBe('bound')
    store.keepOnlyFor({ ...P1, port: 2222 })
    expect(store.get(P1, 'password')).toBeUndefined()
    const telnet: DeviceProfile = {
      id: P2.id,
      name: 't',
      transport: 'telnet',
      host: '127.0.0.1',
      port: 23,
      backspace: 'ctrl-h',
    }
    expect(store.set(telnet, 'password', 'clear')).toBe(false)
    expect(store.get(telnet, 'password')).toBeUndefined()
  })
})
