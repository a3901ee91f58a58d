/**
 * Scenarios added for issue 13: the site's own ASA on the egress path in front of several providers (§7.1), a
 * Postfix without TLS behind the ASA (§7.2), and a mail gateway that deletes the STARTTLS line (§7.5).
 */
import { describe, expect, it } from 'vitest'
import { parseConfig } from '../../../src/lab/devices/config-tree'
import { labPerFile, smtpGreeting } from '../helpers/lab-fixture'
import { NO_TLS_POSTFIX_BEHIND_ASA } from '../helpers/postfix-ehlo'

describe('egress-providers: the site’s ASA in front of three remote MX hosts (§7.1)', () => {
  const { lab, track } = labPerFile('egress-providers')

  it('every provider shows masking through the egress path, and none when reached directly', async () => {
    expect(lab().providers.map((p) => p.hostname)).toEqual([
      'mx.provider-a.lab.test',
      'mx.provider-b.lab.test',
      'mx.provider-c.lab.test',
    ])
    for (const provider of lab().providers) {
      const through = await smtpGreeting(provider.smtp.port, track)
      expect(through.banner).toMatch(/^220 \*+$/)
      expect(through.ehlo.join('\n')).not.toContain('STARTTLS')
      expect(through.ehlo.some((l) => /^250[- ]X+[A-Z]$/.test(l))).toBe(true)
      const direct = await smtpGreeting(provider.direct.port, track)
      expect(direct.ehlo.join('\n')).toContain('STARTTLS')
      expect(direct.starttls).toMatch(/^220 /)
    }
  })

  it('logs an egress drop with the flow as it crosses the box: from inside to outside', async () => {
    const c = (await smtpGreeting(lab().providers[1]!.smtp.port, track)).client
    c.send(`HELP ${'x'.repeat(600)}\r\n`)
    await c.closedByPeer()
    const drop = lab()
      .device!.logs.map((l) => l.message)
      .find((m) => m.includes('108004'))
    expect(drop).toMatch(
      /Dropped connection for ESMTP Request from inside:127\.0\.0\.1\/\d+ to outside:127\.0\.0\.1\/\d+;/,
    )
  })

  it('§7.3 per feature: an inside interface policy that inspects ESMTP with allow-tls opens the egress path only', async () => {
    const device = lab().device!
    const before = device.running
    device.running = [
      ...parseConfig('policy-map type inspect esmtp TLS_OK\n parameters\n  allow-tls action log'),
      ...before,
      ...parseConfig(
        'policy-map INSIDE_POLICY\n class inspection_default\n  inspect esmtp TLS_OK\nservice-policy INSIDE_POLICY interface inside',
      ),
    ]
    try {
      const egress = await smtpGreeting(lab().providers[0]!.smtp.port, track)
      expect(egress.ehlo).toContain('250-STARTTLS')
      // Counter-example: mail coming in on outside still meets the global default map.
      const inbound = await smtpGreeting(lab().smtp.port, track)
      expect(inbound.ehlo.join('\n')).not.toContain('STARTTLS')
    } finally {
      device.running = before
    }
  })
})

describe('asa9-postfix-notls: ASA default map in front of a Postfix without TLS (§7.2)', () => {
  const { lab, track } = labPerFile('asa9-postfix-notls')

  it('the 8-letter masks are SMTPUTF8 and CHUNKING; the server itself offers no STARTTLS', async () => {
    const through = await smtpGreeting(lab().smtp.port, track)
    expect(through.ehlo.slice(1)).toEqual(NO_TLS_POSTFIX_BEHIND_ASA)
    const direct = await smtpGreeting(lab().direct.port, track)
    expect(direct.ehlo.slice(-2)).toEqual(['250-SMTPUTF8', '250 CHUNKING'])
    expect(direct.ehlo.join('\n')).not.toContain('STARTTLS')
    expect(direct.starttls).toBe('502 5.5.1 Error: command not implemented')
  })
})

describe('gateway-strip: a gateway deletes lines instead of masking them (§7.5, F-Secure IG manual p.152)', () => {
  const { lab, track } = labPerFile('gateway-strip')

  it('the EHLO reply through the gateway lacks STARTTLS, PIPELINING and CHUNKING with no mask in their place', async () => {
    const through = await smtpGreeting(lab().smtp.port, track)
    expect(through.banner).toBe('220 mail.lab.test ESMTP Postfix (Debian/GNU)')
    expect(through.ehlo.slice(1)).toEqual([
      '250-SIZE 10240000',
      '250-VRFY',
      '250-ETRN',
      '250-ENHANCEDSTATUSCODES',
      '250-8BITMIME',
      '250-DSN',
      '250 SMTPUTF8',
    ])
    const direct = await smtpGreeting(lab().direct.port, track)
    expect(direct.ehlo).toContain('250-STARTTLS')
  })
})
