/**
 * The appendix texts: command output, pasted text and text attachments (redacted, capped), and what the report does not
 * understand, as short redacted excerpts.
 */
import type { Redactor } from '../redaction'
import type { AppendixEntry, AppendixText } from './model'
import type { ReadJournalResult, ReportJournalEntry } from './read-journal'

/** Longest text shown per appendix item; the rest is summarised by a line count. */
export const APPENDIX_MAX_LINES = 3000
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

export function capped(text: string, redactor: Redactor): string[] {
  const lines = redactor.device(text).split(/\r\n|\r|\n/)
  if (lines.at(-1) === '') lines.pop()
  return lines.length > APPENDIX_MAX_LINES
    ? [...lines.slice(0, APPENDIX_MAX_LINES), `… (+${lines.length - APPENDIX_MAX_LINES})`]
    : lines
}

export function appendixTexts(
  j: ReadJournalResult,
  attachments: ReadonlyArray<{ name: string; text: string }>,
  redactor: Redactor,
): AppendixText[] {
  // A closed session leaves its cleaned log as an attachment; the commands are shown one by one only without it.
  const hasSessionLog = attachments.some((a) => /^[0-9a-f]{12}-session-/.test(a.name) || a.name.startsWith('session-'))
  return [
    ...j.outputs.map(({ data }) => ({
      title: `${data.device}# ${redactor.device(data.command)}`,
      kindKey: 'report.appendix.kind.command',
      lines: capped(data.output, redactor),
    })),
    ...(hasSessionLog
      ? []
      : j.commands.map(({ data }) => ({
          title: `# ${redactor.device(data.command)}`,
          kindKey: 'report.appendix.kind.command',
          lines: capped(data.output, redactor),
        }))),
    ...j.pasted.map(({ data }) => ({
      title: data.source,
      kindKey: 'report.appendix.kind.pasted',
      lines: capped(data.text, redactor),
    })),
    ...attachments.map((a) => ({
      title: a.name,
      kindKey: 'report.appendix.kind.attachment',
      lines: capped(a.text, redactor),
    })),
  ]
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
