/**
 * The guided capture on a PIX/ASA 7.0, whose `capture` has no `match` keyword (issue 21), against the lab over real
 * SSH: the first run stops at the refused `match` line with nothing left and says the device needs the access-list
 * form; the second proposal shows the ACL lines and says it changes the running-config; nothing is typed without
 * its token; with it the captures catch the conversation (the rewrite finding) and afterwards neither captures nor
 * ACLs are on the device, nothing saved. A cut between ACL and capture creation leaves journal entries the next
 * session cleans up after its own confirmation. Counter-example: a customer ACL of our name is neither reused nor
 * removed. The lab device is the pix7-old persona (PIX 7.2(1)) relabelled 7.0(8): its `capture` parser refuses
 * `match` on 7.0 only (src/lab/devices/asa-capture-commands.ts, captureKnowsMatch).
 */
import { beforeEach, describe, expect, it } from 'vitest'
import type { CaptureProposal, CaptureRequest, CaptureRunResult } from '../../../src/shared/capture/guided/types'
import { captureCreatedData, captureRemovedData } from '../../../src/shared/journal/capture-schema'
import { captureEnv, entriesOf, JOURNAL, LAB_HOST, type OpenedCapture } from './capture-env'

const env = captureEnv('pix7-old')
const ACL_FORM: CaptureRequest = { ...LAB_HOST, form: 'access-list' }
const ACL_LINES = [
  'configure terminal',
  'access-list UNMASK_SRV_ACL extended permit tcp any host 192.168.10.25 eq 25',
  'access-list UNMASK_SRV_ACL extended permit tcp host 192.168.10.25 eq 25 any',
  'access-list UNMASK_CLI_ACL extended permit tcp any host 198.51.100.25 eq 25',
  'access-list UNMASK_CLI_ACL extended permit tcp host 198.51.100.25 eq 25 any',
  'end',
  'capture UNMASK_SRV access-list UNMASK_SRV_ACL buffer 1048576 interface inside',
  'capture UNMASK_CLI access-list UNMASK_CLI_ACL buffer 1048576 interface outside',
]

function through() {
  return { host: '127.0.0.1', port: env.lab().smtp.port, vantage: 'through' }
}

async function ready(opened: OpenedCapture, request: CaptureRequest = ACL_FORM) {
  const proposal: CaptureProposal = await opened.capture.propose(request)
  if (proposal.status !== 'ready') throw new Error(`not ready: ${JSON.stringify(proposal)}`)
  return proposal
}

async function completed(opened: OpenedCapture, token: string): Promise<CaptureRunResult> {
  const result = await opened.capture.run({ token, confirmedBy: 'Kim', probeTarget: through() })
  if (result.refused) throw new Error(`refused: ${result.code}`)
  return result
}

/** The lab device's running-config ACL lines (what `show running-config access-list` prints). */
const acls = () =>
  env
    .lab()
    .device!.running.map((n) => n.line)
    .filter((l) => l.startsWith('access-list '))

