/** The verdict first (issue 18, points 2 and 3) from real analyses of real device output and lab-shaped probes. */
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { alignLanes } from '../../../src/renderer/src/diagnosis/lanes'
import { checkRows, verdictOf } from '../../../src/renderer/src/diagnosis/verdict'
import { analyzeTexts } from '../../../src/shared/diagnosis'
import type { ProbeResult } from '../../../src/shared/probe/types'

const CONFIG = [
  'hostname ciscoasa',
  'policy-map global_policy',
  ' class inspection_default',
  '  inspect esmtp',
  'service-policy global_policy global',
].join('\n')

function probe(vantage: string, lines: Array<[string, 'client' | 'server', string]>, extra: Partial<ProbeResult> = {}) {
  return {
    version: 1,
    target: { host: '127.0.0.1', port: 25, vantage },
    transcript: lines.map(([phase, direction, text], i) => ({ line: i + 1, atMs: i * 3, phase, direction, text })),
    outcome: 'completed',
    phases: [],
    durationMs: 20,
    ...extra,
  } as unknown as ProbeResult
}
const DIRECT = probe(
  'direct',
  [
    ['banner', 'server', '220 mail.example.com ESMTP'],
    ['ehlo', 'client', 'EHLO unmask'],
    ['ehlo', 'server', '250-mail.example.com'],
    ['ehlo', 'server', '250 STARTTLS'],
  ],
  { starttls: { advertised: true, masked: false, sent: true }, tls: { established: true } } as Partial<ProbeResult>,
)
const THROUGH = probe(
  'firewall',
  [
    ['banner', 'server', '220 ***************************'],
    ['ehlo', 'client', 'EHLO unmask'],
    ['ehlo', 'server', '250-mail.example.com'],
    ['ehlo', 'server', '250 XXXXXXXA'],
  ],
  { starttls: { advertised: false, masked: true, sent: false } } as Partial<ProbeResult>,
)

describe('verdict', () => {
  it('names the device and the place of inspect esmtp, with the change remedy to apply', () => {
    const analysis = analyzeTexts([{ source: 'device:lab-asa', text: CONFIG }])
    const v = verdictOf({ analysis, results: [] })
    expect(v.kind).toBe('masked-device')
    expect(v.params).toMatchObject({ device: 'ciscoasa', places: 'global_policy/inspection_default' })
    expect(v.remedy?.type).toBe('change')
    expect(v.remedy?.commands.map((c) => c.command.trim())).toContain('no inspect esmtp')
  })

  it('is inconclusive when the probes obtained no SMTP conversation, not "nothing points at inspection"', () => {
    const failed = probe('firewall', [], { outcome: 'failed' } as Partial<ProbeResult>)
    expect(verdictOf({ results: [failed] }).kind).toBe('inconclusive')
    expect(checkRows(undefined, [failed])[0]).toMatchObject({ state: 'unchecked', key: 'ui.checks.probe.failed' })
  })

  it('says encrypted only when every path reached TLS (counter-example: one masked path)', () => {
    expect(verdictOf({ results: [DIRECT] }).kind).toBe('encrypted')
    expect(verdictOf({ results: [DIRECT, THROUGH] }).kind).toBe('masked-path')
    expect(verdictOf({ results: [DIRECT], rechecking: true }).kind).toBe('rechecking')
  })

  it('merges the same finding from several sources into one check row', () => {
    const analysis = analyzeTexts([
      { source: 'device:lab-asa', text: CONFIG },
      { source: 'pasted text 1', text: CONFIG },
    ])
    const rows = checkRows(analysis, [])
    const ids = rows.map((r) => r.id)
    expect(new Set(ids).size).toBe(ids.length)
    const inspect = rows.find((r) => r.id === 'asa.esmtp-inspection-active')
    expect(inspect?.findings.map((f) => f.evidence[0]?.source).sort()).toEqual(['device:lab-asa', 'pasted text 1'])
  })
})

describe('lanes', () => {
  it('puts the rewritten line beside what it should have been, direct first', () => {
    const rows = alignLanes([THROUGH, DIRECT])
    const masked = rows.find((r) => r.cells[1]?.line.text === '250 XXXXXXXA')
    expect(masked?.cells[0]?.line.text).toBe('250 STARTTLS')
    expect(masked).toMatchObject({ differs: true, expected: '250 STARTTLS' })
    expect(masked?.cells[1]?.rewritten).toBe(true)
    const same = rows.find((r) => r.cells[0]?.line.text === 'EHLO unmask')
    expect(same).toMatchObject({ differs: false, expected: undefined })
    expect(rows.filter((r) => r.differs)).toHaveLength(2)
  })
})

// A real capture (tests/fixtures/device-output/INDEX: an ASA 5505 running 7.2(3) with inspect esmtp).
describe('verdict from a real capture', () => {
  it('finds the device cause in a real ASA running-config', () => {
    const file = join(
      import.meta.dirname,
      '../../fixtures/device-output/asa_7.2-3_asa5505_running-config_inspect_esmtp_mocktest.txt',
    )
    const analysis = analyzeTexts([{ source: 'device:x', text: readFileSync(file, 'utf8') }])
    const v = verdictOf({ analysis, results: [] })
    expect(v.kind).toBe('masked-device')
    expect(String(v.params.places)).toContain('inspection_default')
  })
})
