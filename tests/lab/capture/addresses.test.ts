/**
 * Which addresses the lab's capture packets give the mail host, per configuration form and per scenario
 * configuration (src/lab/capture/addresses.ts), and how the two legs of a connection carry them (legViews). No
 * network: the same code runs through the real proxy in nat-addresses.test.ts and egress-capture.test.ts.
 */
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { mailHostAddresses } from '../../../src/lab/capture/addresses'
import { legViews } from '../../../src/lab/capture/tap'
import { parseConfig } from '../../../src/lab/devices/config-tree'
import { labResourcesDir } from '../../../src/lab/scenarios'

const config = (name: string) => readFileSync(join(labResourcesDir(), 'configs', name), 'utf8')
const PUBLISHED = { real: '192.168.10.25', mapped: '198.51.100.25' }

/** The addresses between inside (the mail host's side) and `peer`, the live config against the shipped one. */
function addresses(running: string, shipped = running, peer = 'outside') {
  return mailHostAddresses(parseConfig(running), parseConfig(shipped), 'inside', peer)
}

describe('the mail host’s addresses from the configuration', () => {
  // Every configuration a scenario's mail path uses (the multicontext scenario: its mail context's).
  it.each([
    ['asa9-default.cfg', 'object NAT'],
    ['asa9-allow-tls.cfg', 'object NAT'],
    ['asa9-failover.cfg', 'object NAT'],
    ['asa9-multi-mail.cfg', 'object NAT in the mail context'],
    ['remote-side.cfg', 'object NAT'],
    ['ftd7.cfg', 'object NAT (FTD LINA)'],
    ['asa8-custom-class.cfg', 'static (inside,outside) … netmask'],
    ['asa8-legacy-ssh.cfg', 'static (inside,outside) … netmask'],
    ['pix7-old.cfg', 'static (inside,outside) … netmask'],
  ])('%s (%s): real 192.168.10.25 inside, mapped 198.51.100.25 outside', (file) => {
    const text = config(file)
    expect(addresses(text)).toEqual(PUBLISHED)
  })

  it('twice NAT with host objects maps the same way', () => {
    const text = [
      'object network MX_REAL',
      ' host 10.1.1.25',
      'object network MX_PUBLIC',
      ' host 203.0.113.25',
      'nat (inside,outside) source static MX_REAL MX_PUBLIC',
    ].join('\n')
    expect(addresses(text)).toEqual({ real: '10.1.1.25', mapped: '203.0.113.25' })
  })

  it('the port form of static and twice NAT with inline addresses; subnets and interface PAT map no host', () => {
    const port = 'static (inside,outside) tcp 198.51.100.25 smtp 192.168.10.25 smtp netmask 255.255.255.255'
    expect(addresses(port)).toEqual(PUBLISHED)
    expect(addresses('nat (inside,outside) source static 192.168.10.25 198.51.100.25')).toEqual(PUBLISHED)
    const none = { real: '127.0.0.1', mapped: '127.0.0.1' }
    expect(addresses('static (inside,outside) 198.51.100.0 192.168.10.0 netmask 255.255.255.0')).toEqual(none)
    expect(addresses('object network MX\n host 192.168.10.25\n nat (inside,outside) static interface')).toEqual(none)
  })

  it('the NAT removed from the live configuration: the real address on both sides', () => {
    const shipped = config('asa9-default.cfg')
    const running = shipped.replace(' nat (inside,outside) static 198.51.100.25\n', '')
    expect(running).not.toBe(shipped)
    expect(addresses(running, shipped)).toEqual({
      real: '192.168.10.25',
      mapped: '192.168.10.25',
    })
  })

  it('a changed mapped address is taken; a NAT of another host does not move the mail host', () => {
    const shipped = config('pix7-old.cfg')
    const moved = shipped.replace('static (inside,outside) 198.51.100.25 ', 'static (inside,outside) 198.51.100.99 ')
    expect(addresses(moved, shipped)).toEqual({
      real: '192.168.10.25',
      mapped: '198.51.100.99',
    })
    const other = shipped.replace(' 192.168.10.25 netmask', ' 192.168.10.26 netmask')
    expect(addresses(other, shipped)).toEqual({
      real: '192.168.10.25',
      mapped: '192.168.10.25',
    })
  })

  it('a NAT between other interfaces, or none at all, leaves the socket address', () => {
    const text = config('asa9-default.cfg')
    expect(addresses(text, text, 'management')).toEqual({ real: '127.0.0.1', mapped: '127.0.0.1' })
    const admin = config('asa9-multi-admin.cfg')
    expect(addresses(admin)).toEqual({ real: '127.0.0.1', mapped: '127.0.0.1' })
  })
})

describe('both legs of one connection', () => {
  const ends = { client: { address: '127.0.0.1', port: 40000 }, server: { address: '127.0.0.1', port: 25 } }

  it('mail coming in: the server is real on its own interface, mapped on the client’s; the client unchanged', () => {
    const v = legViews({ client: 'outside', server: 'inside' }, 'server', PUBLISHED, ends)
    expect(v.serverSide).toEqual({
      iface: 'inside',
      client: ends.client,
      server: { address: PUBLISHED.real, port: 25 },
    })
    expect(v.clientSide).toEqual({
      iface: 'outside',
      client: ends.client,
      server: { address: PUBLISHED.mapped, port: 25 },
    })
  })

  it('egress: the client (the site’s mail host) is real inside, mapped outside; the provider unchanged', () => {
    const v = legViews({ client: 'inside', server: 'outside' }, 'client', PUBLISHED, ends)
    expect(v.clientSide.iface).toBe('inside')
    expect(v.clientSide.client).toEqual({ address: PUBLISHED.real, port: 40000 })
    expect(v.serverSide.iface).toBe('outside')
    expect(v.serverSide.client).toEqual({ address: PUBLISHED.mapped, port: 40000 })
    expect(v.clientSide.server).toEqual(ends.server)
    expect(v.serverSide.server).toEqual(ends.server)
  })

  it('without addresses from a device both legs carry the sockets’ addresses', () => {
    const v = legViews({ client: 'outside', server: 'inside' }, 'server', undefined, ends)
    expect([v.clientSide.server, v.serverSide.server]).toEqual([ends.server, ends.server])
  })
})
