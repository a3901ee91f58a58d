/**
 * The report model from real lab cases (real probes through the lab's inspecting proxy, the real engine, the real
 * CaseStore and SessionLog), read the way `unmask report` reads them (main's renderCaseReport: journal + attachments).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { renderCaseReport } from '../../../src/main/report/export-report'
import { REDACTION_MARKER } from '../../../src/shared/redaction'
import type { ReportModel } from '../../../src/shared/report'
import { buildLabCase, type LabCase, SECRETS } from './helpers/lab-case'

const NOW = '2026-11-28T12:00:00.000Z'
const labs: LabCase[] = []

function modelOf(lab: LabCase): ReportModel {
  return renderCaseReport({ home: lab.home, caseRef: lab.dir, lang: 'en', now: new Date(NOW) }).model
}

let before: ReportModel
let after: ReportModel

beforeAll(async () => {
  const [a, b] = [await buildLabCase('before'), await buildLabCase('after')]
  labs.push(a, b)
  before = modelOf(a)
  after = modelOf(b)
})

afterAll(() => {
  for (const lab of labs) lab.close()
})

describe('report model of a lab case before the fix', () => {
  it('says a problem was found and names the engine findings, critical first', () => {
    expect(before.summary.state).toBe('problem-found')
    expect(before.summary.problems.length).toBeGreaterThan(0)
    expect(before.findings.map((f) => f.id)).toContain('smtp.starttls-masked')
    expect(before.changes).toEqual([])
    expect(before.verifications).toEqual([])
  })

  it('marks the masked EHLO line, the asterisked banner and the refused STARTTLS in the outside dialog', () => {
    const outside = before.comparisons.find((c) => c.path.startsWith('outside'))!
    expect(outside.before?.starttls).toBe('masked')
    expect(outside.after).toBeUndefined()
    const marked = outside.before!.lines.filter((l) => l.mark).map((l) => [l.mark, l.text])
    expect(marked).toEqual([
      ['masked', expect.stringMatching(/^220 \*+$/)],
      ['masked', '250 XXXXXXXA'],
      ['rejected', '500 #5.5.1 command not recognized'],
    ])
    expect(outside.before!.phases.map((p) => p.phase)).toEqual(expect.arrayContaining(['connect', 'banner', 'ehlo']))
  })

  it('does not mark anything on the inside path, where STARTTLS works (counter-example)', () => {
    const inside = before.comparisons.find((c) => c.path.startsWith('inside'))!
    expect(inside.before?.starttls).toBe('offered')
    expect(inside.before?.tls?.established).toBe(true)
    expect(inside.before!.lines.filter((l) => l.mark && l.mark !== 'tls')).toEqual([])
  })

  it('keeps evidence line numbers: the STARTTLS finding points at line 7 of the outside probe', () => {
    const f = before.findings.find((x) => x.id === 'smtp.starttls-masked')!
    expect(f.evidence[0]).toMatchObject({ source: 'probe:outside', startLine: 7 })
    expect(f.evidence[0]!.lines).toEqual([{ n: 7, text: '250 XXXXXXXA' }])
    expect(f.ease).toBe('easy')
    expect(f.recommendationKey).toBe('report.advice.inspection')
  })

  it('describes the scope: device, both vantage points, a time window', () => {
    // From the engine's facts in the analysis entry: nobody typed them in.
    expect(before.scope.devices).toEqual([
      { name: 'ciscoasa', hostname: 'ciscoasa', platform: 'asa', version: '7.2(3)' },
    ])
    expect(before.scope.vantages.map((v) => v.label).sort()).toEqual(['inside', 'outside'])
    expect(before.scope.period.from <= before.scope.period.to).toBe(true)
  })

  it('recommends mail-gateway TLS settings while unresolved, and no upgrade for 7.2(3)', () => {
    const keys = before.recommendations.map((r) => r.key)
    expect(keys).toContain('report.recommendations.gatewayTls')
    expect(keys).toContain('report.advice.inspection')
    expect(keys).not.toContain('report.recommendations.upgrade')
    expect(keys).not.toContain('report.recommendations.reprobe')
  })

  it('lists unknown entry types in the appendix, redacted', () => {
    const note = before.appendix.other.find((e) => e.type === 'lab.note')!
    expect(note.excerpt).toContain(REDACTION_MARKER)
    expect(before.appendix.other.map((e) => e.type)).toEqual(['lab.note'])
  })

  it('contains none of the case secrets anywhere, and counts what it removed', () => {
    const json = JSON.stringify(before)
    for (const s of SECRETS) expect(json).not.toContain(s)
    expect(json).toContain(REDACTION_MARKER)
    // The community never reached the case folder (the case store redacts on write, issue 14); its places are marked.
    expect(json).toMatch(/snmp-server community \[REDACTED\]/)
    expect(before.redactions.marked).toBeGreaterThan(0)
    // The cleaned session log is shown (its own masking finished by the report); the raw log never is.
    const titles = before.appendix.texts.map((t) => t.title)
    expect(titles.filter((t) => /-session-.*\.log$/.test(t))).toHaveLength(1)
    expect(titles.filter((t) => t.endsWith('-raw.log'))).toEqual([])
    const session = before.appendix.texts.find((t) => /-session-/.test(t.title))!
    expect(session.lines).toContainEqual(expect.stringMatching(/ enable password \[REDACTED\] encrypted$/))
    expect(session.lines).toContainEqual(expect.stringMatching(/ {2}key \[REDACTED\]$/))
    expect(session.lines).toContainEqual(expect.stringMatching(/ {4}inspect esmtp$/))
  })
})

describe('report model of a lab case after the fix', () => {
  it('is resolved: after probe offers STARTTLS and TLS is up, verification passed', () => {
    expect(after.summary.state).toBe('resolved')
    const outside = after.comparisons.find((c) => c.path.startsWith('outside'))!
    expect(outside.before?.starttls).toBe('masked')
    expect(outside.after?.starttls).toBe('offered')
    expect(outside.after?.tls?.established).toBe(true)
    expect(after.verifications[0]?.passed).toBe(true)
    const counters = after.verifications.find((v) => v.counters)?.counters
    expect(counters?.before?.some((l) => /Inspect: esmtp _default_esmtp_map, packet [1-9]/.test(l))).toBe(true)
    expect(counters?.after?.some((l) => l.includes('Inspect: esmtp'))).toBe(false)
  })

  it('records the change exactly: lines, undo lines, who, backup hash, saved', () => {
    expect(after.changes).toHaveLength(1)
    const c = after.changes[0]!
    expect(c.lines).toEqual(['policy-map global_policy', ' class inspection_default', '  no inspect esmtp'])
    expect(c.undoLines.at(-1)).toBe('  inspect esmtp')
    expect(c.confirmedBy).toBe('Kim Minsu 김민수')
    expect(c.backupSha256).toMatch(/^[0-9a-f]{64}$/)
    expect(c.saved).toBe(true)
    expect(after.summary.changes).toEqual([
      { kind: 'apply', device: 'ciscoasa', lineCount: 3, outcome: 'applied', saved: true },
    ])
  })

  it('recommends re-probing after upgrades, and no longer the gateway workaround or saving', () => {
    const keys = after.recommendations.map((r) => r.key)
    expect(keys).toContain('report.recommendations.reprobe')
    expect(keys).not.toContain('report.recommendations.gatewayTls')
    expect(keys).not.toContain('report.recommendations.save')
    // The change followed the inspection advice: it is not given again.
    expect(keys).not.toContain('report.advice.inspection')
  })

  it('contains none of the case secrets', () => {
    const json = JSON.stringify(after)
    for (const s of SECRETS) expect(json).not.toContain(s)
  })
})
