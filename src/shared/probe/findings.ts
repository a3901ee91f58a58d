/**
 * Probe results through the engine: the rules (findings) and the diagnosis (root causes). Several results
 * given together are compared with each other (`smtp.path-differs`), so give together only the probes of
 * one comparison; probes of unrelated hosts (the MX hosts of a domain) are diagnosed one by one.
 */
import { type Analysis, analyzeEvidence } from '../diagnosis'
import type { Finding } from '../findings'
import { runRules } from '../rules'
import { type ProbeTranscript, probeSource, probeTranscript } from './transcript'
import type { ProbeResult } from './types'

/** One transcript per result; a label used twice gets ` (2)`, ` (3)`… so findings point at the right one. */
export function probeEvidence(results: readonly ProbeResult[]): ProbeTranscript[] {
  const used = new Set<string>()
  return results.map((r) => {
    let source = probeSource(r)
    for (let n = 2; used.has(source); n++) source = `${probeSource(r)} (${n})`
    used.add(source)
    return probeTranscript(r, source)
  })
}

export function probeFindings(results: readonly ProbeResult[]): Finding[] {
  return runRules(probeEvidence(results))
}

/** Findings, root causes and remedies, as `unmask analyze` gives them for pasted text. */
export function probeAnalysis(results: readonly ProbeResult[]): Analysis {
  return analyzeEvidence(probeEvidence(results))
}
