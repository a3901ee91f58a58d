/**
 * The guided capture's plan from the lab firewalls' configurations (resources/lab/configs: ASA 9 object NAT, ASA 8 /
 * PIX 7 `static`, FTD object NAT, PIX 6) and the `show capture` list form of Cisco TechNote 212474.
 */
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { readCaptureList } from '../../../src/shared/capture/guided/capture-list'
import { readConfigFacts } from '../../../src/shared/capture/guided/config-facts'
import {
  buildCapturePlan,
  CAPTURE_BUFFER_BYTES,
  freeName,
  type PlanInput,
} from '../../../src/shared/capture/guided/plan'

const config = (name: string) => readFileSync(join(__dirname, '../../../resources/lab/configs', `${name}.cfg`), 'utf8')

/** Cisco TechNote 212474 ("Work with FTD LINA Engine Captures"), `show capture` after a ping. */
const TECHNOTE_LIST = `capture CAPI type raw-data interface INSIDE [Capturing - 752 bytes]
  match icmp host 192.168.103.1 host 192.168.101.1
capture CAPO type raw-data interface OUTSIDE [Capturing - 720 bytes]
  match icmp host 192.168.101.1 host 192.168.103.1
`

const base = (over: Partial<PlanInput> = {}): PlanInput => ({
  platform: 'asa',
  config: config('asa9-default'),
  captureList: '',
  mailHost: '192.168.10.25',
  direction: 'inbound',
  ...over,
})

describe('config facts', () => {
  it('reads nameif interfaces and ASA 8.3+ object NAT (real inside, mapped outside)', () => {
    const facts = readConfigFacts(config('asa9-default'))
    expect(facts.interfaces.map((i) => i.name)).toEqual(['outside', 'inside', 'management'])
    expect(facts.interfaces.find((i) => i.name === 'management')?.managementOnly).toBe(true)
    expect(facts.nat).toEqual([
      expect.objectContaining({
        realInterface: 'inside',
        mappedInterface: 'outside',
        real: '192.168.10.25',
        mapped: '198.51.100.25',
      }),
    ])
  })

  it('reads the pre-8.3 `static (inside,outside) MAPPED REAL netmask` form (ASA 8, PIX 7)', () => {
    for (const name of ['asa8-custom-class', 'pix7-old']) {
      const nat = readConfigFacts(config(name)).nat
      expect(nat).toHaveLength(1)
      expect(nat[0]).toMatchObject({ real: '192.168.10.25', mapped: '198.51.100.25', realInterface: 'inside' })
    }
  })

  it('a dynamic interface PAT is no one-host mapping', () => {
    const facts = readConfigFacts(
      'object network LAN\n subnet 10.0.0.0 255.0.0.0\n nat (inside,outside) dynamic interface\n',
    )
    expect(facts.nat).toEqual([])
  })
})

describe('show capture list', () => {
  it('reads names, interfaces, byte counts and match lines of the TechNote sample', () => {
    expect(readCaptureList(TECHNOTE_LIST)).toEqual([
      {
        name: 'CAPI',
        interface: 'INSIDE',
        bytes: 752,
        match: 'match icmp host 192.168.103.1 host 192.168.101.1',
      },
      {
        name: 'CAPO',
        interface: 'OUTSIDE',
        bytes: 720,
        match: 'match icmp host 192.168.101.1 host 192.168.103.1',
      },
    ])
  })

  it('an empty list (no captures) is empty', () => {
    expect(readCaptureList('')).toEqual([])
  })
})

