/**
 * `tlsrpt.failures-started`: the day STARTTLS went missing at an MX, from a series of daily reports: the last report of
 * the same policy domain with sessions and no `starttls-not-supported` at that MX, followed by the first report with
 * them. That day is what to line up with a firewall change (a `write memory`, an upgrade, a new policy-map).
 * Without a clean report before the first failing one, there is no start to name (the failures may be older).
 */
import type { Finding } from '../../findings'
import { makeFinding, type Rule } from '../types'
import { day, policyRef, type ReadReport, readReports, starttlsFailures } from './collect'

function failsAt(r: ReadReport, domain: string, mx: string): boolean {
  return r.report.policies.some(
    (p) =>
      p.policyDomain === domain &&
      p.failures.some(
        (f) => f.resultType === 'starttls-not-supported' && (f.receivingMxHostname ?? f.receivingIp ?? '?') === mx,
      ),
  )
}

export const tlsrptFailuresStarted: Rule = {
  id: 'tlsrpt.failures-started',
  run(ctx) {
    const reports = readReports(ctx.tlsReports).sort((a, b) =>
      a.report.startDatetime.localeCompare(b.report.startDatetime),
    )
    const out: Finding[] = []
    for (const g of starttlsFailures(reports)) {
      const firstFailing = reports.findIndex((r) => failsAt(r, g.domain, g.mx))
      const clean = reports
        .slice(0, firstFailing)
        .filter((r) => r.report.policies.some((p) => p.policyDomain === g.domain && p.successfulSessions > 0))
        .filter((r) => !failsAt(r, g.domain, g.mx))
      const lastClean = clean[clean.length - 1]
      const failing = reports[firstFailing]
      if (!lastClean || !failing) continue
      const cleanPolicy = lastClean.report.policies.find((p) => p.policyDomain === g.domain)!
      out.push(
        makeFinding(this.id, 'info', 0.8, [policyRef(lastClean.source, lastClean.report, cleanPolicy), g.refs[0]!], {
          mx: g.mx,
          domain: g.domain,
          started: day(failing.report.startDatetime),
          lastClean: day(lastClean.report.startDatetime),
        }),
      )
    }
    return out
  },
}
