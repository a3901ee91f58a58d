import { describe, expect, it } from 'vitest'
import { parseLogLines } from '../../../src/shared/evidence/logs/log-lines'
import { numberLines } from '../../../src/shared/evidence/types'
import { fixtureLines } from './samples'

/** Postfix client lines in Postfix's format (smtp_proto.c; the older form as in logwatch parsers). */
const POSTFIX_LOG = `Nov 28 09:12:01 mail postfix/smtp[2211]: 4F3A21C0123: enabling PIX workarounds: disable_esmtp delay_dotcrlf for mx.partner.example[192.0.2.25]:25
Nov 28 09:12:02 mail postfix/smtp[2211]: 4F3A21C0123: to=<a@partner.example>, relay=mx.partner.example[192.0.2.25]:25, delay=1.2, status=sent (250 ok)
Nov 28 09:13:10 mail postfix/smtp[2230]: enabling PIX <CRLF>.<CRLF> workaround for old.partner.example[192.0.2.26]:25
Nov 28 09:14:00 mail postfix/smtp[2240]: 7A1B2C3D4E5: TLS is required, but was not offered by host mx.partner.example[192.0.2.25]
`

describe('log lines', () => {
  it('reads ASA 108004 and 507003 with the destination port', () => {
    const entries = parseLogLines(fixtureLines('asa_syslog_esmtp_inspection_drop_blog.txt'))
    expect(entries.map((e) => [e.event, e.messageId, e.host, e.port, e.line])).toEqual([
      ['asa-esmtp-action', '108004', '10.0.25.101', 25, 1],
      ['asa-inspector-disconnected', '507003', '10.0.25.101', 25, 2],
    ])
  })

  it('reads 108007 (TLS started) with the server side, and ignores unrelated ASA messages', () => {
    const entries = parseLogLines(
      numberLines(
        [
          'Nov 28 10:00:00 fw : %ASA-6-108007: TLS started on ESMTP session between client outside:198.51.100.4/40100 and server inside:10.0.0.25/25',
          '%ASA-6-302013: Built inbound TCP connection 1 for outside:198.51.100.4/40100 (198.51.100.4/40100) to inside:10.0.0.25/25 (203.0.113.25/25)',
        ].join('\n'),
      ),
    )
    expect(entries).toHaveLength(1)
    expect(entries[0]).toMatchObject({ event: 'asa-esmtp-tls-started', host: '10.0.0.25', port: 25, line: 1 })
  })

  it('reads Postfix PIX workaround lines (both forms) and TLS-not-offered', () => {
    const entries = parseLogLines(numberLines(POSTFIX_LOG))
    expect(entries.map((e) => [e.event, e.host, e.port ?? null, e.line])).toEqual([
      ['postfix-pix-workaround', '192.0.2.25', 25, 1],
      ['postfix-pix-workaround', '192.0.2.26', 25, 3],
      ['postfix-tls-not-offered', 'mx.partner.example', null, 4],
    ])
    expect(entries[0]).toMatchObject({ connection: '4F3A21C0123', detail: 'disable_esmtp delay_dotcrlf' })
  })

  it('reads ESA mail_log TLS lines with their connection ids', () => {
    const entries = parseLogLines(fixtureLines('esa_maillog_tls_lines_cisco118500_212587.txt'))
    expect(entries.map((e) => [e.event, e.connection ?? null, e.line])).toEqual([
      ['esa-tls-success', 'ICID 282204970', 4],
      ['esa-tls-failed', 'ICID 282204971', 9],
      ['esa-starttls-not-supported', 'DCID xxxxxx', 10],
    ])
  })
})
