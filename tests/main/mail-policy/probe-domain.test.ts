/**
 * The app's `mailPolicy.probe` run (probeDomainWithPolicy) on the lab: MX plan → policy lookups while the MX is
 * probed → one verdict per MX host, written into the case journal as the probe results arrive. Only 127.0.0.1.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type PolicyDomainLab, startPolicyDomainLab } from '../../../src/lab/policy-server/domain-lab'
import { CaseStore } from '../../../src/main/cases/case-store'
import { probeDomainWithPolicy } from '../../../src/main/mail-policy/probe-domain'

let dir: string
let lab: PolicyDomainLab

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'unmask-probe-domain-'))
  // Straight to the server: the lab firewall passes everything.
  lab = await startPolicyDomainLab(dir, { mode: 'testing', firewall: { kind: 'off' } })
})

afterAll(async () => {
  await lab?.close()
  rmSync(dir, { recursive: true, force: true })
})

describe('probeDomainWithPolicy (the app side of unmask probe DOMAIN)', () => {
  it('probes the MX with its policies and journals the probe in the case', async () => {
    const store = new CaseStore(join(dir, 'home'))
    const handle = store.create({ customer: 'Lab' })
    try {
      const { report, mailPolicy } = await probeDomainWithPolicy(
        'lab.test',
        { dnsServers: [lab.dns.server], port: lab.mxPort, policyCa: lab.ca.cert, policyPort: lab.policyHost.port },
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
    const { mailPolicy, report } = await probeDomainWithPolicy('127.0.0.1', { port: lab.directPort })
    expect(report.kind).toBe('host')
    expect(mailPolicy).toBeNull()
  })
})
