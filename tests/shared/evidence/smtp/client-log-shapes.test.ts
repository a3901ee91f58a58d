/**
 * Client log shapes added for issue 22 point 5 (src/shared/evidence/smtp/client-logs.ts, dotnet-trace.ts): .NET
 * System.Net traces, Outlook's SMTP log tags and hMailServer's `[nl]`-joined replies, each read as a transcript, with
 * the rule that a server which lists no STARTTLS does not offer it (not masking) and a masked list is masking.
 *
 * Material: the hMailServer log is a real capture (tests/fixtures/pastes/README.md). No public SmtpClient trace or
 * Outlook SMTP log was found; the .NET dialogs below are written in the documented trace format (Microsoft Learn,
 * "Interpreting Network Tracing"), checked against a real hex block of that format quoted in Duplicati's
 * documentation, and the Outlook lines use the tags as recalled, which no public source confirmed.
 */
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { analyzeTexts } from '../../../../src/shared/diagnosis'
import { parseEvidence, type TranscriptEvidence } from '../../../../src/shared/evidence'
import { fromDotnetTrace } from '../../../../src/shared/evidence/smtp/dotnet-trace'
import { buildSmtpSession } from '../../../../src/shared/evidence/smtp-session'
import { numberLines } from '../../../../src/shared/evidence/types'

const PASTES = join(__dirname, '../../../fixtures/pastes')
const analyze = (text: string) => analyzeTexts([{ source: 'paste', text }])
const ids = (text: string) => analyze(text).findings.map((f) => f.id)
const causes = (text: string) => analyze(text).causes.map((c) => c.id)
const parsed = (text: string) => parseEvidence({ source: 'paste', text }).evidence[0] as TranscriptEvidence
const session = (text: string) => buildSmtpSession(parsed(text))
const MASKING = ['smtp.starttls-masked', 'smtp.starttls-rejected', 'smtp.command-masked', 'smtp.banner-masked']

