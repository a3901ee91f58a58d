/** Electron's safeStorage as the secret store's encryptor (OS keychain: Keychain, DPAPI, libsecret/kwallet). */
import { safeStorage } from 'electron'
import type { Encryptor } from './secret-store'

export function electronEncryptor(): Encryptor {
  return {
    // On Linux without a keyring, 'basic_text' is a hard-coded key: that is not encryption, so refuse it.
    isEncryptionAvailable: () =>
      safeStorage.isEncryptionAvailable() &&
      (process.platform !== 'linux' || safeStorage.getSelectedStorageBackend() !== 'basic_text'),
    encryptString: (plain) => safeStorage.encryptString(plain),
    decryptString: (cipher) => safeStorage.decryptString(cipher),
  }
}
