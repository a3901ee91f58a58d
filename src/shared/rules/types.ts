/**
 * A rule reads evidence and returns findings. Rules run in registry order and can read the findings of the rules
 * before them (`ctx.findings`), so combining rules such as `pix.duplicate-header-bug` come last.
 */
import type { Evidence } from '../evidence'
import type { FactsWithEvidence } from '../evidence/facts'
import type { SmtpSession } from '../evidence/smtp-session'
import type { EvidenceRef, Finding, RuleId, Severity } from '../findings'
import type { InspectionModel } from '../inspection'
import type { TlsRptEvidence } from '../mail-policy/tlsrpt/types'

export interface RuleContext {
  evidence: readonly Evidence[]
  /** One session per SMTP transcript (pasted, NDR or probe). */
  sessions: readonly SmtpSession[]
  facts: FactsWithEvidence
  /** Where ESMTP inspection applies, built once from all the evidence (src/shared/inspection). */
  inspection: InspectionModel
  /** Transcripts labelled by vantage (`unmask analyze --direct F --through F`): source → vantage. */
  vantages: ReadonlyMap<string, Vantage>
  /** TLS-RPT reports (RFC 8460) given as inputs: what outside senders saw at our MX hosts. */
  tlsReports: readonly TlsRptEvidence[]
  /** Findings of the rules that ran before. */
  findings: readonly Finding[]
}

export type Vantage = 'direct' | 'through'

export interface Rule {
  id: RuleId
  run(ctx: RuleContext): Finding[]
}

export function makeFinding(
  id: RuleId,
  severity: Severity,
  confidence: number,
  evidence: EvidenceRef[],
  params?: Record<string, string | number>,
): Finding {
  return {
    id,
    severity,
    confidence: Math.round(Math.min(1, Math.max(0, confidence)) * 100) / 100,
    titleKey: `findings.${id}.title`,
    explanationKey: `findings.${id}.explanation`,
    ...(params ? { params } : {}),
    evidence,
  }
}

/** A reference to consecutive lines; the excerpt is capped so a megabyte line cannot bloat a report. */
export function ref(source: string, lines: ReadonlyArray<{ line: number; text: string }>): EvidenceRef {
  const first = lines[0]?.line ?? 1
  const last = lines[lines.length - 1]?.line ?? first
  const excerpt = lines
    .map((l) => l.text)
    .join('\n')
    .slice(0, 500)
  return { source, startLine: first, endLine: last, excerpt }
}

export function lineRef(source: string, line: number, text: string): EvidenceRef {
  return ref(source, [{ line, text }])
}
