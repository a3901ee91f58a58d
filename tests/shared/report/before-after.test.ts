/**
 * Issue 18 point 1: the report must not contradict itself. The journal below is the order the app writes in the
 * field — configuration read and analysed, the fix applied, undone, applied again, verified — and, as the app used to
 * do, a diagnosis after the change that still holds the findings read from the configuration copied before it.
 */
import { describe, expect, it } from 'vitest'
import {
  buildReportModel,
  type ReportCaseInput,
  type ReportJournalEntry,
  renderReportHtml,
} from '../../../src/shared/report'

const NOW = '2026-11-28T12:00:00.000Z'
const CONFIG_BEFORE = ['hostname fw1', 'policy-map global_policy', ' class inspection_default', '  inspect esmtp'].join(
  '\n',
)
const CONFIG_AFTER = ['hostname fw1', 'policy-map global_policy', ' class inspection_default', '  inspect ftp'].join(
  '\n',
)

function journal(options: { freshConfigAfter: boolean }): ReportCaseInput {
  let seq = 0
  const entries: ReportJournalEntry[] = []
  const add = (type: string, data: unknown) =>
    entries.push({ seq: ++seq, at: `2026-11-28T10:${String(seq).padStart(2, '0')}:00.000Z`, type, data })
  const finding = {
    id: 'asa.inspect-esmtp-active',
    severity: 'critical',
    confidence: 0.95,
    titleKey: 'findings.asa.inspect-esmtp-active.title',
    explanationKey: 'findings.asa.inspect-esmtp-active.explanation',
    evidence: [{ source: 'device:fw1', startLine: 4, endLine: 4, excerpt: '  inspect esmtp' }],
  }
  const lines = ['policy-map global_policy', ' class inspection_default', '  no inspect esmtp']
  const undoLines = ['policy-map global_policy', ' class inspection_default', '  inspect esmtp']
  const applied = () =>
    add('fix.applied', {
      device: 'fw1',
      lines,
      undoLines,
      confirmedBy: 'Lee',
      backupSha256: 'a'.repeat(64),
      outcome: 'applied',
    })
  add('attachment.added', { name: '111111111111-device_fw1.txt', sha256: '1'.repeat(64), bytes: 10 })
  add('analysis.result', { sources: ['device:fw1'], findings: [finding], causes: [] })
  applied()
  add('fix.undone', { device: 'fw1', lines: undoLines, outcome: 'applied' })
  applied()
  add('fix.verified', { device: 'fw1', passed: true, checks: [{ text: 'no inspect esmtp', passed: true }] })
  add('fix.saved', { device: 'fw1', saved: true })
  // After the change: the app analysed again. Stale: the same pre-change text attached again. Fresh: a new read.
  if (options.freshConfigAfter)
    add('attachment.added', { name: '222222222222-device_fw1.txt', sha256: '2'.repeat(64), bytes: 10 })
  else add('attachment.added', { name: '111111111111-device_fw1.txt', sha256: '1'.repeat(64), bytes: 10 })
  add('analysis.result', { sources: ['device:fw1'], findings: [finding], causes: [] })
  return {
    id: '20261128-100000-acme-abcdef',
    customer: 'ACME',
    created: '2026-11-28T10:00:00.000Z',
    entries,
    attachmentTexts: [
      { name: '111111111111-device_fw1.txt', text: CONFIG_BEFORE },
      // A fresh read that still shows the line (the fix did not take) keeps the finding.
      {
        name: '222222222222-device_fw1.txt',
        text: options.freshConfigAfter ? `${CONFIG_BEFORE}\n: end` : CONFIG_AFTER,
      },
    ],
  }
}

