/**
 * The guided capture on a connected firewall (issue 21): propose two captures limited to the mail host and TCP/25
 * (src/shared/capture/guided/plan.ts) → the user confirms the exact lines (a one-time token bound to them, the fix
 * engine's TokenBook) → journal `capture.created` and type each line → probe through the firewall → read both dumps
 * back into the case (`capture.added`, which the lanes and the engine read) → ALWAYS `no capture` in a finally,
 * re-opening the session once when it was lost; what still could not be removed stays in the journal for the next
 * session's cleanup (./cleanup.ts).
 *
 * Removal needs no confirmation of its own: the removal lines are part of the plan the user confirmed, and they only
 * take back what this run created. A later cleanup of a cut run is a new device action and asks again.
 */
import { randomUUID } from 'node:crypto'
import { captureEvidence, type NamedCapture } from '../../shared/capture/evidence'
import { buildCapturePlan, type CapturePlan, type PlanResult } from '../../shared/capture/guided/plan'
import type {
  CaptureLineOutcome,
  CaptureProposal,
  CaptureRefusal,
  CaptureRefusalCode,
  CaptureRequest,
  CaptureRunResult,
  CaptureStep,
} from '../../shared/capture/guided/types'
import { hasReadableSmtp } from '../../shared/capture/read'
import { analyzeTexts } from '../../shared/diagnosis'
import { JOURNAL } from '../../shared/journal/events'
import type { ProbeResult, ProbeTarget } from '../../shared/probe/types'
import type { DeviceLink } from '../fix/device-link'
import type { FixJournal } from '../fix/fix-journal'
import { linesHash } from '../fix/hash'
import { TokenBook } from '../fix/token'
import { probe as runProbe } from '../smtp/probe'
import { listedAcls } from './acl-steps'
import { CaptureRemover, tokenRefusal } from './cleanup'
import { type CreateContext, createAcls, createCaptures } from './create-steps'
import { DEFAULT_STEP_TIMEOUTS, inExecMode, listedNames, type StepTimeouts, typeLine } from './device-steps'
import { readBackCapture } from './read-back'

export interface GuidedCaptureOptions {
  link: DeviceLink
  journal: FixJournal
  tokens?: TokenBook
  /** The probe through the firewall (default: the SMTP probe of src/main/smtp). */
  probe?: (target: ProbeTarget) => Promise<ProbeResult>
  timeouts?: Partial<StepTimeouts>
  maxDumpChars?: number
  onStep?: (step: CaptureStep, detail: string) => void
}

export interface RunRequest {
  token: string
  confirmedBy: string
  /** Where the probe connects: the mail host's address as the client side sees it, port 25 (or the lab's port). */
  probeTarget: ProbeTarget
}

interface Pending {
  runId: string
  device: string
  plan: CapturePlan
  hash: string
}

function refusal(code: CaptureRefusalCode, params: Record<string, string> = {}): CaptureRefusal {
  return { refused: true, code, params }
}

export class GuidedCapture {
  readonly tokens: TokenBook
  readonly remover: CaptureRemover
  private readonly timeouts: StepTimeouts
  private readonly pending = new Map<string, Pending>()
  /**
   * A run on this session found the device without `capture … match` (PIX/ASA 7.0): later proposals without an
   * explicit form use the access-list form (the app's panel proposes again after that result). Its plan still shows
   * every ACL line and says it changes the running-config, and still needs its own confirmation.
   */
  private accessListNeeded = false

  constructor(private readonly options: GuidedCaptureOptions) {
    this.tokens = options.tokens ?? new TokenBook()
    this.timeouts = { ...DEFAULT_STEP_TIMEOUTS, ...options.timeouts }
    this.remover = new CaptureRemover(options.link, options.journal, this.tokens, this.timeouts)
  }

  get link(): DeviceLink {
    return this.options.link
  }

  private record(device: string, command: string, output: string): void {
    this.options.journal.append(JOURNAL.deviceOutput, { device, command, output })
  }

