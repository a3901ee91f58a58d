/**
 * Before or after the change: every piece of evidence is stamped by its place in the journal relative to the
 * configuration changes (`fix.applied`, `fix.undone`). "Before" is everything before the first change, "after" is
 * everything after the latest one, and "between" is evidence of a state that a later change replaced (apply → undo →
 * apply). The report's "after" section may only cite evidence that was gathered after the latest change: a diagnosis
 * journalled after the fix can still carry findings read from the configuration copied before it (the app analyses
 * every text it holds), and those must not be presented as the state after the change (issue 18, point 1).
 */
import { z } from 'zod'
import { JOURNAL } from '../journal/events'
import type { ReadJournalResult, ReportJournalEntry } from './read-journal'

const AFTER_TEXT_TYPES = new Set<string>([JOURNAL.deviceOutput, JOURNAL.deviceCommand, JOURNAL.evidenceAdded])

export type EvidenceStamp = 'before' | 'between' | 'after'

export interface ChangeClock {
  /** Journal seq of the first and the latest change; Infinity when nothing was changed. */
  first: number
  last: number
  stamp(seq: number): EvidenceStamp
}

export function changeClock(j: ReadJournalResult): ChangeClock {
  const seqs = [...j.applied, ...j.undone].map((c) => c.entry.seq).sort((a, b) => a - b)
  const first = seqs[0] ?? Number.POSITIVE_INFINITY
  const last = seqs.at(-1) ?? Number.POSITIVE_INFINITY
  return {
    first,
    last,
    stamp: (seq) => (seq < first ? 'before' : seq > last ? 'after' : 'between'),
  }
}

const attachmentAdded = z.object({ name: z.string(), sha256: z.string() })
const textData = z.object({ output: z.string().optional(), text: z.string().optional() })

/**
 * The lines of every text gathered after the latest change: probe transcripts, command output, pasted text, and text
 * attachments whose content was first recorded after the change (the same text attached again is not new evidence).
 */
export function postChangeLines(
  j: ReadJournalResult,
  clock: ChangeClock,
  attachments: ReadonlyArray<{ name: string; text: string }>,
): Set<string> {
  const lines = new Set<string>()
  const add = (text: string) => {
    for (const line of text.split(/\r\n|\r|\n/)) if (line.trim()) lines.add(line.trim())
  }
  if (!Number.isFinite(clock.last)) return lines
  const after = (entry: ReportJournalEntry) => entry.seq > clock.last
  for (const p of j.probes) if (after(p.entry)) for (const l of p.data.transcript) add(l.text)
  for (const e of j.entries) {
    if (!after(e) || !AFTER_TEXT_TYPES.has(e.type)) continue
    const parsed = textData.safeParse(e.data)
    if (parsed.success) add(parsed.data.output ?? parsed.data.text ?? '')
  }
  const seenBefore = new Set<string>()
  const fresh = new Set<string>()
  for (const e of j.entries) {
    if (e.type !== JOURNAL.attachmentAdded) continue
    const parsed = attachmentAdded.safeParse(e.data)
    if (!parsed.success) continue
    if (!after(e)) seenBefore.add(parsed.data.sha256)
    else if (!seenBefore.has(parsed.data.sha256)) fresh.add(parsed.data.name)
  }
  for (const a of attachments) if (fresh.has(a.name)) add(a.text)
  return lines
}

/** A finding holds after the change only if every line it cites was seen again in post-change evidence. */
export function citedAfterChange(
  evidence: ReadonlyArray<{ excerpt: string }>,
  postChange: ReadonlySet<string>,
): boolean {
  if (evidence.length === 0) return false
  return evidence.every((e) => {
    const lines = e.excerpt.split(/\r\n|\r|\n/)
    // Excerpts are capped at 500 characters (rules/types.ts `ref`): a cut last line is not compared.
    if (e.excerpt.length >= 500) lines.pop()
    return lines
      .map((l) => l.trim())
      .filter(Boolean)
      .every((l) => postChange.has(l))
  })
}

const undoneLines = z.object({ lines: z.array(z.string()).default([]) })

/** The lines an undo sent (the report's reader of `fix.undone` keeps only device and outcome). */
export function undoLinesOf(data: unknown): string[] {
  const parsed = undoneLines.safeParse(data)
  return parsed.success ? parsed.data.lines : []
}
