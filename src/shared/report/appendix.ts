/**
 * The appendix texts: command output, pasted text and text attachments (redacted, capped), and what the report does not
 * understand, as short redacted excerpts.
 */
import { JOURNAL } from '../journal/events'
import type { Redactor } from '../redaction'
import type { AppendixEntry, AppendixText } from './model'
import type { ReadJournalResult, ReportJournalEntry } from './read-journal'

/** Longest text shown per appendix item, and all items together; the rest is summarised by a line count. */
export const APPENDIX_MAX_LINES = 3000
export const APPENDIX_TOTAL_LINES = 12_000
const OTHER_EXCERPT_CHARS = 300
/** Raw terminal logs (every chunk, JSON-quoted) stay in the case; the cleaned log is the one a reader wants. */
export const RAW_LOG = /-raw\.log$/

/**
 * A raw session log (src/main/device/session-log.ts) holds one `<ISO time> <'<'|'>'> <JSON string>` line per chunk. It
 * is never shown, but secrets are learned from it (the cleaned log may have lost some to its own masking), so the
 * chunks are decoded back into terminal text first.
 */
export function decodeRawLog(text: string): string {
  return text
    .split('\n')
    .map((line) => {
      const quoted = /^\S+ [<>] ("(?:[^"\\]|\\.)*")$/.exec(line)?.[1]
      if (!quoted) return line
      try {
        return String(JSON.parse(quoted))
      } catch {
        return line
      }
    })
    .join('')
}

/** A text's redacted lines, at most `max` of them, and how many were left out. */
export function capped(
  text: string,
  redactor: Redactor,
  max = APPENDIX_MAX_LINES,
): { lines: string[]; omitted: number } {
  const lines = redactor.device(text).split(/\r\n|\r|\n/)
  if (lines.at(-1) === '') lines.pop()
  const kept = Math.max(0, Math.min(max, lines.length))
  return { lines: lines.slice(0, kept), omitted: lines.length - kept }
}

export function appendixTexts(
  j: ReadJournalResult,
  attachments: ReadonlyArray<{ name: string; text: string }>,
  redactor: Redactor,
  /** Before / between / after the changes, by journal seq (change-clock.ts); absent when nothing was changed. */
  stamp?: (seq: number) => AppendixText['when'],
): AppendixText[] {
  const attachedAt = new Map<string, number>()
  for (const e of j.entries) {
    const name = (e.data as { name?: unknown } | null)?.name
    if (e.type === JOURNAL.attachmentAdded && typeof name === 'string' && !attachedAt.has(name))
      attachedAt.set(name, e.seq)
  }
  const when = (seq: number | undefined) => (stamp && seq !== undefined ? stamp(seq) : undefined)
  // A closed session leaves its cleaned log as an attachment; the commands are shown one by one only without it.
  const hasSessionLog = attachments.some((a) => /^[0-9a-f]{12}-session-/.test(a.name) || a.name.startsWith('session-'))
  const sources: Array<{ title: string; kindKey: string; text: string; when?: AppendixText['when'] }> = [
    ...j.outputs.map(({ data, entry }) => ({
      title: `${data.device}# ${redactor.device(data.command)}`,
      kindKey: 'report.appendix.kind.command',
      text: data.output,
      when: when(entry.seq),
    })),
    ...(hasSessionLog
      ? []
      : j.commands.map(({ data, entry }) => ({
          title: `# ${redactor.device(data.command)}`,
          kindKey: 'report.appendix.kind.command',
          text: data.output,
          when: when(entry.seq),
        }))),
    ...j.pasted.map(({ data, entry }) => ({
      title: data.source,
      kindKey: 'report.appendix.kind.pasted',
      text: data.text,
      when: when(entry.seq),
    })),
    ...attachments.map((a) => ({
      title: a.name,
      kindKey: 'report.appendix.kind.attachment',
      text: a.text,
      when: when(attachedAt.get(a.name)),
    })),
  ]
  // The same text often arrives twice (a running-config read by the fix session and kept as its backup): once is enough.
  const byText = new Map<string, AppendixText>()
  // One budget for the whole appendix keeps a case with megabytes of logs printable; the case keeps every line.
  let budget = APPENDIX_TOTAL_LINES
  const out: AppendixText[] = []
  for (const { title, kindKey, text, when: stamped } of sources) {
    const key = text.replace(/\r\n?/g, '\n').trimEnd()
    const first = byText.get(key)
    if (first) {
      first.sameAs = [...(first.sameAs ?? []), title]
      continue
    }
    const { lines, omitted } = capped(text, redactor, Math.min(APPENDIX_MAX_LINES, budget))
    budget -= lines.length
    const item: AppendixText = { title, kindKey, lines, omitted, ...(stamped ? { when: stamped } : {}) }
    byText.set(key, item)
    out.push(item)
  }
  return out
}

export function otherEntry(e: ReportJournalEntry, redactor: Redactor): AppendixEntry {
  let json: string
  try {
    json = JSON.stringify(e.data) ?? ''
  } catch {
    json = ''
  }
  // Redact before cutting, so that a secret cut in half cannot slip past the redactor.
  const clean = redactor.device(json)
  const excerpt = clean.length > OTHER_EXCERPT_CHARS ? `${clean.slice(0, OTHER_EXCERPT_CHARS)}…` : clean
  return { seq: e.seq, at: e.at, type: e.type, excerpt }
}
