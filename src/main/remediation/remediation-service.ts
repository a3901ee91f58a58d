/**
 * The fix dialog's side in main: one remediation run per dialog, on its own connection to the device (the
 * terminal tab stays the engineer's). Everything goes through src/main/fix: the preview issues the one-time
 * token, apply needs it and the typed hostname, save needs a second token. The probes to re-run on verify
 * are the case's own (`probe.result` entries), each with its before-state.
 */
import { randomUUID } from 'node:crypto'
import type { FixStart, FixStartRequest } from '../../shared/api'
import { createTranslator } from '../../shared/i18n'
import { JOURNAL } from '../../shared/journal/events'
import { readProbeResult } from '../../shared/probe/schema'
import type { ProbeResult } from '../../shared/probe/types'
import type { DeviceProfile } from '../../shared/profiles'
import type { Remedy } from '../../shared/remedies/types'
import type { CaseHandle, CaseStore } from '../cases/case-store'
import type { HostKeyQuestions } from '../device/host-key-questions'
import type { SessionLog } from '../device/session-log'
import { diagnoseDevice } from '../fix/diagnose-device'
import { openProfileLink, profilePeer } from '../fix/profile-link'
import type { RemediationRun } from '../fix/remediation-run'
import type { ApplyResult, Preview, Refusal, SaveResult, VerifyResult } from '../fix/types'
import type { VerifyProbe } from '../fix/verify'
import type { Emit, OpenChannel, SessionCredentials } from '../sessions/session-service'

interface Run {
  session: RemediationRun
  handle: CaseHandle
  log: SessionLog
  remedies: Remedy[]
  probes: VerifyProbe[]
}

export class RemediationService {
  private readonly runs = new Map<string, Run>()

  constructor(
    private readonly cases: CaseStore,
    private readonly openChannel: OpenChannel,
    private readonly hostKeys: Pick<HostKeyQuestions, 'ask'>,
    private readonly emit?: Emit,
  ) {}

  async start(
    request: Pick<FixStartRequest, 'caseId' | 'lang'>,
    profile: DeviceProfile,
    credentials: SessionCredentials,
  ): Promise<FixStart> {
    const fixId = randomUUID()
    const handle = this.cases.open(request.caseId)
    try {
      const before = latestProbes(handle, this.cases)
      const { session, log, snapshot, analysis } = await diagnoseDevice({
        journal: handle,
        peer: profilePeer(profile),
        transport: profile.transport,
        secrets: [credentials.password, credentials.secret],
        openLink: (log) =>
          openProfileLink({
            openChannel: this.openChannel,
            profile,
            credentials,
            hostKeys: this.hostKeys,
            runId: fixId,
            log,
          }),
        t: createTranslator(request.lang),
        before,
        // Each line is journalled as it goes; the dialog hears of it right after (live progress).
        onLine: (line) =>
          this.emit?.('fix.line', { fixId, index: line.index, command: line.command, status: line.status }),
      })
      this.runs.set(fixId, {
        session,
        handle,
        log,
        remedies: analysis.remedies,
        probes: before.map((result) => ({
          target: { host: result.target.host, port: result.target.port, vantage: result.target.vantage },
          before: result,
        })),
      })
      const { hostname, platform, version, prompt } = snapshot
      return { fixId, device: { hostname, platform, version, prompt }, analysis }
    } catch (error) {
      handle.close()
      throw error
    }
  }

  preview(fixId: string, remedyId: string): Promise<Preview> {
    const run = this.get(fixId)
    const remedy = run.remedies.find((r) => r.id === remedyId)
    if (!remedy) throw new Error('no such remedy for this device')
    return run.session.preview(remedy)
  }

  previewUndo(fixId: string): Promise<Preview | Refusal> {
    return this.get(fixId).session.previewUndo()
  }

  apply(
    fixId: string,
    request: { token: string; typedHostname: string; confirmedBy: string },
  ): Promise<ApplyResult | Refusal> {
    return this.get(fixId).session.apply(request)
  }

  verify(fixId: string, remedyId: string): Promise<VerifyResult> {
    const run = this.get(fixId)
    const remedy = run.remedies.find((r) => r.id === remedyId)
    if (!remedy) throw new Error('no such remedy for this device')
    return run.session.verify(remedy, run.probes)
  }

  requestSave(fixId: string): { token: string } | Refusal {
    return this.get(fixId).session.requestSave()
  }

  save(fixId: string, token: string, confirmedBy: string): Promise<SaveResult | Refusal> {
    return this.get(fixId).session.save(token, confirmedBy)
  }

  declineSave(fixId: string, confirmedBy: string): void {
    this.get(fixId).session.declineSave(confirmedBy)
  }

  async close(fixId: string): Promise<void> {
    const run = this.runs.get(fixId)
    if (!run) return
    this.runs.delete(fixId)
    await run.session.link.close()
    run.log.close('closed')
    run.handle.close()
  }

  async closeAll(): Promise<void> {
    await Promise.all([...this.runs.keys()].map((id) => this.close(id)))
  }

  private get(fixId: string): Run {
    const run = this.runs.get(fixId)
    if (!run) throw new Error('no such remediation run')
    return run
  }
}

/** The newest result per vantage point in the case: what verification re-runs and compares against. */
function latestProbes(handle: CaseHandle, cases: CaseStore): ProbeResult[] {
  const byVantage = new Map<string, ProbeResult>()
  for (const entry of cases.read(handle.dir).entries) {
    // Checked with the probe's own schema: a probe that does not read back is not a before-state to compare with.
    const result = entry.type === JOURNAL.probeResult ? readProbeResult(entry.data) : null
    if (!result) continue
    byVantage.set(`${result.target.vantage ?? ''}|${result.target.host}|${result.target.port}`, result)
  }
  return [...byVantage.values()]
}
