/**
 * The journal sorted into the entries the report understands, each parsed leniently with the journal's own schema. What is left over
 * (unknown types, or known types whose data does not fit) is what the appendix lists as "other".
 */
import { JOURNAL, type JournalRead, type JournalType, journalEvents } from '../journal/events'

/** Written by main when a report leaves the case: `{ lang, pdf: { name, sha256, bytes }, html?, state, redactions }`. */
export const REPORT_EXPORTED_ENTRY = JOURNAL.reportExported

export interface ReportJournalEntry {
  seq: number
  at: string
  type: string
  data: unknown
}

/**
 * Entries that are part of the record but add nothing to a customer document: the case header, attachment records
 * (their text is shown from the attachment itself), raw terminal traffic and session boundaries, the plan preview,
 * the backup record and the per-line echo of a change (the change section shows the lines, the hash and the time).
 */
const SILENT_TYPES = new Set<string>([
  JOURNAL.caseCreated,
  JOURNAL.attachmentAdded,
  JOURNAL.deviceRaw,
  JOURNAL.deviceSessionOpened,
  JOURNAL.deviceSessionClosed,
  JOURNAL.fixPreview,
  JOURNAL.fixBackup,
  JOURNAL.fixLine,
  JOURNAL.reportExported,
])

export interface Parsed<T> {
  entry: ReportJournalEntry
  data: T
}

export function readJournal(all: readonly ReportJournalEntry[]) {
  const entries = [...all].sort((a, b) => a.seq - b.seq)
  const understood = new Set<number>()
  /** The entries of those types whose data fits their schema (the journal's own, src/shared/journal). */
  const of = <T extends JournalType>(...types: T[]): Parsed<JournalRead<T>>[] =>
    entries.flatMap((entry) => {
      if (!(types as string[]).includes(entry.type)) return []
      const parsed = journalEvents[entry.type as T].safeParse(entry.data)
      if (!parsed.success) return []
      understood.add(entry.seq)
      return [{ entry, data: parsed.data as JournalRead<T> }]
    })
  const journal = {
    entries,
    probes: of(JOURNAL.probeResult),
    diagnoses: of(JOURNAL.diagnosisResult, JOURNAL.analysisResult),
    comparisons: of(JOURNAL.probeComparison),
    identified: of(JOURNAL.deviceIdentified),
    collected: of(JOURNAL.deviceEvidence),
    outputs: of(JOURNAL.deviceOutput),
    commands: of(JOURNAL.deviceCommand),
    pasted: of(JOURNAL.evidenceAdded),
    applied: of(JOURNAL.fixApplied),
    verified: of(JOURNAL.fixVerified),
    saved: of(JOURNAL.fixSaved),
    undone: of(JOURNAL.fixUndone),
    fleet: of(JOURNAL.fleetFindings),
    mailPolicy: of(JOURNAL.mailPolicyResult),
    captures: of(JOURNAL.captureAdded),
    marks: of(JOURNAL.redactionMark).map((m) => m.data.text),
  }
  const other = entries.filter((e) => !understood.has(e.seq) && !SILENT_TYPES.has(e.type))
  return { ...journal, other }
}

export type ReadJournalResult = ReturnType<typeof readJournal>
