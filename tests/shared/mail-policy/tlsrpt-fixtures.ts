/**
 * The TLS-RPT fixtures (tests/fixtures/tlsrpt, sources in its README) and series derived from the RFC 8460 example.
 * Derived reports change dates and counts of the RFC example only; they say so in their source label.
 */
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { gunzipSync } from 'node:zlib'

export const TLSRPT_DIR = join(__dirname, '..', '..', 'fixtures', 'tlsrpt')

export function tlsrptFixture(name: string): string {
  const data = readFileSync(join(TLSRPT_DIR, name))
  return (name.endsWith('.gz') ? gunzipSync(data) : data).toString('utf8')
}

export const RFC_EXAMPLE = () => tlsrptFixture('rfc8460-appendix-b.json')

type Report = {
  'date-range': { 'start-datetime': string; 'end-datetime': string }
  policies: {
    summary: Record<string, number>
    'failure-details'?: Record<string, unknown>[]
  }[]
}

/** The RFC example moved to another day, with its summary and failures replaced. */
export function derivedReport(
  day: string,
  successes: number,
  failures: { type: string; mx: string; count: number }[],
): string {
  const r = JSON.parse(RFC_EXAMPLE()) as Report
  r['date-range'] = { 'start-datetime': `${day}T00:00:00Z`, 'end-datetime': `${day}T23:59:59Z` }
  const p = r.policies[0]!
  p.summary = {
    'total-successful-session-count': successes,
    'total-failure-session-count': failures.reduce((n, f) => n + f.count, 0),
  }
  p['failure-details'] = failures.map((f) => ({
    'result-type': f.type,
    'sending-mta-ip': '2001:db8:abcd:0013::1',
    'receiving-mx-hostname': f.mx,
    'failed-session-count': f.count,
  }))
  if (failures.length === 0) delete p['failure-details']
  return JSON.stringify(r, null, 2)
}
