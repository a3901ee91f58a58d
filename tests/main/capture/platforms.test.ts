/**
 * The guided capture on the other lab platforms: an FTD (captures typed at the CLISH `>` prompt with `any4`, as
 * Cisco TechNote 212474 does), a PIX 7 with the pre-8.3 `static` NAT, a PIX 6 (refused: its `capture` needs an
 * access-list in the configuration; nothing is typed), and outbound mail through the egress path (the site's host
 * is the client). Every plan comes from the lab's running-config, whose addresses the lab's capture packets carry.
 */
import { describe, expect, it } from 'vitest'
import type { CaptureRunResult } from '../../../src/shared/capture/guided/types'
import { captureEnv, entriesOf, JOURNAL, LAB_HOST, type OpenedCapture } from './capture-env'

/** The proposal, which must be ready (a plan from the running-config). */
async function readyPlan(opened: OpenedCapture, request: Parameters<OpenedCapture['capture']['propose']>[0]) {
  const proposal = await opened.capture.propose(request)
  if (proposal.status !== 'ready') throw new Error(JSON.stringify(proposal))
  return proposal
}

/** The run confirmed by Kim, probing `target` through the firewall. */
async function confirmedRun(
  opened: OpenedCapture,
  token: string,
  target: { host: string; port: number },
): Promise<CaptureRunResult> {
  const result = await opened.capture.run({ token, confirmedBy: 'Kim', probeTarget: target })
  if (result.refused) throw new Error(result.code)
  return result
}

describe('FTD (CLISH)', () => {
  const env = captureEnv('ftd7')
  it('plans with any4, runs at the > prompt, finds the rewrite and removes both captures', async () => {
    const opened = await env.open()
    expect(opened.link.driver.prompt?.mode).toBe('ftd')
    const proposal = await readyPlan(opened, LAB_HOST)
    expect(proposal.plan.lines[0]!.command).toBe(
      'capture UNMASK_SRV interface inside buffer 1048576 match tcp any4 host 192.168.10.25 eq 25',
    )
    const result = await confirmedRun(opened, proposal.token, { host: '127.0.0.1', port: env.lab().smtp.port })
    expect(result.created.map((c) => c.status)).toEqual(['ok', 'ok'])
    expect(result.findings.map((f) => f.id)).toContain('capture.firewall-rewrote')
    expect(result.removal.map((r) => r.outcome)).toEqual(['removed', 'removed'])
    expect(env.lab().device!.captures.list()).toEqual([])
  })
})

describe('PIX 7 (static NAT)', () => {
  const env = captureEnv('pix7-old')
  it('reads the pre-8.3 static NAT (inside real, outside mapped) and catches the rewrite with that plan', async () => {
    const opened = await env.open()
    const proposal = await readyPlan(opened, { mailHost: '198.51.100.25', direction: 'inbound' })
    expect(proposal.plan.lines.map((l) => l.command)).toEqual([
      'capture UNMASK_SRV interface inside buffer 1048576 match tcp any host 192.168.10.25 eq 25',
      'capture UNMASK_CLI interface outside buffer 1048576 match tcp any host 198.51.100.25 eq 25',
    ])
    const result = await confirmedRun(opened, proposal.token, { host: '127.0.0.1', port: env.lab().smtp.port })
    expect(result.readBack.map((r) => r.conversations)).toEqual([1, 1])
    expect(result.findings.map((f) => f.id)).toContain('capture.firewall-rewrote')
    expect(result.removal.map((r) => r.outcome)).toEqual(['removed', 'removed'])
    expect(env.lab().device!.captures.list()).toEqual([])
  })
})

describe('PIX 6', () => {
  const env = captureEnv('pix6-mailguard')
  it('is refused with its reason and nothing is typed', async () => {
    const opened = await env.open()
    const proposal = await opened.capture.propose(LAB_HOST)
    expect(proposal).toMatchObject({ status: 'refused', code: 'platform-pix6' })
    expect(entriesOf(opened, JOURNAL.captureCreated)).toEqual([])
    expect(entriesOf(opened, JOURNAL.captureRefused)).toHaveLength(1)
  })
})

describe('outbound mail (egress-providers)', () => {
  const env = captureEnv('egress-providers')
  it('plans the site’s host as the client (real inside, mapped outside) and catches a provider’s STARTTLS masked', async () => {
    const opened = await env.open()
    const proposal = await readyPlan(opened, { mailHost: '192.168.10.25', direction: 'outbound' })
    expect(proposal.plan.lines.map((l) => l.command)).toEqual([
      'capture UNMASK_SRV interface outside buffer 1048576 match tcp host 198.51.100.25 any eq 25',
      'capture UNMASK_CLI interface inside buffer 1048576 match tcp host 192.168.10.25 any eq 25',
    ])
    const provider = env.lab().providers[0]!
    const result = await confirmedRun(opened, proposal.token, { host: provider.smtp.host, port: provider.smtp.port })
    expect(result.readBack.map((r) => [r.side, r.conversations])).toEqual([
      ['outside', 1],
      ['inside', 1],
    ])
    const rewrite = result.findings.find((f) => f.id === 'capture.firewall-rewrote')
    // The provider's original is on the outside capture (the server's side), the mask on the inside one.
    expect(rewrite?.params).toMatchObject({
      original: '250-STARTTLS',
      changed: '250-XXXXXXXB',
      originalCapture: 'device:ciscoasa show capture UNMASK_SRV',
      changedCapture: 'device:ciscoasa show capture UNMASK_CLI',
    })
    expect(result.removal.map((r) => r.outcome)).toEqual(['removed', 'removed'])
    expect(env.lab().device!.captures.list()).toEqual([])
  })
})
