/**
 * Remediation on one live device session: read → preview (token) → apply (token + typed hostname) → verify →
 * save (a second, separate confirmation) or undo (the same flow with the undo lines). The only code in Unmask that
 * sends configuration. Refusals come back as data; every step goes into the case journal with its time and who
 * confirmed it.
 */
import type { Translate } from '../../shared/i18n'
import { JOURNAL } from '../../shared/journal/events'
import type { Remedy } from '../../shared/remedies/types'
import { runApply } from './apply'
import type { DeviceLink } from './device-link'
import type { FixJournal } from './fix-journal'
import { linesHash } from './hash'
import { type PrecheckOptions, runPrechecks } from './prechecks'
import { refusal } from './refusal'
import { runSave } from './save'
import { SaveGate } from './save-gate'
import { readSnapshot } from './snapshot'
import { deviceKey, type StepContext } from './step-context'
import { TokenBook } from './token'
import type {
  ApplyResult,
  DeviceSnapshot,
  FixPlan,
  Preview,
  Refusal,
  RefusalCode,
  SaveResult,
  SentLine,
  VerifyResult,
} from './types'
import { type ProbeRun, runVerify, type VerifyProbe } from './verify'

export interface RemediationRunOptions {
  link: DeviceLink
  journal: FixJournal
  t: Translate
  tokens?: TokenBook
  /** Told of each configuration line right after it is journalled (live progress). */
  onLine?: (line: SentLine) => void
}

export interface ApplyRequest {
  token: string
  /** The device's hostname as the user typed it. */
  typedHostname: string
  /** Who confirmed (the engineer's name). */
  confirmedBy: string
}

/**
 * Owns the run's state (the device as last read, the unspent previews, the last apply); the steps get a read-only
 * StepContext and return what changed.
 */
export class RemediationRun {
  private readonly tokens: TokenBook
  private current: DeviceSnapshot | null = null
  /** The previews whose tokens are still unspent, by token. */
  private readonly pending = new Map<string, { preview: Preview; remedy: Remedy }>()
  /** A save token only after a change of this run was verified (issue 14). */
  private readonly saveGate = new SaveGate()
  /** The last apply that sent at least one line: what undo takes back. */
  private lastApplied: { remedy: Remedy; plan: FixPlan } | null = null

  constructor(private readonly options: RemediationRunOptions) {
    this.tokens = options.tokens ?? new TokenBook()
  }

  get link(): DeviceLink {
    return this.options.link
  }

  private get journal(): FixJournal {
    return this.options.journal
  }

  /** The device as last read (null before the first read). */
  get snapshot(): DeviceSnapshot | null {
    return this.current
  }

  private context(): StepContext {
    const { link, journal, onLine } = this.options
    return { link, journal, onLine, tokens: this.tokens, snapshot: this.current }
  }

  /** Reads the device (identity, context, failover, running-config, counters) and journals each output. */
  async read(): Promise<DeviceSnapshot> {
    const snapshot = await readSnapshot(this.link.driver, this.link.versionText)
    for (const o of snapshot.outputs)
      this.journal.append(JOURNAL.deviceOutput, { device: snapshot.hostname, command: o.command, output: o.output })
    this.current = snapshot
    return snapshot
  }

  /**
   * Multiple-context mode: moves the session into the context the plan is for (`changeto context NAME`). Navigation
   * only, no configuration; false when the platform has no contexts or the device refused.
   */
  async enterContext(name: string): Promise<boolean> {
    const contexts = this.link.driver.profile.contexts
    if (!contexts || !/^[\w.-]+$/.test(name)) return false
    const r = await this.link.driver.run(contexts.changeTo(name))
    this.journal.append(JOURNAL.deviceOutput, {
      device: this.current?.hostname ?? '',
      command: r.command,
      output: r.output,
    })
    return !r.failed && this.link.driver.prompt?.context === name
  }

  preview(remedy: Remedy, options: PrecheckOptions = {}): Promise<Preview> {
    const plan: FixPlan = {
      kind: 'apply',
      remedyId: remedy.id,
      lines: remedy.commands,
      undo: remedy.undo,
      impactKey: remedy.impactKey,
      params: remedy.params,
    }
    return this.issue(plan, remedy, options)
  }

  /** The undo of the last apply, as a plan of its own with its own token. */
  async previewUndo(options: PrecheckOptions = {}): Promise<Preview | Refusal> {
    const last = this.lastApplied
    if (!last) return refusal('nothingApplied')
    const plan: FixPlan = {
      kind: 'undo',
      remedyId: last.remedy.id,
      lines: last.plan.undo,
      undo: last.plan.lines,
      impactKey: last.remedy.impactKey,
      params: last.remedy.params,
    }
    return this.issue(plan, last.remedy, options)
  }

