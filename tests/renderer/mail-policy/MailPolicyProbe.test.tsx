/**
 * The diagnosis panel's domain probe (issue 17): the bridge answers `mailPolicy.probe` with a real run of the same
 * main-side code (probeDomainWithPolicy, through the built `unmask probe DOMAIN --json`, in a child process because
 * the probe's AbortSignal cannot run under happy-dom) against the lab on 127.0.0.1 — DNS server, HTTPS policy host
 * with a test CA, mail host behind the inspecting firewall. The panel shows each MX's MTA-STS/DANE state beside its
 * verdict; a policy in none mode is the counter-example. Needs `npm run build` first, like the other built-CLI tests.
 */

import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { render, screen, waitFor } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type LabDnsServer, startLabDns } from '../../../src/lab/dns/server'
import { startMailHost } from '../../../src/lab/mail/mail-host'
import { makeLabCa } from '../../../src/lab/policy-server/ca'
import { type LabPolicyServer, startLabPolicyServer, stsPolicyText } from '../../../src/lab/policy-server/server'
import { startInspectionProxy } from '../../../src/lab/proxy/inspection-proxy'
import { newCounters } from '../../../src/lab/proxy/policy'
import { BridgeContext } from '../../../src/renderer/src/bridge'
import { MailPolicyProbe } from '../../../src/renderer/src/diagnosis/MailPolicyProbe'
import type { UnmaskBridge } from '../../../src/shared/api'
import type { MailPolicyReport } from '../../../src/shared/mail-policy/verdict'
import type { ProbeResult } from '../../../src/shared/probe/types'
import { isBuilt, unmaskAsync } from '../../cli/built'

const closers: Array<() => Promise<void>> = []
let dir: string
let dns: LabDnsServer
let policyHost: LabPolicyServer
let bridge: UnmaskBridge

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'unmask-renderer-mail-policy-'))
  const host = await startMailHost({ persona: 'esa', hostname: 'mx1.lab.test', domain: 'lab.test', stateDir: dir })
  closers.push(() => host.close())
  const proxy = await startInspectionProxy({
    upstream: host,
    firewall: {
      currentPolicy: () => ({
        kind: 'esmtp',
        map: '_default_esmtp_map',
        maskBanner: false,
        allowTls: false,
        duplicateHeaderBug: false,
      }),
      counters: newCounters(),
      log: () => {},
    },
  })
  closers.push(() => proxy.close())
  const ca = await makeLabCa()
  policyHost = await startLabPolicyServer(ca, 'lab.test', stsPolicyText('enforce', ['mx1.lab.test']))
  closers.push(() => policyHost.close())
  dns = await startLabDns({
    'lab.test': { mx: [{ preference: 10, exchange: 'mx1.lab.test' }] },
    'mx1.lab.test': { a: ['127.0.0.1'] },
    'mta-sts.lab.test': { a: ['127.0.0.1'] },
    '_mta-sts.lab.test': { txt: ['v=STSv1; id=1'] },
  })
  closers.push(() => dns.close())
  bridge = {
    invoke: (async (method: string, input: { domain: string }) => {
      if (method !== 'mailPolicy.probe') throw new Error(method)
      const caFile = join(dir, 'lab-ca.pem')
      writeFileSync(caFile, ca.cert)
      const ran = await unmaskAsync([
        'probe',
        input.domain,
        '--json',
        '--dns',
        dns.server,
        '--port',
        String(proxy.port),
        '--mta-sts-ca',
        caFile,
        '--mta-sts-port',
        String(policyHost.port),
        '--timeout',
        '20000',
      ])
      const report = JSON.parse(ran.stdout) as { probes: Array<{ result: ProbeResult }>; mailPolicy: MailPolicyReport }
      return { results: report.probes.map((p) => p.result), mailPolicy: report.mailPolicy }
    }) as UnmaskBridge['invoke'],
    on: () => () => {},
  }
})

afterAll(async () => {
  for (const close of closers.reverse()) await close()
  rmSync(dir, { recursive: true, force: true })
})

async function probeDomain(): Promise<HTMLElement> {
  render(
    <BridgeContext.Provider value={bridge}>
      <MailPolicyProbe />
    </BridgeContext.Provider>,
  )
  await userEvent.type(screen.getByLabelText(/Mail domain/), 'lab.test')
  await userEvent.click(screen.getByRole('button', { name: 'Probe the domain and its policies' }))
  return await waitFor(() => screen.getByTestId('mail-policy-result'), { timeout: 20_000 })
}

describe.skipIf(!isBuilt)('MailPolicyProbe in the diagnosis panel', () => {
  it('shows the enforce policy and, beside the masked MX, that compliant senders will not deliver', async () => {
    const list = await probeDomain()
    expect(list.getAttribute('aria-label')).toBe('Mail policies of lab.test (MTA-STS, TLS-RPT, DANE)')
    expect(list.textContent).toContain('MTA-STS: mode enforce (id 1, max_age 86400, mx: mx1.lab.test)')
    expect(list.textContent).toContain('TLS-RPT: none')
    const mx = screen.getByText(/^mx1\.lab\.test: MTA-STS enforce \(listed\)/)
    expect(mx.textContent).toContain('CRITICAL: compliant senders will not deliver')
    expect(mx.className).toBe('policy-critical')
  }, 30_000)

  it('counter-example: the same masked MX under a none policy is "mail goes in clear"', async () => {
    policyHost.response.body = stsPolicyText('none', [])
    try {
      await probeDomain()
      const mx = screen.getAllByText(/^mx1\.lab\.test: MTA-STS none/).at(-1)!
      expect(mx.textContent).toContain('WARNING: mail goes in clear')
      expect(mx.className).toBe('policy-warning')
    } finally {
      policyHost.response.body = stsPolicyText('enforce', ['mx1.lab.test'])
    }
  }, 30_000)
})
