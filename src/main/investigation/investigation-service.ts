/**
 * What the diagnosis panel asks of main: probe one or two vantage points of a mail path, and analyse
 * everything gathered (pasted texts and probe results) into findings, causes and remedies. Results go into
 * the case journal when a case is open, as they arrive.
 */
import { captureSetsEvidence } from '../../shared/capture/lanes'
import { type Analysis, analyzeEvidence } from '../../shared/diagnosis'
import { readInputs } from '../../shared/diagnosis/inputs'
import type { CaptureAdded } from '../../shared/journal/capture-evidence-schema'
import { JOURNAL, readEvent } from '../../shared/journal/events'
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

  /** Combines pasted texts, probe results and captures (with a case: all of the case's captures) into one diagnosis. */
  analyze(
    texts: Array<{ source: string; text: string }>,
    probes: ProbeResult[],
    caseId?: string,
    captures: readonly CaptureAdded[] = [],
  ): Analysis {
    // A pasted TLS-RPT report is read as one (issue 17); every other text by the text parsers.
    const { evidence, parts, tlsReports } = readInputs(texts)
    // Captures go into the case as they arrive (once each), and the case's captures, whatever brought them, are read.
    const fromCaptures = captureSetsEvidence(caseId ? this.addCaptures(caseId, captures) : captures)
    evidence.push(...fromCaptures.evidence)
    parts.push(...fromCaptures.parts)
    const used = new Set<string>()
    for (const result of probes) {
      let source = probeSource(result)
      for (let n = 2; used.has(source); n++) source = `${probeSource(result)} (${n})`
      used.add(source)
      evidence.push(probeTranscript(result, source))
    }
    const analysis = analyzeEvidence(evidence, parts, new Map(), tlsReports)
    if (caseId && (texts.length > 0 || captures.length > 0)) {
      const handle = this.cases.open(caseId)
      try {
        recordAnalysis(handle, texts, analysis)
      } finally {
        handle.close()
      }
    }
    return analysis
  }

  /** The case's captures (journal `capture.added`), in the order they were added. */
  captures(caseId: string): CaptureAdded[] {
    return this.cases.read(caseId).entries.flatMap((e) => readEvent(e, JOURNAL.captureAdded) ?? [])
  }

  private addCaptures(caseId: string, captures: readonly CaptureAdded[]): CaptureAdded[] {
    const key = (c: CaptureAdded) => `${c.name}\n${c.bytes}\n${c.sha256}\n${c.frameCount}`
    const known = this.captures(caseId)
    const seen = new Set(known.map(key))
    const fresh = captures.filter((c) => !seen.has(key(c)))
    if (fresh.length === 0) return known
    const handle = this.cases.open(caseId)
    try {
      for (const c of fresh) handle.append(JOURNAL.captureAdded, c)
    } finally {
      handle.close()
    }
    return this.captures(caseId)
  }
}
