/**
 * Redaction of device text (configurations, session logs, command output, SMTP transcripts): every secret a rule
 * recognises is replaced by the marker. Pure, and the line structure is kept exactly (same number of lines, same line
 * endings), so line numbers quoted by findings still point at the same lines after redaction.
 */
import {
  LINE_RULES,
  LINE_TRIGGER,
  PRIVATE_KEY_BEGIN,
  PRIVATE_KEY_END,
  SMTP_CHALLENGE,
  SMTP_CLIENT_PREFIX,
  SMTP_REPLY,
} from './line-rules'
import { REDACTION_MARKER, type Redaction, type SecretKind } from './marker'

export interface RedactedText {
  text: string
  redactions: Redaction[]
}

interface Span {
  start: number
  end: number
  kind: SecretKind
}

/** Splits into lines while keeping each line ending, so that joining the parts gives back the text. */
function splitKeepingEndings(text: string): Array<{ body: string; ending: string }> {
  const parts = text.split(/(\r\n|\r|\n)/)
  const out: Array<{ body: string; ending: string }> = []
  for (let i = 0; i < parts.length; i += 2) out.push({ body: parts[i]!, ending: parts[i + 1] ?? '' })
  return out
}

/** The rules with the `g` flag, compiled once: every match on a line counts, not only the first. */
const GLOBAL_RULES = LINE_RULES.map((r) => ({
  kind: r.kind,
  pattern: new RegExp(r.pattern.source, r.pattern.flags.includes('g') ? r.pattern.flags : `${r.pattern.flags}g`),
}))

/** The secret spans of one line, overlapping spans merged (the first rule's kind wins). */
export function secretSpans(line: string): Span[] {
  if (!LINE_TRIGGER.test(line)) return []
  return ruleSpans(line)
}

/** What the rules find on a line, without the trigger-word shortcut (exported for the test that keeps both equal). */
export function ruleSpans(line: string): Span[] {
  const spans: Span[] = []
  for (const rule of GLOBAL_RULES) {
    for (const match of line.matchAll(rule.pattern)) {
      for (const name of ['s', 's2']) {
        const at = match.indices?.groups?.[name]
        if (at && at[1] > at[0] && !isMarkerAt(line, at[0])) spans.push({ start: at[0], end: at[1], kind: rule.kind })
      }
    }
  }
  spans.sort((a, b) => a.start - b.start || b.end - a.end)
  const merged: Span[] = []
  for (const span of spans) {
    const last = merged[merged.length - 1]
    if (last && span.start < last.end) last.end = Math.max(last.end, span.end)
    else merged.push({ ...span })
  }
  return merged
}

/** Already redacted (running redaction twice changes nothing). */
function isMarkerAt(line: string, start: number): boolean {
  return line.startsWith(REDACTION_MARKER, start)
}

/** Redacts one line; `line` is its 1-based number, used only to label the redactions. */
export function redactLine(body: string, line: number): RedactedText {
  const spans = secretSpans(body)
  if (spans.length === 0) return { text: body, redactions: [] }
  let text = ''
  let at = 0
  const redactions: Redaction[] = []
  for (const span of spans) {
    text += body.slice(at, span.start) + REDACTION_MARKER
    redactions.push({
      line,
      start: span.start,
      end: span.end,
      kind: span.kind,
      value: body.slice(span.start, span.end),
    })
    at = span.end
  }
  return { text: text + body.slice(at), redactions }
}

export function redactDeviceText(text: string, firstLine = 1): RedactedText {
  const lines = splitKeepingEndings(text)
  const redactions: Redaction[] = []
  let inKey = false
  /** The previous non-blank line was an SMTP 334 challenge. */
  let challenged = false
  let out = ''
  lines.forEach(({ body, ending }, i) => {
    const line = firstLine + i
    if (inKey) {
      if (PRIVATE_KEY_END.test(body)) {
        inKey = false
        out += body + ending
      } else {
        if (body.trim() !== '') {
          redactions.push({ line, start: 0, end: body.length, kind: 'private-key', value: body.trim() })
          out += REDACTION_MARKER
        }
        out += ending
      }
      return
    }
    if (PRIVATE_KEY_BEGIN.test(body) && !PRIVATE_KEY_END.test(body)) inKey = true
    if (challenged && body.trim() !== '' && !SMTP_REPLY.test(body)) {
      // The one client line answering a 334 challenge: all of it after the direction prefix is the credential.
      challenged = false
      const start = SMTP_CLIENT_PREFIX.exec(body)?.[0].length ?? 0
      const value = body.slice(start).trimEnd()
      if (value !== '' && !value.startsWith(REDACTION_MARKER)) {
        redactions.push({ line, start, end: start + value.length, kind: 'password', value })
        out += body.slice(0, start) + REDACTION_MARKER + body.slice(start + value.length) + ending
        return
      }
    }
    if (body.trim() !== '') challenged = SMTP_CHALLENGE.test(body)
    const redacted = redactLine(body, line)
    redactions.push(...redacted.redactions)
    out += redacted.text + ending
  })
  return { text: out, redactions }
}
