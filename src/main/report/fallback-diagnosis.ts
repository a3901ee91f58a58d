/**
 * A case recorded with `unmask probe --case` or a device session alone has no diagnosis in its journal. For its report
 * the engine is run here, over what the case holds from before the first change (probe transcripts, command output,
 * pasted text, packet captures — `capture.added`, which a guided capture on the device or `unmask capture --case`
 * writes without a diagnosis), so the customer still gets findings with their evidence. A journal that has its own diagnosis
 * (`analysis.result` / `diagnosis.result`) is left alone: the report shows what the engineer saw.
 */
import { captureSetsEvidence } from '../../shared/capture/lanes'
import type { JournalEntry } from '../../shared/cases'
import { analyzeEvidence, type Evidence } from '../../shared/diagnosis'
import { parseEvidence } from '../../shared/evidence'
import { type CaptureAdded, captureAddedData } from '../../shared/journal/capture-evidence-schema'
import { JOURNAL } from '../../shared/journal/events'
import { probeTranscript } from '../../shared/probe/transcript'
import type { ProbeResult } from '../../shared/probe/types'
import { type DiagnosisData, diagnosisResultData } from '../../shared/report/entries'

const DIAGNOSIS_TYPES = new Set<string>([JOURNAL.analysisResult, JOURNAL.diagnosisResult])

function isProbeResult(data: unknown): data is ProbeResult {
  const d = data as Partial<ProbeResult> | null
  return !!d && typeof d === 'object' && Array.isArray(d.transcript) && !!d.target && typeof d.target.host === 'string'
}

function text(data: unknown, key: string): string | undefined {
  const v = data && typeof data === 'object' ? (data as Record<string, unknown>)[key] : undefined
  return typeof v === 'string' ? v : undefined
}

export function fallbackDiagnosis(entries: readonly JournalEntry[]): DiagnosisData | undefined {
  if (entries.some((e) => DIAGNOSIS_TYPES.has(e.type))) return undefined
  const firstFix = entries.find((e) => e.type === JOURNAL.fixApplied)?.seq ?? Number.POSITIVE_INFINITY
  const evidence: Evidence[] = []
  const captures: CaptureAdded[] = []
  for (const e of entries) {
    if (e.seq > firstFix) continue
    if (e.type === JOURNAL.captureAdded) {
      const record = captureAddedData.safeParse(e.data)
      if (record.success) captures.push(record.data)
    }
    if (e.type === JOURNAL.probeResult && isProbeResult(e.data)) evidence.push(probeTranscript(e.data))
    const output = e.type === JOURNAL.deviceOutput ? text(e.data, 'output') : undefined
    if (output !== undefined)
      evidence.push(
        ...parseEvidence({ source: `${text(e.data, 'device')} ${text(e.data, 'command')}`, text: output }).evidence,
      )
    const pasted = e.type === JOURNAL.evidenceAdded ? text(e.data, 'text') : undefined
    if (pasted !== undefined)
      evidence.push(...parseEvidence({ source: text(e.data, 'source') ?? 'text', text: pasted }).evidence)
  }
  if (evidence.length === 0 && captures.length === 0) return undefined
  try {
    const fromCaptures = captures.length > 0 ? captureSetsEvidence(captures) : null
    if (fromCaptures) evidence.push(...fromCaptures.evidence)
    const analysis = analyzeEvidence(evidence, fromCaptures?.parts)
    const parsed = diagnosisResultData.safeParse({
      findings: analysis.findings,
      causes: analysis.causes,
      facts: analysis.facts,
    })
    return parsed.success ? parsed.data : undefined
  } catch {
    // The report must not fail because the engine cannot read some text; it then shows what was recorded.
    return undefined
  }
}
