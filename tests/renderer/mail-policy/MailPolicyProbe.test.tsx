/**
 * The diagnosis panel's domain probe (issue 17): the bridge answers `mailPolicy.probe` with a real run of the same
 * main-side code (probeDomainWithPolicy, through the built `unmask probe DOMAIN --json`, in a child process because
 * the probe's AbortSignal cannot run under happy-dom) against the lab on 127.0.0.1 — DNS server, HTTPS policy host
 * with a test CA, mail host behind the inspecting firewall. The panel shows each MX's MTA-STS/DANE state beside its
 * verdict; a policy in none mode is the counter-example. Needs `npm run build` first, like the other built-CLI tests.
 */

import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { render, screen, waitFor } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type PolicyDomainLab, startPolicyDomainLab } from '../../../src/lab/policy-server/domain-lab'
import { stsPolicyText } from '../../../src/lab/policy-server/server'
import { BridgeContext } from '../../../src/renderer/src/bridge'
import { MailPolicyProbe } from '../../../src/renderer/src/diagnosis/MailPolicyProbe'
import type { UnmaskBridge } from '../../../src/shared/api'
import type { MailPolicyReport } from '../../../src/shared/mail-policy/verdict'
import type { ProbeResult } from '../../../src/shared/probe/types'
import { isBuilt, unmaskAsync } from '../../cli/built'

let dir: string
let lab: PolicyDomainLab
let bridge: UnmaskBridge

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'unmask-renderer-mail-policy-'))
  lab = await startPolicyDomainLab(dir, { tlsrpt: false })
  bridge = {
    invoke: (async (method: string, input: { domain: string }) => {
      if (method !== 'mailPolicy.probe') throw new Error(method)
      const ran = await unmaskAsync([
        'probe',
        input.domain,
        '--json',
        '--dns',
        lab.dns.server,
        '--port',
        String(lab.mxPort),
        '--mta-sts-ca',
        lab.caFile,
        '--mta-sts-port',
        String(lab.policyHost.port),
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
  await lab?.close()
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
    lab.policyHost.response.body = stsPolicyText('none', [])
    try {
      await probeDomain()
      const mx = screen.getAllByText(/^mx1\.lab\.test: MTA-STS none/).at(-1)!
      expect(mx.textContent).toContain('WARNING: mail goes in clear')
      expect(mx.className).toBe('policy-warning')
    } finally {
      lab.policyHost.response.body = stsPolicyText('enforce', ['mx1.lab.test'])
    }
  }, 30_000)
})
