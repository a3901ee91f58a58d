/**
 * What the TLS-RPT rules share: the readable reports of an analysis, and the `starttls-not-supported` failures grouped
 * by policy domain and receiving MX across every report (a folder of daily reports reads as one history).
 * RFC 8460 §4.3.2.1: `starttls-not-supported` = "the recipient MX did not support STARTTLS" as seen by the sender,
 * which is exactly what a firewall that masks STARTTLS in the EHLO reply makes a sender see.
 */
import type { EvidenceRef } from '../../findings'
import type { TlsRptEvidence, TlsRptFailure, TlsRptPolicy, TlsRptReport } from '../../mail-policy/tlsrpt/types'

export interface ReadReport {
  source: string
  report: TlsRptReport
}

export function readReports(reports: readonly TlsRptEvidence[]): ReadReport[] {
  return reports.flatMap((e) => (e.reading.ok ? [{ source: e.source, report: e.reading.report }] : []))
}

/** The day of an RFC 3339 date-time (`2016-04-01T00:00:00Z` → `2016-04-01`); reports cover whole UTC days. */
export function day(datetime: string): string {
  return datetime.slice(0, 10)
}

export interface MxFailures {
  domain: string
  mx: string
  sessions: number
  reporters: string[]
  sendingIps: string[]
  /** Report days with this failure, sorted. */
  days: string[]
  refs: EvidenceRef[]
}

export function failureRef(source: string, f: TlsRptFailure): EvidenceRef {
  const excerpt = [
    `result-type: ${f.resultType}`,
    f.receivingMxHostname ? `receiving-mx-hostname: ${f.receivingMxHostname}` : null,
    f.sendingMtaIp ? `sending-mta-ip: ${f.sendingMtaIp}` : null,
    `failed-session-count: ${f.failedSessionCount}`,
    f.failureReasonCode ? `failure-reason-code: ${f.failureReasonCode}` : null,
  ]
    .filter(Boolean)
    .join(', ')
  return { source, startLine: f.firstLine, endLine: f.lastLine, excerpt }
}

export function policyRef(source: string, report: TlsRptReport, p: TlsRptPolicy): EvidenceRef {
  const excerpt =
    `${report.organizationName} ${day(report.startDatetime)}..${day(report.endDatetime)}: policy-domain ${p.policyDomain}` +
    ` (${p.policyType}), successful ${p.successfulSessions}, failed ${p.failedSessions}`
  return { source, startLine: p.firstLine, endLine: p.lastLine, excerpt }
}

/** `starttls-not-supported` failures per (policy domain, MX), in the order first met. */
export function starttlsFailures(reports: readonly ReadReport[]): MxFailures[] {
  // Sets while collecting: a busy day lists thousands of sending IPs, and `includes` on arrays would be quadratic.
  const groups = new Map<
    string,
    MxFailures & { seen: { reporters: Set<string>; ips: Set<string>; days: Set<string> } }
  >()
  for (const { source, report } of reports)
    for (const p of report.policies)
      for (const f of p.failures) {
        if (f.resultType !== 'starttls-not-supported') continue
        const mx = f.receivingMxHostname ?? f.receivingIp ?? '?'
        const key = `${p.policyDomain} ${mx}`
        let g = groups.get(key)
        if (!g) {
          const seen = { reporters: new Set<string>(), ips: new Set<string>(), days: new Set<string>() }
          g = { domain: p.policyDomain, mx, sessions: 0, reporters: [], sendingIps: [], days: [], refs: [], seen }
          groups.set(key, g)
        }
        g.sessions += f.failedSessionCount
        if (report.organizationName) g.seen.reporters.add(report.organizationName)
        if (f.sendingMtaIp) g.seen.ips.add(f.sendingMtaIp)
        g.seen.days.add(day(report.startDatetime))
        if (g.refs.length < 5) g.refs.push(failureRef(source, f))
      }
  return [...groups.values()].map(({ seen, ...g }) => ({
    ...g,
    reporters: [...seen.reporters],
    sendingIps: [...seen.ips],
    days: [...seen.days].sort(),
  }))
}
