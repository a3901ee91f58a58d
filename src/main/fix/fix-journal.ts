/**
 * The case journal as remediation writes it. `fix.applied`, `fix.verified`, `fix.saved` and `fix.undone` follow
 * the shapes the report reads (src/shared/report/model.ts); `fix.preview`, `fix.refused`, `fix.line` and
 * `fix.recovered` are the audit trail in between (the report lists them in its appendix). Every append is flushed
 * before the call returns, so a crash mid-run still shows which lines went in.
 */
import type { Attachment, JournalEntry } from '../../shared/cases'
import type { JournalSink } from '../../shared/journal/events'

/** What remediation needs of a case (a CaseHandle from src/main/cases fits). */
export interface FixJournal extends JournalSink<JournalEntry> {
  attach(name: string, content: Buffer | string): Attachment
}

export function safeName(text: string): string {
  return text.replace(/[^\w.-]+/g, '_').slice(0, 60) || 'device'
}
