/**
 * Removing the guided capture's captures: in the run's finally (no new confirmation: the user confirmed the plan with
 * its removal lines), and in a later session for what a cut run left (a new device action: proposed with its lines
 * and a token, like any other). A lost session is re-opened once; whatever still cannot be removed stays open in the
 * journal (`capture.created` without `capture.removed`), so the next session on that device offers it again.
 *
 * Only captures this device still lists on the interface we created them on are offered: a name the customer took
 * since (after a reload wiped ours, say) is not ours to remove. Ours that are gone are journalled `absent`.
 */

import { aclRemoval, CONFIGURE, END } from '../../shared/capture/guided/acl-form'
import { readCaptureList } from '../../shared/capture/guided/capture-list'
import { captureLeftovers } from '../../shared/capture/guided/leftovers'
import type { CaptureRefusal, CleanupProposal, CleanupResult, RemovalOutcome } from '../../shared/capture/guided/types'
import { JOURNAL } from '../../shared/journal/events'
import type { DeviceLink } from '../fix/device-link'
import type { FixJournal } from '../fix/fix-journal'
import { linesHash } from '../fix/hash'
import type { TokenBook } from '../fix/token'
import { listedAcls, removeAcls } from './acl-steps'
import { inExecMode, removeCaptures, type StepTimeouts, typeLine } from './device-steps'

/** Ours to remove: the captures, then the ACLs they used (the access-list form); either may be empty. */
export interface Removable {
  captures: readonly string[]
  acls: readonly string[]
}

const TOKEN_CODES = ['tokenUnknown', 'tokenUsed', 'tokenExpired', 'tokenWrongDevice'] as const

/** A TokenBook refusal as the capture's own code (the book only ever answers these four). */
export function tokenRefusal(code: string): (typeof TOKEN_CODES)[number] {
  return TOKEN_CODES.find((c) => c === code) ?? 'tokenUnknown'
}

interface RemoveContext {
  runId?: string
  during: 'run' | 'cleanup'
  confirmedBy?: string
}

export class CaptureRemover {
  private readonly pending = new Map<string, { items: Removable; hash: string }>()

  constructor(
    private readonly link: DeviceLink,
    private readonly journal: FixJournal,
    private readonly tokens: TokenBook,
    private readonly timeouts: StepTimeouts,
  ) {}

  /** The device's hostname as its prompt shows it ('' on an FTD CLISH `>`, which shows none). */
  deviceName(): string {
    return this.link.driver.prompt?.hostname ?? ''
  }

  /** The device part of a token's binding. */
  deviceKey(device: string): string {
    return `${this.link.peer}|${device}|capture`
  }

  /**
   * `no capture` for each capture, then `clear configure access-list` for each ACL (a capture is gone before the ACL
   * it used), re-opening the session once when it was lost; every outcome is journalled.
   */
  async removeAll(
    items: Removable,
    ctx: RemoveContext,
  ): Promise<{ captures: RemovalOutcome[]; acls: RemovalOutcome[] }> {
    const captures = await this.remove(items.captures, ctx)
    const acls = await this.remove(items.acls, ctx, 'acl')
    return { captures, acls }
  }

  /** `no capture` (or, for `acl`, `clear configure access-list`) for each name; see removeAll. */
  async remove(
    names: readonly string[],
    ctx: RemoveContext,
    kind: 'capture' | 'acl' = 'capture',
  ): Promise<RemovalOutcome[]> {
    if (names.length === 0) return []
    const device = this.deviceName()
    const attempt = async () => {
      try {
        const steps = kind === 'acl' ? removeAcls : removeCaptures
        return await steps(this.link.driver, names, this.timeouts.lineMs)
      } catch {
        return names.map((name) => ({ name, outcome: 'unknown' as const, output: '' }))
      }
    }
    let outcomes = await attempt()
    if (outcomes.some((o) => o.outcome === 'unknown')) {
      try {
        await this.link.reconnect()
        outcomes = await attempt()
      } catch {
        // No new session: the journal keeps them open for the next one.
      }
    }
    for (const o of outcomes)
      this.journal.append(JOURNAL.captureRemoved, {
        device,
        peer: this.link.peer,
        kind,
        runId: ctx.runId,
        name: o.name,
        outcome: o.outcome,
        output: o.output,
        during: ctx.during,
        confirmedBy: ctx.confirmedBy,
      })
    return outcomes.map(({ name, outcome }) => ({ name, outcome }))
  }

