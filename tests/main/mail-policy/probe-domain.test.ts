/**
 * The app's `mailPolicy.probe` run (probeDomainWithPolicy) on the lab: MX plan → policy lookups while the MX is
 * probed → one verdict per MX host, written into the case journal as the probe results arrive. Only 127.0.0.1.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type LabDnsServer, startLabDns } from '../../../src/lab/dns/server'
import { startMailHost } from '../../../src/lab/mail/mail-host'
import { type LabPem, makeLabCa } from '../../../src/lab/policy-server/ca'
import { type LabPolicyServer, startLabPolicyServer, stsPolicyText } from '../../../src/lab/policy-server/server'
import { CaseStore } from '../../../src/main/cases/case-store'
import { probeDomainWithPolicy } from '../../../src/main/mail-policy/probe-domain'

const closers: Array<() => Promise<void>> = []
let dir: string
let dns: LabDnsServer
let ca: LabPem
let policyHost: LabPolicyServer
let mxPort: number

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'unmask-probe-domain-'))
  const host = await startMailHost({ persona: 'esa', hostname: 'mx1.lab.test', domain: 'lab.test', stateDir: dir })
  closers.push(() => host.close())
  mxPort = host.port
  ca = await makeLabCa()
  policyHost = await startLabPolicyServer(ca, 'lab.test', stsPolicyText('testing', ['mx1.lab.test']))
  closers.push(() => policyHost.close())
  dns = await startLabDns({
    'lab.test': { mx: [{ preference: 10, exchange: 'mx1.lab.test' }] },
    'mx1.lab.test': { a: ['127.0.0.1'] },
    'mta-sts.lab.test': { a: ['127.0.0.1'] },
    '_mta-sts.lab.test': { txt: ['v=STSv1; id=7'] },
  })
  closers.push(() => dns.close())
})

afterAll(async () => {
  for (const close of closers.reverse()) await close()
  rmSync(dir, { recursive: true, force: true })
})

describe('probeDomainWithPolicy (the app side of unmask probe DOMAIN)', () => {
  it('probes the MX with its policies and journals the probe in the case', async () => {
    const store = new CaseStore(join(dir, 'home'))
    const handle = store.create({ customer: 'Lab' })
    try {
      const { report, mailPolicy } = await probeDomainWithPolicy(
        'lab.test',
        { dnsServers: [dns.server], port: mxPort, policyCa: ca.cert, policyPort: policyHost.port },
        handle,
      )
      expect(report.kind).toBe('domain')
      expect(report.probes.map((p) => p.verdict.id)).toEqual(['tls-untrusted'])
      expect(mailPolicy?.check.stsPolicy).toMatchObject({ ok: true, policy: { mode: 'testing' } })
      // Straight to the server (no firewall): TLS works, a self-signed certificate, testing mode, no DANE.
      expect(mailPolicy?.verdicts).toEqual([
        expect.objectContaining({
          host: 'mx1.lab.test',
          sts: 'testing',
          dane: 'none',
          level: 'info',
          key: 'unprotected',
        }),
      ])
    } finally {
      handle.close()
    }
    expect(readFileSync(join(handle.dir, 'journal.jsonl'), 'utf8')).toContain('mx1.lab.test')
  })

  it('a host that is no domain (an address) gets no policy check', async () => {
    const { mailPolicy, report } = await probeDomainWithPolicy('127.0.0.1', { port: mxPort })
    expect(report.kind).toBe('host')
    expect(mailPolicy).toBeNull()
  })
})
