/**
 * The guided capture's access-list form (issue 21, a PIX/ASA 7.0 whose `capture` knows no `match`): one extended ACL
 * per capture with an entry each way, names the configuration does not have, removal of captures then ACLs, and the
 * plan saying it changes the running-config. Configurations: resources/lab/configs (PIX 7 `static` NAT, ASA 9).
 */
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { aclNamesIn } from '../../../src/shared/capture/guided/acl-form'
import { buildCapturePlan, type CapturePlan, type PlanInput } from '../../../src/shared/capture/guided/plan'

const config = (name: string) => readFileSync(join(__dirname, '../../../resources/lab/configs', `${name}.cfg`), 'utf8')

const input = (over: Partial<PlanInput> = {}): PlanInput => ({
  platform: 'pix7',
  config: config('pix7-old'),
  captureList: '',
  mailHost: '192.168.10.25',
  direction: 'inbound',
  form: 'access-list',
  ...over,
})

function ready(over: Partial<PlanInput> = {}): CapturePlan {
  const result = buildCapturePlan(input(over))
  if (result.status !== 'ready') throw new Error(`not ready: ${JSON.stringify(result)}`)
  return result.plan
}

describe('guided capture plan, access-list form', () => {
  it('proposes one ACL per capture, both directions, in configuration mode, then the captures', () => {
    const plan = ready()
    expect(plan.form).toBe('access-list')
    expect(plan.changesConfig).toBe(true)
    expect(plan.lines.map((l) => `${l.mode}: ${l.command}`)).toEqual([
      'enable: configure terminal',
      'config: access-list UNMASK_SRV_ACL extended permit tcp any host 192.168.10.25 eq 25',
      'config: access-list UNMASK_SRV_ACL extended permit tcp host 192.168.10.25 eq 25 any',
      'config: access-list UNMASK_CLI_ACL extended permit tcp any host 198.51.100.25 eq 25',
      'config: access-list UNMASK_CLI_ACL extended permit tcp host 198.51.100.25 eq 25 any',
      'config: end',
      'enable: capture UNMASK_SRV access-list UNMASK_SRV_ACL buffer 1048576 interface inside',
      'enable: capture UNMASK_CLI access-list UNMASK_CLI_ACL buffer 1048576 interface outside',
    ])
    expect(plan.removal.map((l) => l.command)).toEqual([
      'no capture UNMASK_SRV',
      'no capture UNMASK_CLI',
      'configure terminal',
      'clear configure access-list UNMASK_SRV_ACL',
      'clear configure access-list UNMASK_CLI_ACL',
      'end',
    ])
    // Nothing is ever saved.
    expect([...plan.lines, ...plan.removal].some((l) => /^wr|^copy/.test(l.command))).toBe(false)
  })

  it('outbound: the mail host is the client; a known peer narrows both entries', () => {
    const plan = ready({ direction: 'outbound', peerAddress: '203.0.113.9' })
    expect(plan.captures[1].acl?.entries.map((l) => l.command)).toEqual([
      'access-list UNMASK_CLI_ACL extended permit tcp host 192.168.10.25 host 203.0.113.9 eq 25',
      'access-list UNMASK_CLI_ACL extended permit tcp host 203.0.113.9 eq 25 host 192.168.10.25',
    ])
  })

  it('an ACL name already in the configuration is neither reused nor removed (case-insensitive)', () => {
    const taken = `${config('pix7-old')}access-list unmask_srv_acl extended permit ip any any\n`
    expect(aclNamesIn(taken).has('unmask_srv_acl')).toBe(true)
    const plan = ready({ config: taken })
    expect(plan.captures.map((c) => c.acl?.name)).toEqual(['UNMASK_SRV_ACL_2', 'UNMASK_CLI_ACL'])
    expect(plan.removal.map((l) => l.command)).not.toContain('clear configure access-list UNMASK_SRV_ACL')
    expect(plan.removal.map((l) => l.command)).not.toContain('clear configure access-list unmask_srv_acl')
  })

  it('counter-example: the default (match) form on a 9.x device never uses an ACL or configuration mode', () => {
    const plan = ready({ platform: 'asa', config: config('asa9-default'), form: undefined })
    expect(plan.form).toBe('match')
    expect(plan.changesConfig).toBe(false)
    const all = [...plan.lines, ...plan.removal]
    expect(all.every((l) => l.mode === 'enable')).toBe(true)
    expect(all.some((l) => /access-list|configure/.test(l.command))).toBe(false)
    expect(plan.captures.every((c) => c.acl === undefined)).toBe(true)
  })
})
