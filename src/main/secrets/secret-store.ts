/**
 * Device passwords and enable secrets, encrypted by the OS keychain (Electron's safeStorage, injected as an
 * `Encryptor`) and kept in <home>/secrets.json as base64 ciphertext. When the OS offers no encryption,
 * nothing is stored and the app asks each time: a secret never lands on disk in plain text.
 *
 * A secret is bound to where it was typed for: the profile's transport, host, port and user (issue 14). A profile
 * edited to point elsewhere no longer finds it, and saving such a profile forgets it. Telnet carries a password in
 * clear text, so a telnet password is never remembered and never sent unless typed again.
 */
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import type { DeviceProfile } from '../../shared/profiles'

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

  /** Returns false (and stores nothing) when encryption is unavailable, or for a telnet profile. */
  set(profile: DeviceProfile, kind: SecretKind, value: string): boolean {
    if (!this.canStore || !this.encryptor || profile.transport === 'telnet') return false
    const all = this.withoutOtherBindings(this.readAll(), profile)
    all[key(profile, kind)] = this.encryptor.encryptString(value).toString('base64')
    this.writeAll(all)
    return true
  }

  /** The secret stored for this profile as it is now (same transport, host, port, user); never for telnet. */
  get(profile: DeviceProfile, kind: SecretKind): string | undefined {
    if (!this.canStore || !this.encryptor || profile.transport === 'telnet') return undefined
    const cipher = this.readAll()[key(profile, kind)]
    if (cipher === undefined) return undefined
    try {
      return this.encryptor.decryptString(Buffer.from(cipher, 'base64'))
    } catch {
      return undefined
    }
  }

  has(profile: DeviceProfile, kind: SecretKind): boolean {
    return this.readAll()[key(profile, kind)] !== undefined
  }

  forget(profileId: string): void {
    const all = this.readAll()
    for (const k of Object.keys(all)) if (k.startsWith(`${profileId}:`)) delete all[k]
    this.writeAll(all)
  }

  /** After a profile was saved: forgets its secrets stored for another transport, host, port or user. */
  keepOnlyFor(profile: DeviceProfile): void {
    const all = this.readAll()
    const kept = this.withoutOtherBindings(all, profile)
    if (Object.keys(kept).length !== Object.keys(all).length) this.writeAll(kept)
  }

  private withoutOtherBindings(all: Record<string, string>, profile: DeviceProfile): Record<string, string> {
    const mine = new Set((['password', 'enable'] as const).map((k) => key(profile, k)))
    return Object.fromEntries(Object.entries(all).filter(([k]) => !k.startsWith(`${profile.id}:`) || mine.has(k)))
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

/** `id:kind:transport|host|port|user`; host lowercased (as host keys are), serial by its device path. */
function key(profile: DeviceProfile, kind: SecretKind): string {
  const where =
    profile.transport === 'serial'
      ? `serial|${profile.serial.path}`
      : `${profile.transport}|${profile.host.toLowerCase()}|${profile.port}|${profile.username ?? ''}`
  return `${profile.id}:${kind}:${encodeURIComponent(where)}`
}
