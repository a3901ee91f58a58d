/**
 * Redaction for any export of a case's journal other than the report (a JSON dump, a support bundle): every string of
 * every entry goes through the device rules and the case-wide learned secrets, and the engineer's marks are removed
 * everywhere, the `redaction.mark` entries themselves included. Sequence numbers, times and types are kept.
 */

import { JOURNAL } from '../journal/events'
import { createRedactor } from './redactor'
import { stringsOf } from './stored'

export interface ExportableEntry {
  type: string
  data: unknown
}

export function redactJournalForExport<T extends ExportableEntry>(
  entries: readonly T[],
  extraMarks: readonly string[] = [],
): T[] {
  const marks = entries.flatMap((e) => {
    const text = e.type === JOURNAL.redactionMark ? (e.data as { text?: unknown } | null)?.text : undefined
    return typeof text === 'string' ? [text] : []
  })
  const redactor = createRedactor({
    deviceTexts: entries.flatMap((e) => stringsOf(e.data)),
    marks: [...marks, ...extraMarks],
  })
  return entries.map((e) => ({ ...e, data: redactor.deep(e.data, 'device') }))
}
