/**
 * The engine's front door, used by the CLI, the probe, device collection, the report and the renderer:
 *
 *   analyzeTexts([{ source: 'fw.txt', text }])  → { parts, facts, findings, causes, remedies, skipped }
 *   analyzeEvidence(evidence)                    the same for evidence built directly (a probe's transcript)
 *
 * Pure and synchronous: text in, data out. Texts are i18n keys with parameters.
 */
import { type DetectedPart, type Evidence, type InputText, parseEvidence } from '../evidence'
import { collectFacts, type DeviceFacts } from '../evidence/facts'
import type { EvidenceRef, Finding } from '../findings'
import { selectRemedies } from '../remedies/select'
import type { Remedy, SkippedRemedy } from '../remedies/types'
import { runRules } from '../rules'
import { diagnose, type RootCause } from './causes'

export interface Analysis {
  parts: DetectedPart[]
  facts: DeviceFacts
  /** Where each fact was read. */
  factSources: Partial<Record<keyof DeviceFacts, EvidenceRef>>
  findings: Finding[]
  causes: RootCause[]
  remedies: Remedy[]
  skipped: SkippedRemedy[]
}

export function analyzeEvidence(evidence: readonly Evidence[], parts: DetectedPart[] = []): Analysis {
  const facts = collectFacts(evidence)
  const findings = runRules(evidence)
  const causes = diagnose(findings, evidence, facts.facts.platform)
  const { remedies, skipped } = selectRemedies(causes, evidence, facts)
  return { parts, facts: facts.facts, factSources: facts.sources, findings, causes, remedies, skipped }
}

export function analyzeTexts(inputs: readonly InputText[]): Analysis {
  const parts: DetectedPart[] = []
  const evidence: Evidence[] = []
  for (const input of inputs) {
    const parsed = parseEvidence(input)
    parts.push(...parsed.parts)
    evidence.push(...parsed.evidence)
  }
  return analyzeEvidence(evidence, parts)
}

export type { DetectedPart, Evidence, InputText } from '../evidence'
export type { DeviceFacts } from '../evidence/facts'
export type { Remedy, SkippedRemedy } from '../remedies/types'
export type { CauseId, RootCause } from './causes'
