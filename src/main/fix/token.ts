/**
 * One-time tokens: a preview earns one, apply spends it. A token is random (so it cannot be guessed or forged)
 * and only names a binding kept here in main: the device, the plan, the hash of its lines and the hash of the
 * running-config at preview time. A spent token stays known as spent, so a second use is told apart from a forgery.
 */
import { randomBytes, timingSafeEqual } from 'node:crypto'
import type { PlanKind, RefusalCode } from './types'

export interface TokenBinding {
  /** Which device and session: peer, hostname and context. */
  device: string
  kind: PlanKind | 'save'
  planId: string
  linesHash: string
  configHash: string
}

interface Issued {
  binding: TokenBinding
  expiresAt: number
}

export type Redeemed = { ok: true; binding: TokenBinding } | { ok: false; code: RefusalCode }

const TOKEN = /^[A-Za-z0-9_-]{43}$/

export class TokenBook {
  private readonly live = new Map<string, Issued>()
  private readonly spent = new Set<string>()

  constructor(
    private readonly ttlMs = 15 * 60_000,
    private readonly now: () => number = Date.now,
  ) {}

  issue(binding: TokenBinding): { token: string; expiresAt: number } {
    const token = randomBytes(32).toString('base64url')
    const expiresAt = this.now() + this.ttlMs
    this.live.set(token, { binding, expiresAt })
    return { token, expiresAt }
  }

  /** Spends the token whatever happens next: a refused apply needs a new preview. */
  redeem(token: string, device: string): Redeemed {
    if (!TOKEN.test(token)) return { ok: false, code: 'tokenUnknown' }
    if (this.spent.has(token)) return { ok: false, code: 'tokenUsed' }
    const key = this.find(token)
    if (!key) return { ok: false, code: 'tokenUnknown' }
    const issued = this.live.get(key)!
    this.live.delete(key)
    this.spent.add(key)
    if (issued.expiresAt < this.now()) return { ok: false, code: 'tokenExpired' }
    if (issued.binding.device !== device) return { ok: false, code: 'tokenWrongDevice' }
    return { ok: true, binding: issued.binding }
  }

  /** Looks the token up in constant time per entry, so timing does not reveal a near miss. */
  private find(token: string): string | undefined {
    const wanted = Buffer.from(token)
    let hit: string | undefined
    for (const key of this.live.keys()) {
      const candidate = Buffer.from(key)
      if (candidate.length === wanted.length && timingSafeEqual(candidate, wanted)) hit = key
    }
    return hit
  }
}
