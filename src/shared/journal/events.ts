/**
 * The case journal's events: one union, type → data schema. Every writer names its event with a `JOURNAL` constant
 * and passes data typed by the schema's input (`JournalData`); every reader parses with the same schema
 * (`readEvent`). No other file spells an event type as a string literal (tests/shared/journal/no-literals.test.ts).
 *
 * The journal on disk stays open-ended: a line of a type not listed here (an older or newer version, a hand edit) is
 * still an entry (src/main/cases/journal.ts) and the report lists it in its appendix.
 */
import type { z } from 'zod'
import { fleetFindingsData } from '../audit/journal'
import { captureAddedData } from './capture-evidence-schema'
import {
  captureCreatedData,
  captureOutcomeData,
  capturePlannedData,
  captureRefusedData,
  captureRemovedData,
} from './capture-schema'
import {
  fixAppliedData,
  fixBackupData,
  fixLineData,
  fixPreviewData,
  fixRecoveredData,
  fixRefusedData,
  fixSavedData,
  fixUndoneData,
  fixVerifiedData,
} from './fix-schemas'
import { mailPolicyResultData } from './mail-policy-schema'
import {
  attachmentAddedData,
  caseCreatedData,
  deviceCommandData,
  deviceEvidenceData,
  deviceIdentifiedData,
  deviceOutputData,
  deviceRawData,
  deviceSessionClosedData,
  deviceSessionOpenedData,
  diagnosisResultData,
  evidenceAddedData,
  hostKeyReplacedData,
  probeComparisonData,
  probeResultData,
  redactionMarkData,
  reportExportedData,
} from './schemas'

/** The event types by name, for writers and readers alike. */
export const JOURNAL = {
  caseCreated: 'case.created',
  attachmentAdded: 'attachment.added',
  probeResult: 'probe.result',
  probeComparison: 'probe.comparison',
  /** A diagnosis made in the app (pasted texts and probes). */
  analysisResult: 'analysis.result',
  /** A diagnosis made by `unmask diagnose` from a live device. */
  diagnosisResult: 'diagnosis.result',
  deviceEvidence: 'device.evidence',
  deviceIdentified: 'device.identified',
  deviceOutput: 'device.output',
  deviceCommand: 'device.command',
  deviceSessionOpened: 'device.session.opened',
  deviceSessionClosed: 'device.session.closed',
  deviceRaw: 'device.raw',
  evidenceAdded: 'evidence.added',
  redactionMark: 'redaction.mark',
  reportExported: 'report.exported',
  fixPreview: 'fix.preview',
  fixRefused: 'fix.refused',
  fixBackup: 'fix.backup',
  fixLine: 'fix.line',
  fixApplied: 'fix.applied',
  fixRecovered: 'fix.recovered',
  fixVerified: 'fix.verified',
  fixSaved: 'fix.saved',
  fixUndone: 'fix.undone',
  /** A changed SSH host key replaced after the engineer verified it (the app's changed-key dialog). */
  hostKeyReplaced: 'hostkey.replaced',
  /** A fleet audit's table exported into the case (`unmask audit` / the fleet view; src/shared/audit/journal.ts). */
  fleetFindings: 'fleet.findings',
  /** A domain's MTA-STS/TLS-RPT/DANE state judged beside its MX probes (issue 17; journal/mail-policy-schema.ts). */
  mailPolicyResult: 'mailpolicy.result',
  /** A packet capture entered into the case as read: file, pasted dump or guided capture (capture-evidence-schema.ts). */
  captureAdded: 'capture.added',
  /** The guided capture on a device (src/main/capture; journal/capture-schema.ts): plan, refusal, create, remove, outcome. */
  capturePlanned: 'capture.planned',
  captureRefused: 'capture.refused',
  captureCreated: 'capture.created',
  captureRemoved: 'capture.removed',
  captureOutcome: 'capture.outcome',
} as const

export type JournalType = (typeof JOURNAL)[keyof typeof JOURNAL]

/** Type → data schema. `satisfies` makes the compiler check that every type has exactly one schema. */
export const journalEvents = {
  [JOURNAL.caseCreated]: caseCreatedData,
  [JOURNAL.attachmentAdded]: attachmentAddedData,
  [JOURNAL.probeResult]: probeResultData,
  [JOURNAL.probeComparison]: probeComparisonData,
  [JOURNAL.analysisResult]: diagnosisResultData,
  [JOURNAL.diagnosisResult]: diagnosisResultData,
  [JOURNAL.deviceEvidence]: deviceEvidenceData,
  [JOURNAL.deviceIdentified]: deviceIdentifiedData,
  [JOURNAL.deviceOutput]: deviceOutputData,
  [JOURNAL.deviceCommand]: deviceCommandData,
  [JOURNAL.deviceSessionOpened]: deviceSessionOpenedData,
  [JOURNAL.deviceSessionClosed]: deviceSessionClosedData,
  [JOURNAL.deviceRaw]: deviceRawData,
  [JOURNAL.evidenceAdded]: evidenceAddedData,
  [JOURNAL.redactionMark]: redactionMarkData,
  [JOURNAL.reportExported]: reportExportedData,
  [JOURNAL.fixPreview]: fixPreviewData,
  [JOURNAL.fixRefused]: fixRefusedData,
  [JOURNAL.fixBackup]: fixBackupData,
  [JOURNAL.fixLine]: fixLineData,
  [JOURNAL.fixApplied]: fixAppliedData,
  [JOURNAL.fixRecovered]: fixRecoveredData,
  [JOURNAL.fixVerified]: fixVerifiedData,
  [JOURNAL.fixSaved]: fixSavedData,
  [JOURNAL.fixUndone]: fixUndoneData,
  [JOURNAL.fleetFindings]: fleetFindingsData,
  [JOURNAL.hostKeyReplaced]: hostKeyReplacedData,
  [JOURNAL.mailPolicyResult]: mailPolicyResultData,
  [JOURNAL.captureAdded]: captureAddedData,
  [JOURNAL.capturePlanned]: capturePlannedData,
  [JOURNAL.captureRefused]: captureRefusedData,
  [JOURNAL.captureCreated]: captureCreatedData,
  [JOURNAL.captureRemoved]: captureRemovedData,
  [JOURNAL.captureOutcome]: captureOutcomeData,
} as const satisfies Record<JournalType, z.ZodType>

/** What a writer passes for an event (the schema's input). */
export type JournalData<T extends JournalType> = z.input<(typeof journalEvents)[T]>
/** What a reader gets for an event whose data fits (the schema's output). */
export type JournalRead<T extends JournalType> = z.output<(typeof journalEvents)[T]>

/** Anything events can be written to: a case handle, or a wrapper around one. */
export interface JournalSink<E = unknown> {
  append<T extends JournalType>(type: T, data: JournalData<T>): E
}

const TYPES = new Set<string>(Object.values(JOURNAL))

export function isJournalType(type: string): type is JournalType {
  return TYPES.has(type)
}

/** The data of an entry of that type, parsed by its schema; undefined for another type or data that does not fit. */
export function readEvent<T extends JournalType>(
  entry: { type: string; data: unknown },
  type: T | readonly T[],
): JournalRead<T> | undefined {
  const wanted: readonly string[] = typeof type === 'string' ? [type] : type
  if (!wanted.includes(entry.type)) return undefined
  const parsed = journalEvents[entry.type as T].safeParse(entry.data)
  return parsed.success ? (parsed.data as JournalRead<T>) : undefined
}
