import { describe, expect, it } from 'vitest'
import {
  identifyMask,
  isMaskedToken,
  parseEhloExtensions,
  parseEhloReply,
  parseReplies,
} from '../../../src/shared/evidence/smtp-reply'
import { buildSmtpSession } from '../../../src/shared/evidence/smtp-session'
import type { TranscriptLine } from '../../../src/shared/evidence/types'

const server = (...texts: string[]): TranscriptLine[] =>
  texts.map((text, i) => ({ direction: 'server', text, line: i + 1 }))

describe('parseReplies', () => {
  it('joins multi-line replies and reads codes and enhanced status codes', () => {
    const replies = parseReplies(
      server('250-8BITMIME\\', '250-SIZE 14680064', '250 XXXXXXXA', '500 #5.5.1 command not recognized'),
    )
    expect(replies).toHaveLength(2)
    expect(replies[0]).toMatchObject({ code: 250, startLine: 1, endLine: 3, complete: true, enhanced: null })
    expect(replies[0]!.lines.map((l) => l.text)).toEqual(['8BITMIME\\', 'SIZE 14680064', 'XXXXXXXA'])
    expect(replies[1]).toMatchObject({ code: 500, enhanced: '5.5.1', startLine: 4, complete: true })
  })

  it('marks a reply cut short and ignores client and non-reply lines', () => {
    const lines: TranscriptLine[] = [
      { direction: 'server', text: '250-mail.example.com', line: 1 },
      { direction: 'client', text: 'QUIT', line: 2 },
      { direction: 'server', text: 'garbage', line: 3 },
      { direction: 'server', text: '221 2.0.0 Bye', line: 4 },
    ]
    const replies = parseReplies(lines)
    expect(replies.map((r) => [r.code, r.complete, r.enhanced])).toEqual([
      [250, false, null],
      [221, true, '2.0.0'],
    ])
  })
})

describe('masked EHLO keywords', () => {
  it('reads XXXXXXXA as STARTTLS and does not require all X', () => {
    expect(isMaskedToken('XXXXXXXA')).toBe(true)
    expect(isMaskedToken('XXXXXXXX')).toBe(true)
    expect(identifyMask('XXXXXXXA', ['8BITMIME']).keyword).toBe('STARTTLS')
    expect(identifyMask('XXXX', []).candidates).toContain('AUTH')
  })

  it('does not take real X-keywords or ordinary words for masks', () => {
    for (const t of ['XEXCH50', 'XCLIENT', 'XFORWARD', 'X', 'SIZE', 'XAXAXAXA']) expect(isMaskedToken(t)).toBe(false)
  })

  it('lists extensions with the mask named', () => {
    const [reply] = parseReplies(
      server('250-mail.example.com Hello', '250-PIPELINING', '250-SIZE 1000', '250 XXXXXXXA'),
    )
    const exts = parseEhloExtensions(reply!.lines.slice(1))
    expect(exts.map((e) => e.keyword)).toEqual(['PIPELINING', 'SIZE', 'XXXXXXXA'])
    expect(exts[1]!.params).toBe('1000')
    expect(exts[2]!.masked).toEqual({
      keyword: 'STARTTLS',
      candidates: ['STARTTLS', 'CHUNKING', 'SMTPUTF8', '8BITMIME', 'XFORWARD'],
    })
    expect(exts[0]!.masked).toBeNull()
  })

  it('finds an extension listed before the greeting line', () => {
    const [reply] = parseReplies(server('250-STARTTLS', '250-mx.example.org Hello [192.0.2.1]', '250 SIZE 10240000'))
    const view = parseEhloReply(reply!)
    expect(view.extensionBeforeGreeting?.keyword).toBe('STARTTLS')
    expect(view.greeting?.line).toBe(2)
  })

  it('reads a greeting whose host names the poster replaced with X as the greeting (real Claws Mail log)', () => {
    // tests/fixtures/pastes/clawsmail_network_log_redacted_x_runs_pastebin_19wtmK5a.txt: https://pastebin.com/19wtmK5a
    const [reply] = parseReplies(
      server('250-XXXXXXXXXX Hello XXXXXXXXXX [XXXXXXXXXX]', '250-SIZE 52428800', '250-STARTTLS', '250 HELP'),
    )
    const view = parseEhloReply(reply!)
    expect(view.greeting?.line).toBe(1)
    expect(view.extensionBeforeGreeting).toBeNull()
    expect(view.extensions.map((e) => e.keyword)).toEqual(['SIZE', 'STARTTLS', 'HELP'])
    expect(view.extensions.every((e) => e.masked === null)).toBe(true)
  })

  it('counter-example: an X-run with ordinary parameters is still a masked keyword', () => {
    const [reply] = parseReplies(server('250-XXXXXXXXXX', '250-mx.example.org Hello [192.0.2.1]', '250 XXXX PLAIN'))
    const view = parseEhloReply(reply!)
    expect(view.greeting?.line).toBe(2)
    expect(view.extensions.map((e) => [e.keyword, e.masked !== null])).toEqual([
      ['XXXXXXXXXX', true],
      ['XXXX', true],
    ])
  })

  it('treats a reply tail without greeting as extensions only, not as the look-alike', () => {
    const [reply] = parseReplies(server('250-8BITMIME\\', '250-SIZE 14680064', '250 XXXXXXXA'))
    const view = parseEhloReply(reply!)
    expect(view.extensionBeforeGreeting).toBeNull()
    expect(view.greeting).toBeNull()
    expect(view.extensions.map((e) => e.keyword)).toEqual(['8BITMIME', 'SIZE', 'XXXXXXXA'])
  })
})

