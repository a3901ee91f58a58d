/** Hand-made journals: the states and edge cases a lab run does not produce, and entries the report must survive. */
import { describe, expect, it } from 'vitest'
import { REDACTION_MARKER } from '../../../src/shared/redaction'
import {
  APPENDIX_MAX_LINES,
  APPENDIX_TOTAL_LINES,
  buildReportModel,
  type ReportCaseInput,
  type ReportJournalEntry,
  renderReportHtml,
} from '../../../src/shared/report'

const NOW = '2026-11-28T12:00:00.000Z'
let seq = 0
const entry = (type: string, data: unknown): ReportJournalEntry => ({
  seq: seq++,
  at: `2026-11-28T10:${String(seq).padStart(2, '0')}:00.000Z`,
  type,
  data,
})

function caseOf(entries: ReportJournalEntry[]): ReportCaseInput {
  return { id: '20261128-100000-acme-abcdef', customer: 'ACME', created: '2026-11-28T10:00:00.000Z', entries }
}

const fix = (outcome: 'applied' | 'failed', extra: Record<string, unknown> = {}) =>
  entry('fix.applied', {
    device: 'fw1',
    lines: ['policy-map global_policy', ' class inspection_default', '  no inspect esmtp'],
    undoLines: ['policy-map global_policy', ' class inspection_default', '  inspect esmtp'],
    confirmedBy: 'Lee',
    backupSha256: 'a'.repeat(64),
    outcome,
    ...extra,
  })

describe('case states', () => {
  it('an empty case is inconclusive, with a single "no action" recommendation', () => {
    const m = buildReportModel(
      caseOf([
        entry('case.created', { customer: 'ACME' }),
        entry('report.exported', { lang: 'en', pdf: { name: 'a.pdf', sha256: 'f'.repeat(64), bytes: 1 } }),
        entry('device.raw', { lines: ['2026-11-28T10:00:00.000Z < "ciscoasa# "'] }),
      ]),
      { now: NOW },
    )
    expect(m.summary.state).toBe('inconclusive')
    expect(m.recommendations).toEqual([{ key: 'report.recommendations.none' }])
    expect(m.appendix.other).toEqual([])
  })

  it('a change that stopped with an error is fix-failed, with the failing line kept', () => {
    const m = buildReportModel(caseOf([fix('failed', { failedLine: 3, error: 'ERROR: % Invalid input' })]), {
      now: NOW,
    })
    expect(m.summary.state).toBe('fix-failed')
    expect(m.changes[0]).toMatchObject({ outcome: 'failed', failedLine: 3, error: 'ERROR: % Invalid input' })
  })

  it('an applied change without verification or after-probes is fix-unverified and asks to save', () => {
    const m = buildReportModel(caseOf([fix('applied'), entry('fix.saved', { device: 'fw1', saved: false })]), {
      now: NOW,
    })
    expect(m.summary.state).toBe('fix-unverified')
    expect(m.changes[0]!.saved).toBe(false)
    expect(m.recommendations).toContainEqual({ key: 'report.recommendations.save', params: { device: 'fw1' } })
  })

  it('a failed verification outweighs an applied change', () => {
    const m = buildReportModel(
      caseOf([fix('applied'), entry('fix.verified', { passed: false, checks: [{ text: 'probe', passed: false }] })]),
      { now: NOW },
    )
    expect(m.summary.state).toBe('fix-failed')
  })

  it('says verification checks in the report language when the writer gave a key, in its words otherwise', () => {
    const m = buildReportModel(
      caseOf([
        fix('applied'),
        entry('fix.verified', {
          passed: true,
          checks: [
            { text: 'encrypted session established', passed: true, key: 'report.summary.tlsYes', evidence: 'TLSv1.3' },
            { text: 'the writer words it', passed: true, key: 'fix.verify.unknownKey' },
            { text: 'plain text only', passed: false },
          ],
        }),
      ]),
      { now: NOW },
    )
    const html = renderReportHtml(m, { lang: 'ko' })
    expect(html).toContain('암호화 세션 수립됨<br><span class="mono">TLSv1.3</span>')
    expect(html).toContain('the writer words it')
    expect(html).toContain('<span class="mono">plain text only</span>')
  })

  it('an undone change is shown as undone and does not ask to be saved', () => {
    const m = buildReportModel(caseOf([fix('applied'), entry('fix.undone', { device: 'fw1', outcome: 'applied' })]), {
      now: NOW,
    })
    expect(m.changes[0]!.undone?.outcome).toBe('applied')
    expect(m.recommendations.map((r) => r.key)).not.toContain('report.recommendations.save')
  })
})

describe('recommendations from device versions', () => {
  const device = (version: string) =>
    entry('device.identified', { device: 'pix1', platform: 'PIX', version, hostname: 'pixfirewall' })

  it('a release before 7.2(3) gets the upgrade and the DK/DKIM advice', () => {
    const m = buildReportModel(caseOf([device('7.0(8)')]), { now: NOW })
    expect(m.recommendations).toContainEqual({
      key: 'report.recommendations.upgrade',
      params: { device: 'pix1', version: '7.0(8)' },
    })
    expect(m.recommendations).toContainEqual({ key: 'report.recommendations.dkim' })
  })

  it.each(['7.2(3)', '8.4(5)', '9.8(4)10'])('%s gets neither (counter-example)', (version) => {
    const keys = buildReportModel(caseOf([device(version)]), { now: NOW }).recommendations.map((r) => r.key)
    expect(keys).not.toContain('report.recommendations.upgrade')
    expect(keys).not.toContain('report.recommendations.dkim')
  })
})

