/**
 * Decides whether to trust a server's host key. Keys the user accepted live in Unmask's own known_hosts
 * file; the user's ~/.ssh/known_hosts (and any other file given) is read too, never written. An unknown
 * key goes to `ask` (the app shows a dialog, the CLI needs --accept-new-host-key); a changed or revoked
 * key stops the connection whatever `ask` would say.
 */
import { appendFileSync, existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs'
import { homedir } from 'node:os'
import { dirname, join } from 'node:path'
import { TransportError } from './channel'
import {
  entryMatchesHost,
  formatKnownHostLine,
  type KnownHostEntry,
  keyTypeOf,
  parseKnownHosts,
  sha256Fingerprint,
} from './known-hosts'

export interface HostKeyInfo {
  host: string
  port: number
  keyType: string
  fingerprint: string
}

export type HostKeyVerdict =
  | { status: 'trusted'; info: HostKeyInfo; origin: string }
  | { status: 'unknown'; info: HostKeyInfo }
  | { status: 'changed'; info: HostKeyInfo; previous: Array<{ fingerprint: string; keyType: string; origin: string }> }
  | { status: 'revoked'; info: HostKeyInfo; origin: string }

/** Asked about an unknown key; resolves true only if the user accepted it. */
export type AskHostKey = (info: HostKeyInfo) => Promise<boolean>

export interface HostKeyTrustOptions {
  /** Unmask's own file (written on acceptance). */
  storeFile: string
  /** Read-only files, default ~/.ssh/known_hosts. */
  readOnlyFiles?: string[]
}

export function defaultUserKnownHosts(): string {
  return join(homedir(), '.ssh', 'known_hosts')
}

export class HostKeyTrust {
  readonly storeFile: string
  private readonly readOnlyFiles: string[]

  constructor(options: HostKeyTrustOptions) {
    this.storeFile = options.storeFile
    this.readOnlyFiles = options.readOnlyFiles ?? [defaultUserKnownHosts()]
  }

  check(host: string, port: number, key: Buffer): HostKeyVerdict {
    const info: HostKeyInfo = { host, port, keyType: keyTypeOf(key), fingerprint: sha256Fingerprint(key) }
    const entries = this.entries().filter((e) => entryMatchesHost(e, host, port))
    const revoked = entries.find((e) => e.marker === 'revoked' && e.key.equals(key))
    if (revoked) return { status: 'revoked', info, origin: revoked.origin }
    const plain = entries.filter((e) => !e.marker)
    const same = plain.find((e) => e.key.equals(key))
    if (same) return { status: 'trusted', info, origin: same.origin }
    // Any other stored key for this name means the key changed, whatever its type: a different type must not
    // pass as "unknown", or --accept-new-host-key (or the first-time dialog) would accept an RSA key where an
    // ed25519 key was known. Negotiation prefers the known types (knownKeyTypes), as OpenSSH does, so an
    // honest server that has both keys presents the known one.
    if (plain.length > 0) {
      const previous = plain.map((e) => ({
        fingerprint: sha256Fingerprint(e.key),
        keyType: e.keyType,
        origin: e.origin,
      }))
      return { status: 'changed', info, previous }
    }
    return { status: 'unknown', info }
  }

  /** Key types stored for this host (plain entries only), in file order: negotiation offers these first. */
  knownKeyTypes(host: string, port: number): string[] {
    const types = this.entries()
      .filter((e) => !e.marker && entryMatchesHost(e, host, port))
      .map((e) => e.keyType)
    return [...new Set(types)]
  }

  /** Records an accepted key in the store file (created with mode 0600). */
  remember(host: string, port: number, key: Buffer): void {
    mkdirSync(dirname(this.storeFile), { recursive: true, mode: 0o700 })
    appendFileSync(this.storeFile, `${formatKnownHostLine(host, port, key)}\n`, { mode: 0o600 })
  }

  /**
   * The whole decision: resolves when the key is trusted (asking and remembering if unknown), rejects with
   * a TransportError (hostKeyChanged, hostKeyRevoked, hostKeyRejected, hostKeyUnknown) otherwise.
   */
  async verify(host: string, port: number, key: Buffer, ask?: AskHostKey): Promise<HostKeyVerdict> {
    const verdict = this.check(host, port, key)
    const { info } = verdict
    switch (verdict.status) {
      case 'trusted':
        return verdict
      case 'revoked':
        throw new TransportError('hostKeyRevoked', {
          host,
          port,
          fingerprint: info.fingerprint,
          origin: verdict.origin,
        })
      case 'changed':
        throw new TransportError('hostKeyChanged', {
          host,
          port,
          keyType: info.keyType,
          fingerprint: info.fingerprint,
          previous: verdict.previous.map((p) => `${p.keyType} ${p.fingerprint}`).join(', '),
          origin: verdict.previous.map((p) => p.origin).join(', '),
        })
      case 'unknown': {
        if (!ask)
          throw new TransportError('hostKeyUnknown', {
            host,
            port,
            keyType: info.keyType,
            fingerprint: info.fingerprint,
          })
        const accepted = await ask(info)
        if (!accepted) {
          throw new TransportError('hostKeyRejected', {
            host,
            port,
            keyType: info.keyType,
            fingerprint: info.fingerprint,
          })
        }
        this.remember(host, port, key)
        return verdict
      }
    }
  }

  /**
   * Replacing a changed key, after the user verified the new one (the app's changed-key dialog): removes the
   * entries of Unmask's own file that hold the old key for this host, so the next connection asks about the new key
   * as a first-time key. Entries in read-only files (~/.ssh/known_hosts) are never touched: their origins come back
   * so the user can be told where to remove them. The file is rewritten whole (temp file + rename, mode 0600).
   */
  forget(host: string, port: number, fingerprint: string): { removed: number; readOnly: string[] } {
    const matches = (line: string) => {
      const [entry] = parseKnownHosts(line)
      return (
        entry !== undefined &&
        !entry.marker &&
        entryMatchesHost(entry, host, port) &&
        sha256Fingerprint(entry.key) === fingerprint
      )
    }
    let removed = 0
    if (existsSync(this.storeFile)) {
      const lines = readFileSync(this.storeFile, 'utf8').split(/\r?\n/)
      const kept = lines.filter((line) => !matches(line))
      removed = lines.length - kept.length
      if (removed > 0) {
        const temp = `${this.storeFile}.tmp`
        writeFileSync(temp, kept.join('\n'), { mode: 0o600 })
        renameSync(temp, this.storeFile)
      }
    }
    const readOnly = this.readOnlyFiles
      .filter((file) => existsSync(file))
      .flatMap((file) => {
        try {
          return parseKnownHosts(readFileSync(file, 'utf8'), file)
        } catch {
          return []
        }
      })
      .filter((e) => !e.marker && entryMatchesHost(e, host, port) && sha256Fingerprint(e.key) === fingerprint)
      .map((e) => e.origin)
    return { removed, readOnly }
  }

  private entries(): KnownHostEntry[] {
    const out: KnownHostEntry[] = []
    for (const file of [this.storeFile, ...this.readOnlyFiles]) {
      if (!existsSync(file)) continue
      try {
        out.push(...parseKnownHosts(readFileSync(file, 'utf8'), file))
      } catch {
        // An unreadable file is treated as empty: the user is then asked, which is the safe side.
      }
    }
    return out
  }
}
