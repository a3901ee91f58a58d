/**
 * A fleet audit exported into a case (journal `fleet.findings`) becomes the report's "fleet findings" section: counts
 * per state, affected devices first, the proof of each row, redacted like every text of the case; en and ko.
 */
import { describe, expect, it } from 'vitest'
import { type FleetFindingsData, fleetFindingsData } from '../../../src/shared/audit/journal'
import { auditText } from '../../../src/shared/audit/row'
import { createSummary } from '../../../src/shared/audit/summary'
import type { AuditRow } from '../../../src/shared/audit/types'
import { JOURNAL } from '../../../src/shared/journal'
import { buildReportModel, type ReportCaseInput, renderReportHtml } from '../../../src/shared/report'
import { device, type Kind } from '../../main/audit/fleet'

const NOW = '2026-12-05T12:00:00.000Z'

function fleetData(): FleetFindingsData {
  const summary = createSummary()
  const rows: AuditRow[] = []
  const kinds: Kind[] = ['asa9-off', 'asa9-active', 'pix6-mailguard', 'asa8-allow-tls']
  for (const kind of kinds) {
    const outcome = auditText(`/backups/${kind}`, device(kind, `fw-${kind}`).text)
    if (outcome.kind === 'row') rows.push(summary.addRow(outcome.row))
  }
  return fleetFindingsData.parse({ roots: ['/backups'], summary: summary.result(), rows })
}

function caseWith(data: unknown[]): ReportCaseInput {
  return {
    id: '20261205-120000-acme-abcdef',
    customer: 'ACME',
    created: '2026-12-05T11:00:00.000Z',
    entries: data.map((d, i) => ({
      seq: i + 1,
      at: `2026-12-05T11:0${i}:00.000Z`,
      type: JOURNAL.fleetFindings,
      data: d,
    })),
  }
}

describe('report: fleet findings', () => {
  it('shows the latest export: counts per state, affected devices first, each proof', () => {
    const data = fleetData()
    const m = buildReportModel(caseWith([data]), { now: NOW })
    expect(m.fleet?.summary.byState).toEqual({ active: 2, 'allow-tls': 1, off: 1, unknown: 0 })
    expect(m.fleet?.rows.map((r) => r.affected)).toEqual([true, true, false, false])
    const html = renderReportHtml(m, { lang: 'en' })
    expect(html).toContain('<h2>Fleet findings</h2>')
    expect(html).toContain('4 devices audited from 4 files; 2 need attention.')
    const mailguard = data.rows.find((r) => r.mailguard)!
    expect(html).toContain(`/backups/pix6-mailguard:${mailguard.proof!.line}`)
    expect(html).toContain('fixup protocol smtp 25')
    // Not in the appendix as an unknown entry as well.
    expect(m.appendix.other).toEqual([])
    expect(renderReportHtml(m, { lang: 'ko' })).toContain('<h2>장비 전체 감사 결과</h2>')
  })

  it('no export, no section; data that does not fit goes to the appendix instead', () => {
    const none = buildReportModel(caseWith([]), { now: NOW })
    expect(none.fleet).toBeUndefined()
    expect(renderReportHtml(none, { lang: 'en' })).not.toContain('id="fleet"')
    const bad = buildReportModel(caseWith([{ rows: 'not rows' }]), { now: NOW })
    expect(bad.fleet).toBeUndefined()
    expect(bad.appendix.other).toHaveLength(1)
  })

  it('a secret in a proof line is redacted and markup in a hostname is escaped', () => {
    const data = fleetData()
    data.rows[0] = {
      ...data.rows[0]!,
      hostname: '<b>fw</b>',
      proof: { line: 7, excerpt: 'snmp-server community S3cretCommunity ro' },
      affected: true,
    }
    const html = renderReportHtml(buildReportModel(caseWith([data]), { now: NOW }), { lang: 'en' })
    expect(html).not.toContain('S3cretCommunity')
    expect(html).toContain('&lt;b&gt;fw&lt;/b&gt;')
  })
})
