/**
 * What `unmask analyze` concludes from TLS-RPT reports: the failing MX with counts, reporters and days; the day it
 * started; all MX vs one path; and the counter-examples (only successes, failures that are not masking, unreadable).
 * Series of reports are derived from the RFC 8460 example (tlsrpt-fixtures.ts), the single reports are real.
 */
import { describe, expect, it } from 'vitest'
import { type Analysis, analyzeTexts } from '../../../src/shared/diagnosis'
import { renderTextReport } from '../../../src/shared/diagnosis/text-report'
import { createTranslator, type Language } from '../../../src/shared/i18n'
import { derivedReport, RFC_EXAMPLE, tlsrptFixture } from './tlsrpt-fixtures'

const ids = (a: Analysis) => a.findings.map((f) => f.id)
const find = (a: Analysis, id: string) => a.findings.filter((f) => f.id === id)

const CLEAN_DAY = () => derivedReport('2016-03-31', 5100, [])
const ALL_FAILING = () =>
  derivedReport('2016-04-02', 0, [
    { type: 'starttls-not-supported', mx: 'mx1.mail.company-y.example', count: 40 },
    { type: 'starttls-not-supported', mx: 'mx2.mail.company-y.example', count: 60 },
  ])

describe('TLS-RPT rules', () => {
  it('names the MX without STARTTLS with counts, reporter, sending MTA and day (RFC 8460 example)', () => {
    const a = analyzeTexts([{ source: 'rfc.json', text: RFC_EXAMPLE() }])
    const [f, ...more] = find(a, 'tlsrpt.starttls-not-supported')
    expect(more).toEqual([])
    expect(f).toMatchObject({
      severity: 'critical',
      params: {
        mx: 'mx2.mail.company-y.example',
        domain: 'company-y.example',
        sessions: 200,
        reporters: 'Company-X',
        senders: '2001:db8:abcd:0013::1',
        first: '2016-04-01',
        last: '2016-04-01',
      },
    })
    expect(f!.evidence[0]).toMatchObject({ source: 'rfc.json', startLine: 26, endLine: 33 })
    expect(f!.evidence[0]!.excerpt).toContain('result-type: starttls-not-supported')
    expect(a.parts).toEqual([{ source: 'rfc.json', kind: 'tlsrpt', command: null, firstLine: 1, lastLine: 42 }])
  })

  it('one MX failing while other sessions succeed is "only the path to that MX"', () => {
    const a = analyzeTexts([{ source: 'rfc.json', text: RFC_EXAMPLE() }])
    expect(ids(a)).not.toContain('tlsrpt.all-mx-failing')
    expect(find(a, 'tlsrpt.some-mx-failing')[0]!.params).toMatchObject({
      failing: 'mx2.mail.company-y.example',
      others: 'mx1.mail.company-y.example, mx-backup.mail.company-y.example',
      successes: 5326,
    })
  })

  it('every session failing is "all MX paths"', () => {
    const a = analyzeTexts([{ source: 'day2.json', text: ALL_FAILING() }])
    expect(ids(a)).not.toContain('tlsrpt.some-mx-failing')
    expect(find(a, 'tlsrpt.all-mx-failing')[0]).toMatchObject({
      severity: 'critical',
      params: { failing: 'mx1.mail.company-y.example, mx2.mail.company-y.example', successes: 0, failed: 100 },
    })
  })

  it('a clean day followed by failures gives the day STARTTLS went missing, whatever the input order', () => {
    const a = analyzeTexts([
      { source: '2016-04-02.json', text: ALL_FAILING() },
      { source: '2016-04-01.json', text: RFC_EXAMPLE() },
      { source: '2016-03-31.json', text: CLEAN_DAY() },
    ])
    const started = find(a, 'tlsrpt.failures-started')
    expect(started.map((f) => [f.params?.mx, f.params?.started, f.params?.lastClean])).toEqual([
      ['mx2.mail.company-y.example', '2016-04-01', '2016-03-31'],
      ['mx1.mail.company-y.example', '2016-04-02', '2016-04-01'],
    ])
    const mx2 = find(a, 'tlsrpt.starttls-not-supported').find((f) => f.params?.mx === 'mx2.mail.company-y.example')
    expect(mx2!.params).toMatchObject({ sessions: 260, first: '2016-04-01', last: '2016-04-02' })
    expect(started[0]!.evidence[0]!.source).toBe('2016-03-31.json')
  })

  it('failures from the first report on give no start day (they may be older)', () => {
    const a = analyzeTexts([
      { source: 'rfc.json', text: RFC_EXAMPLE() },
      { source: 'day2.json', text: ALL_FAILING() },
    ])
    expect(find(a, 'tlsrpt.failures-started').map((f) => f.params?.mx)).toEqual(['mx1.mail.company-y.example'])
  })

  it('the diagnosis is the inbound path of that MX, with the probe/collect advice and the prevention advice', () => {
    const a = analyzeTexts([
      { source: 'rfc.json', text: RFC_EXAMPLE() },
      { source: 'clean.json', text: CLEAN_DAY() },
    ])
    expect(a.causes.map((c) => [c.id, c.side, c.confidence])).toEqual([['inbound-path-inspection', 'local', 0.65]])
    expect(a.causes[0]!.params).toMatchObject({ mx: 'mx2.mail.company-y.example', domain: 'company-y.example' })
    expect(a.remedies.map((r) => r.id)).toEqual(['advice.inbound-path', 'advice.prevent-silent'])
    const prevent = a.remedies[1]!
    // The policy file lists every MX the reports name, not only the failing one.
    expect(prevent.params).toEqual({
      domain: 'company-y.example',
      mxLines: 'mx: mx2.mail.company-y.example\nmx: mx1.mail.company-y.example\nmx: mx-backup.mail.company-y.example',
    })
    expect(prevent.steps.map((s) => s.textKey.split('.').pop())).toEqual([
      'tlsrpt',
      'stsTesting',
      'stsPolicyTesting',
      'stsEnforce',
      'watch',
    ])
  })

  it('counter-example: a real report with only successes finds no problem', () => {
    const a = analyzeTexts([
      { source: 'google.json', text: tlsrptFixture('google-no-policy-found-only-successes.json.gz') },
    ])
    expect(ids(a)).toEqual(['tlsrpt.all-successful'])
    expect(a.findings[0]!.params).toEqual({ domain: 'cardinalhealth.ca', sessions: 48, reporters: 'Google Inc.' })
    expect(a.causes).toEqual([])
  })

  it('counter-example: certificate and policy failures are reported, but not as masking', () => {
    for (const name of ['validation-failure-only.json', 'mail-ru-sts-policy-fetch-error.json']) {
      const a = analyzeTexts([{ source: name, text: tlsrptFixture(name) }])
      expect(ids(a), name).toEqual(['tlsrpt.other-failures'])
      expect(a.causes, name).toEqual([])
    }
    const v = analyzeTexts([{ source: 'v.json', text: tlsrptFixture('validation-failure-only.json') }])
    expect(v.findings[0]!.params).toEqual({ type: 'validation-failure', sessions: 3, mx: 'example.com' })
  })

  it('an unreadable report is a warning with the reason, and the other inputs still count', () => {
    const text = RFC_EXAMPLE()
    const a = analyzeTexts([
      { source: 'broken.json', text: text.slice(0, 300) },
      { source: 'rfc.json', text },
    ])
    expect(find(a, 'tlsrpt.unreadable')[0]).toMatchObject({ severity: 'warning', params: { source: 'broken.json' } })
    expect(ids(a)).toContain('tlsrpt.starttls-not-supported')
  })

  it.each<Language>(['en', 'ko'])('every TLS-RPT finding, cause and remedy renders in %s with all values', (lang) => {
    const t = createTranslator(lang)
    const runs = [
      analyzeTexts([
        { source: 'a.json', text: CLEAN_DAY() },
        { source: 'b.json', text: RFC_EXAMPLE() },
        { source: 'c.json', text: ALL_FAILING() },
        { source: 'd.json', text: '{"date-range": {}, "policies": [' },
        { source: 'e.json', text: tlsrptFixture('google-no-policy-found-only-successes.json.gz') },
      ]),
      analyzeTexts([{ source: 'c.json', text: ALL_FAILING() }]),
    ]
    const seen = new Set<string>()
    for (const a of runs) {
      const keys = [
        ...a.findings.flatMap((f) => [f.titleKey, f.explanationKey].map((k) => [k, f.params] as const)),
        ...a.causes.flatMap((c) => [c.titleKey, c.explanationKey].map((k) => [k, c.params] as const)),
        ...a.remedies.flatMap((r) => [
          [r.titleKey, r.params] as const,
          [r.summaryKey, r.params] as const,
          [r.impactKey, r.params] as const,
          ...r.steps.map((s) => [s.textKey, s.params] as const),
        ]),
      ]
      for (const [key, params] of keys) {
        const out = t(key, params)
        expect(out, key).not.toBe(key)
        expect(out, key).not.toMatch(/\{\{|undefined/)
        seen.add(key.split('.').slice(0, 3).join('.'))
      }
      const report = renderTextReport(a, t)
      expect(report).not.toMatch(/\{\{|findings\.\w|remedies\.\w/)
      expect(report).toContain('mx2.mail.company-y.example')
      expect(report).toContain(lang === 'en' ? 'TLS-RPT report' : 'TLS-RPT 보고서')
    }
    for (const id of [
      'starttls-not-supported',
      'failures-started',
      'all-mx-failing',
      'some-mx-failing',
      'other-failures',
      'all-successful',
      'unreadable',
    ])
      expect(seen.has(`findings.tlsrpt.${id}`), id).toBe(true)
  })
})
