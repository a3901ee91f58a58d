import { describe, expect, it } from 'vitest'
import { fixtureText } from '../evidence/samples'
import { findingsOf, ids, one } from './helpers'

describe('log.asa-esmtp-inspection', () => {
  it('fires on 108004 and 507003 for port 25', () => {
    const f = one(findingsOf(fixtureText('asa_syslog_esmtp_inspection_drop_blog.txt')), 'log.asa-esmtp-inspection')
    expect(f.params).toEqual({ messageIds: '108004, 507003', count: 2 })
  })

  it('does not fire on 507003 for a non-SMTP port, nor on 108007 (TLS allowed)', () => {
    const web =
      '%ASA-4-507003: tcp flow from outside:198.51.100.1/5000 to inside:10.0.0.80/80 terminated by inspection engine, reason - inspector disconnected, dropped packet.\n'
    expect(ids(findingsOf(web))).not.toContain('log.asa-esmtp-inspection')
    const tls =
      '%ASA-6-108007: TLS started on ESMTP session between client outside:198.51.100.4/40100 and server inside:10.0.0.25/25\n'
    const found = findingsOf(tls)
    expect(ids(found)).not.toContain('log.asa-esmtp-inspection')
    expect(ids(found)).toContain('asa.esmtp-inspection-allow-tls')
  })
})

describe('log.postfix-pix-workaround', () => {
  it('fires on Postfix enabling PIX workarounds, naming the host', () => {
    const line =
      'Nov 28 09:12:01 mail postfix/smtp[2211]: 4F3A21C0123: enabling PIX workarounds: disable_esmtp delay_dotcrlf for mx.partner.example[192.0.2.25]:25\n'
    const f = one(findingsOf(line), 'log.postfix-pix-workaround')
    expect(f.params).toEqual({ hosts: '192.0.2.25', workarounds: 'disable_esmtp delay_dotcrlf' })
  })

  it('does not fire on ordinary Postfix delivery lines', () => {
    const line =
      'Nov 28 09:12:02 mail postfix/smtp[2211]: 4F3A21C0123: to=<a@partner.example>, relay=mx.partner.example[192.0.2.25]:25, status=sent (250 ok)\n'
    expect(findingsOf(line)).toEqual([])
  })
})

describe('log.esa-starttls-not-supported', () => {
  it('fires on ESA TLS failed / STARTTLS not supported, as a warning of low confidence', () => {
    const f = one(
      findingsOf(fixtureText('esa_maillog_tls_lines_cisco118500_212587.txt')),
      'log.esa-starttls-not-supported',
    )
    expect(f.severity).toBe('warning')
    expect(f.confidence).toBeLessThanOrEqual(0.5)
    expect(f.params?.connections).toBe('ICID 282204971, DCID xxxxxx')
  })

  it('does not fire on TLS success', () => {
    expect(findingsOf('Wed Jul 20 19:47:40 2005 Info: ICID 282204970 TLS success\n')).toEqual([])
  })
})

describe('Postfix delivery lines quoting the remote reply', () => {
  const BOUNCED =
    'Nov 28 09:20:11 mail postfix/smtp[2301]: 9C1D2E3F4A5: to=<a@partner.example>, relay=mx.partner.example[192.0.2.25]:25, delay=2, dsn=5.5.1, status=bounced (host mx.partner.example[192.0.2.25] said: 500 5.5.1 Command unrecognized: "XXXXXXXX" (in reply to end of DATA command))\n'

  it('feed smtp.command-masked, and the cause is on the remote side', () => {
    const f = one(findingsOf(BOUNCED), 'smtp.command-masked')
    expect(f.params).toEqual({ masked: 'XXXXXXXX' })
    expect(f.evidence[0]?.startLine).toBe(1)
  })

  it('do not fire on an ordinary rejection', () => {
    const rejected = BOUNCED.replace(
      '500 5.5.1 Command unrecognized: "XXXXXXXX"',
      '550 5.1.1 <a@partner.example>: Recipient address rejected',
    )
    expect(ids(findingsOf(rejected))).toEqual([])
  })
})
