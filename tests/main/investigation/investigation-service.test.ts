import { describe, expect, it } from 'vitest'
import { CaseStore } from '../../../src/main/cases/case-store'
import { InvestigationService } from '../../../src/main/investigation/investigation-service'
import { labFixture } from '../../support/lab'

const fixture = labFixture('asa9-default')

describe('investigation service against the lab (ASA 9 default inspection)', () => {
  it('probes direct and through the firewall, proves the masking and journals every result', async () => {
    const cases = new CaseStore(fixture.dir)
    const handle = cases.create({ customer: 'Lab customer' })
    handle.close()
    const service = new InvestigationService(cases, { timeouts: { totalMs: 15_000 } })
    const run = await service.runProbes(
      [
        { host: '127.0.0.1', port: fixture.lab.direct.port, vantage: 'direct' },
        { host: '127.0.0.1', port: fixture.lab.smtp.port, vantage: 'outside' },
      ],
      handle.id,
    )
    expect(run.results.map((r) => r.starttls?.advertised)).toEqual([true, false])
    expect(run.results[1]!.starttls?.masked).toBe(true)
    expect(run.comparison?.differences.map((d) => d.kind)).toContain('starttls-advertised')
    const ids = run.analysis.findings.map((f) => f.id)
    expect(ids).toContain('smtp.starttls-masked')
    expect(ids).toContain('smtp.path-differs')
    const journal = cases.read(handle.id).entries.map((e) => e.type)
    expect(journal.filter((t) => t === 'probe.result')).toHaveLength(2)
    expect(journal).toContain('probe.comparison')
  })

  it('a clean direct probe alone is not blamed on a firewall (counter-example)', async () => {
    const service = new InvestigationService(new CaseStore(fixture.dir), { timeouts: { totalMs: 15_000 } })
    const run = await service.runProbes([{ host: '127.0.0.1', port: fixture.lab.direct.port, vantage: 'direct' }])
    const ids = run.analysis.findings.map((f) => f.id)
    expect(ids).not.toContain('smtp.starttls-masked')
    expect(ids).not.toContain('smtp.path-differs')
    expect(run.comparison).toBeUndefined()
  })

  it('combines pasted device output with probe results into one diagnosis with remedies', async () => {
    const cases = new CaseStore(fixture.dir)
    const handle = cases.create({ customer: 'Lab customer' })
    handle.close()
    const service = new InvestigationService(cases, { timeouts: { totalMs: 15_000 } })
    const { results } = await service.runProbes([
      { host: '127.0.0.1', port: fixture.lab.smtp.port, vantage: 'outside' },
    ])
    const config = [
      ': Saved',
      'ASA Version 9.8(4)10',
      'hostname fw-lab',
      'class-map inspection_default',
      ' match default-inspection-traffic',
      'policy-map global_policy',
      ' class inspection_default',
      '  inspect esmtp',
      'service-policy global_policy global',
    ].join('\n')
    const analysis = service.analyze([{ source: 'running-config.txt', text: config }], results, handle.id)
    expect(analysis.findings.map((f) => f.id)).toEqual(
      expect.arrayContaining(['asa.esmtp-inspection-active', 'smtp.starttls-masked']),
    )
    expect(analysis.remedies.map((r) => r.id)).toContain('asa.no-inspect-esmtp')
    const detail = cases.read(handle.id)
    expect(detail.attachments.map((a) => a.name)).toEqual([expect.stringContaining('running-config.txt')])
    expect(detail.entries.map((e) => e.type)).toContain('analysis.result')
  })
})
