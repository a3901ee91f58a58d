/** The HTML document: self-contained, both languages, every section, markers visible, case text escaped. */
import { describe, expect, it } from 'vitest'
import { catalogues } from '../../../../src/shared/i18n'
import { REDACTION_MARKER } from '../../../../src/shared/redaction'
import { buildReportModel, REPORT_CSP, type ReportJournalEntry, renderReportHtml } from '../../../../src/shared/report'

const NOW = '2026-11-28T12:00:00.000Z'
let seq = 0
const entry = (type: string, data: unknown, at = '2026-11-28T10:00:00.000Z'): ReportJournalEntry => ({
  seq: seq++,
  at,
  type,
  data,
})

/** A probe result in the probe's own shape (src/shared/probe/types.ts), trimmed to one masked EHLO exchange. */
const maskedProbe = {
  version: 1,
  target: { host: 'mx.partner.example', port: 25, mode: 'starttls', ehloName: 'unmask.invalid', vantage: 'outside' },
  startedAt: '2026-11-28T10:00:00.000Z',
  durationMs: 120,
  phases: [
    { phase: 'connect', startMs: 0, durationMs: 10, outcome: 'ok' },
    { phase: 'banner', startMs: 10, durationMs: 40, outcome: 'ok' },
    { phase: 'ehlo', startMs: 50, durationMs: 30, outcome: 'ok' },
    { phase: 'starttls', startMs: 80, durationMs: 20, outcome: 'failed' },
  ],
  transcript: [
    { direction: 'server', text: '220 mx.partner.example ESMTP', line: 1, atMs: 50, phase: 'banner' },
    { direction: 'client', text: 'EHLO unmask.invalid', line: 2, atMs: 50, phase: 'ehlo' },
    { direction: 'server', text: '250-mx.partner.example', line: 3, atMs: 80, phase: 'ehlo' },
    { direction: 'server', text: '250 XXXXXXXA', line: 4, atMs: 80, phase: 'ehlo' },
    { direction: 'client', text: 'STARTTLS', line: 5, atMs: 81, phase: 'starttls' },
    { direction: 'server', text: '500 #5.5.1 command not recognized', line: 6, atMs: 100, phase: 'starttls' },
  ],
  greeting: {
    command: 'EHLO',
    reply: { code: 250, lines: [], startLine: 3, endLine: 4 },
    extensions: [{ keyword: 'XXXXXXXA', params: '', line: 4, raw: '250 XXXXXXXA', masked: { keyword: 'STARTTLS' } }],
  },
  starttls: {
    advertised: false,
    masked: true,
    sent: true,
    reply: { code: 500, lines: [{ line: 6, text: '#5.5.1 command not recognized' }], startLine: 6, endLine: 6 },
  },
  outcome: 'completed',
}

const model = buildReportModel(
  {
    id: '20261128-100000-acme-abcdef',
    customer: 'ACME <script>alert(1)</script> & Co',
    engineer: '박지은',
    created: '2026-11-28T09:00:00.000Z',
    entries: [
      entry('case.created', { customer: 'ACME' }),
      entry('device.output', {
        device: 'fw1',
        command: 'show running-config',
        output:
          'hostname fw1\nenable password 8Ry2YjIyt7RRXU24 encrypted\npolicy-map global_policy\n class inspection_default\n  inspect esmtp\n',
      }),
      entry('probe.result', maskedProbe),
      entry('device.identified', { device: 'pix-hq', platform: 'pix6', version: '6.3(5)' }),
      entry('diagnosis.result', {
        findings: [
          {
            id: 'smtp.tls-ok',
            severity: 'info',
            confidence: 0.9,
            titleKey: 'findings.smtp.tls-ok.title',
            explanationKey: 'findings.smtp.tls-ok.explanation',
            evidence: [],
          },
          {
            id: 'smtp.starttls-masked',
            severity: 'critical',
            confidence: 0.9,
            titleKey: 'findings.smtp.starttls-masked.title',
            explanationKey: 'findings.smtp.starttls-masked.explanation',
            params: { masked: 'XXXXXXXA' },
            evidence: [{ source: 'probe:outside', startLine: 4, endLine: 4, excerpt: '250 XXXXXXXA' }],
          },
        ],
      }),
    ],
  },
  { now: NOW },
)
const fonts = [{ weight: 400 as const, dataUrl: 'data:font/ttf;base64,AAEAAAAS' }]

