/**
 * A case made only of probes (`unmask probe --case`) has no diagnosis in its journal: the report runs the engine over
 * it. A case with its own analysis keeps it (counter-example).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { CaseStore } from '../../../src/main/cases/case-store'
import { renderCaseReport } from '../../../src/main/report/export-report'
import { fallbackDiagnosis } from '../../../src/main/report/fallback-diagnosis'
import { readCapture } from '../../../src/shared/capture/read'
import { captureRecord } from '../../../src/shared/journal/capture-evidence-schema'
import { JOURNAL } from '../../../src/shared/journal/events'
import type { ProbeResult } from '../../../src/shared/probe/types'
import { captureBytes } from '../../shared/capture/fixtures'
import { probeMaskedPath } from '../../shared/report/helpers/lab-case'
import { makeTempDir } from '../../support/temp-dir'

const temp = makeTempDir()
let masked: ProbeResult

beforeAll(async () => {
  masked = await probeMaskedPath()
})
afterAll(() => temp.remove())

describe('fallback diagnosis for the report', () => {
  it('finds the masked STARTTLS in a probe-only case, with the probe line as evidence', () => {
    const c = new CaseStore(temp.path).create({ customer: 'Probe Only Ltd' })
    c.append('probe.result', masked)
    c.close()
    const { model } = renderCaseReport({ home: temp.path, caseRef: c.dir, lang: 'en' })
    const f = model.findings.find((x) => x.id === 'smtp.starttls-masked')
    expect(f?.evidence[0]).toMatchObject({ source: 'probe:outside', startLine: 7 })
    expect(model.summary.state).toBe('problem-found')
  })

  // A guided capture (or `unmask capture --case`) writes `capture.added` for both sides and no diagnosis. The two
  // captures are tcpdump's of a real Postfix through the lab's inspection path (tests/fixtures/captures/README.md).
  const record = (file: string, side: 'inside' | 'outside') =>
    captureRecord(readCapture(captureBytes(file))!, { name: file, origin: 'device', side, set: 'run-1', bytes: 1 })

  it("a case holding only a capture pair reports the firewall's rewrite, citing both captures", () => {
    const c = new CaseStore(temp.path).create({ customer: 'Capture Only Ltd' })
    c.append(JOURNAL.captureAdded, record('postfix-esmtp-inside.pcap', 'inside'))
    c.append(JOURNAL.captureAdded, record('postfix-esmtp-outside.pcap', 'outside'))
    c.close()
    const { model } = renderCaseReport({ home: temp.path, caseRef: c.dir, lang: 'en' })
    const f = model.findings.find((x) => x.id === 'capture.firewall-rewrote')
    expect(f).toBeDefined()
    expect(new Set(f!.evidence.map((e) => e.source.split(' ')[0]))).toEqual(
      new Set(['postfix-esmtp-inside.pcap', 'postfix-esmtp-outside.pcap']),
    )
    expect(model.summary.state).toBe('problem-found')
  })

  it('counter-example: identical captures on a clear path give no rewrite finding', () => {
    const entries = [
      { seq: 0, at: 'x', type: JOURNAL.captureAdded, data: record('postfix-off-inside.pcap', 'inside') },
      { seq: 1, at: 'x', type: JOURNAL.captureAdded, data: record('postfix-off-outside.pcap', 'outside') },
    ]
    const d = fallbackDiagnosis(entries)
    expect(d?.findings.map((f) => f.id)).not.toContain('capture.firewall-rewrote')
  })

  it('leaves a journal with its own analysis alone', () => {
    const entries = [
      { seq: 0, at: 'x', type: 'probe.result', data: masked },
      { seq: 1, at: 'x', type: 'analysis.result', data: { findings: [], causes: [], facts: {} } },
    ]
    expect(fallbackDiagnosis(entries)).toBeUndefined()
  })

  it('ignores what was recorded after the first change, and returns nothing for an empty case', () => {
    const afterFix = [
      { seq: 0, at: 'x', type: 'fix.applied', data: {} },
      { seq: 1, at: 'x', type: 'probe.result', data: masked },
    ]
    expect(fallbackDiagnosis(afterFix)).toBeUndefined()
    expect(fallbackDiagnosis([])).toBeUndefined()
    expect(fallbackDiagnosis([{ seq: 0, at: 'x', type: 'probe.result', data: { not: 'a probe' } }])).toBeUndefined()
  })
})