  /** Reads the configuration and the existing captures, and plans; a ready plan gets the token that runs it. */
  async propose(request: CaptureRequest): Promise<CaptureProposal> {
    const driver = this.link.driver
    const device = this.remover.deviceName()
    if (!inExecMode(driver)) return { status: 'refused', device, code: 'notPrivileged', params: {} }
    // PIX 6 is refused by the plan whatever its configuration says: nothing is read from it either.
    const early =
      driver.profile.id === 'pix6'
        ? buildCapturePlan({ platform: 'pix6', config: '', captureList: '', ...request })
        : null
    if (early?.status === 'refused') return this.refused(device, early)
    const config = await typeLine(driver, 'show running-config', this.timeouts.dumpMs)
    this.record(device, config.command, config.output)
    const list = await typeLine(driver, 'show capture', this.timeouts.lineMs)
    this.record(device, list.command, list.output)
    if (config.status !== 'ok' || list.status !== 'ok')
      return { status: 'refused', device, code: 'sessionLost', params: {} }
    const result = buildCapturePlan({
      platform: driver.profile.id,
      config: config.output,
      captureList: list.output,
      ...request,
      form: request.form ?? (this.accessListNeeded ? 'access-list' : 'match'),
    })
    if (result.status === 'ask') {
      const { questions, choices, host } = result
      return { status: 'ask', device, questions, choices, host }
    }
    if (result.status === 'refused') return this.refused(device, result)
    const { plan } = result
    const runId = randomUUID()
    const hash = linesHash([...plan.lines, ...plan.removal])
    const issued = this.tokens.issue({
      device: this.remover.deviceKey(device),
      kind: 'apply',
      planId: `capture:${runId}`,
      linesHash: hash,
      configHash: '',
    })
    this.pending.set(issued.token, { runId, device, plan, hash })
    this.options.journal.append(JOURNAL.capturePlanned, {
      device,
      peer: this.link.peer,
      runId,
      direction: plan.direction,
      host: { real: plan.host.real, mapped: plan.host.mapped },
      lines: plan.lines.map((l) => l.command),
      readBack: plan.readBack,
      removal: plan.removal.map((l) => l.command),
      linesSha256: hash,
      form: plan.form,
    })
    return {
      status: 'ready',
      runId,
      device,
      plan,
      token: issued.token,
      expiresAt: new Date(issued.expiresAt).toISOString(),
    }
  }

  private refused(device: string, result: Extract<PlanResult, { status: 'refused' }>): CaptureProposal {
    this.options.journal.append(JOURNAL.captureRefused, { device, peer: this.link.peer, ...result })
    return { status: 'refused', device, code: result.code, params: result.params }
  }

  /** Spends the token, then creates, probes, reads back and — always — removes. */
  async run(request: RunRequest): Promise<CaptureRunResult | CaptureRefusal> {
    const device = this.remover.deviceName()
    const refuse = (code: CaptureRefusalCode, params: Record<string, string> = {}) => {
      this.options.journal.append(JOURNAL.captureRefused, {
        device,
        peer: this.link.peer,
        code,
        params,
        confirmedBy: request.confirmedBy,
      })
      return refusal(code, params)
    }
    const redeemed = this.tokens.redeem(request.token, this.remover.deviceKey(device))
    const pending = this.pending.get(request.token)
    this.pending.delete(request.token)
    if (!redeemed.ok) return refuse(tokenRefusal(redeemed.code))
    if (!pending || !redeemed.binding.planId.startsWith('capture:') || redeemed.binding.linesHash !== pending.hash)
      return refuse('tokenUnknown')
    if (!request.confirmedBy.trim()) return refuse('noConfirmer')
    if (!inExecMode(this.link.driver)) return refuse('notPrivileged')
    // Someone may have made a capture of that name since the preview: never touch theirs.
    const listed = await listedNames(this.link.driver, this.timeouts.lineMs)
    if (!listed) return refuse('sessionLost')
    const clash = pending.plan.captures.find((c) => listed.has(c.name.toLowerCase()))
    if (clash) return refuse('nameTaken', { name: clash.name })
    // The same for our ACLs: an access-list of that name made since the preview is the customer's.
    const acls = pending.plan.captures.flatMap((c) => (c.acl ? [c.acl.name] : []))
    if (acls.length > 0) {
      const configured = await listedAcls(this.link.driver, this.timeouts.lineMs)
      if (!configured) return refuse('sessionLost')
      const taken = acls.find((a) => configured.has(a.toLowerCase()))
      if (taken) return refuse('nameTaken', { name: taken })
    }
    return this.execute(pending, request)
  }

