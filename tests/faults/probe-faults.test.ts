/**
 * The SMTP probe against the lab mail path with a misbehaving network in between. Whatever the fault, the
 * probe ends within its timeouts with a structured result, leaks no socket, and the case journal holds
 * the result of every probe that ran.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { CaseStore } from '../../src/main/cases/case-store'
import { InvestigationService } from '../../src/main/investigation/investigation-service'
import { probe } from '../../src/main/smtp/probe'
import { type Fault, type FaultProxy, startFaultProxy } from '../support/fault-proxy'
import { labFixture } from '../support/lab'

const fixture = labFixture('asa9-default')
let proxy: FaultProxy
const timeouts = { connectMs: 2_000, replyMs: 1_500, tlsMs: 2_000, totalMs: 6_000 }

beforeAll(async () => {
  proxy = await startFaultProxy(fixture.lab.smtp.port)
})
afterAll(async () => {
  await proxy?.close()
})

function tcpHandles(): number {
  return process.getActiveResourcesInfo().filter((r) => r === 'TCPSocketWrap').length
}

async function probeWith(fault: Fault) {
  proxy.setFault(fault)
  const started = performance.now()
  const result = await probe({ host: '127.0.0.1', port: proxy.port, vantage: 'outside' }, { timeouts })
  return { result, elapsed: performance.now() - started }
}

describe('probe under injected network faults', () => {
  it('a slow path (delayed chunks) still gives the full, correct transcript', async () => {
    const { result } = await probeWith({ kind: 'delay', ms: 30 })
    expect(result.outcome).toBe('completed')
    expect(result.starttls?.masked).toBe(true)
  })

  it('a server read one byte at a time still gives the full, correct transcript', async () => {
    const { result } = await probeWith({ kind: 'fragment' })
    expect(result.outcome).toBe('completed')
    expect(result.greeting?.extensions.some((e) => e.masked)).toBe(true)
  })

  const breaking: Array<[string, Fault, string[]]> = [
    ['closed in the middle of the banner', { kind: 'truncate', afterBytes: 10 }, ['closed']],
    ['closed in the middle of the EHLO reply', { kind: 'truncate', afterBytes: 60 }, ['closed']],
    ['closed in the middle of the reply to STARTTLS', { kind: 'truncate', afterBytes: 120 }, ['closed']],
    ['reset after the banner', { kind: 'reset', afterBytes: 60 }, ['closed', 'connect-failed']],
    ['stalled in the middle of the EHLO reply', { kind: 'stall', afterBytes: 100 }, ['reply-timeout', 'total-timeout']],
    ['stalled before the banner', { kind: 'stall', afterBytes: 0 }, ['reply-timeout', 'total-timeout']],
  ]
  for (const [name, fault, codes] of breaking) {
    it(`${name}: ends with a structured error within the total timeout`, async () => {
      const { result, elapsed } = await probeWith(fault)
      expect(result.outcome).toBe('failed')
      expect(codes).toContain(result.error?.code)
      expect(result.error?.phase).toBeDefined()
      // The budget is the probe's own total timeout plus scheduling slack, not a performance claim.
      expect(elapsed).toBeLessThan(timeouts.totalMs + 2_000)
      await expect.poll(() => proxy.openConnections).toBe(0)
    })
  }

  it('leaves no socket open after a run of faulty probes', async () => {
    const before = tcpHandles()
    for (const fault of breaking.map(([, f]) => f)) await probeWith(fault)
    await expect.poll(() => proxy.openConnections).toBe(0)
    await expect.poll(tcpHandles).toBeLessThanOrEqual(before)
  })

  it('the case journal holds every probe result, the failed ones included, and reads back cleanly', async () => {
    const cases = new CaseStore(fixture.dir)
    const handle = cases.create({ customer: 'Fault test' })
    handle.close()
    const service = new InvestigationService(cases, { timeouts })
    proxy.setFault({ kind: 'reset', afterBytes: 60 })
    const run = await service.runProbes(
      [
        { host: '127.0.0.1', port: fixture.lab.direct.port, vantage: 'direct' },
        { host: '127.0.0.1', port: proxy.port, vantage: 'outside' },
      ],
      handle.id,
    )
    expect(run.results.map((r) => r.outcome)).toEqual(['completed', 'failed'])
    const { entries, problems } = cases.read(handle.id)
    expect(problems).toEqual([])
    const stored = entries.filter((e) => e.type === 'probe.result').map((e) => (e.data as { outcome: string }).outcome)
    expect(stored.sort()).toEqual(['completed', 'failed'])
  })
})
