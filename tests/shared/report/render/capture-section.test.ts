/**
 * The report's capture section (render/capture-section.ts) from journal entries holding real tcpdump captures
 * (tests/fixtures/captures): both lanes with the changed line highlighted and numbered as the finding cites it, in
 * en and ko; one capture alone and identical captures say so; no section at all when the case has no capture.
 */
import { describe, expect, it } from 'vitest'
import { captureSetsEvidence } from '../../../../src/shared/capture/lanes'
import { readCapture } from '../../../../src/shared/capture/read'
import { analyzeTexts } from '../../../../src/shared/diagnosis'
import { createTranslator } from '../../../../src/shared/i18n'
import { type CaptureAdded, captureRecord } from '../../../../src/shared/journal/capture-evidence-schema'
import { JOURNAL } from '../../../../src/shared/journal/events'
import { buildReportModel, type ReportJournalEntry, renderReportHtml } from '../../../../src/shared/report'
import { captureBytes } from '../../capture/fixtures'

const rec = (file: string, name: string): CaptureAdded =>
  captureRecord(readCapture(captureBytes(file))!, { name, origin: 'file', bytes: 1 })

function report(records: CaptureAdded[], lang: 'en' | 'ko' = 'en'): string {
  let seq = 0
  const at = '2026-12-05T10:00:00.000Z'
  const entries: ReportJournalEntry[] = [
    { seq: seq++, at, type: JOURNAL.caseCreated, data: { customer: 'Hanbit' } },
    ...records.map((data) => ({ seq: seq++, at, type: JOURNAL.captureAdded, data })),
  ]
  const model = buildReportModel(
    { id: 'c1', customer: 'Hanbit', created: at, entries },
    { now: '2026-12-05T11:00:00.000Z' },
  )
  return renderReportHtml(model, { lang })
}

const section = (html: string) => /<section class="chapter" id="captures">[\s\S]*?<\/section>/.exec(html)?.[0] ?? ''

describe('capture section of the report', () => {
  const pair = [rec('postfix-esmtp-inside.pcap', 'inside.pcap'), rec('postfix-esmtp-outside.pcap', 'outside.pcap')]

  it('shows both lanes, the changed row highlighted, with the line numbers the finding cites (en, ko)', () => {
    const finding = analyzeTexts([], captureSetsEvidence(pair)).findings.find(
      (f) => f.id === 'capture.firewall-rewrote',
    )!
    for (const lang of ['en', 'ko'] as const) {
      const t = createTranslator(lang)
      const html = section(report(pair, lang))
      expect(html).toContain(t('report.captures.title'))
      const row = /<tr class="server mark-masked">((?:(?!<\/tr>).)*250-STARTTLS(?:(?!<\/tr>).)*)<\/tr>/.exec(html)?.[1]
      expect(row).toBeDefined()
      expect(row).toContain('250-XXXXXXXB')
      expect(row).toContain(t('ui.captures.line', { line: finding.params!.originalLine as number }))
      expect(row).toContain(t('ui.captures.line', { line: finding.params!.changedLine as number }))
      expect(row).toContain(t('ui.captures.changed'))
      // An unchanged line is not highlighted.
      expect(html).toMatch(/<tr class="server"><td class="text">(?:(?!<\/tr>).)*250-PIPELINING/)
    }
  })

  it('one capture: one lane and the other side missing; identical captures: no change', () => {
    const t = createTranslator('en')
    const one = section(report([rec('postfix-esmtp-inside.pcap', 'inside.pcap')]))
    expect(one).toContain(t('ui.captures.status.one-side'))
    expect(one).toContain(t('ui.captures.missing'))
    expect(one).not.toContain('mark-masked')
    const same = section(report([rec('postfix-off-inside.pcap', 'in'), rec('postfix-off-outside.pcap', 'out')]))
    expect(same).toContain(t('ui.captures.status.identical'))
    expect(same).not.toContain('mark-masked')
  })

  it('a line seen on one side only is marked and named (a firewall that drops the line)', () => {
    const outside = rec('postfix-esmtp-outside.pcap', 'outside.pcap')
    outside.connections[0]!.lines = outside.connections[0]!.lines.filter((l) => l.text !== '250-XXXXXXXB')
    const html = section(report([rec('postfix-esmtp-inside.pcap', 'inside.pcap'), outside]))
    const row = /<tr class="server mark-dropped">((?:(?!<\/tr>).)*)<\/tr>/.exec(html)?.[1]
    expect(row).toContain('250-STARTTLS')
    expect(row).toContain(createTranslator('en')('ui.captures.onlyHere'))
  })

  it('no section when the case holds no capture', () => {
    const html = report([])
    expect(html).not.toContain('id="captures"')
    expect(html).not.toContain(createTranslator('en')('report.captures.title'))
  })
})
