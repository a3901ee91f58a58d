/**
 * The TLS-RPT results that are not missing STARTTLS, so they are not mistaken for masking:
 *   `tlsrpt.other-failures` (warning): certificate, DANE/TLSA, MTA-STS policy failures (RFC 8460 §4.3.2.2-4): TLS was
 *     offered, something else failed; a firewall's SMTP inspection is not the cause.
 *   `tlsrpt.all-successful` (info): a policy domain whose reports count sessions and no failure at all (Google sends
 *     these daily, e.g. `no-policy-found` with only successes): STARTTLS worked for every reporting sender.
 *   `tlsrpt.unreadable` (warning): an input that looked like a TLS-RPT report but could not be read, with why.
 */
import type { Finding } from '../../findings'
import { makeFinding, type Rule } from '../types'
import { failureRef, policyRef, readReports } from './collect'

export const tlsrptOtherResults: Rule = {
  id: 'tlsrpt.other-failures',
  run(ctx) {
    const out: Finding[] = []
    for (const e of ctx.tlsReports)
      if (!e.reading.ok)
        out.push(
          makeFinding(
            'tlsrpt.unreadable',
            'warning',
            1,
            [
              {
                source: e.source,
                startLine: e.reading.firstLine,
                endLine: e.reading.lastLine,
                excerpt: e.reading.detail,
              },
            ],
            { source: e.source, detail: e.reading.detail },
          ),
        )
    const reports = readReports(ctx.tlsReports)
    const other = new Map<string, { sessions: number; mx: Set<string>; refs: ReturnType<typeof failureRef>[] }>()
    const byDomain = new Map<
      string,
      { successes: number; failures: number; reporters: Set<string>; refs: ReturnType<typeof policyRef>[] }
    >()
    for (const { source, report } of reports)
      for (const p of report.policies) {
        const d = byDomain.get(p.policyDomain) ?? { successes: 0, failures: 0, reporters: new Set(), refs: [] }
        byDomain.set(p.policyDomain, d)
        d.successes += p.successfulSessions
        d.failures += p.failedSessions + p.failures.reduce((n, f) => n + f.failedSessionCount, 0)
        if (report.organizationName) d.reporters.add(report.organizationName)
        if (d.refs.length < 3) d.refs.push(policyRef(source, report, p))
        for (const f of p.failures) {
          if (f.resultType === 'starttls-not-supported') continue
          const g = other.get(f.resultType) ?? { sessions: 0, mx: new Set<string>(), refs: [] }
          other.set(f.resultType, g)
          g.sessions += f.failedSessionCount
          if (f.receivingMxHostname) g.mx.add(f.receivingMxHostname)
          if (g.refs.length < 3) g.refs.push(failureRef(source, f))
        }
      }
    for (const [type, g] of other)
      out.push(
        makeFinding('tlsrpt.other-failures', 'warning', 0.9, g.refs, {
          type,
          sessions: g.sessions,
          mx: [...g.mx].join(', ') || '-',
        }),
      )
    for (const [domain, d] of byDomain)
      if (d.failures === 0 && d.successes > 0)
        out.push(
          makeFinding('tlsrpt.all-successful', 'info', 0.9, d.refs, {
            domain,
            sessions: d.successes,
            reporters: [...d.reporters].join(', ') || '-',
          }),
        )
    return out
  },
}
