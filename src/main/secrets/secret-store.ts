/**
 * Device passwords and enable secrets, encrypted by the OS keychain (Electron's safeStorage, injected as an
 * `Encryptor`) and kept in <home>/secrets.json as base64 ciphertext. When the OS offers no encryption,
 * nothing is stored and the app asks each time: a secret never lands on disk in plain text.
 */
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs'
import { dirname, join } from 'node:path'

export interface Encryptor {
  isEncryptionAvailable(): boolean
  encryptString(plain: string): Buffer
  decryptString(cipher: Buffer): string
}

export type SecretKind = 'password' | 'enable'

export class SecretStore {
  readonly path: string

  constructor(
    home: string,
    private readonly encryptor: Encryptor | null,
  ) {
    this.path = join(home, 'secrets.json')
  }

  get canStore(): boolean {
    return this.encryptor?.isEncryptionAvailable() === true
  }

  /** Returns false (and stores nothing) when encryption is unavailable. */
  set(profileId: string, kind: SecretKind, value: string): boolean {
    if (!this.canStore || !this.encryptor) return false
    const all = this.readAll()
    all[key(profileId, kind)] = this.encryptor.encryptString(value).toString('base64')
    this.writeAll(all)
    return true
  }

  get(profileId: string, kind: SecretKind): string | undefined {
    if (!this.canStore || !this.encryptor) return undefined
    const cipher = this.readAll()[key(profileId, kind)]
    if (cipher === undefined) return undefined
    try {
      return this.encryptor.decryptString(Buffer.from(cipher, 'base64'))
    } catch {
      return undefined
    }
  }

  has(profileId: string, kind: SecretKind): boolean {
    return this.readAll()[key(profileId, kind)] !== undefined
  }

  forget(profileId: string): void {
    const all = this.readAll()
    for (const k of Object.keys(all)) if (k.startsWith(`${profileId}:`)) delete all[k]
    this.writeAll(all)
  }

  private readAll(): Record<string, string> {
    try {
      const value = JSON.parse(readFileSync(this.path, 'utf8')) as unknown
      if (typeof value !== 'object' || value === null) return {}
      return Object.fromEntries(Object.entries(value).filter(([, v]) => typeof v === 'string')) as Record<
        string,
        string
      >
    } catch {
      return {}
    }
  }

  private writeAll(all: Record<string, string>): void {
    mkdirSync(dirname(this.path), { recursive: true, mode: 0o700 })
    const temp = `${this.path}.tmp`
    writeFileSync(temp, JSON.stringify(all), { mode: 0o600 })
    renameSync(temp, this.path)
  }
}

function key(profileId: string, kind: SecretKind): string {
  return `${profileId}:${kind}`
}