describe('buildSmtpSession', () => {
  it('pairs commands with replies and finds EHLO and STARTTLS', () => {
    const lines: TranscriptLine[] = [
      { direction: 'server', text: '220 mx.example.com ESMTP', line: 1 },
      { direction: 'client', text: 'EHLO probe', line: 2 },
      { direction: 'server', text: '250-mx.example.com', line: 3 },
      { direction: 'server', text: '250 STARTTLS', line: 4 },
      { direction: 'client', text: 'STARTTLS', line: 5 },
      { direction: 'server', text: '220 2.0.0 Ready to start TLS', line: 6 },
      { direction: 'note', text: 'TLS established: TLSv1.3 TLS_AES_256_GCM_SHA384', line: 7 },
      { direction: 'client', text: 'EHLO probe', line: 8 },
      { direction: 'server', text: '250 mx.example.com', line: 9 },
    ]
    const s = buildSmtpSession({ kind: 'smtp-transcript', source: 't', lines })
    expect(s.greeting?.code).toBe(220)
    expect(s.ehlo?.extensions.map((e) => e.keyword)).toEqual(['STARTTLS'])
    expect(s.starttls?.reply?.code).toBe(220)
    expect(s.tls).toMatchObject({ established: true, line: 7 })
    expect(s.exchanges[2]!.afterTls).toBe(true)
  })

  it('infers EHLO and STARTTLS in a bare block of replies', () => {
    const s = buildSmtpSession({
      kind: 'smtp-transcript',
      source: 'b',
      lines: server('250-8BITMIME\\', '250-SIZE 14680064', '250 XXXXXXXA', '500 #5.5.1 command not recognized'),
    })
    expect(s.hasClientSide).toBe(false)
    expect(s.ehlo?.exchange.inferred).toBe(true)
    expect(s.starttls).toMatchObject({ verb: 'STARTTLS', inferred: true })
  })

  it('does not infer STARTTLS when nothing was masked', () => {
    const s = buildSmtpSession({
      kind: 'smtp-transcript',
      source: 'b',
      lines: server('250-mx.example.com', '250 SIZE 100', '500 5.5.2 Error: command not recognized'),
    })
    expect(s.starttls).toBeNull()
  })
})
