/**
 * MX lookup against a real DNS server on loopback (dns-packet over UDP), and many probes at once with a
 * bound on concurrency, streamed results and cancellation.
 */
import type { Socket } from 'node:net'
import { afterEach, describe, expect, it } from 'vitest'
import { planDomain } from '../../../src/main/smtp/mx'
import { probe } from '../../../src/main/smtp/probe'
import { type BatchProgress, probeAll, probeMany } from '../../../src/main/smtp/probe-many'
import type { ProbeTarget } from '../../../src/shared/probe/types'
import { hostile, scriptedSmtp, startServer, type TestServer } from '../../support/hostile-smtp'
import { type DnsServer, startDnsServer } from './support/dns-server'

const closers: Array<{ close(): Promise<void> }> = []
afterEach(async () => {
  await Promise.all(closers.splice(0).map((c) => c.close()))
})

async function dns(zone: Parameters<typeof startDnsServer>[0]): Promise<DnsServer> {
  const server = await startDnsServer(zone)
  closers.push(server)
  return server
}

async function server(behaviour = scriptedSmtp({ starttls: ['454 4.7.0 TLS not available'] }), host = '127.0.0.1') {
  const s = await startServer(behaviour, host)
  closers.push(s)
  return s
}

describe('MX lookup', () => {
  it('orders MX hosts by preference and lists every address; unresolvable hosts are reported', async () => {
    const d = await dns({
      'lab.test': {
        mx: [
          { preference: 20, exchange: 'mx2.lab.test' },
          { preference: 10, exchange: 'mx1.lab.test' },
          { preference: 30, exchange: 'gone.lab.test' },
        ],
      },
      'mx1.lab.test': { a: ['127.0.0.2'] },
      'mx2.lab.test': { a: ['127.0.0.3'], aaaa: ['::1'] },
    })
    const plan = await planDomain('lab.test', { port: 2525, dnsServers: [d.server], timeoutMs: 2_000 })
    expect(plan.ok).toBe(true)
    if (!plan.ok) return
    expect(plan.value.implicitMx).toBe(false)
    expect(plan.value.mx.map((m) => m.exchange)).toEqual(['mx1.lab.test', 'mx2.lab.test', 'gone.lab.test'])
    expect(plan.value.targets.map((t) => `${t.host}@${t.address}:${t.port}`)).toEqual([
      'mx1.lab.test@127.0.0.2:2525',
      'mx2.lab.test@127.0.0.3:2525',
      'mx2.lab.test@::1:2525',
    ])
    expect(plan.value.unresolved.map((u) => u.exchange)).toEqual(['gone.lab.test'])
  })

  it('falls back to the domain itself when it has no MX (implicit MX)', async () => {
    const d = await dns({ 'nomx.test': { a: ['127.0.0.4'] } })
    const plan = await planDomain('nomx.test', { port: 25, dnsServers: [d.server], timeoutMs: 2_000 })
    expect(plan.ok && plan.value.implicitMx).toBe(true)
    expect(plan.ok && plan.value.targets.map((t) => t.address)).toEqual(['127.0.0.4'])
  })

  it('fails on a domain that does not exist, and times out on a silent server', async () => {
    const d = await dns({ 'quiet.test': { silent: true } })
    const missing = await planDomain('missing.test', { port: 25, dnsServers: [d.server], timeoutMs: 2_000 })
    expect(missing).toMatchObject({ ok: false, code: 'dns-failed', errno: 'ENOTFOUND' })
    const quiet = await planDomain('quiet.test', { port: 25, dnsServers: [d.server], timeoutMs: 300 })
    expect(quiet.ok).toBe(false)
    expect(!quiet.ok && quiet.code).toMatch(/^dns-(timeout|failed)$/)
  })

  it('a malformed DNS server address is a DNS failure, not an exception', async () => {
    const plan = await planDomain('lab.test', { port: 25, dnsServers: ['not an address'], timeoutMs: 500 })
    expect(plan).toMatchObject({ ok: false, code: 'dns-failed' })
    const r = await probe({ host: 'mx.lab.test', port: 25 }, { dnsServers: ['300.1.1.1'] })
    expect(r.error).toMatchObject({ phase: 'dns', code: 'dns-failed' })
  })

  it('a probe resolves its host through the given DNS server and records the DNS phase', async () => {
    const s = await server()
    const d = await dns({ 'mx.lab.test': { a: ['127.0.0.1'] }, 'slow.lab.test': { silent: true } })
    const r = await probe({ host: 'mx.lab.test', port: s.port }, { dnsServers: [d.server] })
    expect(r.outcome).toBe('completed')
    expect(r.phases[0]).toMatchObject({ phase: 'dns', outcome: 'ok' })
    expect(r.address).toBe('127.0.0.1')
    const slow = await probe(
      { host: 'slow.lab.test', port: s.port },
      { dnsServers: [d.server], timeouts: { dnsMs: 300 } },
    )
    expect(slow.error?.phase).toBe('dns')
    expect(s.connections).toBe(1)
  })
})