/** One socket read or write as System.Net.Sockets traces it: the block header, then 16 bytes a line. */
function socketBlock(op: 'Receive' | 'Send', data: string, socket = 27246533): string[] {
  const out = [`System.Net.Sockets Verbose: 0 : [4568] Data from Socket#${socket}::${op}`]
  for (let at = 0; at < data.length; at += 16) {
    const chunk = data.slice(at, at + 16)
    const hex = [...chunk].map((c) => c.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0'))
    const bytes = hex.map((h, i) => (i === 8 ? `-${h}` : i === 0 ? h : ` ${h}`)).join('')
    const shown = [...chunk].map((c) => (c >= ' ' && c <= '~' ? c : '.')).join('')
    out.push(`System.Net.Sockets Verbose: 0 : [4568] ${at.toString(16).padStart(8, '0')} : ${bytes} : ${shown}`)
  }
  out.push(
    `System.Net.Sockets Verbose: 0 : [4568] Exiting Socket#${socket}::${op}() \t-> ${data.length}#${data.length}`,
  )
  return out
}

function dotnetTrace(ehloReply: string[], extra: string[] = []): string {
  return [
    'System.Net Information: 0 : [4568] Associating SmtpClient#1 with SmtpTransport#2',
    'System.Net.Sockets Verbose: 0 : [4568] Socket#27246533::Receive()',
    ...socketBlock('Receive', '220 mx.example.net ESMTP\r\n'),
    ...socketBlock('Send', 'EHLO WS042\r\n'),
    ...socketBlock('Receive', `${ehloReply.join('\r\n')}\r\n`),
    ...extra,
  ].join('\n')
}

describe('.NET System.Net traces (SmtpClient) are transcripts', () => {
  it('decodes the hex dump of a real trace block (Duplicati docs, FTP banner) from its bytes, not its dots', () => {
    const real = [
      'System.Net.Sockets Verbose: 0 : [4568] Data from Socket#51213311::Receive',
      'System.Net.Sockets Verbose: 0 : [4568] 00000000 : 32 32 30 2D 2D 2D 2D 2D-2D 2D 2D 2D 2D 20 57 65 : 220---------- We',
      'System.Net.Sockets Verbose: 0 : [4568] 00000010 : 6C 63 6F 6D 65 20 74 6F-20 50 75 72 65 2D 46 54 : lcome to Pure-FT',
      'System.Net.Sockets Verbose: 0 : [4568] 00000020 : 50 64 20 5B 70 72 69 76-73 65 70 5D 20 5B 54 4C : Pd [privsep] [TL',
    ]
    expect(fromDotnetTrace(numberLines(real.join('\n')))).toEqual([
      { direction: 'server', text: '220---------- Welcome to Pure-FTPd [privsep] [TL', line: 1 },
    ])
  })

  it('a masked EHLO list in the trace is STARTTLS masking (SmtpClient then throws "does not support secure connections")', () => {
    const text = dotnetTrace(['250-mx.example.net Hello', '250-SIZE 10240000', '250-XXXXXXXA', '250 8BITMIME'])
    expect(parsed(text).shape).toBe('client-log')
    const s = session(text)
    expect(s.greeting?.code).toBe(220)
    expect(s.ehlo?.extensions.map((e) => e.keyword)).toEqual(['SIZE', 'XXXXXXXA', '8BITMIME'])
    expect(ids(text)).toContain('smtp.starttls-masked')
  })

  it('counter-example: a complete list without STARTTLS reads as "the server does not offer STARTTLS"', () => {
    const text = dotnetTrace(['250-mx.example.net Hello', '250-SIZE 10240000', '250 8BITMIME'])
    expect(session(text).starttlsOffer).toBe('absent')
    expect(ids(text)).toEqual(['smtp.starttls-missing'])
    expect(causes(text)).toEqual(['server-no-starttls'])
  })

  it('a reply read in two socket reads is joined at its line end; TLS records after 220 are not read as lines', () => {
    const text = [
      ...socketBlock('Receive', '220 mx.example.net ESMTP\r\n'),
      ...socketBlock('Send', 'EHLO WS042\r\n'),
      ...socketBlock('Receive', '250-mx.example.net Hello\r\n250-STAR'),
      'DateTime=2014-05-09T12:57:41.3454728Z',
      ...socketBlock('Receive', 'TTLS\r\n250 SIZE 1000\r\n'),
      ...socketBlock('Send', 'STARTTLS\r\n'),
      ...socketBlock('Receive', '220 2.0.0 Ready to start TLS\r\n'),
      ...socketBlock('Send', '\x16\x03\x01\x00\xc8\x01\x00\x00\xc4\x03\x03\r\n'),
    ].join('\n')
    const s = session(text)
    expect(s.ehlo?.extensions.map((e) => e.keyword)).toEqual(['STARTTLS', 'SIZE'])
    expect(s.starttls?.reply?.code).toBe(220)
    expect(
      parsed(text)
        .lines.filter((l) => l.direction === 'client')
        .map((l) => l.text),
    ).toEqual(['EHLO WS042', 'STARTTLS'])
    expect(ids(text).filter((id) => MASKING.includes(id))).toEqual([])
  })

  it("another connection's data in the same trace (an HTTP request on another socket) is left out of the dialog", () => {
    const text = [
      ...socketBlock('Send', 'GET /wpad.dat HTTP/1.1\r\nHost: itgproxy\r\n\r\n', 33574638),
      dotnetTrace(['250-mx.example.net Hello', '250-XXXXXXXA', '250 SIZE 1000']),
      ...socketBlock('Receive', 'HTTP/1.1 404 Not Found\r\n\r\n', 33574638),
    ].join('\n')
    expect(parsed(text).lines.map((l) => l.text)).toEqual([
      '220 mx.example.net ESMTP',
      'EHLO WS042',
      '250-mx.example.net Hello',
      '250-XXXXXXXA',
      '250 SIZE 1000',
    ])
    expect(ids(text)).toContain('smtp.starttls-masked')
  })

  it('counter-example: a trace of an HTTP request has no SMTP dialog and gives no SMTP finding', () => {
    const text = [
      ...socketBlock('Send', 'GET /wpad.dat HTTP/1.1\r\nHost: itgproxy\r\n\r\n'),
      ...socketBlock('Receive', 'HTTP/1.1 404 Not Found\r\n\r\n'),
    ].join('\n')
    expect(ids(text).filter((id) => id.startsWith('smtp.'))).toEqual([])
  })
})

describe("Outlook's SMTP log tags (format not confirmed by a public capture)", () => {
  const outlook = (ehlo: string[], tail: string[] = []) =>
    [
      '2024.03.05 10:12:01 SMTP (mail.example.org): Begin execution',
      '2024.03.05 10:12:01 SMTP (mail.example.org): Port: 25, Secure: NO, SPA: NO',
      '2024.03.05 10:12:01 SMTP (mail.example.org): <rx> 220 mail.example.org ESMTP',
      '2024.03.05 10:12:01 SMTP (mail.example.org): [tx] EHLO WS042',
      ...ehlo.map((l) => `2024.03.05 10:12:01 SMTP (mail.example.org): <rx> ${l}`),
      ...tail,
    ].join('\n')

  it('<rx>/[tx] lines are a transcript; a masked keyword answered 500 is masking', () => {
    const text = outlook(
      ['250-mail.example.org', '250-XXXXXXXA', '250 SIZE'],
      [
        '2024.03.05 10:12:01 SMTP (mail.example.org): [tx] STARTTLS',
        '2024.03.05 10:12:01 SMTP (mail.example.org): <rx> 500 5.5.1 Command unrecognized: "XXXXXXXX"',
      ],
    )
    expect(parsed(text).shape).toBe('client-log')
    expect(session(text).starttls?.reply?.code).toBe(500)
    expect(ids(text)).toContain('smtp.starttls-masked')
  })

  it('counter-example: no STARTTLS listed and STARTTLS answered 500 is "the server does not offer STARTTLS"', () => {
    const text = outlook(
      ['250-mail.example.org', '250 SIZE'],
      [
        '2024.03.05 10:12:01 SMTP (mail.example.org): [tx] STARTTLS',
        '2024.03.05 10:12:01 SMTP (mail.example.org): <rx> 500 5.3.3 Unrecognized command',
      ],
    )
    expect(session(text).starttlsOffer).toBe('absent')
    expect(ids(text)).toEqual(['smtp.starttls-missing'])
    expect(causes(text)).toEqual(['server-no-starttls'])
  })

  it('the Outlook Express Smtp.log tags [rx]/[tx] read the same way', () => {
    const text = [
      'SMTP: 10:12:01 [rx] 220 mail.example.org ESMTP',
      'SMTP: 10:12:01 [tx] EHLO WS042',
      'SMTP: 10:12:01 [rx] 250-mail.example.org',
      'SMTP: 10:12:01 [rx] 250 STARTTLS',
    ].join('\n')
    expect(session(text).ehlo?.extensions.map((e) => e.keyword)).toEqual(['STARTTLS'])
    expect(ids(text).filter((id) => MASKING.includes(id))).toEqual([])
  })
})

describe('hMailServer SMTPC log with [nl]-joined replies (real capture, hmailserver issue #33)', () => {
  const real = readFileSync(join(PASTES, 'hmailserver_smtpc_nl_joined_ehlo_github33.txt'), 'utf8')

  it('the one-line EHLO reply is split at [nl]: nine lines, no STARTTLS, read as "does not offer STARTTLS"', () => {
    const s = session(real)
    expect(s.ehlo?.greeting?.text).toBe('mail.internal.lan')
    expect(s.ehlo?.extensions.map((e) => e.keyword)).toEqual([
      'SIZE',
      '8BITMIME',
      'PIPELINING',
      'CHUNKING',
      'SMTPUTF8',
      'ENHANCEDSTATUSCODES',
      'DSN',
      'HELP',
    ])
    // Before [nl] was read, the reply was one unreadable line and the analysis said nothing at all.
    expect(ids(real)).toEqual(['smtp.starttls-missing'])
    expect(causes(real)).toEqual(['server-no-starttls'])
  })

  it('the same log with one keyword masked as an ASA masks it is masking (the counter-example turned round)', () => {
    const masked = real.replace('[nl]250-CHUNKING[nl]', '[nl]250-XXXXXXXA[nl]')
    expect(session(masked).ehlo?.extensions.map((e) => e.keyword)).toContain('XXXXXXXA')
    expect(ids(masked).some((id) => MASKING.includes(id) || id === 'smtp.keyword-masked')).toBe(true)
  })
})

describe('more real client logs (pastebin; tests/fixtures/pastes/README.md)', () => {
  const apple = readFileSync(join(PASTES, 'applemail_connection_log_starttls_ok_pastebin_Ys40bJP1.txt'), 'utf8')
  const exchange = readFileSync(
    join(PASTES, 'exchange_send_protocol_log_to_m365_starttls_listed_pastebin_7n2VqhA0.txt'),
    'utf8',
  )

  it("Apple Mail's READ/WROTE headers are not commands: STARTTLS gets its own 220 reply, no masking", () => {
    const s = session(apple)
    expect(s.ehlo?.extensions.map((e) => e.keyword)).toContain('STARTTLS')
    // Before: `READ Oct 25 …` passed for a command and took the 220 meant for STARTTLS (reply null).
    expect(s.starttls?.reply?.code).toBe(220)
    expect(
      parsed(apple)
        .lines.filter((l) => l.direction === 'client')
        .map((l) => l.text),
    ).toEqual(['EHLO [192.168.1.100]', 'STARTTLS', 'EHLO [192.168.1.100]'])
    expect(ids(apple).filter((id) => MASKING.includes(id))).toEqual([])
  })

  it('counter-example: the same Apple Mail log with STARTTLS masked and answered 500 is masking on the path', () => {
    const masked = apple
      .replace('250-STARTTLS', '250-XXXXXXXA')
      .replace('220 2.0.0 Ready to start TLS', '500 5.5.1 Command unrecognized')
    expect(session(masked).starttls?.reply?.code).toBe(500)
    expect(ids(masked)).toEqual(expect.arrayContaining(['smtp.starttls-masked', 'smtp.starttls-rejected']))
    expect(causes(masked)).toContain('path-inspection')
  })

  it('a real Exchange send protocol log towards Microsoft 365 lists STARTTLS: no finding', () => {
    expect(parsed(exchange).shape).toBe('client-log')
    const s = session(exchange)
    expect(s.greeting?.code).toBe(220)
    expect(s.ehlo?.extensions.map((e) => e.keyword)).toContain('STARTTLS')
    expect(s.starttlsOffer).toBe('listed')
    expect(ids(exchange)).toEqual([])
  })

  it('counter-example: the same log with STARTTLS masked as an ASA masks it is masking', () => {
    const masked = exchange.replace(',<,250-STARTTLS,', ',<,250-XXXXXXXA,')
    expect(ids(masked)).toContain('smtp.starttls-masked')
  })

  const claws = readFileSync(join(PASTES, 'clawsmail_network_log_redacted_x_runs_pastebin_19wtmK5a.txt'), 'utf8')

  it("Claws Mail's SMTP</ESMTP> log: the user's XXXXXXXXXX redactions are not masking (before: command masked 0.85)", () => {
    expect(parsed(claws).shape).toBe('client-log')
    const s = session(claws)
    expect(s.greeting?.code).toBe(220)
    expect(s.ehlo?.extensions.map((e) => e.keyword)).toContain('STARTTLS')
    expect(
      parsed(claws)
        .lines.filter((l) => l.direction === 'client')
        .map((l) => l.text),
    ).toEqual(['EHLO #XXXXXXXXXX', 'AUTH LOGIN'])
    expect(ids(claws)).toEqual([])
    expect(causes(claws)).toEqual([])
  })

  it('counter-example: the same Claws log with STARTTLS masked is masking', () => {
    const masked = claws.replace('ESMTP< 250-STARTTLS', 'ESMTP< 250-XXXXXXXA')
    expect(ids(masked)).toContain('smtp.starttls-masked')
  })
})

describe('SmarterMail and JavaMail logs (real pastebin captures)', () => {
  const smarter = readFileSync(join(PASTES, 'smartermail_delivery_log_to_hotmail_pastebin_VW2bNg7T.txt'), 'utf8')
  const javamail = readFileSync(join(PASTES, 'javamail_debug_mailenable_no_starttls_pastebin_bSnWQCyj.txt'), 'utf8')

  it('SmarterMail RSP:/CMD: lines are a transcript (before: unknown text); an unfinished EHLO reply proves nothing', () => {
    expect(parsed(smarter).shape).toBe('client-log')
    const s = session(smarter)
    expect(s.greeting?.code).toBe(220)
    expect(s.ehlo?.exchange.command?.text).toBe('EHLO nautilus.awedns.com')
    expect(s.ehlo?.extensions.map((e) => e.keyword)).toEqual(['SIZE', 'PIPELINING', '8BITMIME', 'BINARYMIME'])
    // The paste stops inside the EHLO reply: neither "offers" nor "does not offer".
    expect(s.starttlsOffer).toBe('unknown')
    expect(ids(smarter)).toEqual([])
  })

  it('counter-example: a masked keyword in the same SmarterMail log is read as masking', () => {
    const masked = smarter.replace('RSP: 250-PIPELINING', 'RSP: 250-XXXXXXXA')
    expect(ids(masked)).toContain('smtp.starttls-masked')
  })

  it('a JavaMail debug log (DEBUG SMTP: lines around the raw dialog): MailEnable lists no STARTTLS', () => {
    const s = session(javamail)
    expect(s.ehlo?.extensions.map((e) => e.keyword)).toEqual(['AUTH', 'SIZE', 'HELP', 'AUTH'])
    expect(s.starttlsOffer).toBe('absent')
    expect(ids(javamail)).toEqual(['smtp.starttls-missing'])
    expect(causes(javamail)).toEqual(['server-no-starttls'])
  })
})

describe('a real Thunderbird SMTP log (gist nuzayats/b6f2b94f): state lines between the reply lines', () => {
  const tb = readFileSync(join(PASTES, 'thunderbird_smtp_log_entering_state_gist_nuzayats.txt'), 'utf8')
  const line = (text: string) => `2016-02-11 08:45:45.321795 UTC - 2019831808[100638700]: ${text}`

  it('`SMTP entering state: 0` does not end the EHLO reply (before: no keyword read at all)', () => {
    const s = session(tb)
    expect(s.greeting?.code).toBe(220)
    expect(s.ehlo?.exchange.command?.text).toBe('EHLO kyle-no-MacBook.local')
    expect(s.ehlo?.extensions.map((e) => e.keyword)).toEqual(['AUTH'])
    // The stored copy stops inside the reply: nothing to conclude.
    expect(ids(tb)).toEqual([])
  })

  it('counter-example: the same log continued with a masked keyword and its last line is masking', () => {
    const more = [
      line('SMTP entering state: 0'),
      line('SMTP Response: 250-XXXXXXXA'),
      line('SMTP entering state: 0'),
      line('SMTP Response: 250 HELP'),
    ]
    const masked = `${tb.trimEnd()}\n${more.join('\n')}\n`
    expect(session(masked).ehlo?.extensions.map((e) => e.keyword)).toEqual(['AUTH', 'XXXXXXXA', 'HELP'])
    expect(ids(masked)).toContain('smtp.starttls-masked')
    // …and continued without it, a complete list without STARTTLS: the server does not offer it.
    const plain = `${tb.trimEnd()}\n${[more[0], more[3]].join('\n')}\n`
    expect(ids(plain)).toEqual(['smtp.starttls-missing'])
  })
})
