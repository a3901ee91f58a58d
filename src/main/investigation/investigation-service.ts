/**
 * What the diagnosis panel asks of main: probe one or two vantage points of a mail path, and analyse
 * everything gathered (pasted texts and probe results) into findings, causes and remedies. Results go into
 * the case journal when a case is open, as they arrive.
 */
import { type Analysis, analyzeEvidence, type Evidence } from '../../shared/diagnosis'
import { parseEvidence } from '../../shared/evidence'
import { compareProbes, type PathComparison } from '../../shared/probe/compare'
import { probeSource, probeTranscript } from '../../shared/probe/transcript'
import type { ProbeOptions, ProbeResult, ProbeTarget } from '../../shared/probe/types'
import type { CaseStore } from '../cases/case-store'
import { probe } from '../smtp/probe'

export interface ProbeRun {
  results: ProbeResult[]
  comparison?: PathComparison
  analysis: Analysis
}

export class InvestigationService {
  constructor(
    private readonly cases: CaseStore,
    private readonly probeOptions: ProbeOptions = {},
  ) {}

  /** Probes the targets in parallel; two targets are compared line by line (e.g. direct vs through the firewall). */
  async runProbes(targets: ProbeTarget[], caseId?: string): Promise<ProbeRun> {
    const results = await Promise.all(
      targets.map(async (target) => {
        const result = await probe(target, this.probeOptions)
        this.record(caseId, 'probe.result', result)
        return result
      }),
    )
    const comparison = results.length === 2 ? compareProbes(results[0]!, results[1]!) : undefined
    if (comparison) this.record(caseId, 'probe.comparison', comparison)
    return { results, comparison, analysis: this.analyze([], results) }
  }

  /** Combines pasted texts and probe results into one diagnosis. */
  analyze(texts: Array<{ source: string; text: string }>, probes: ProbeResult[], caseId?: string): Analysis {
    const evidence: Evidence[] = []
    const parts: Analysis['parts'] = []
    for (const input of texts) {
      const parsed = parseEvidence(input)
      evidence.push(...parsed.evidence)
      parts.push(...parsed.parts)
    }
    const used = new Set<string>()
    for (const result of probes) {
      let source = probeSource(result)
      for (let n = 2; used.has(source); n++) source = `${probeSource(result)} (${n})`
      used.add(source)
      evidence.push(probeTranscript(result, source))
    }
    const analysis = analyzeEvidence(evidence, parts)
    if (caseId && texts.length > 0) {
      for (const input of texts) this.attach(caseId, input.source, input.text)
      this.record(caseId, 'analysis.result', {
        sources: texts.map((t) => t.source),
        facts: analysis.facts,
        findings: analysis.findings,
        causes: analysis.causes,
        remedies: analysis.remedies.map((r) => r.id),
      })
    }
    return analysis
  }

  private record(caseId: string | undefined, type: string, data: unknown): void {
    if (!caseId) return
    const handle = this.cases.open(caseId)
    try {
      handle.append(type, data)
    } finally {
      handle.close()
    }
  }

  private attach(caseId: string, name: string, text: string): void {
    const handle = this.cases.open(caseId)
    try {
      handle.attach(name, text)
    } finally {
      handle.close()
    }
  }
}
