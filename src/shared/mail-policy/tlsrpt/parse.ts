/**
 * Reading a TLS-RPT aggregate report (RFC 8460 §4.4, JSON; field names per §4.3 and the Appendix B example). The
 * parser is lenient where senders differ in the wild and strict where a diagnosis depends on a field:
 *   - `mx-host` may be a string (RFC text) or an array (erratum; parsedmarc and Google send either);
 *   - `failure-details` may be missing (a report with only successes, e.g. Google's);
 *   - a failure may lack `receiving-mx-hostname` (`sts-policy-fetch-error` has none: Mail.ru sample);
 *   - but `date-range`, `policies` and each `policy-domain` must be there, or the report is refused with the reason.
 * Pure: text in, data out (gzip is undone by the caller, see src/cli/commands/analyze-reports.ts).
 */
import { objectLines, withLines } from './locate'
import type { LineRange, TlsRptFailure, TlsRptPolicy, TlsRptReading, TlsRptReport } from './types'

/** Cheap test on the first bytes: a JSON object naming the RFC 8460 top-level fields. */
export function looksLikeTlsRpt(text: string): boolean {
  const head = text.slice(0, 65536).trimStart()
  if (!head.startsWith('{')) return false
  return /"policies"\s*:/.test(text) && /"(date-range|organization-name|report-id)"\s*:/.test(head)
}

type Json = Record<string, unknown>

function isObject(v: unknown): v is Json {
  return v !== null && typeof v === 'object' && !Array.isArray(v)
}

function str(o: Json, key: string): string | null {
  const v = o[key]
  return typeof v === 'string' ? v : null
}

/** A count as RFC 8460 defines it (a non-negative integer); anything else counts as 0. */
function count(o: Json, key: string): number {
  const v = o[key]
  return typeof v === 'number' && Number.isInteger(v) && v >= 0 ? v : 0
}

function strings(v: unknown): string[] {
  if (typeof v === 'string') return [v]
  return Array.isArray(v) ? v.filter((s): s is string => typeof s === 'string') : []
}

class ShapeError extends Error {}

export function parseTlsRpt(text: string): TlsRptReading {
  const lastLine = Math.max(1, text.split('\n').length - (text.endsWith('\n') ? 1 : 0))
  let value: unknown
  try {
    value = JSON.parse(text)
  } catch (error) {
    return { ok: false, reason: 'json', detail: (error as Error).message.slice(0, 200), firstLine: 1, lastLine }
  }
  const lines = withLines(value, objectLines(text))
  const at = (o: object): LineRange => lines.get(o) ?? { firstLine: 1, lastLine }
  try {
    return { ok: true, report: readReport(value, at) }
  } catch (error) {
    if (!(error instanceof ShapeError)) throw error
    return { ok: false, reason: 'shape', detail: error.message, firstLine: 1, lastLine }
  }
}

function readReport(value: unknown, at: (o: object) => LineRange): TlsRptReport {
  if (!isObject(value)) throw new ShapeError('not a JSON object')
  const range = value['date-range']
  if (!isObject(range)) throw new ShapeError('date-range missing')
  const startDatetime = str(range, 'start-datetime')
  const endDatetime = str(range, 'end-datetime')
  if (!startDatetime || !endDatetime) throw new ShapeError('date-range without start-datetime/end-datetime')
  const policies = value.policies
  if (!Array.isArray(policies)) throw new ShapeError('policies missing')
  return {
    ...at(value),
    organizationName: str(value, 'organization-name') ?? '',
    startDatetime,
    endDatetime,
    contactInfo: str(value, 'contact-info'),
    reportId: str(value, 'report-id') ?? '',
    policies: policies.map((p) => readPolicy(p, at)),
  }
}

function readPolicy(entry: unknown, at: (o: object) => LineRange): TlsRptPolicy {
  if (!isObject(entry) || !isObject(entry.policy)) throw new ShapeError('a policies entry without policy')
  const policy = entry.policy
  const policyDomain = str(policy, 'policy-domain')
  if (!policyDomain) throw new ShapeError('a policy without policy-domain')
  const summary = isObject(entry.summary) ? entry.summary : {}
  const details = Array.isArray(entry['failure-details']) ? entry['failure-details'] : []
  return {
    ...at(entry),
    policyType: str(policy, 'policy-type') ?? 'no-policy-found',
    policyDomain: policyDomain.toLowerCase().replace(/\.$/, ''),
    mxHosts: strings(policy['mx-host']),
    policyString: strings(policy['policy-string']),
    successfulSessions: count(summary, 'total-successful-session-count'),
    failedSessions: count(summary, 'total-failure-session-count'),
    failures: details.filter(isObject).map((d) => readFailure(d, at)),
  }
}

function readFailure(d: Json, at: (o: object) => LineRange): TlsRptFailure {
  const mx = str(d, 'receiving-mx-hostname')
  return {
    ...at(d),
    resultType: str(d, 'result-type') ?? 'unknown',
    sendingMtaIp: str(d, 'sending-mta-ip'),
    receivingMxHostname: mx ? mx.toLowerCase().replace(/\.$/, '') : null,
    receivingIp: str(d, 'receiving-ip'),
    failedSessionCount: count(d, 'failed-session-count'),
    failureReasonCode: str(d, 'failure-reason-code'),
  }
}
