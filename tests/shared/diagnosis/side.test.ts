/** Which side: destinations of masked deliveries, their registrable domains and whether they are large providers. */
import { describe, expect, it } from 'vitest'
import { assessSide, providerOf, registrableDomain } from '../../../src/shared/diagnosis/side'
import { parseEvidence } from '../../../src/shared/evidence'
import { runRules } from '../../../src/shared/rules'

describe('registrableDomain and providerOf', () => {
  it('takes the organisation part of an MX host name', () => {
    expect(registrableDomain('gmail-smtp-in.l.google.com')).toBe('google.com')
    expect(registrableDomain('mx1.mail.example.co.uk')).toBe('example.co.uk')
    expect(registrableDomain('Example-COM.mail.protection.outlook.com.')).toBe('outlook.com')
    expect(providerOf('google.com')).toBe('Google')
    expect(providerOf('outlook.com')).toBe('Microsoft 365')
    expect(providerOf('notgoogle.com')).toBeNull()
  })
})

describe('assessSide', () => {
  const side = (text: string) => {
    const evidence = parseEvidence({ source: 'log', text }).evidence
    return assessSide(runRules(evidence), evidence)
  }
  const pix = (host: string, n = 1) =>
    `Nov 28 09:1${n}:01 mail postfix/smtp[22${n}1]: 4F3A21C012${n}: enabling PIX workarounds: disable_esmtp delay_dotcrlf for ${host}[192.0.2.2${n}]:25`

  it('a large provider: local; three unrelated destinations: local; one: remote; none named: unknown', () => {
    expect(side(pix('gmail-smtp-in.l.google.com'))).toMatchObject({ side: 'local', providers: ['Google'] })
    const three = [pix('a.one.example', 1), pix('b.two.example', 2), pix('c.three.example', 3)].join('\n')
    expect(side(three)).toMatchObject({ side: 'local', providers: [] })
    expect(side(pix('mx.partner.example'))).toMatchObject({ side: 'remote', destinations: ['partner.example'] })
    expect(side('S: 220 ****\n').side).toBe('unknown')
  })

  it('counter-example: an address without a host name says nothing about the organisation', () => {
    const line =
      'Nov 28 09:20:11 mail postfix/smtp[2301]: 9C1D2E3F4A5: to=<a@b.example>, relay=192.0.2.25[192.0.2.25]:25, status=bounced (host 192.0.2.25[192.0.2.25] said: 500 5.5.1 Command unrecognized: "XXXXXXXX" (in reply to end of DATA command))'
    expect(side(line).destinations).toEqual([])
  })
})
