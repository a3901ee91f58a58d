/**
 * Issue 18 gap (in issue 21's task): fix-verification lines name the vantage in the reader's language — "서버 직접" /
 * "방화벽 경유", not the raw `(direct)` / `(firewall)` — through the params verify.ts writes (verifyLineParams) and,
 * for older journals, the report's own mapping. Custom vantage labels stay as typed and cannot pull in catalogue text.
 */
import { describe, expect, it } from 'vitest'
import { createTranslator } from '../../../src/shared/i18n'
import { JOURNAL } from '../../../src/shared/journal/events'
import { buildReportModel, type ReportJournalEntry, renderReportHtml } from '../../../src/shared/report'
import { verifyLineParams } from '../../../src/shared/report/vantage-param'

const ko = createTranslator('ko')
const en = createTranslator('en')
const line = (t: typeof ko, key: string, vantage: string) =>
  t(key, verifyLineParams(key, { target: '127.0.0.1:25', vantage }))

describe('vantage of a verification line', () => {
  it('reads 서버 직접 / 방화벽 경유 in Korean and the English words in English', () => {
    expect(line(ko, 'fix.verify.probeOk', 'direct')).toBe(
      ko('fix.verify.probeOk', { target: '127.0.0.1:25', vantage: '서버 직접' }),
    )
    expect(line(ko, 'fix.verify.probeStillMasked', 'firewall')).toContain('(방화벽 경유)')
    expect(line(en, 'fix.verify.probeOk', 'firewall')).toContain('(through the firewall)')
    for (const text of [line(ko, 'fix.verify.probeOk', 'direct'), line(ko, 'fix.verify.probeOk', 'firewall')]) {
      expect(text).not.toMatch(/\((direct|firewall)\)|\$t/)
    }
  })

  it('keeps other labels as typed, and a label cannot reach into the catalogue', () => {
    expect(line(ko, 'fix.verify.probeOk', 'branch (Seoul)')).toContain('(branch (Seoul))')
    expect(line(ko, 'fix.verify.probeOk', '$t(fix.diagnose.vantageDirect)')).not.toContain('서버 직접')
    expect(line(en, 'fix.verify.probeOk', '')).toContain('()')
    const once = verifyLineParams('fix.verify.probeOk', { vantage: 'direct' })
    expect(verifyLineParams('fix.verify.probeOk', once)).toEqual(once)
    expect(verifyLineParams('fix.checks.privilege.ok', { vantage: 'direct' })).toEqual({ vantage: 'direct' })
  })

  it('the report translates the raw vantage of an older journal too (ko)', () => {
    const at = '2026-12-05T10:00:00.000Z'
    const entries: ReportJournalEntry[] = [
      { seq: 0, at, type: JOURNAL.caseCreated, data: { customer: 'Hanbit' } },
      {
        seq: 1,
        at,
        type: JOURNAL.fixVerified,
        data: {
          device: 'fw1',
          passed: true,
          checks: [
            {
              text: 'The probe to 127.0.0.1:25 (firewall) sees STARTTLS and TLS.',
              passed: true,
              key: 'fix.verify.probeOk',
              params: { target: '127.0.0.1:25', vantage: 'firewall' },
            },
          ],
        },
      },
    ]
    const html = renderReportHtml(
      buildReportModel({ id: 'c', customer: 'Hanbit', created: at, entries }, { now: at }),
      {
        lang: 'ko',
      },
    )
    expect(html).toContain(ko('fix.verify.probeOk', { target: '127.0.0.1:25', vantage: '방화벽 경유' }))
    expect(html).not.toContain('(firewall)')
  })
})