  private async execute(pending: Pending, request: RunRequest): Promise<CaptureRunResult> {
    const { runId, device, plan } = pending
    const { journal } = this.options
    const step = (s: CaptureStep, detail: string) => this.options.onStep?.(s, detail)
    const result: CaptureRunResult = {
      refused: false,
      runId,
      outcome: 'completed',
      needsAccessList: false,
      created: [],
      probe: null,
      readBack: [],
      findings: [],
      transcripts: [],
      removal: [],
      leftOnDevice: [],
    }
    const journalled: string[] = []
    const journalledAcls: string[] = []
    const captures: NamedCapture[] = []
    /** Types one line of the plan; false (with the outcome set) when the device refused it or did not answer. */
    const typed = async (command: string): Promise<boolean> => {
      const line: CaptureLineOutcome = await typeLine(this.link.driver, command, this.timeouts.lineMs)
      this.record(device, line.command, line.output)
      result.created.push(line)
      if (line.status === 'ok') return true
      result.outcome = line.status === 'unknown' ? 'lost' : 'failed'
      result.error = line.output.trim() || line.status
      return false
    }
    const create: CreateContext = {
      plan,
      result,
      typed,
      typeQuietly: (command) => typeLine(this.link.driver, command, this.timeouts.lineMs),
      journalCreated: (record) =>
        journal.append(JOURNAL.captureCreated, {
          device,
          peer: this.link.peer,
          runId,
          ...record,
          confirmedBy: request.confirmedBy,
        }),
      step,
      promptText: () => this.link.driver.prompt?.text ?? '',
    }
    try {
      await createAcls(create, journalledAcls)
      await createCaptures(create, journalled)
      if (result.needsAccessList) this.accessListNeeded = true
      if (result.outcome === 'completed') {
        step('probe', `${request.probeTarget.host}:${request.probeTarget.port}`)
        result.probe = await this.probe(request.probeTarget)
        // Read back even after a failed probe: what the captures hold may say why it failed.
        const hostRole = plan.direction === 'inbound' ? 'server' : 'client'
        const ctx = { driver: this.link.driver, journal, device, runId, timeoutMs: this.timeouts.dumpMs }
        for (const c of plan.captures) {
          step('read', c.name)
          const read = await readBackCapture(
            { ...ctx, maxChars: this.options.maxDumpChars },
            c,
            c.role === hostRole ? 'inside' : 'outside',
          )
          if (!read.ok) {
            result.outcome = 'lost'
            result.error = read.error
            break
          }
          captures.push(read.named)
          result.readBack.push(read.readBack)
        }
      }
    } catch (error) {
      // Not the device (the case could not be written, say): stop, and still remove below.
      result.outcome = 'failed'
      result.error = error instanceof Error ? error.message : String(error)
    } finally {
      step('remove', [...journalled, ...journalledAcls].join(' '))
      const removed = await this.remover.removeAll(
        { captures: journalled, acls: journalledAcls },
        { runId, during: 'run', confirmedBy: request.confirmedBy },
      )
      const removal = [...removed.captures, ...removed.acls]
      result.removal = removal.map(({ name, outcome }) => ({ name, outcome }))
      result.leftOnDevice = removal.filter((r) => r.outcome === 'failed' || r.outcome === 'unknown').map((r) => r.name)
    }
    if (captures.length === 2 && captures.every((c) => hasReadableSmtp(c.reading))) {
      const evidence = captureEvidence(captures)
      result.transcripts = evidence.texts
      result.findings = analyzeTexts([], evidence).findings.filter((f) => f.id.startsWith('capture.'))
    }
    journal.append(JOURNAL.captureOutcome, {
      device,
      peer: this.link.peer,
      runId,
      outcome: result.outcome,
      error: result.error,
      probe: result.probe,
      captures: result.readBack.map(({ name, interface: iface, side, bytes, truncated }) => ({
        name,
        interface: iface,
        side,
        bytes,
        truncated,
      })),
      removed: result.removal.filter((r) => r.outcome === 'removed' || r.outcome === 'absent').map((r) => r.name),
      leftOnDevice: result.leftOnDevice,
      confirmedBy: request.confirmedBy,
      needsAccessList: result.needsAccessList,
    })
    return result
  }

  private async probe(target: ProbeTarget): Promise<{ ok: boolean; summary: string }> {
    try {
      const probed = await (this.options.probe ?? ((t: ProbeTarget) => runProbe(t)))(target)
      this.options.journal.append(JOURNAL.probeResult, probed)
      const why = probed.error ? ` (${probed.error.phase}: ${probed.error.code})` : ''
      return { ok: probed.outcome === 'completed', summary: `${target.host}:${target.port} ${probed.outcome}${why}` }
    } catch (error) {
      return { ok: false, summary: `${target.host}:${target.port} ${error instanceof Error ? error.message : error}` }
    }
  }
}
