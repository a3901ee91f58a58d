/**
 * `unmask probe --egress` as a service (issue 13 point 2), against the lab's egress-providers scenario: the site's
 * ASA with the default global_policy on the egress path in front of three loopback "providers" (§7.1). Only
 * loopback hosts are ever given: the built-in list of real providers is never contacted by a test.
 */
import { mkdtempSync, rmSync } from 'node:fs'
import { createServer } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type Lab, startLab } from '../../../src/lab'
import { CaseStore } from '../../../src/main/cases/case-store'
import { runEgressCheck, TooManyEgressTargetsError } from '../../../src/main/smtp/egress'
import { MAX_EGRESS_TARGETS } from '../../../src/shared/probe/egress'

const stateDir = mkdtempSync(join(tmpdir(), 'unmask-egress-'))
let lab: Lab
let strip: Lab

beforeAll(async () => {
  lab = await startLab({ scenario: 'egress-providers', stateDir: join(stateDir, 'egress') })
  strip = await startLab({ scenario: 'gateway-strip', stateDir: join(stateDir, 'strip') })
})

afterAll(async () => {
  await lab?.stop()
  await strip?.stop()
  rmSync(stateDir, { recursive: true, force: true })
})

const through = () => lab.providers.map((p) => ({ host: p.smtp.host, port: p.smtp.port }))
const direct = () => lab.providers.map((p) => ({ host: p.direct.host, port: p.direct.port }))

async function closedPort(): Promise<number> {
  const server = createServer()
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as { port: number }
  await new Promise<void>((resolve) => server.close(() => resolve()))
  return port
}

describe('egress check', () => {
  it('every provider masked through the local egress path: the local path masks STARTTLS', async () => {
    const done: number[] = []
    const report = await runEgressCheck(
      { targets: through() },
      { completed: (_p, progress) => done.push(progress.done) },
    )
    expect(report.defaultList).toBe(false)
    expect(report.conclusion.id).toBe('local-path-masks')
    expect(report.conclusion.counts).toEqual({ masked: 3, 'no-starttls': 0, offered: 0, failed: 0 })
    expect(report.conclusion.hosts.every((h) => h.view === 'masked' && h.evidence)).toBe(true)
    expect(report.probes.map((p) => p.result.target.vantage)).toEqual(['egress', 'egress', 'egress'])
    expect(done.sort()).toEqual([1, 2, 3])
  })

  it('counter-example: the same providers reached without the firewall all offer STARTTLS', async () => {
    const report = await runEgressCheck({ targets: direct() })
    expect(report.conclusion.id).toBe('local-path-clean')
    expect(report.conclusion.counts.offered).toBe(3)
  })

  it('only some destinations masked: the masking is theirs, the local path lets STARTTLS through', async () => {
    const [a, b] = through()
    const [, , c] = direct()
    const report = await runEgressCheck({ targets: [a!, b!, c!] })
    expect(report.conclusion.id).toBe('some-destinations-mask')
    expect(report.conclusion.hosts.map((h) => h.view)).toEqual(['masked', 'masked', 'offered'])
  })

  it('a gateway deleting STARTTLS on every destination: the local path strips it', async () => {
    const target = { host: strip.smtp.host, port: strip.smtp.port }
    const report = await runEgressCheck({ targets: [target, target] })
    expect(report.conclusion.id).toBe('local-path-strips')
    expect(report.conclusion.counts['no-starttls']).toBe(2)
  })

  it('one answering destination is not enough to tell the sides apart; failures are counted, not hidden', async () => {
    const report = await runEgressCheck({
      targets: [through()[0]!, { host: '127.0.0.1', port: await closedPort() }],
      options: { timeouts: { totalMs: 5_000 } },
    })
    expect(report.conclusion.id).toBe('inconclusive')
    expect(report.conclusion.counts).toMatchObject({ masked: 1, failed: 1 })
    expect(report.probes[1]?.result.error?.code).toBe('connect-refused')
  })

  it('writes every probe into the case journal as it completes', async () => {
    const store = new CaseStore(join(stateDir, 'home'))
    const handle = store.create({ customer: 'egress' })
    await runEgressCheck({ targets: through() }, {}, handle)
    handle.close()
    const entries = store.read(handle.id).entries.filter((e) => e.type === 'probe.result')
    expect(entries).toHaveLength(3)
  })

  it('refuses a list longer than a sample of destinations', async () => {
    const many = Array.from({ length: MAX_EGRESS_TARGETS + 1 }, () => through()[0]!)
    await expect(runEgressCheck({ targets: many })).rejects.toBeInstanceOf(TooManyEgressTargetsError)
  })
})
