/**
 * The rules engine: evidence in, findings out.
 *   runRules(evidence)                 every rule over all evidence (device facts shared between sources)
 *   smtpTranscriptFindings(transcript) the SMTP rules over one transcript (what the probe calls)
 */
import type { Evidence } from '../evidence'
import { collectFacts } from '../evidence/facts'
import { buildSmtpSession } from '../evidence/smtp-session'
import type { SmtpTranscript } from '../evidence/types'
import type { Finding } from '../findings'
import { buildInspectionModel, type InspectionModel } from '../inspection'
import type { TlsRptEvidence } from '../mail-policy/tlsrpt/types'
import { RULES } from './registry'
import type { RuleContext, Vantage } from './types'

export function runRules(
  evidence: readonly Evidence[],
  vantages: ReadonlyMap<string, Vantage> = new Map(),
  inspection: InspectionModel = buildInspectionModel(evidence),
  tlsReports: readonly TlsRptEvidence[] = [],
): Finding[] {
  const sessions = evidence.flatMap((e) => (e.kind === 'smtp-transcript' ? [buildSmtpSession(e)] : []))
  const ctx: RuleContext = {
    evidence,
    sessions,
    facts: collectFacts(evidence),
    inspection,
    vantages,
    tlsReports,
    findings: [],
  }
  const findings: Finding[] = []
  for (const rule of RULES) {
    findings.push(...rule.run({ ...ctx, findings }))
  }
  return findings
}

/** The findings of one SMTP transcript, e.g. a live probe's. */
export function smtpTranscriptFindings(transcript: SmtpTranscript): Finding[] {
  const evidence: Evidence = { ...transcript, shape: 'probe' }
  return runRules([evidence]).filter((f) => f.id.startsWith('smtp.'))
}

export { RULE_IDS, RULES } from './registry'
export type { Rule, RuleContext, Vantage } from './types'
