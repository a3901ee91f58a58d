/**
 * `runProbeRequest`, the service under the CLI (and the app): what it plans, the events it gives as results
 * complete, what it writes into a case journal, and how a name without MX data falls back to a host probe.
 */
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { CaseStore } from '../../../src/main/cases/case-store'
import { type ProbeReport, runProbeRequest } from '../../../src/main/smtp/run'
import type { ProbeTarget } from '../../../src/shared/probe/types'
import { scriptedSmtp, startServer, type TestServer } from '../../support/hostile-smtp'
import { startDnsServer } from './support/dns-server'

const home = mkdtempSync(join(tmpdir(), 'unmask-probe-run-'))
const closers: Array<{ close(): Promise<void> }> = []

afterAll(async () => {
  await Promise.all(closers.map((c) => c.close()))
  rmSync(home, { recursive: true, force: true })
})

async function server(script = {}): Promise<TestServer> {
  const s = await startServer(scriptedSmtp({ starttls: ['454 4.7.0 TLS not available'], ...script }))
  closers.push(s)
  return s
}

describe('runProbeRequest', () => {
  it('compares two views: plans both, reports each as it completes, journals results and the comparison', async () => {
    const a = await server()
    const b = await server({
      ehlo: ['250-x.lab.test', '250 XXXXXXXA'],
      starttls: ['500 5.5.2 Error: command not recognized'],
    })
    const handle = new CaseStore(home).create({ customer: 'ACME' })
    const planned: Array<[string, number]> = []
    const completed: number[] = []
    let report: ProbeReport
    try {
      report = await runProbeRequest(
        {
          target: { host: '127.0.0.1', port: a.port, explicitPort: true },
          compare: { host: '127.0.0.1', port: b.port },
          vantage: 'inside',
          compareVantage: 'outside',
          mode: 'starttls',
          options: {},
        },
        {
          planned: (kind, targets) => planned.push([kind, targets.length]),
          completed: (_probe, progress) => completed.push(progress.done),
        },
        handle,
      )
    } finally {
      handle.close()
    }
    expect(planned).toEqual([['compare', 2]])
    expect(completed).toEqual([1, 2])
    expect(report.kind).toBe('compare')
    expect(report.probes.map((p) => p.result.target.vantage)).toEqual(['inside', 'outside'])
    expect(report.probes[1]!.verdict.id).toBe('starttls-masked')
    expect(report.comparison?.findings.map((f) => f.id)).toEqual(['smtp.path-differs'])
    expect(report.comparison?.verdict.id).toBe('paths-differ')
    const entries = new CaseStore(home).read(handle.id).entries.map((e) => e.type)
    expect(entries).toEqual(['case.created', 'probe.result', 'probe.result', 'probe.comparison'])
  })

  it('a name without MX records is probed at its own address (implicit MX)', async () => {
    const s = await server()
    const dns = await startDnsServer({ 'solo.lab.test': { a: ['127.0.0.1'] } })
    closers.push(dns)
    let plannedTargets: readonly ProbeTarget[] = []
    const report = await runProbeRequest(
      {
        target: { host: 'solo.lab.test', port: s.port, explicitPort: false },
        mode: 'starttls',
        options: { dnsServers: [dns.server] },
      },
      { planned: (_kind, targets) => (plannedTargets = targets) },
    )
    // The domain has an address but no MX: implicit MX, the name itself, at its resolved address.
    expect(report.kind).toBe('domain')
    expect(report.domain?.implicitMx).toBe(true)
    expect(plannedTargets.map((t) => `${t.host}@${t.address}`)).toEqual(['solo.lab.test@127.0.0.1'])
    expect(report.probes[0]?.result.outcome).toBe('completed')
  })

  it('a domain whose MX hosts do not resolve gives an empty plan, not a probe of the domain', async () => {
    const dns = await startDnsServer({ 'broken.test': { mx: [{ preference: 10, exchange: 'gone.broken.test' }] } })
    closers.push(dns)
    const report = await runProbeRequest({
      target: { host: 'broken.test', port: 25, explicitPort: false },
      mode: 'starttls',
      options: { dnsServers: [dns.server] },
    })
    expect(report.kind).toBe('domain')
    expect(report.domain?.unresolved.map((u) => u.exchange)).toEqual(['gone.broken.test'])
    expect(report.probes).toEqual([])
  })
})
