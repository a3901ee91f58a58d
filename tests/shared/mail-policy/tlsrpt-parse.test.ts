/**
 * Reading TLS-RPT reports (RFC 8460): the RFC example and real published reports (tests/fixtures/tlsrpt/README.md),
 * with the line ranges findings point at, and the inputs that must be refused or not taken for a report.
 */
import { describe, expect, it } from 'vitest'
import { detectKind } from '../../../src/shared/evidence'
import { objectLines } from '../../../src/shared/mail-policy/tlsrpt/locate'
import { looksLikeTlsRpt, parseTlsRpt } from '../../../src/shared/mail-policy/tlsrpt/parse'
import { RFC_EXAMPLE, tlsrptFixture } from './tlsrpt-fixtures'

function ok(text: string) {
  const r = parseTlsRpt(text)
  if (!r.ok) throw new Error(`not read: ${r.detail}`)
  return r.report
}

describe('TLS-RPT parsing', () => {
  it('reads the RFC 8460 example with policy, counts and the lines of each failure', () => {
    const text = RFC_EXAMPLE()
    const report = ok(text)
    expect(report.organizationName).toBe('Company-X')
    expect([report.startDatetime, report.endDatetime]).toEqual(['2016-04-01T00:00:00Z', '2016-04-01T23:59:59Z'])
    const [p] = report.policies
    expect(p).toMatchObject({
      policyType: 'sts',
      policyDomain: 'company-y.example',
      mxHosts: ['*.mail.company-y.example'],
      successfulSessions: 5326,
      failedSessions: 303,
    })
    expect(p!.policyString).toContain('mode: testing')
    expect(p!.failures.map((f) => [f.resultType, f.receivingMxHostname, f.failedSessionCount])).toEqual([
      ['certificate-expired', 'mx1.mail.company-y.example', 100],
      ['starttls-not-supported', 'mx2.mail.company-y.example', 200],
      ['validation-failure', 'mx-backup.mail.company-y.example', 3],
    ])
    // The line range of each failure holds exactly that failure's fields.
    const lines = text.split('\n')
    for (const f of p!.failures) {
      const block = lines.slice(f.firstLine - 1, f.lastLine).join('\n')
      expect(block).toContain(`"result-type": "${f.resultType}"`)
      expect(block).toContain(`"failed-session-count": ${f.failedSessionCount}`)
      expect(block.match(/result-type/g)).toHaveLength(1)
    }
    const starttls = p!.failures[1]!
    expect(starttls.sendingMtaIp).toBe('2001:db8:abcd:0013::1')
    expect(starttls.receivingIp).toBe('203.0.113.56')
  })

  it('reads the real one-line Google report (gzip) with only successes', () => {
    const report = ok(tlsrptFixture('google-no-policy-found-only-successes.json.gz'))
    expect(report).toMatchObject({ organizationName: 'Google Inc.', firstLine: 1, lastLine: 1 })
    expect(report.policies).toEqual([
      expect.objectContaining({
        policyType: 'no-policy-found',
        policyDomain: 'cardinalhealth.ca',
        successfulSessions: 48,
        failedSessions: 0,
        failures: [],
      }),
    ])
  })

  it('keeps failures without a receiving MX (Mail.ru sts-policy-fetch-error, keys in another order)', () => {
    const report = ok(tlsrptFixture('mail-ru-sts-policy-fetch-error.json'))
    expect(report.startDatetime).toBe('2024-02-22T00:00:00Z')
    expect(report.policies[0]!.failures.map((f) => [f.resultType, f.receivingMxHostname, f.failureReasonCode])).toEqual(
      [
        ['sts-policy-fetch-error', null, 'bad https response code: 404'],
        ['sts-policy-fetch-error', null, 'bad https response code: 500'],
      ],
    )
  })

  it('accepts mx-host as an array too', () => {
    const text = RFC_EXAMPLE().replace('"mx-host": "*.mail.company-y.example"', '"mx-host": ["a.example", "b.example"]')
    expect(ok(text).policies[0]!.mxHosts).toEqual(['a.example', 'b.example'])
  })

  it('refuses broken JSON and reports without date-range or policy-domain, with the reason', () => {
    const text = RFC_EXAMPLE()
    const truncated = parseTlsRpt(text.slice(0, text.length / 2))
    expect(truncated).toMatchObject({ ok: false, reason: 'json' })
    const noDomain = parseTlsRpt(text.replace('"policy-domain": "company-y.example",', ''))
    expect(noDomain).toMatchObject({ ok: false, reason: 'shape', detail: 'a policy without policy-domain' })
    const noRange = parseTlsRpt('{"organization-name": "x", "policies": []}')
    expect(noRange).toMatchObject({ ok: false, reason: 'shape', detail: 'date-range missing' })
  })

  it('counts a negative or fractional session count as 0 rather than trusting it', () => {
    const text = RFC_EXAMPLE().replace('"failed-session-count": 200', '"failed-session-count": -5')
    expect(ok(text).policies[0]!.failures[1]!.failedSessionCount).toBe(0)
  })

  it('is recognised by content, and other JSON or text is not', () => {
    expect(looksLikeTlsRpt(RFC_EXAMPLE())).toBe(true)
    expect(detectKind(RFC_EXAMPLE())).toBe('tlsrpt')
    expect(detectKind(tlsrptFixture('google-no-policy-found-only-successes.json.gz'))).toBe('tlsrpt')
    expect(looksLikeTlsRpt('{"policies": [], "name": "not a report"}')).toBe(false)
    expect(looksLikeTlsRpt('220 mx.example ESMTP\r\n"policies": "date-range":')).toBe(false)
    expect(detectKind('{"policies": [], "name": "x"}')).not.toBe('tlsrpt')
  })

  it('locates objects by their braces, not by braces inside strings', () => {
    const text = '{\n "a": "{ not an object }",\n "b": {\n  "c": "\\"}"\n }\n}'
    expect(objectLines(text)).toEqual([
      { firstLine: 1, lastLine: 6 },
      { firstLine: 3, lastLine: 5 },
    ])
  })
})
