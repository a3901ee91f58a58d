import { describe, expect, it } from 'vitest'
import { parseTranscriptText, transcriptShape } from '../../../src/shared/evidence/smtp/transcript-text'
import { buildSmtpSession } from '../../../src/shared/evidence/smtp-session'
import { numberLines } from '../../../src/shared/evidence/types'
import {
  fixtureLines,
  GMAIL_NDR,
  POSTFIX_NDR,
  SC_TRANSCRIPT,
  STARTTLS_BEFORE_GREETING,
  SWAKS_MASKED,
  SWAKS_TLS_OK,
} from './samples'

const parse = (text: string) => parseTranscriptText('t', numberLines(text))

describe('transcript shapes', () => {
  it('reads swaks arrows, TLS arrows and notes', () => {
    const t = parse(SWAKS_TLS_OK)
    expect(t.shape).toBe('swaks')
    expect(t.lines.find((l) => l.line === 4)).toEqual({ direction: 'client', text: 'EHLO client.example.net', line: 4 })
    expect(t.lines.find((l) => l.line === 15)).toEqual({ direction: 'server', text: '250-mx.example.org', line: 15 })
    expect(t.lines.find((l) => l.line === 12)?.direction).toBe('note')
    const s = buildSmtpSession(t)
    expect(s.tls?.established).toBe(true)
    expect(s.ehlo?.extensions.map((e) => e.keyword)).toEqual(['PIPELINING', 'SIZE', 'STARTTLS', '8BITMIME'])
    expect(s.exchanges.filter((e) => e.afterTls).map((e) => e.verb)).toEqual(['EHLO', 'QUIT'])
  })

  it('reads swaks error replies (<**) as server lines', () => {
    const s = buildSmtpSession(parse(SWAKS_MASKED))
    expect(s.starttls?.reply?.code).toBe(500)
    expect(s.ehlo?.extensions.find((e) => e.masked)?.line).toBe(8)
    expect(s.tls).toBeNull()
  })

  it('reads S:/C: transcripts', () => {
    const t = parse(SC_TRANSCRIPT)
    expect(t.shape).toBe('sc')
    const s = buildSmtpSession(t)
    expect(s.greeting?.lines[0]?.text).toBe('mail.example.com ESMTP')
    expect(s.ehlo?.greeting?.line).toBe(3)
    expect(s.starttls).toMatchObject({ inferred: false, command: { line: 6 } })
  })

  it('reads the >>> / <<< arrow form', () => {
    const t = parse('<<< 220 mx.example.org ESMTP\n>>> EHLO a.example\n<<< 250-mx.example.org\n<<< 250 XXXXXXXA\n')
    expect(t.shape).toBe('sc')
    expect(t.lines.map((l) => [l.direction, l.text])).toEqual([
      ['server', '220 mx.example.org ESMTP'],
      ['client', 'EHLO a.example'],
      ['server', '250-mx.example.org'],
      ['server', '250 XXXXXXXA'],
    ])
  })

  it('reads a raw telnet session: commands, replies, telnet noise as notes', () => {
    const t = parseTranscriptText('esa', fixtureLines('esa_baseline_no_firewall_ehlo_help_cisco214630.txt'))
    expect(t.shape).toBe('telnet')
    expect(t.lines.filter((l) => l.direction === 'client').map((l) => l.text)).toEqual(['EHLO test', 'help'])
    expect(t.lines.filter((l) => l.direction === 'note').map((l) => l.line)).toEqual([1, 2, 3, 4])
    const s = buildSmtpSession(t)
    expect(s.exchanges.map((e) => [e.verb, e.reply?.code])).toEqual([
      ['EHLO', 250],
      ['HELP', 214],
    ])
  })

  it('takes STARTTLS typed in a telnet session for a command', () => {
    const t = parse(
      '220 mx.example.org ESMTP\nEHLO a.example\n250-mx.example.org\n250 STARTTLS\nSTARTTLS\n220 Go ahead\n',
    )
    expect(t.shape).toBe('telnet')
    expect(t.lines.filter((l) => l.direction === 'client').map((l) => l.text)).toEqual(['EHLO a.example', 'STARTTLS'])
  })

  it('reads a bare block of replies, keeping line numbers', () => {
    const t = parseTranscriptText('b', fixtureLines('esa_inbound_behind_asa_XXXXXXXA_transcript_cisco118550.txt'))
    expect(t.shape).toBe('bare')
    expect(t.lines.map((l) => [l.direction, l.line])).toEqual([
      ['server', 1],
      ['server', 2],
      ['server', 3],
      ['server', 4],
    ])
  })

  it('reads masked banners without a space after the code as server lines', () => {
    const t = parseTranscriptText('b', fixtureLines('pix_mailguard_banners_exchange_doc.txt'))
    expect(t.lines.map((l) => l.direction)).toEqual(['server', 'server', 'server'])
  })

  it('joins a wrapped Postfix bounce reply and drops the "in reply to" tail', () => {
    const t = parse(POSTFIX_NDR)
    expect(t.shape).toBe('ndr')
    const server = t.lines.filter((l) => l.direction === 'server')
    expect(server).toEqual([{ direction: 'server', text: '500 5.5.1 Command unrecognized: "XXXXXXXX"', line: 6 }])
  })

  it('reads the Gmail bounce and collapses its doubled code', () => {
    const t = parse(GMAIL_NDR)
    expect(t.shape).toBe('ndr')
    expect(t.lines.filter((l) => l.direction === 'server').map((l) => [l.line, l.text])).toEqual([
      [9, '500 5.5.1 Command unrecognized: "XXXXXXXX" (state 8)'],
    ])
  })

  it('does not call ordinary prose or a config an SMTP transcript', () => {
    expect(transcriptShape(numberLines('hello\nworld\n'))).toBeNull()
    expect(transcriptShape(fixtureLines('asa_9.0-3_running-config_ciscoconfparse_sample_01.txt'))).toBeNull()
  })

  it('finds the look-alike: STARTTLS on the first line of the EHLO reply', () => {
    const s = buildSmtpSession(parse(STARTTLS_BEFORE_GREETING))
    expect(s.ehlo?.extensionBeforeGreeting?.keyword).toBe('STARTTLS')
    expect(s.ehlo?.greeting?.line).toBe(4)
  })
})
