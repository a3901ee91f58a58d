/**
 * Redaction for a whole case export. A secret found once (an SNMP community in the configuration, a key under an
 * aaa-server block) is removed from every other text of the case too: syslog lines, notes, transcripts, finding
 * parameters. The engineer can add strings of their own ("marks") that are removed the same way.
 *
 * Pure: build it from every device text of the case, then pass each exported string through it.
 */
import { REDACTION_MARKER, SECRET_KINDS, type SecretKind } from './marker'
import { type RedactedText, redactDeviceText } from './redact-text'

/** Shorter learned values are too likely to be ordinary words or numbers (`1`, `on`); rules still remove them in place. */
export const MIN_LEARNED_SECRET = 4
export const MIN_MARK = 2

export interface RedactorOptions {
  /** Every device text of the case (configurations, logs, transcripts), read for secrets to learn. */
  deviceTexts: readonly string[]
  /** Strings the engineer marked as secret. */
  marks?: readonly string[]
  /** Secrets already found by the rules elsewhere (the case store's memory, stored.ts). */
  learned?: readonly string[]
}

export interface Redactor {
  /** Device text: the line rules, then every learned secret and mark. Lines are kept. */
  device(text: string): string
  /** Any other text (names, notes, parameters): learned secrets and marks only. */
  text(text: string): string
  /** Every string inside a JSON-like value, by `text()` (or by `device()`); returns a new value. */
  deep<T>(value: T, as?: 'text' | 'device'): T
  /** How many values were removed, by kind, since the redactor was made. */
  counts(): Record<SecretKind, number>
}

function learnable(value: string): boolean {
  return value.length >= MIN_LEARNED_SECRET && !/^\*+$/.test(value) && !value.includes(REDACTION_MARKER)
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
}

/**
 * Finds `values` anywhere in a text, longest first. A learned value must stand alone (no letter, digit, `_`, `-` or
 * `.` glued to either side) so that the community `mail` does not eat `mailhost`; a mark is removed wherever it appears.
 */
function literalMatcher(values: readonly string[], standalone: boolean): RegExp | null {
  const unique = [...new Set(values)].sort((a, b) => b.length - a.length)
  if (unique.length === 0) return null
  const body = unique.map(escapeRegExp).join('|')
  // A dot ends a token only when nothing word-like follows it (end of a sentence, not `mail.example`).
  return standalone ? new RegExp(`(?<![\\w.-])(?:${body})(?![\\w-])(?!\\.\\w)`, 'g') : new RegExp(body, 'g')
}

export function createRedactor(options: RedactorOptions): Redactor {
  const learned = [
    ...options.deviceTexts.flatMap((t) => redactDeviceText(t).redactions.map((r) => r.value)),
    ...(options.learned ?? []),
  ]
  const learnedMatcher = literalMatcher(learned.filter(learnable), true)
  const marks = (options.marks ?? []).map((m) => m.trim()).filter((m) => m.length >= MIN_MARK)
  const markMatcher = literalMatcher(marks, false)
  const counts = Object.fromEntries(SECRET_KINDS.map((k) => [k, 0])) as Record<SecretKind, number>

  const replaceAll = (text: string, matcher: RegExp | null, kind: SecretKind): string =>
    matcher
      ? text.replace(matcher, () => {
          counts[kind]++
          return REDACTION_MARKER
        })
      : text

  const literals = (text: string): string =>
    replaceAll(replaceAll(text, markMatcher, 'marked'), learnedMatcher, 'repeated')

  const device = (text: string): string => {
    // Marks first: a marked string may span what the rules would split.
    const ruled: RedactedText = redactDeviceText(replaceAll(text, markMatcher, 'marked'))
    for (const r of ruled.redactions) counts[r.kind]++
    return replaceAll(ruled.text, learnedMatcher, 'repeated')
  }

  const deep = <T>(value: T, as: 'text' | 'device' = 'text'): T => {
    if (typeof value === 'string') return (as === 'device' ? device(value) : literals(value)) as T
    if (Array.isArray(value)) return value.map((v) => deep(v, as)) as T
    if (value && typeof value === 'object') {
      const out: Record<string, unknown> = {}
      for (const [k, v] of Object.entries(value)) out[k] = deep(v, as)
      return out as T
    }
    return value
  }

  return { device, text: literals, deep, counts: () => ({ ...counts }) }
}
