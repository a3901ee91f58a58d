/**
 * The capture buffers without a network: the proxy's hooks (ConnectionTap) fed by hand, an access-list read from a
 * device's running-config (first match, one direction per entry), the packets' checksums, and the cheap path when
 * nobody captures. The same code is driven over SSH through the real proxy in asa-capture*.test.ts.
 */
import { describe, expect, it } from 'vitest'
import type { MailHostAddresses } from '../../../src/lab/capture/addresses'
import { parseCapture } from '../../../src/lab/capture/parse'
import { ConnectionTap, legViews } from '../../../src/lab/capture/tap'
import { captureEnvironment } from '../../../src/lab/devices/asa-capture-commands'
import { LabDevice } from '../../../src/lab/devices/lab-device'

const CONFIG = [
  'hostname ciscoasa',
  'interface GigabitEthernet0/0',
  ' nameif outside',
  'interface GigabitEthernet0/1',
  ' nameif inside',
  'object network LAB_MX',
  ' host 127.0.0.25',
  'access-list FROM_MX extended permit tcp object LAB_MX eq smtp any',
  'access-list NOT_MX extended deny tcp object LAB_MX any',
  'access-list NOT_MX extended permit ip any any',
].join('\n')

function device(): LabDevice {
  return new LabDevice({
    id: 't',
    kind: 'asa',
    version: '9.8(4)10',
    model: 'ASAv',
    serial: 'X',
    family: 'ASA',
    credentials: { username: 'a', password: 'b', enable: 'c' },
    config: CONFIG,
  })
}

function create(d: LabDevice, name: string, line: string): void {
  const parsed = parseCapture(['capture', name, ...line.split(' ')], captureEnvironment(d))
  if (!parsed.ok) throw new Error(`rejected at word ${parsed.failedAt}`)
  d.captures.set(name, parsed.value)
}

/** One short conversation on both legs: handshake, a banner, a command, both FINs. */
function converse(d: LabDevice, host?: MailHostAddresses): void {
  // Without addresses from a configuration both legs carry the sockets' addresses (addresses.test.ts covers NAT).
  const tap = new ConnectionTap(
    d.captures,
    legViews({ client: 'outside', server: 'inside' }, 'server', host, {
      client: { address: '127.0.0.1', port: 40000 },
      server: { address: '127.0.0.25', port: 25 },
    }),
  )
  tap.clientAccepted()
  tap.serverConnected()
  tap.fromServer(Buffer.from('220 mx ESMTP\r\n'))
  tap.toClient(Buffer.from('220 **********\r\n'))
  tap.fromClient(Buffer.from('QUIT\r\n'))
  tap.toServer(Buffer.from('QUIT\r\n'))
  tap.clientClosed()
  tap.serverClosed()
}

function checksumOk(ip: Uint8Array): boolean {
  const sum = (from: number, to: number, start = 0) => {
    let s = start
    for (let i = from; i < to; i += 2) s += (ip[i]! << 8) | (i + 1 < to ? ip[i + 1]! : 0)
    while (s > 0xffff) s = (s & 0xffff) + (s >>> 16)
    return s
  }
  const total = (ip[2]! << 8) | ip[3]!
  return sum(0, 20) === 0xffff && sum(20, total, sum(12, 20) + 6 + (total - 20)) === 0xffff
}

describe('capture store and proxy hooks', () => {
  it('an access-list capture takes one direction per entry, through a network object', () => {
    const d = device()
    create(d, 'FROM', 'access-list FROM_MX interface inside')
    create(d, 'NOTMX', 'access-list NOT_MX interface inside')
    create(d, 'ALL', 'interface inside match tcp any any')
    converse(d)
    const all = d.captures.get('ALL')!.packets
    const from = d.captures.get('FROM')!.packets
    expect(all.length).toBeGreaterThan(from.length)
    expect(from.length).toBeGreaterThan(0)
    expect(from.every((p) => p.src === '127.0.0.25' && p.sport === 25)).toBe(true)
    expect(from).toHaveLength(all.filter((p) => p.src === '127.0.0.25').length)
    // deny first: the mail host's packets are not taken, the client's are (permit ip any any).
    const notMx = d.captures.get('NOTMX')!.packets
    expect(notMx.length).toBeGreaterThan(0)
    expect(notMx.every((p) => p.src === '127.0.0.1')).toBe(true)
  })

  it('builds IPv4/TCP packets with valid checksums and payloads as they were on each interface', () => {
    const d = device()
    create(d, 'IN', 'interface inside match tcp any any eq 25')
    create(d, 'OUT', 'interface outside match tcp any any eq 25')
    converse(d)
    const payload = (name: string) =>
      d.captures
        .get(name)!
        .packets.filter((p) => p.payloadLength > 0)
        .map((p) => Buffer.from(p.bytes.subarray(p.bytes.length - p.payloadLength)).toString())
    expect(payload('IN')).toEqual(['220 mx ESMTP\r\n', 'QUIT\r\n'])
    expect(payload('OUT')).toEqual(['220 **********\r\n', 'QUIT\r\n'])
    for (const p of d.captures.get('IN')!.packets) expect(checksumOk(p.bytes)).toBe(true)
    // A flipped byte is caught by the same check (counter-example).
    const broken = d.captures.get('IN')!.packets[0]!.bytes.slice()
    broken[25] = broken[25]! ^ 0xff
    expect(checksumOk(broken)).toBe(false)
  })

  it('writes the configured addresses into the IP headers with checksums still valid', () => {
    const d = device()
    create(d, 'IN', 'interface inside match tcp any host 192.168.10.25 eq 25')
    create(d, 'OUT', 'interface outside match tcp any host 198.51.100.25 eq 25')
    converse(d, { real: '192.168.10.25', mapped: '198.51.100.25' })
    const server = (p: { bytes: Uint8Array; sport: number }) =>
      [...p.bytes.subarray(p.sport === 25 ? 12 : 16, p.sport === 25 ? 16 : 20)].join('.')
    for (const [name, address] of [
      ['IN', '192.168.10.25'],
      ['OUT', '198.51.100.25'],
    ] as const) {
      const packets = d.captures.get(name)!.packets
      expect(packets.length).toBeGreaterThan(6)
      expect(packets.every((p) => server(p) === address && checksumOk(p.bytes))).toBe(true)
    }
  })

  it('takes nothing when no capture matches the interface or the flow', () => {
    const d = device()
    create(d, 'MGMT', 'interface outside match tcp host 127.0.0.9 any')
    expect(d.captures.wants('outside', { src: '127.0.0.1', dst: '127.0.0.25', sport: 40000, dport: 25 })).toBe(false)
    converse(d)
    expect(d.captures.get('MGMT')!.packets).toEqual([])
    expect(d.captures.get('MGMT')!.used).toBe(0)
  })

  it('a detached capture keeps its buffer and takes nothing more', () => {
    const d = device()
    create(d, 'STOP', 'interface inside match tcp any any')
    converse(d)
    const before = d.captures.get('STOP')!.packets.length
    d.captures.detach('STOP')
    converse(d)
    expect(d.captures.get('STOP')!.packets).toHaveLength(before)
  })
})
