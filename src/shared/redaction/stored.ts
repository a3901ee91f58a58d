/**
 * Redaction of what a case stores (journal entries, text attachments): the report's rules, plus every value those
 * rules found earlier in the same case, so a community removed from the configuration is also removed from a syslog
 * line pasted later (issue 14: one rule set for logs, journal and report). The values found are kept in memory only,
 * for as long as the case store that owns this object lives; they are never written anywhere.
 */

import { redactDeviceText } from './redact-text'
import { createRedactor } from './redactor'

/** Every string inside a JSON-like value. */
export function stringsOf(value: unknown, out: string[] = []): string[] {
  if (typeof value === 'string') out.push(value)
  else if (Array.isArray(value)) for (const v of value) stringsOf(v, out)
  else if (value && typeof value === 'object') for (const v of Object.values(value)) stringsOf(v, out)
  return out
}

export class StoredRedaction {
  private readonly learned = new Set<string>()

  /**
   * A redacted copy of `value` (every string in it), after learning the secrets it holds. `learned-only` is for text
   * the same rules already masked before encoding it (the session log's JSON-quoted raw lines, where a rule's `\S+`
   * would take the closing quote): only the values learned elsewhere are removed from it.
   */
  apply<T>(value: T, mode: 'rules' | 'learned-only' = 'rules'): T {
    if (mode === 'rules')
      for (const text of stringsOf(value)) this.learn(redactDeviceText(text).redactions.map((r) => r.value))
    return createRedactor({ deviceTexts: [], learned: [...this.learned] }).deep(
      value,
      mode === 'rules' ? 'device' : 'text',
    )
  }

  /** Secrets found by the same rules before the text got here (the session log masks as it records). */
  learn(values: readonly string[]): void {
    for (const value of values) this.learned.add(value)
  }
}