describe('before and after the change agree', () => {
  it('the after-section holds no finding cited from evidence gathered before the change', () => {
    const m = buildReportModel(journal({ freshConfigAfter: false }), { now: NOW })
    expect(m.findings.map((f) => f.id)).toEqual(['asa.inspect-esmtp-active'])
    expect(m.findingsAfter).toEqual([])
    expect(m.summary.state).toBe('resolved')
  })

  it('a finding seen again in evidence read after the change stays, and the case is not "resolved" (counter-example)', () => {
    const m = buildReportModel(journal({ freshConfigAfter: true }), { now: NOW })
    expect(m.findingsAfter?.map((f) => f.id)).toEqual(['asa.inspect-esmtp-active'])
    expect(m.summary.state).toBe('fix-failed')
  })

  it('the change log shows apply → undo → apply in the order it happened', () => {
    const m = buildReportModel(journal({ freshConfigAfter: false }), { now: NOW })
    expect(m.changes.map((c) => [c.kind, c.outcome])).toEqual([
      ['apply', 'applied'],
      ['undo', 'applied'],
      ['apply', 'applied'],
    ])
    expect(m.changes[1]!.lines).toEqual(['policy-map global_policy', ' class inspection_default', '  inspect esmtp'])
    // The save followed the second apply, not the undone first one.
    expect(m.changes.map((c) => c.saved)).toEqual([undefined, undefined, true])
    expect(m.summary.changes.map((c) => c.kind)).toEqual(['apply', 'undo', 'apply'])
    const html = renderReportHtml(m, { lang: 'en' })
    const order = ['Applied the change', 'Undid the change', 'Applied the change'].map((text, i, all) =>
      html.indexOf(text, i === 0 ? 0 : html.indexOf(all[i - 1]!) + 1),
    )
    expect(order.every((at, i) => at > 0 && (i === 0 || at > order[i - 1]!))).toBe(true)
    expect(html).toContain('The change on fw1 was undone (3 lines sent).')
  })

  it('stamps each probe before, between or after the changes', () => {
    const input = journal({ freshConfigAfter: false })
    const probe = (vantage: string) => ({
      target: { host: '127.0.0.1', port: 25, vantage },
      startedAt: '2026-11-28T10:00:00.000Z',
      durationMs: 5,
      phases: [],
      transcript: [{ direction: 'server', text: '220 mail ESMTP', line: 1, atMs: 1, phase: 'banner' }],
      outcome: 'completed',
    })
    const at = (seq: number) => `2026-11-28T10:${String(seq).padStart(2, '0')}:30.000Z`
    const entries = [...input.entries]
    const applies = entries.filter((e) => e.type === 'fix.applied').map((e) => e.seq)
    entries.push(
      { seq: applies[0]! - 0.5, at: at(1), type: 'probe.result', data: probe('outside') },
      { seq: applies[0]! + 0.5, at: at(2), type: 'probe.result', data: probe('outside') },
      { seq: 100, at: at(3), type: 'probe.result', data: probe('outside') },
    )
    const m = buildReportModel({ ...input, entries }, { now: NOW })
    expect(m.appendix.transcripts.map((p) => p.when)).toEqual(['before', 'between', 'after'])
    expect(m.comparisons[0]!.before?.seq).toBe(applies[0]! - 0.5)
    expect(m.comparisons[0]!.after?.seq).toBe(100)
  })

  it('stamps the appendix texts too: the configuration read before the change says so', () => {
    const m = buildReportModel(journal({ freshConfigAfter: true }), { now: NOW })
    expect(m.appendix.texts.map((x) => [x.title, x.when])).toEqual([
      ['111111111111-device_fw1.txt', 'before'],
      ['222222222222-device_fw1.txt', 'after'],
    ])
    expect(renderReportHtml(m, { lang: 'ko' })).toContain('222222222222-device_fw1.txt</span> — 변경 후')
    // Nothing changed, nothing stamped (counter-example).
    const unchanged = journal({ freshConfigAfter: false })
    const entries = unchanged.entries.filter((e) => !e.type.startsWith('fix.'))
    const plain = buildReportModel({ ...unchanged, entries }, { now: NOW })
    expect(plain.appendix.texts.every((x) => x.when === undefined)).toBe(true)
  })
})