describe('guided capture on a PIX 7.0 (no capture … match)', () => {
  beforeEach(() => {
    env.lab().device!.spec.version = '7.0(8)'
  })

  it('the match form stops at the refused line, leaves nothing, and says the access-list form is needed', async () => {
    const opened = await env.open()
    const proposal = await ready(opened, LAB_HOST)
    expect(proposal.plan.form).toBe('match')
    const result = await completed(opened, proposal.token)
    expect(result.outcome).toBe('failed')
    expect(result.needsAccessList).toBe(true)
    expect(result.error).toMatch(/Invalid input detected/)
    expect(result.created.map((c) => c.status)).toEqual(['error'])
    expect(result.probe).toBeNull()
    expect(result.removal).toEqual([{ name: 'UNMASK_SRV', outcome: 'absent' }])
    expect(env.lab().device!.captures.list()).toEqual([])
    expect(acls().some((l) => l.includes('UNMASK'))).toBe(false)
  })

  it('the access-list proposal: ACL lines shown, a configuration change, nothing typed without the token', async () => {
    const opened = await env.open()
    const proposal = await ready(opened)
    expect(proposal.plan.lines.map((l) => l.command)).toEqual(ACL_LINES)
    expect(proposal.plan.changesConfig).toBe(true)
    const forged = await opened.capture.run({ token: 'A'.repeat(43), confirmedBy: 'Kim', probeTarget: through() })
    expect(forged).toMatchObject({ refused: true, code: 'tokenUnknown' })
    expect(acls().some((l) => l.includes('UNMASK'))).toBe(false)
    expect(entriesOf(opened, JOURNAL.captureCreated)).toEqual([])
  })

  it('with the token: the ACL captures catch the rewrite, then captures and ACLs are gone, nothing saved', async () => {
    const opened = await env.open()
    const startup = JSON.stringify(env.lab().device!.startup)
    const proposal = await ready(opened)
    const result = await completed(opened, proposal.token)
    expect(result.outcome).toBe('completed')
    expect(result.needsAccessList).toBe(false)
    expect(result.created.map((l) => l.command)).toEqual(ACL_LINES)
    // Each ACL entry was journalled before it was typed.
    const created = entriesOf(opened, JOURNAL.captureCreated).map((d) => captureCreatedData.parse(d))
    expect(created.filter((c) => c.kind === 'acl').map((c) => c.command)).toEqual(ACL_LINES.slice(1, 5))
    const order = opened.journal().map((e) => `${e.type} ${(e.data as { command?: string }).command ?? ''}`)
    for (const line of ACL_LINES.slice(1, 5))
      expect(order.indexOf(`${JOURNAL.captureCreated} ${line}`)).toBeLessThan(
        order.indexOf(`${JOURNAL.deviceOutput} ${line}`),
      )
    expect(result.readBack.map((r) => [r.side, r.conversations > 0])).toEqual([
      ['inside', true],
      ['outside', true],
    ])
    const rewrite = result.findings.find((f) => f.id === 'capture.firewall-rewrote')
    // The server's side (inside) has the original, the client's the PIX's mask (this lab PIX letters each line).
    expect(rewrite?.params).toMatchObject({
      original: '250-STARTTLS',
      changed: expect.stringMatching(/^250-X{7}[A-Z]$/),
      originalCapture: expect.stringMatching(/UNMASK_SRV$/),
      changedCapture: expect.stringMatching(/UNMASK_CLI$/),
    })
    expect(result.removal).toEqual([
      { name: 'UNMASK_SRV', outcome: 'removed' },
      { name: 'UNMASK_CLI', outcome: 'removed' },
      { name: 'UNMASK_SRV_ACL', outcome: 'removed' },
      { name: 'UNMASK_CLI_ACL', outcome: 'removed' },
    ])
    expect(await opened.listed()).not.toMatch(/UNMASK_/)
    expect(acls().some((l) => l.includes('UNMASK'))).toBe(false)
    expect(JSON.stringify(env.lab().device!.startup)).toBe(startup)
    const typed = opened.journal().filter((e) => e.type === JOURNAL.deviceOutput)
    expect(typed.some((e) => /^(wr|copy)/.test((e.data as { command: string }).command))).toBe(false)
  })

  it('a cut between ACL and capture creation: the next session removes the ACLs after its own confirmation', async () => {
    let cutNow: () => Promise<void> = async () => {}
    const first = await env.open({
      onStep: (step, detail) => {
        if (step === 'create' && detail.startsWith('capture UNMASK_SRV ')) void cutNow()
      },
    })
    cutNow = () => first.cut(true)
    const proposal = await ready(first)
    const result = await completed(first, proposal.token)
    expect(result.outcome).toBe('lost')
    expect(acls().filter((l) => l.includes('UNMASK'))).toEqual(ACL_LINES.slice(1, 5))
    const journalled = entriesOf(first, JOURNAL.captureCreated).map((d) => captureCreatedData.parse(d))
    expect([...new Set(journalled.map((c) => `${c.kind} ${c.name}`))]).toEqual([
      'acl UNMASK_SRV_ACL',
      'acl UNMASK_CLI_ACL',
      'capture UNMASK_SRV',
    ])

    first.allow()
    const second = await env.open()
    const offer = await second.capture.remover.proposeCleanup(first.journal())
    // The capture line never reached the device: only the ACLs are offered.
    expect(offer).toMatchObject({
      names: ['UNMASK_SRV_ACL', 'UNMASK_CLI_ACL'],
      lines: [
        'configure terminal',
        'clear configure access-list UNMASK_SRV_ACL',
        'clear configure access-list UNMASK_CLI_ACL',
        'end',
      ],
    })
    expect(await second.capture.remover.cleanup('B'.repeat(43), 'Kim')).toMatchObject({ refused: true })
    expect(acls().filter((l) => l.includes('UNMASK'))).toHaveLength(4)
    const cleaned = await second.capture.remover.cleanup(offer!.token, 'Kim')
    expect(cleaned).toMatchObject({ refused: false, leftOnDevice: [] })
    expect(acls().some((l) => l.includes('UNMASK'))).toBe(false)
    const removed = entriesOf(second, JOURNAL.captureRemoved).map((d) => captureRemovedData.parse(d))
    expect(removed.filter((r) => r.kind === 'acl').map((r) => [r.name, r.outcome])).toEqual([
      ['UNMASK_SRV_ACL', 'removed'],
      ['UNMASK_CLI_ACL', 'removed'],
    ])
    expect(await second.capture.remover.proposeCleanup([...first.journal(), ...second.journal()])).toBeNull()
  })

  it('counter-example: a customer ACL of our name is neither reused nor removed', async () => {
    const opened = await env.open()
    const theirs = 'access-list UNMASK_SRV_ACL extended permit tcp any any eq 80'
    for (const line of ['configure terminal', theirs, 'end']) await opened.link.driver.run(line)
    const proposal = await ready(opened)
    expect(proposal.plan.captures.map((c) => c.acl?.name)).toEqual(['UNMASK_SRV_ACL_2', 'UNMASK_CLI_ACL'])
    const result = await completed(opened, proposal.token)
    expect(result.outcome).toBe('completed')
    expect(acls().filter((l) => l.includes('UNMASK'))).toEqual([theirs])
    for (const line of ['configure terminal', 'clear configure access-list UNMASK_SRV_ACL', 'end'])
      await opened.link.driver.run(line)
  })
})
