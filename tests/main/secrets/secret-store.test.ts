import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto'
import { existsSync, readFileSync, statSync } from 'node:fs'
import { afterEach, describe, expect, it } from 'vitest'
import { type Encryptor, SecretStore } from '../../../src/main/secrets/secret-store'
import { makeTempDir } from '../../support/temp-dir'

/** Stands in for the OS keychain behind safeStorage: real AES-GCM with a key that never touches disk. */
function aesEncryptor(available = true): Encryptor {
  const key = randomBytes(32)
  return {
    isEncryptionAvailable: () => available,
    encryptString: (plain) => {
      const iv = randomBytes(12)
      const c = createCipheriv('aes-256-gcm', key, iv)
      const body = Buffer.concat([c.update(plain, 'utf8'), c.final()])
      return Buffer.concat([iv, c.getAuthTag(), body])
    },
    decryptString: (cipher) => {
      const d = createDecipheriv('aes-256-gcm', key, cipher.subarray(0, 12))
      d.setAuthTag(cipher.subarray(12, 28))
      return Buffer.concat([d.update(cipher.subarray(28)), d.final()]).toString('utf8')
    },
  }
}

let temp: ReturnType<typeof makeTempDir>
afterEach(() => temp?.remove())

describe('secret store', () => {
  it('stores secrets encrypted: the file never contains them in plain text', () => {
    temp = makeTempDir()
    const store = new SecretStore(temp.path, aesEncryptor())
    expect(store.set('p1', 'password', 'Cisco123!')).toBe(true)
    expect(store.set('p1', 'enable', 'S3cr3t-enable')).toBe(true)
    expect(store.get('p1', 'password')).toBe('Cisco123!')
    expect(store.get('p1', 'enable')).toBe('S3cr3t-enable')
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
      expect(store.set('p1', 'password', 'Cisco123!')).toBe(false)
      expect(store.get('p1', 'password')).toBeUndefined()
      expect(existsSync(store.path)).toBe(false)
    }
  })

  it('forgets every secret of a profile, and survives a damaged file', () => {
    temp = makeTempDir()
    const store = new SecretStore(temp.path, aesEncryptor())
    store.set('p1', 'password', 'a')
    store.set('p2', 'password', 'b')
    store.forget('p1')
    expect(store.has('p1', 'password')).toBe(false)
    expect(store.get('p2', 'password')).toBe('b')
  })

  it('a ciphertext from another keychain does not decrypt', () => {
    temp = makeTempDir()
    new SecretStore(temp.path, aesEncryptor()).set('p1', 'password', 'x')
    expect(new SecretStore(temp.path, aesEncryptor()).get('p1', 'password')).toBeUndefined()
  })
})
