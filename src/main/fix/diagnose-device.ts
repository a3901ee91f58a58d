/**
 * The one use case behind `unmask diagnose` and the app's fix dialog: open a device session with its log in the
 * case, read the device, and diagnose what was read together with the probes' before-state. What each caller adds
 * (the CLI prints and journals its steps and probes first; the app keeps the run for the dialog) goes through the
 * hooks, so the sequence itself is written once.
 */
import type { Analysis } from '../../shared/diagnosis'
import type { Translate } from '../../shared/i18n'
import type { ProbeResult } from '../../shared/probe/types'
import type { CaseSink } from '../device/session-log'
import { SessionLog } from '../device/session-log'
import { analyzeSnapshot } from './analysis'
import type { DeviceLink } from './device-link'
import type { FixJournal } from './fix-journal'
import { RemediationRun } from './remediation-run'
import type { DeviceSnapshot, SentLine } from './types'

export interface DiagnoseDeviceRequest {
  /** The case the run writes to (a CaseHandle). */
  journal: FixJournal & CaseSink
  /** For the session log: the device as the user named it, the transport, and the secrets to mask. */
  peer: string
  transport: string
  secrets: Array<string | undefined>
  /** Opens the live session; every byte goes to the log it is given. */
  openLink: (log: SessionLog) => Promise<DeviceLink>
  t: Translate
  /** The probes' state before any change: part of the diagnosis, and what verification compares against. */
  before: readonly ProbeResult[]
  /** Multiple-context mode: the security context to work in (`changeto context NAME`) before reading. */
  context?: string
  onLine?: (line: SentLine) => void
  hooks?: {
    onContext?: (name: string, entered: boolean) => void
    /** Before each phase, e.g. to print a heading. */
    onPhase?: (phase: 'read' | 'diagnose') => void
    /** The device as read, before the diagnosis (e.g. to journal `device.identified`). */
    onRead?: (snapshot: DeviceSnapshot, link: DeviceLink) => void
  }
}

export interface DiagnosedDevice {
  session: RemediationRun
  link: DeviceLink
  log: SessionLog
  snapshot: DeviceSnapshot
  analysis: Analysis
}

export async function diagnoseDevice(request: DiagnoseDeviceRequest): Promise<DiagnosedDevice> {
  const { journal, hooks } = request
  const log = new SessionLog(journal, { peer: request.peer, transport: request.transport, secrets: request.secrets })
  let link: DeviceLink
  try {
    link = await request.openLink(log)
  } catch (error) {
    log.close('connect failed')
    throw error
  }
  try {
    const session = new RemediationRun({ link, journal, t: request.t, onLine: request.onLine })
    if (request.context) hooks?.onContext?.(request.context, await session.enterContext(request.context))
    hooks?.onPhase?.('read')
    const snapshot = await session.read()
    hooks?.onRead?.(snapshot, link)
    hooks?.onPhase?.('diagnose')
    const analysis = analyzeSnapshot(snapshot, request.before)
    return { session, link, log, snapshot, analysis }
  } catch (error) {
    // Nothing is left open behind a failed read: the session ends and its log goes into the case.
    await link.close().catch(() => undefined)
    log.close(error instanceof Error ? error.message : String(error))
    throw error
  }
}
