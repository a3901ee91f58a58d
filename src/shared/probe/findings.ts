/**
 * Probe results through the engine: the rules (findings) and the diagnosis (root causes). Several results
 * given together are compared with each other (`smtp.path-differs`), so give together only the probes of
 * one comparison; probes of unrelated hosts (the MX hosts of a domain) are diagnosed one by one.
 *
 * Two results of one comparison are labelled as vantages for the rules, as `unmask analyze --direct/--through`
 * labels texts: a path rewrites by removing (masks, an asterisked banner, a refused EHLO, a deleted STARTTLS
 * line), never by adding, so the view with more of that is `through` and the other `direct`. The rules then read
 * a mask from the direct view's keywords (XXXXXXXB next to SMTPUTF8 is SMTPUTF8, §7.2). Equal views get no labels.
 */

import { type Analysis, analyzeEvidence } from '../diagnosis'
import { bannerMaskVariant } from '../evidence/smtp/masks'
import { isBareOk } from '../evidence/smtp-reply'
import type { Finding } from '../findings'
import { runRules, type Vantage } from '../rules'
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
  const evidence = probeEvidence(results)
  return runRules(evidence, impliedVantages(results, evidence))
}

/** Findings, root causes and remedies, as `unmask analyze` gives them for pasted text. */
export function probeAnalysis(results: readonly ProbeResult[]): Analysis {
  const evidence = probeEvidence(results)
  return analyzeEvidence(evidence, [], impliedVantages(results, evidence))
}

/** How much of a view a path has taken away: masked lines, an asterisked banner, a refused or bare-OK EHLO. */
function removed(r: ProbeResult): number {
  const banner = r.banner?.lines[0]?.raw
  const greeting = r.greeting
  return (
    (greeting?.extensions.filter((e) => e.masked).length ?? 0) +
    (banner && bannerMaskVariant(banner) !== null ? 1 : 0) +
    (greeting && (greeting.ehloRefused || isBareOk(greeting.reply)) ? 1 : 0)
  )
}

const offersStarttls = (r: ProbeResult) => r.greeting?.extensions.some((e) => e.keyword === 'STARTTLS') === true

function impliedVantages(results: readonly ProbeResult[], evidence: readonly ProbeTranscript[]): Map<string, Vantage> {
  const vantages = new Map<string, Vantage>()
  const [a, b] = results
  if (results.length !== 2 || !a || !b) return vantages
  let through: 0 | 1 | undefined
  const [ra, rb] = [removed(a), removed(b)]
  if (ra !== rb) through = ra > rb ? 0 : 1
  else if (offersStarttls(a) !== offersStarttls(b)) through = offersStarttls(a) ? 1 : 0
  if (through === undefined) return vantages
  vantages.set(evidence[through]!.source, 'through')
  vantages.set(evidence[1 - through]!.source, 'direct')
  return vantages
}
