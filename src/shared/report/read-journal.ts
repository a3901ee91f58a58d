/**
 * The journal sorted into the entries the report understands (entries.ts), each parsed leniently. What is left over
 * (unknown types, or known types whose data does not fit) is what the appendix lists as "other".
 */
import {
  deviceCommandData,
  deviceEvidenceData,
  deviceIdentifiedData,
  deviceOutputData,
  diagnosisResultData,
  evidenceAddedData,
  fixAppliedData,
  fixSavedData,
  fixUndoneData,
  fixVerifiedData,
  probeComparisonData,
  probeResultData,
  redactionMarkData,
} from './entries'

/** Written by main when a report leaves the case: `{ lang, pdf: { name, sha256, bytes }, html?, state, redactions }`. */
export const REPORT_EXPORTED_ENTRY = 'report.exported'

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
const SILENT_TYPES = new Set([
  'case.created',
  'attachment.added',
  'device.raw',
  'device.session.opened',
  'device.session.closed',
  'fix.preview',
  'fix.backup',
  'fix.line',
  REPORT_EXPORTED_ENTRY,
])

interface Schema<T> {
  safeParse(value: unknown): { success: true; data: T } | { success: false }
}

export interface Parsed<T> {
  entry: ReportJournalEntry
  data: T
}

export function readJournal(all: readonly ReportJournalEntry[]) {
  const entries = [...all].sort((a, b) => a.seq - b.seq)
  const understood = new Set<number>()
  const of = <T>(types: string | readonly string[], schema: Schema<T>): Parsed<T>[] => {
    const wanted = typeof types === 'string' ? [types] : types
    return entries.flatMap((entry) => {
      if (!wanted.includes(entry.type)) return []
      const parsed = schema.safeParse(entry.data)
      if (!parsed.success) return []
      understood.add(entry.seq)
      return [{ entry, data: parsed.data }]
    })
  }
  const journal = {
    entries,
    probes: of('probe.result', probeResultData),
    diagnoses: of(['diagnosis.result', 'analysis.result'], diagnosisResultData),
    comparisons: of('probe.comparison', probeComparisonData),
    identified: of('device.identified', deviceIdentifiedData),
    collected: of('device.evidence', deviceEvidenceData),
    outputs: of('device.output', deviceOutputData),
    commands: of('device.command', deviceCommandData),
    pasted: of('evidence.added', evidenceAddedData),
    applied: of('fix.applied', fixAppliedData),
    verified: of('fix.verified', fixVerifiedData),
    saved: of('fix.saved', fixSavedData),
    undone: of('fix.undone', fixUndoneData),
    marks: of('redaction.mark', redactionMarkData).map((m) => m.data.text),
  }
  const other = entries.filter((e) => !understood.has(e.seq) && !SILENT_TYPES.has(e.type))
  return { ...journal, other }
}

export type ReadJournalResult = ReturnType<typeof readJournal>