describe('buildCapturePlan', () => {
  it('inbound on ASA 9: server side inside with the real address, client side outside with the mapped one', () => {
    const result = buildCapturePlan(base())
    expect(result.status).toBe('ready')
    if (result.status !== 'ready') return
    const { plan } = result
    expect(plan.lines.map((l) => l.command)).toEqual([
      `capture UNMASK_SRV interface inside buffer ${CAPTURE_BUFFER_BYTES} match tcp any host 192.168.10.25 eq 25`,
      `capture UNMASK_CLI interface outside buffer ${CAPTURE_BUFFER_BYTES} match tcp any host 198.51.100.25 eq 25`,
    ])
    expect(plan.lines.every((l) => l.mode === 'enable')).toBe(true)
    expect(plan.readBack).toEqual(['show capture UNMASK_SRV dump', 'show capture UNMASK_CLI dump'])
    expect(plan.removal.map((l) => l.command)).toEqual(['no capture UNMASK_SRV', 'no capture UNMASK_CLI'])
    expect(plan.host).toMatchObject({ real: '192.168.10.25', mapped: '198.51.100.25' })
  })

  it('the mapped (public) address given finds the same host', () => {
    const result = buildCapturePlan(base({ mailHost: '198.51.100.25' }))
    expect(result.status === 'ready' && result.plan.lines[0]!.command).toContain('host 192.168.10.25 eq 25')
  })

  it('outbound: the mail host is the client; server side is outside, the host is the source', () => {
    const result = buildCapturePlan(base({ direction: 'outbound' }))
    if (result.status !== 'ready') throw new Error(result.status)
    expect(result.plan.lines.map((l) => l.command)).toEqual([
      `capture UNMASK_SRV interface outside buffer ${CAPTURE_BUFFER_BYTES} match tcp host 198.51.100.25 any eq 25`,
      `capture UNMASK_CLI interface inside buffer ${CAPTURE_BUFFER_BYTES} match tcp host 192.168.10.25 any eq 25`,
    ])
  })

  it('FTD uses any4 (FTD command reference) and the same names', () => {
    const result = buildCapturePlan(base({ platform: 'ftd', config: config('ftd7') }))
    if (result.status !== 'ready') throw new Error(result.status)
    expect(result.plan.lines[0]!.command).toBe(
      `capture UNMASK_SRV interface inside buffer ${CAPTURE_BUFFER_BYTES} match tcp any4 host 192.168.10.25 eq 25`,
    )
  })

  it('PIX 7 with the old static form plans like ASA', () => {
    const result = buildCapturePlan(base({ platform: 'pix7', config: config('pix7-old') }))
    expect(result.status).toBe('ready')
  })

  it('PIX 6 is refused (capture there needs an access-list in the configuration)', () => {
    expect(buildCapturePlan(base({ platform: 'pix6', config: config('pix6-mailguard') }))).toEqual({
      status: 'refused',
      code: 'platform-pix6',
      params: {},
    })
  })

  it('counter-example: a host without NAT asks for the client-facing interface instead of guessing', () => {
    const result = buildCapturePlan(base({ mailHost: '192.168.10.77' }))
    expect(result).toEqual({
      status: 'ask',
      questions: ['clientInterface'],
      choices: ['outside', 'inside'],
      host: { real: '192.168.10.77', mapped: '192.168.10.77' },
    })
  })

  it('counter-example: a host in no known subnet and without NAT asks for both interfaces', () => {
    const result = buildCapturePlan(base({ mailHost: '203.0.113.9' }))
    expect(result.status === 'ask' && result.questions).toEqual(['serverInterface', 'clientInterface'])
  })

  it('the user’s answers complete the plan; an interface that does not exist is refused', () => {
    const answered = buildCapturePlan(base({ mailHost: '192.168.10.77', clientInterface: 'outside' }))
    expect(answered.status === 'ready' && answered.plan.captures.map((c) => c.interface)).toEqual(['inside', 'outside'])
    expect(buildCapturePlan(base({ clientInterface: 'dmz9' }))).toMatchObject({
      status: 'refused',
      code: 'unknown-interface',
    })
    expect(buildCapturePlan(base({ clientInterface: 'inside' }))).toMatchObject({ code: 'same-interface' })
  })

  it('counter-example: a name already used on the device is not reused', () => {
    const list = `capture UNMASK_SRV type raw-data interface inside [Capturing - 0 bytes]
  match ip any any
capture unmask_cli_2 type raw-data interface dmz [Capturing - 10 bytes]
capture UNMASK_CLI type raw-data interface outside [Capturing - 0 bytes]
`
    const result = buildCapturePlan(base({ captureList: list }))
    if (result.status !== 'ready') throw new Error(result.status)
    expect(result.plan.captures.map((c) => c.name)).toEqual(['UNMASK_SRV_2', 'UNMASK_CLI_3'])
    expect(result.plan.removal.map((l) => l.command)).toEqual(['no capture UNMASK_SRV_2', 'no capture UNMASK_CLI_3'])
  })

  it('a known peer address narrows both captures to that peer (other senders stay out); a bad one is refused', () => {
    const inbound = buildCapturePlan(base({ peerAddress: '203.0.113.7' }))
    if (inbound.status !== 'ready') throw new Error(inbound.status)
    expect(inbound.plan.lines.map((l) => l.command)).toEqual([
      `capture UNMASK_SRV interface inside buffer ${CAPTURE_BUFFER_BYTES} match tcp host 203.0.113.7 host 192.168.10.25 eq 25`,
      `capture UNMASK_CLI interface outside buffer ${CAPTURE_BUFFER_BYTES} match tcp host 203.0.113.7 host 198.51.100.25 eq 25`,
    ])
    const outbound = buildCapturePlan(base({ direction: 'outbound', peerAddress: '203.0.113.7' }))
    expect(outbound.status === 'ready' && outbound.plan.lines[1]!.command).toBe(
      `capture UNMASK_CLI interface inside buffer ${CAPTURE_BUFFER_BYTES} match tcp host 192.168.10.25 host 203.0.113.7 eq 25`,
    )
    expect(buildCapturePlan(base({ peerAddress: 'any' }))).toMatchObject({ code: 'bad-host', params: { host: 'any' } })
  })

  it('not an IPv4 address is refused', () => {
    expect(buildCapturePlan(base({ mailHost: 'mail; no capture X' }))).toMatchObject({ code: 'bad-host' })
  })

  it('freeName gives up after 99 tries', () => {
    const taken = new Set(['a', ...Array.from({ length: 98 }, (_, i) => `a_${i + 2}`)])
    expect(freeName('A', taken)).toBeNull()
  })
})