describe('renderReportHtml', () => {
  it.each(['en', 'ko'] as const)('%s: one self-contained document with every section', (lang) => {
    const html = renderReportHtml(model, { lang, fonts })
    const sections = catalogues[lang].report as { sections: Record<string, string>; docTitle: string }
    for (const title of Object.values(sections.sections)) expect(html).toContain(title)
    expect(html).toContain(`<html lang="${lang}">`)
    expect(html).toContain(`content="${REPORT_CSP}"`)
    expect(html).toContain("src:url(data:font/ttf;base64,AAEAAAAS) format('truetype')")
    expect(html).toMatch(/@page \{\s*size: A4;/)
    expect(html).toContain('counter(page)')
    expect(html).toContain('counter(pages)')
    // Nothing that could make a request or run code.
    expect(html).not.toMatch(/https?:\/\//)
    expect(html).not.toMatch(/<script|<link|<img|<iframe|\ssrc=|@import/i)
  })

  it('writes Korean texts in the Korean report and English ones in the English report', () => {
    const ko = renderReportHtml(model, { lang: 'ko' })
    const en = renderReportHtml(model, { lang: 'en' })
    expect(ko).toContain('발견 사항')
    expect(en).not.toContain('발견 사항')
    expect(en).toContain('"Page " counter(page) " of " counter(pages) ""')
    // Every character outside a safe set is a CSS escape (issue 14): 쪽 is U+CABD.
    expect(ko).toContain('"" counter(page) " / " counter(pages) "\\cabd "')
  })

  it('highlights the masked EHLO line and the refused STARTTLS, and no other line', () => {
    const html = renderReportHtml(model, { lang: 'en' })
    const marked = [...html.matchAll(/<tr class="(\w+) mark-(\w+)">.*?<td class="text">(.*?)<\/td><\/tr>/g)].map(
      (m) => [m[2], m[3]],
    )
    // Once in section 4 and once in the appendix transcript.
    expect(marked).toEqual([
      ['masked', '250 XXXXXXXA'],
      ['rejected', '500 #5.5.1 command not recognized'],
      ['masked', '250 XXXXXXXA'],
      ['rejected', '500 #5.5.1 command not recognized'],
    ])
  })

  it('draws the timing chart as inline SVG with one row per recorded phase', () => {
    const html = renderReportHtml(model, { lang: 'en' })
    const svg = /<svg class="timing"[\s\S]*?<\/svg>/.exec(html)?.[0] ?? ''
    expect(svg).not.toBe('')
    expect([...svg.matchAll(/<text class="phase"[^>]*>([^<]*)</g)].map((m) => m[1])).toEqual([
      'Connect',
      'Banner',
      'EHLO',
      'STARTTLS',
    ])
    expect(svg).toContain('class="bar before failed"')
  })

  it('escapes text from the case and shows redaction markers as badges', () => {
    const html = renderReportHtml(model, { lang: 'en' })
    expect(html).not.toContain('<script>alert(1)</script>')
    expect(html).toContain('ACME &lt;script&gt;alert(1)&lt;/script&gt; &amp; Co')
    // In the page header (CSS) as escapes, so it cannot close the style sheet either.
    expect(html).toContain('ACME \\3c script\\3e alert(1)\\3c /script\\3e  \\26  Co')
    expect(html).not.toContain('8Ry2YjIyt7RRXU24')
    expect(html).toContain(`enable password <span class="redacted">${REDACTION_MARKER}</span> encrypted`)
  })

  it('lists the most severe finding first, names platforms as a customer knows them, and needs no fix for info', () => {
    const html = renderReportHtml(model, { lang: 'en' })
    const overview = /<table class="overview">[\s\S]*?<\/table>/.exec(html)?.[0] ?? ''
    const rows = [
      ...overview.matchAll(/<tr><td>(3\.\d)<\/td><td><span class="sev (\w+)">[\s\S]*?<td>([^<]*)<\/td><\/tr>/g),
    ]
    expect(rows.map((r) => [r[1], r[2], r[3]])).toEqual([
      ['3.1', 'critical', 'Easy'],
      ['3.2', 'info', 'Not applicable'],
    ])
    expect(html).toContain('<td>Cisco PIX (6.x)</td>')
    // 6.3(5) is before 7.2(3): upgrade and DK/DKIM advice.
    expect(html).toContain('pix-hq runs 6.3(5), earlier than 7.2(3)')
  })

  it('shows the text of every key it uses: no raw i18n key reaches the page', () => {
    for (const lang of ['en', 'ko'] as const) {
      const html = renderReportHtml(model, { lang })
      expect(html).not.toMatch(/report\.[a-z]+\.[a-zA-Z.-]+/)
    }
  })
})