describe('tolerance', () => {
  it('known entry types with data of another shape go to the appendix instead of breaking the report', () => {
    const m = buildReportModel(
      caseOf([
        entry('probe.result', { something: 'else' }),
        entry('diagnosis.result', { findings: 'not a list' }),
        entry('fix.applied', { device: 'fw1' }),
        entry('future.thing', { nested: { deep: [1, 2, 3] } }),
      ]),
      { now: NOW },
    )
    expect(m.appendix.other.map((e) => e.type)).toEqual([
      'probe.result',
      'diagnosis.result',
      'fix.applied',
      'future.thing',
    ])
    expect(m.comparisons).toEqual([])
    expect(m.changes).toEqual([])
  })

  it('redacts before cutting long appendix excerpts, so half a secret cannot leak', () => {
    const secret = 'VerySecretCommunity42'
    const m = buildReportModel(
      caseOf([
        entry('device.output', { device: 'fw1', command: 'show run snmp', output: `snmp-server community ${secret}` }),
        entry('future.thing', { padding: 'x'.repeat(268), text: `${secret} again` }),
      ]),
      { now: NOW },
    )
    const excerpt = m.appendix.other[0]!.excerpt
    expect(excerpt).not.toContain(secret.slice(0, 8))
    expect(excerpt).toContain(REDACTION_MARKER.slice(0, 5))
  })

  it('caps each appendix text and the appendix as a whole, saying how much was left out', () => {
    const big = (n: number, tag = 'a') => Array.from({ length: n }, (_, i) => `${tag} line ${i + 1}`).join('\n')
    const m = buildReportModel(
      caseOf([
        entry('evidence.added', { source: 'a.log', text: big(APPENDIX_MAX_LINES + 5) }),
        ...Array.from({ length: 5 }, (_, i) =>
          entry('evidence.added', { source: `b${i}.log`, text: big(APPENDIX_MAX_LINES, `b${i}`) }),
        ),
        entry('evidence.added', { source: 'small.txt', text: 'one\ntwo\n' }),
      ]),
      { now: NOW },
    )
    const texts = m.appendix.texts
    expect(texts[0]).toMatchObject({ title: 'a.log', omitted: 5 })
    expect(texts[0]!.lines).toHaveLength(APPENDIX_MAX_LINES)
    const shown = texts.reduce((n, x) => n + x.lines.length, 0)
    expect(shown).toBe(APPENDIX_TOTAL_LINES)
    expect(texts.at(-1)).toMatchObject({ title: 'small.txt', lines: [], omitted: 2 })
    const html = renderReportHtml(m, { lang: 'en' })
    expect(html).toContain('… 5 more lines are not printed here; the case keeps them in full.')
  })

  it('shows a text recorded twice once, naming the other copy', () => {
    const config = 'hostname fw1\r\npolicy-map global_policy\r\n'
    const m = buildReportModel(
      {
        ...caseOf([entry('device.output', { device: 'fw1', command: 'show running-config', output: config })]),
        attachmentTexts: [
          { name: 'running-config-fw1-before.txt', text: 'hostname fw1\npolicy-map global_policy\n' },
          { name: 'other.txt', text: 'hostname fw2\n' },
        ],
      },
      { now: NOW },
    )
    expect(m.appendix.texts.map((x) => [x.title, x.sameAs])).toEqual([
      ['fw1# show running-config', ['running-config-fw1-before.txt']],
      ['other.txt', undefined],
    ])
  })

  it('removes engineer marks from the cover and the findings as well', () => {
    const m = buildReportModel(
      {
        ...caseOf([
          entry('redaction.mark', { text: 'Bluebird' }),
          entry('diagnosis.result', {
            findings: [
              {
                id: 'smtp.starttls-masked',
                severity: 'critical',
                confidence: 0.9,
                titleKey: 'findings.smtp.starttls-masked.title',
                explanationKey: 'findings.smtp.starttls-masked.explanation',
                params: { masked: 'XXXXXXXA', note: 'Bluebird path' },
                evidence: [
                  { source: 'Bluebird.txt', startLine: 12, endLine: 13, excerpt: '250-SIZE 1000\n250 XXXXXXXA' },
                ],
              },
            ],
          }),
        ]),
        site: 'Bluebird campus',
      },
      { now: NOW },
    )
    expect(JSON.stringify(m)).not.toContain('Bluebird')
    expect(m.cover.site).toBe(`${REDACTION_MARKER} campus`)
    expect(m.findings[0]!.evidence[0]!.lines).toEqual([
      { n: 12, text: '250-SIZE 1000' },
      { n: 13, text: '250 XXXXXXXA' },
    ])
  })
})
