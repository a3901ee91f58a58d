/** The log lines of given events, per log source: what the log rules that quote up to five lines start from. */
import type { LogEntry, LogEvent } from '../../evidence/logs/log-lines'
import type { EvidenceRef } from '../../findings'
import { lineRef, type RuleContext } from '../types'

export interface LogHits {
  hits: LogEntry[]
  /** The first five hits as evidence. */
  refs: EvidenceRef[]
}

export function logHits(ctx: RuleContext, events: readonly LogEvent[]): LogHits[] {
  const out: LogHits[] = []
  for (const e of ctx.evidence) {
    if (e.kind !== 'log') continue
    const hits = e.data.filter((l) => events.includes(l.event))
    if (hits.length > 0) out.push({ hits, refs: hits.slice(0, 5).map((h) => lineRef(e.source, h.line, h.text)) })
  }
  return out
}
