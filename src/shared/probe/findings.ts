/**
 * Probe results through the rules engine. Several results given together are compared with each other
 * (`smtp.path-differs`), so give together only the probes of one comparison; probes of unrelated hosts
 * (the MX hosts of a domain) are diagnosed one by one.
 */
import type { Finding } from '../findings'
import { runRules } from '../rules'
import { probeSource, probeTranscript } from './transcript'
import type { ProbeResult } from './types'

export function probeFindings(results: readonly ProbeResult[]): Finding[] {
  const used = new Set<string>()
  const evidence = results.map((r) => {
    let source = probeSource(r)
    for (let n = 2; used.has(source); n++) source = `${probeSource(r)} (${n})`
    used.add(source)
    return probeTranscript(r, source)
  })
  return runRules(evidence)
}