  /** What earlier runs left on this device and it still lists; null when there is nothing to clean. */
  async proposeCleanup(entries: ReadonlyArray<{ type: string; data: unknown }>): Promise<CleanupProposal | null> {
    const device = this.deviceName()
    const leftovers = captureLeftovers(entries, { peer: this.link.peer, device })
    if (leftovers.length === 0 || !inExecMode(this.link.driver)) return null
    const list = await typeLine(this.link.driver, 'show capture', this.timeouts.lineMs)
    this.journal.append(JOURNAL.deviceOutput, { device, command: list.command, output: list.output })
    if (list.status !== 'ok') return null
    const listed = readCaptureList(list.output)
    // Our ACLs are read from the running-config only when a cut run left one behind.
    const aclLeft = leftovers.filter((l) => l.kind === 'acl')
    const acls = aclLeft.length > 0 ? await listedAcls(this.link.driver, this.timeouts.lineMs) : new Set<string>()
    if (!acls) return null
    const present = (l: (typeof leftovers)[number]) =>
      l.kind === 'acl'
        ? acls.has(l.name.toLowerCase())
        : listed.some((c) => c.name.toLowerCase() === l.name.toLowerCase())
    const ours = leftovers.filter((l) =>
      l.kind === 'acl'
        ? present(l)
        : listed.some((c) => c.name.toLowerCase() === l.name.toLowerCase() && c.interface === l.interface),
    )
    for (const gone of leftovers.filter((l) => !present(l)))
      this.journal.append(JOURNAL.captureRemoved, {
        device,
        peer: this.link.peer,
        kind: gone.kind,
        runId: gone.runId,
        name: gone.name,
        outcome: 'absent',
        during: 'cleanup',
      })
    if (ours.length === 0) return null
    const items: Removable = {
      captures: ours.filter((l) => l.kind === 'capture').map((l) => l.name),
      acls: ours.filter((l) => l.kind === 'acl').map((l) => l.name),
    }
    const names = [...items.captures, ...items.acls]
    const lines = [
      ...items.captures.map((n) => ({ mode: 'enable' as const, command: `no capture ${n}` })),
      ...(items.acls.length > 0 ? [CONFIGURE, ...items.acls.map(aclRemoval), END] : []),
    ]
    const hash = linesHash(lines)
    const issued = this.tokens.issue({
      device: this.deviceKey(device),
      kind: 'undo',
      planId: `capture-cleanup:${names.join(',')}`,
      linesHash: hash,
      configHash: '',
    })
    this.pending.set(issued.token, { items, hash })
    return {
      device,
      names,
      lines: lines.map((l) => l.command),
      token: issued.token,
      expiresAt: new Date(issued.expiresAt).toISOString(),
    }
  }

  async cleanup(token: string, confirmedBy: string): Promise<CleanupResult | CaptureRefusal> {
    const device = this.deviceName()
    const redeemed = this.tokens.redeem(token, this.deviceKey(device))
    const pending = this.pending.get(token)
    this.pending.delete(token)
    const refuse = (code: CaptureRefusal['code']): CaptureRefusal => {
      this.journal.append(JOURNAL.captureRefused, { device, peer: this.link.peer, code, params: {}, confirmedBy })
      return { refused: true, code, params: {} }
    }
    if (!redeemed.ok) return refuse(tokenRefusal(redeemed.code))
    if (!pending || redeemed.binding.linesHash !== pending.hash) return refuse('tokenUnknown')
    if (!confirmedBy.trim()) return refuse('noConfirmer')
    const removed = await this.removeAll(pending.items, { during: 'cleanup', confirmedBy })
    const removal = [...removed.captures, ...removed.acls]
    return {
      refused: false,
      removal,
      leftOnDevice: removal.filter((r) => r.outcome === 'failed' || r.outcome === 'unknown').map((r) => r.name),
    }
  }
}
