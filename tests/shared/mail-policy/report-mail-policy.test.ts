/**
 * The customer report's per-MX mail-policy table (src/shared/report/render/mail-policy-section.ts) from
 * `mailpolicy.result` journal entries: policy mode, DANE state and verdict per MX, in en and ko; the prevention
 * section follows a policy verdict of "in clear" and names the probed domain. Counter-examples: no entry → no
 * section; only protected MX hosts → no prevention advice; an entry whose data does not fit → appendix, not the table.
 * The lab run of the same (probe + journal + report through the contract) is tests/main/mail-policy/mail-policy-ipc.
 */
import { describe, expect, it } from 'vitest'
import { createTranslator } from '../../../src/shared/i18n'
import { JOURNAL, type JournalData } from '../../../src/shared/journal'
import { buildReportModel, renderReportHtml } from '../../../src/shared/report'

const AT = '2026-12-05T10:00:00.000Z'
type Verdict = JournalData<typeof JOURNAL.mailPolicyResult>['verdicts'][number]

function verdict(over: Partial<Verdict>): Verdict {
  return {
    host: 'mx1.acme.example',
    sts: 'testing',
    stsListed: true,
    tlsrpt: false,
    dane: 'none',
    tlsaCount: 0,
    daneAuthenticated: false,
    level: 'warning',
    key: 'inClear',
    params: { host: 'mx1.acme.example', domain: 'acme.example', mode: 'testing' },
    ...over,
  }
}

function policyEntry(verdicts: Verdict[], seq = 1) {
  const data: JournalData<typeof JOURNAL.mailPolicyResult> = {
    domain: 'acme.example',
    sts: {
      key: 'findings.mailPolicy.sts.policy',
      params: { id: '1', mode: 'testing', mx: 'mx1.acme.example', maxAge: 86400 },
    },
    tlsrpt: { key: 'findings.mailPolicy.tlsrpt.none', params: { text: '' } },
    verdicts,
  }
  return { seq, at: AT, type: JOURNAL.mailPolicyResult, data: data as unknown }
}

function page(entries: Array<{ seq: number; at: string; type: string; data: unknown }>, lang: 'en' | 'ko') {
  const model = buildReportModel(
    {
      id: '20261205-100000-acme-abcdef',
      customer: 'ACME',
      created: AT,
      entries: [{ seq: 0, at: AT, type: JOURNAL.caseCreated, data: { customer: 'ACME' } }, ...entries],
    },
    { now: '2026-12-05T12:00:00.000Z' },
  )
  return { model, html: renderReportHtml(model, { lang }) }
}

const section = (html: string, id: string) =>
  new RegExp(`<section class="[a-z]+" id="${id}">[\\s\\S]*?</section>`).exec(html)?.[0] ?? ''

describe('report: mail policies per MX', () => {
  for (const lang of ['en', 'ko'] as const) {
    it(`one row per MX with mode, DANE and verdict, then prevention for the probed domain (${lang})`, () => {
      const t = createTranslator(lang)
      const entries = [
        policyEntry([
          verdict({}),
          verdict({
            host: 'mx2.acme.example',
            dane: 'no-match',
            tlsaCount: 1,
            daneAuthenticated: true,
            level: 'critical',
            key: 'daneMismatch',
            params: { host: 'mx2.acme.example', domain: 'acme.example', mode: 'testing' },
          }),
        ]),
      ]
      const { html } = page(entries, lang)
      const s = section(html, 'mail-policy')
      expect(s).toContain(String(t('findings.mailPolicy.heading', { domain: 'acme.example' })))
      expect(s.match(/<tr>/g)).toHaveLength(3) // head + two MX
      expect(s).toContain(
        String(t('findings.mailPolicy.verdict.inClear', { host: 'mx1.acme.example', mode: 'testing' })),
      )
      expect(s).toContain(String(t('findings.mailPolicy.verdict.daneMismatch', { host: 'mx2.acme.example' })))
      expect(s).toContain(`testing ${t('findings.mailPolicy.mx.listed')}`)
      expect(s).toContain(String(t('findings.mailPolicy.tlsrpt.none')))
      // No probe of these hosts in the case: said so rather than left blank.
      expect(s).toContain(String(t('report.scope.notProbed')))
      const prevention = section(html, 'prevention')
      expect(prevention).toContain('_smtp._tls.acme.example')
      expect(prevention).toContain('mx: mx1.acme.example<br>mx: mx2.acme.example')
      expect(prevention).not.toContain('example.com')
    })
  }

  it('counter-example: a case without mailpolicy.result has no such section', () => {
    expect(section(page([], 'en').html, 'mail-policy')).toBe('')
  })

  it('counter-example: only protected MX hosts: the table, but no prevention advice', () => {
    const { html } = page([policyEntry([verdict({ sts: 'enforce', level: 'good', key: 'protected' })])], 'en')
    expect(section(html, 'mail-policy')).toContain('enforce')
    expect(section(html, 'prevention')).toBe('')
  })

  it('counter-example: an entry whose data does not fit goes to the appendix, not the table', () => {
    const broken = { seq: 1, at: AT, type: JOURNAL.mailPolicyResult, data: { domain: 'acme.example' } }
    const { model, html } = page([broken], 'en')
    expect(model.mailPolicy).toEqual([])
    expect(model.appendix.other.map((o) => o.type)).toEqual([JOURNAL.mailPolicyResult])
    expect(section(html, 'mail-policy')).toBe('')
  })
})
