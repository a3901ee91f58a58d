/**
 * Which path: `tlsrpt.all-mx-failing` when every session of the days with `starttls-not-supported` failed (no sender got
 * TLS at any MX: the masking sits where all MX paths meet, typically the one edge firewall), `tlsrpt.some-mx-failing`
 * when other sessions of those days succeeded (only the path to the failing MX masks: a second firewall, another site,
 * a backup MX behind an older box). RFC 8460 summaries count sessions per policy, not per MX, so "the others work" is
 * read from the successful-session total of the same reports; MX names come from the failures and the policy's
 * `mx-host`/`mx:` lines (wildcards cannot be listed).
 */
import type { EvidenceRef, Finding } from '../../findings'
import { makeFinding, type Rule } from '../types'
import { policyRef, readReports, starttlsFailures } from './collect'

function mxNamesOfPolicy(hosts: readonly string[], policyString: readonly string[]): string[] {
  const fromPolicy = policyString.flatMap((l) => {
    const m = /^\s*mx\s*:\s*(\S+)/i.exec(l)
    return m ? [m[1]!] : []
  })
  return [...hosts, ...fromPolicy].map((h) => h.toLowerCase().replace(/\.$/, '')).filter((h) => !h.includes('*'))
}

export const tlsrptMxScope: Rule = {
  id: 'tlsrpt.all-mx-failing',
  run(ctx) {
    const reports = readReports(ctx.tlsReports)
    const out: Finding[] = []
    const groups = starttlsFailures(reports)
    for (const domain of new Set(groups.map((g) => g.domain))) {
      const failing = groups.filter((g) => g.domain === domain)
      const failingMx = failing.map((g) => g.mx)
      const days = new Set(failing.flatMap((g) => g.days))
      const known = new Set(failingMx)
      let successes = 0
      let failed = 0
      const refs: EvidenceRef[] = []
      for (const { source, report } of reports)
        for (const p of report.policies) {
          if (p.policyDomain !== domain) continue
          for (const mx of mxNamesOfPolicy(p.mxHosts, p.policyString)) known.add(mx)
          for (const f of p.failures) if (f.receivingMxHostname) known.add(f.receivingMxHostname)
          if (!days.has(report.startDatetime.slice(0, 10))) continue
          successes += p.successfulSessions
          failed += p.failedSessions
          if (refs.length < 3) refs.push(policyRef(source, report, p))
        }
      const others = [...known].filter((mx) => !failingMx.includes(mx))
      const params = {
        domain,
        failing: failingMx.join(', '),
        others: others.join(', ') || '-',
        successes,
        failed,
      }
      const evidence = [...refs, ...failing.flatMap((g) => g.refs.slice(0, 1))]
      if (successes === 0) out.push(makeFinding('tlsrpt.all-mx-failing', 'critical', 0.75, evidence, params))
      else out.push(makeFinding('tlsrpt.some-mx-failing', 'warning', 0.7, evidence, params))
    }
    return out
  },
}
