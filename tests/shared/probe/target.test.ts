import { describe, expect, it } from 'vitest'
import { formatHostPort, isIpv4, isIpv6, parseTarget } from '../../../src/shared/probe/target'

describe('parseTarget', () => {
  it('reads host, host:port, IPv4, bracketed and bare IPv6', () => {
    expect(parseTarget('mail.example.com')).toEqual({
      ok: true,
      target: { host: 'mail.example.com', port: 25, explicitPort: false },
    })
    expect(parseTarget('mail.example.com:2525')).toMatchObject({ ok: true, target: { port: 2525, explicitPort: true } })
    expect(parseTarget(' 192.0.2.1:587 ')).toMatchObject({ ok: true, target: { host: '192.0.2.1', port: 587 } })
    expect(parseTarget('[2001:db8::1]:25')).toMatchObject({ ok: true, target: { host: '2001:db8::1', port: 25 } })
    expect(parseTarget('::1')).toMatchObject({ ok: true, target: { host: '::1', port: 25, explicitPort: false } })
    expect(parseTarget('lab.test', 587)).toMatchObject({ ok: true, target: { port: 587 } })
  })

  it('refuses what is not a target', () => {
    expect(parseTarget('')).toEqual({ ok: false, reason: 'empty' })
    expect(parseTarget('host:0')).toEqual({ ok: false, reason: 'bad-port' })
    expect(parseTarget('host:65536')).toEqual({ ok: false, reason: 'bad-port' })
    expect(parseTarget('host:25x')).toEqual({ ok: false, reason: 'bad-port' })
    expect(parseTarget('bad host')).toEqual({ ok: false, reason: 'bad-host' })
    expect(parseTarget('-lead.example')).toEqual({ ok: false, reason: 'bad-host' })
    expect(parseTarget('[not-v6]:25')).toEqual({ ok: false, reason: 'bad-host' })
    expect(parseTarget('host\r\nRCPT')).toEqual({ ok: false, reason: 'bad-host' })
  })

  it('tells IP literals apart', () => {
    expect(isIpv4('127.0.0.1')).toBe(true)
    expect(isIpv4('256.0.0.1')).toBe(false)
    expect(isIpv4('01.2.3.4')).toBe(false)
    expect(isIpv6('::1')).toBe(true)
    expect(isIpv6('::ffff:192.0.2.1')).toBe(true)
    expect(isIpv6('1:2:3:4:5:6:7:8')).toBe(true)
    expect(isIpv6('1:2:3:4:5:6:7:8:9')).toBe(false)
    expect(isIpv6('1::2::3')).toBe(false)
    expect(isIpv6('mail.example.com')).toBe(false)
    expect(formatHostPort('::1', 25)).toBe('[::1]:25')
    expect(formatHostPort('mx.lab.test', 25)).toBe('mx.lab.test:25')
  })
})
