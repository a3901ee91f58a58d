import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto'
import type { Encryptor } from '../../../src/main/secrets/secret-store'

/** Stands in for the OS keychain behind safeStorage: real AES-GCM with a key that never touches disk. */
export function aesEncryptor(available = true): Encryptor {
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
