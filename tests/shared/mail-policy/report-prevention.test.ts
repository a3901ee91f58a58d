/**
 * The customer report's "prevent it from happening silently again" section (src/shared/report/render/
 * prevention-section.ts): present after a problem, with the exact TLS-RPT record, MTA-STS records and policy file
 * for the domain of the TLS-RPT reports (or example.com with a step to replace it), in en and ko; absent when the
 * case found nothing wrong (a real report with only successes).
 */
import { describe, expect, it } from 'vitest'
import { type Analysis, analyzeTexts } from '../../../src/shared/diagnosis'
import { buildReportModel, renderReportHtml } from '../../../src/shared/report'
import { RFC_EXAMPLE, tlsrptFixture } from './tlsrpt-fixtures'

const MASKED = [
  '220 mx.partner.example ESMTP',
  'EHLO unmask.invalid',
  '250-mx.partner.example',
  '250 XXXXXXXA',
  '',
].join('\n')

function html(a: Analysis, lang: 'en' | 'ko'): string {
  const model = buildReportModel(
    {
      id: '20261205-100000-acme-abcdef',
      customer: 'ACME',
      created: '2026-12-05T09:00:00.000Z',
      entries: [{ seq: 0, at: '2026-12-05T09:00:00.000Z', type: 'case.created', data: { customer: 'ACME' } }],
    },
    { now: '2026-12-05T12:00:00.000Z', fallbackDiagnosis: { findings: a.findings, causes: a.causes } },
  )
  return renderReportHtml(model, { lang })
}

const section = (page: string) => /<section class="flow" id="prevention">[\s\S]*?<\/section>/.exec(page)?.[0] ?? ''

describe('report: prevent it from happening silently again', () => {
  it('after TLS-RPT failures: the exact records and policy file for the reported domain (en)', () => {
    const s = section(html(analyzeTexts([{ source: 'rfc.json', text: RFC_EXAMPLE() }]), 'en'))
    expect(s).toContain('Prevent it from happening silently again')
    expect(s).toContain(
      '_smtp._tls.company-y.example. IN TXT &quot;v=TLSRPTv1; rua=mailto:tls-reports@company-y.example&quot;',
    )
    expect(s).toContain('_mta-sts.company-y.example. IN TXT &quot;v=STSv1; id=1&quot;')
    expect(s).toContain('version: STSv1<br>mode: testing<br>mx: mx2.mail.company-y.example<br>')
    expect(s).toContain('&quot;mode: enforce&quot;')
    expect(s).not.toContain('example.com')
  })

  it('after masking seen without reports: example.com with the step to replace it (ko)', () => {
    const s = section(html(analyzeTexts([{ source: 'ehlo.txt', text: MASKED }]), 'ko'))
    expect(s).toContain('다시 조용히 일어나지 않게 하기')
    expect(s).toContain('example.com을 메일 도메인으로')
    expect(s).toContain('_smtp._tls.example.com. IN TXT')
  })

  it('counter-example: a report with only successes (real Google report) gets no such section', () => {
    const google = tlsrptFixture('google-no-policy-found-only-successes.json.gz')
    expect(section(html(analyzeTexts([{ source: 'google.json', text: google }]), 'en'))).toBe('')
  })
})
