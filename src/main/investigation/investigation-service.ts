/**
 * What the diagnosis panel asks of main: probe one or two vantage points of a mail path, and analyse
 * everything gathered (pasted texts and probe results) into findings, causes and remedies. Results go into
 * the case journal when a case is open, as they arrive.
 */
import { type Analysis, analyzeEvidence } from '../../shared/diagnosis'
import { readInputs } from '../../shared/diagnosis/inputs'
import type { PathComparison } from '../../shared/probe/compare'
import { probeSource, probeTranscript } from '../../shared/probe/transcript'
import type { ProbeOptions, ProbeResult, ProbeTarget } from '../../shared/probe/types'
import type { CaseStore } from '../cases/case-store'
import { recordAnalysis } from '../cases/record-analysis'
import { runProbeRequest } from '../smtp/run'

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
    const [first, second] = targets
    if (!first) throw new Error('no target')
    const journal = caseId ? this.cases.open(caseId) : undefined
    try {
      // The same request path as `unmask probe`, so the journal entries are the same whichever made them.
      const report = await runProbeRequest(
        {
          target: { host: first.host, port: first.port, explicitPort: true },
          compare: second ? { host: second.host, port: second.port } : undefined,
          vantage: first.vantage,
          compareVantage: second?.vantage,
          mode: first.mode ?? 'starttls',
          options: this.probeOptions,
        },
        {},
        journal,
      )
      const results = report.probes.map((p) => p.result)
      return { results, comparison: report.comparison?.comparison, analysis: this.analyze([], results) }
    } finally {
      journal?.close()
    }
  }

  /** Combines pasted texts and probe results into one diagnosis. */
  analyze(texts: Array<{ source: string; text: string }>, probes: ProbeResult[], caseId?: string): Analysis {
    // A pasted TLS-RPT report is read as one (issue 17); every other text by the text parsers.
    const { evidence, parts, tlsReports } = readInputs(texts)
    const used = new Set<string>()
    for (const result of probes) {
      let source = probeSource(result)
      for (let n = 2; used.has(source); n++) source = `${probeSource(result)} (${n})`
      used.add(source)
      evidence.push(probeTranscript(result, source))
    }
    const analysis = analyzeEvidence(evidence, parts, new Map(), tlsReports)
    if (caseId && texts.length > 0) {
      const handle = this.cases.open(caseId)
      try {
        recordAnalysis(handle, texts, analysis)
      } finally {
        handle.close()
      }
    }
    return analysis
  }
}