describe('many probes at once', () => {
  /**
   * Counts conversations in progress at the same time (from connect to the client's QUIT, which comes
   * before the client's probe can end); each banner comes after a short wait so that probes overlap.
   */
  async function countingServer(): Promise<TestServer & { peak: () => number }> {
    let open = 0
    let peak = 0
    const inner = scriptedSmtp({ starttls: ['454 4.7.0 TLS not available'] })
    const s = await server((socket: Socket) => {
      open++
      peak = Math.max(peak, open)
      let counted = true
      const finished = () => {
        if (counted) open--
        counted = false
      }
      socket.on('data', (chunk: Buffer) => {
        if (chunk.includes('QUIT')) finished()
      })
      socket.on('close', finished)
      socket.pause()
      setTimeout(() => {
        socket.resume()
        inner(socket)
      }, 100)
    })
    return Object.assign(s, { peak: () => peak })
  }

  it('keeps at most `concurrency` probes in flight and streams every result once', async () => {
    const s = await countingServer()
    const targets: ProbeTarget[] = Array.from({ length: 10 }, (_, i) => ({
      host: '127.0.0.1',
      port: s.port,
      vantage: `v${i}`,
    }))
    const seen: BatchProgress[] = []
    for await (const progress of probeMany(targets, { concurrency: 3 })) seen.push(progress)
    expect(seen.map((p) => p.done)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10])
    expect(seen.every((p) => p.total === 10)).toBe(true)
    expect(new Set(seen.map((p) => p.index)).size).toBe(10)
    expect(seen.every((p) => p.result.target.vantage === `v${p.index}`)).toBe(true)
    expect(seen.every((p) => p.result.outcome === 'completed')).toBe(true)
    expect(s.peak()).toBe(3)
  })

  it('defaults to 8 in flight', async () => {
    const s = await countingServer()
    const targets = Array.from({ length: 12 }, () => ({ host: '127.0.0.1', port: s.port }))
    const results = await probeAll(targets)
    expect(results).toHaveLength(12)
    expect(s.peak()).toBe(8)
  })

  it('a hanging target does not hold back the others', async () => {
    const good = await server()
    const stuck = await server(hostile.silent())
    const order: string[] = []
    const targets = [
      { host: '127.0.0.1', port: stuck.port, vantage: 'stuck' },
      { host: '127.0.0.1', port: good.port, vantage: 'good' },
    ]
    for await (const p of probeMany(targets, { timeouts: { replyMs: 2_000 } })) order.push(p.result.target.vantage!)
    expect(order).toEqual(['good', 'stuck'])
  })

  it('an abort ends every running probe as aborted', async () => {
    const stuck = await server(hostile.silent())
    const controller = new AbortController()
    const targets = Array.from({ length: 4 }, () => ({ host: '127.0.0.1', port: stuck.port }))
    const running = probeAll(targets, { signal: controller.signal, concurrency: 2 })
    setTimeout(() => controller.abort(), 100)
    const results = await running
    expect(results.map((r) => r.error?.code)).toEqual(['aborted', 'aborted', 'aborted', 'aborted'])
  })
})
