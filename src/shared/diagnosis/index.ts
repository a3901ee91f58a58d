/**
 * The engine's front door, used by the CLI, the probe, device collection, the report and the renderer:
 *
 *   analyzeTexts([{ source: 'fw.txt', text }])  → { parts, facts, findings, causes, remedies, skipped }
 *   analyzeEvidence(evidence)                    the same for evidence built directly (a probe's transcript)
 *   analyzeTexts([new TextStream('fw.txt') fed piece by piece, then .end()])   a large file without holding it whole
 *
 * A TLS-RPT report (RFC 8460 JSON) is recognised before the text parsers run and read by src/shared/mail-policy: it is
 * evidence about our MX hosts as outside senders saw them, kept beside the device/SMTP evidence (`tlsReports`).
 *
 * Pure and synchronous: text in, data out. Texts are i18n keys with parameters.
 */
import type { DetectedPart, Evidence, InputText } from '../evidence'
import { collectFacts, type DeviceFacts } from '../evidence/facts'
import type { EvidenceRef, Finding } from '../findings'
import { buildInspectionModel, type InspectionModel } from '../inspection'
import type { TlsRptEvidence } from '../mail-policy/tlsrpt/types'
import { selectRemedies } from '../remedies/select'
import type { Remedy, SkippedRemedy } from '../remedies/types'
import { runRules, type Vantage } from '../rules'
import { diagnose, type RootCause } from './causes'
import { readInputs } from './inputs'
import type { StreamedText } from './stream'

export interface Analysis {
  parts: DetectedPart[]
  facts: DeviceFacts
  /** Where each fact was read. */
  factSources: Partial<Record<keyof DeviceFacts, EvidenceRef>>
  findings: Finding[]
  /** Where ESMTP inspection applies, per policy/class/map with the lines that prove it. */
  inspection: InspectionModel
  causes: RootCause[]
  remedies: Remedy[]
  skipped: SkippedRemedy[]
}

export function analyzeEvidence(
  evidence: readonly Evidence[],
  parts: DetectedPart[] = [],
  vantages: ReadonlyMap<string, Vantage> = new Map(),
  tlsReports: readonly TlsRptEvidence[] = [],
): Analysis {
  const facts = collectFacts(evidence)
  const inspection = buildInspectionModel(evidence)
  const findings = runRules(evidence, vantages, inspection, tlsReports)
  const diagnosed = diagnose(findings, evidence, facts.facts.platform)
  const { causes, remedies, skipped } = selectRemedies(diagnosed, { evidence, facts, findings, inspection })
  return { parts, facts: facts.facts, factSources: facts.sources, findings, inspection, causes, remedies, skipped }
}

/** An input text, optionally labelled with the vantage it was taken from (direct to the server, or through the path). */
export type VantageInput = InputText & { vantage?: Vantage }

/** `extra`: evidence built outside the text parsers (capture transcripts, src/shared/capture/evidence.ts). */
export function analyzeTexts(
  inputs: readonly (VantageInput | StreamedText)[],
  extra: { evidence: readonly Evidence[]; parts: readonly DetectedPart[] } = { evidence: [], parts: [] },
): Analysis {
  const parts: DetectedPart[] = [...extra.parts]
  const evidence: Evidence[] = [...extra.evidence]
  const read = readInputs(inputs)
  parts.push(...read.parts)
  evidence.push(...read.evidence)
  return analyzeEvidence(evidence, parts, read.vantages, read.tlsReports)
}

export type { DetectedPart, Evidence, InputText } from '../evidence'
export type { DeviceFacts } from '../evidence/facts'
export type { InspectionModel } from '../inspection'
export type { Remedy, SkippedRemedy } from '../remedies/types'
export type { Vantage } from '../rules'
export type { CauseId, RootCause } from './causes'
export { type StreamedText, streamable, TextStream } from './stream'