  private async issue(plan: FixPlan, remedy: Remedy, options: PrecheckOptions): Promise<Preview> {
    const snapshot = await this.read()
    const checks = runPrechecks(snapshot, remedy, options)
    const passed = checks.every((c) => c.passed)
    const hash = linesHash(plan.lines)
    const issuedAt = new Date().toISOString()
    let token: string | null = null
    let expiresAt: string | null = null
    if (passed) {
      const issued = this.tokens.issue({
        device: deviceKey(this.link, snapshot),
        kind: plan.kind,
        planId: plan.remedyId,
        linesHash: hash,
        configHash: snapshot.configHash,
      })
      token = issued.token
      expiresAt = new Date(issued.expiresAt).toISOString()
    }
    const { hostname, platform, version, context, prompt } = snapshot
    const preview: Preview = {
      plan,
      device: { hostname, platform, version, context, prompt },
      checks,
      token,
      linesHash: hash,
      configHash: snapshot.configHash,
      issuedAt,
      expiresAt,
    }
    if (token) this.pending.set(token, { preview, remedy })
    // The token itself is a capability: it is never written down.
    this.journal.append(JOURNAL.fixPreview, {
      device: hostname,
      kind: plan.kind,
      remedyId: plan.remedyId,
      lines: plan.lines.map((l) => l.command),
      modes: plan.lines.map((l) => l.mode),
      undoLines: plan.undo.map((l) => l.command),
      checks: checks.map((c) => ({ id: c.id, passed: c.passed, key: c.key, params: c.params })),
      allowed: passed,
      linesSha256: hash,
      configSha256: snapshot.configHash,
    })
    return preview
  }

  async apply(request: ApplyRequest): Promise<ApplyResult | Refusal> {
    const snapshot = this.current
    const refuse = (code: RefusalCode, params: Record<string, string> = {}): Refusal => {
      this.journal.append(JOURNAL.fixRefused, {
        device: snapshot?.hostname ?? '',
        code,
        params,
        confirmedBy: request.confirmedBy,
      })
      return refusal(code, params)
    }
    if (!snapshot) return refuse('tokenUnknown')
    // The session may have moved (someone typed `changeto` in the shared terminal): the live prompt decides.
    const liveContext = this.link.driver.prompt?.context ?? (snapshot.context === 'system' ? 'system' : null)
    const key =
      liveContext === snapshot.context ? deviceKey(this.link, snapshot) : `${this.link.peer}|moved|${liveContext}`
    const redeemed = this.tokens.redeem(request.token, key)
    const pending = this.pending.get(request.token)
    this.pending.delete(request.token)
    if (!redeemed.ok) return refuse(redeemed.code)
    if (!pending || linesHash(pending.preview.plan.lines) !== redeemed.binding.linesHash) return refuse('tokenUnknown')
    if (!request.confirmedBy.trim()) return refuse('noConfirmer')
    if (request.typedHostname.trim() !== snapshot.hostname)
      return refuse('hostnameMismatch', { typed: request.typedHostname.trim(), hostname: snapshot.hostname })
    const { preview, remedy } = pending
    const result = await runApply(this.context(), preview, redeemed.binding.configHash, request, refuse)
    if (!result.refused && result.sent.length > 0) this.saveGate.changed(result.outcome)
    if (!result.refused && result.sent.length > 0 && preview.plan.kind === 'apply')
      this.lastApplied = { remedy, plan: preview.plan }
    return result
  }

  async verify(remedy: Remedy, probes: VerifyProbe[], probeRun?: ProbeRun): Promise<VerifyResult> {
    const { result, snapshot } = await runVerify(this.context(), this.options.t, remedy, probes, probeRun)
    this.current = snapshot
    this.saveGate.verified()
    return result
  }

  /** The second confirmation: a token for `write memory` alone, asked for after the change was verified. */
  requestSave(): { token: string } | Refusal {
    const snapshot = this.current
    if (!snapshot) return refusal('nothingApplied')
    if (!this.saveGate.open) return refusal('notVerified')
    const { token } = this.tokens.issue({
      device: deviceKey(this.link, snapshot),
      kind: 'save',
      planId: 'write-memory',
      linesHash: '',
      configHash: '',
    })
    this.saveGate.grant(token)
    return { token }
  }

  save(token: string, confirmedBy: string): Promise<SaveResult | Refusal> {
    const notVerified = this.saveGate.refusal(token)
    if (notVerified) {
      const device = this.current?.hostname ?? ''
      this.journal.append(JOURNAL.fixRefused, { device, code: notVerified, params: {}, confirmedBy, step: 'save' })
      return Promise.resolve(refusal(notVerified))
    }
    return runSave(this.context(), token, confirmedBy)
  }

  /** Records that the user chose not to save (the change stays in the running-config only). */
  declineSave(confirmedBy: string): void {
    this.journal.append(JOURNAL.fixSaved, { device: this.current?.hostname ?? '', saved: false, confirmedBy })
  }
}
