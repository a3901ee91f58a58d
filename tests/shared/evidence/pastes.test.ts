/**
 * Issue 22 points 4–6 against real pasted material (tests/fixtures/pastes/README.md lists each source): client debug
 * logs read as transcripts, banners as they really arrive, and contradictory lines reported both ways.
 */
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { analyzeTexts } from '../../../src/shared/diagnosis'
import { parseEvidence, type TranscriptEvidence } from '../../../src/shared/evidence'
import { buildSmtpSession } from '../../../src/shared/evidence/smtp-session'

const PASTES = join(__dirname, '../../fixtures/pastes')
const read = (name: string) => readFileSync(join(PASTES, name), 'utf8')
const analyze = (text: string) => analyzeTexts([{ source: 'paste', text }])
const ids = (text: string) => analyze(text).findings.map((f) => f.id)
const session = (text: string) => {
  const e = parseEvidence({ source: 'paste', text }).evidence[0] as TranscriptEvidence
  return { shape: e.shape, session: buildSmtpSession(e) }
}
const MASKING = ['smtp.starttls-masked', 'smtp.starttls-rejected', 'smtp.command-masked', 'smtp.banner-masked']

describe('client debug logs are transcripts', () => {
  it('PHPMailer with indented continuation lines: the EHLO list, STARTTLS listed and accepted', () => {
    const { shape, session: s } = session(read('phpmailer_debug_starttls_ok_github2091.txt'))
    expect(shape).toBe('client-log')
    expect(s.greeting?.code).toBe(220)
    expect(s.ehlo?.extensions.map((e) => e.keyword)).toEqual(['STARTTLS', 'AUTH'])
    expect(s.starttls?.reply?.code).toBe(220)
    expect(s.starttlsOffer).toBe('listed')
    expect(ids(read('phpmailer_debug_starttls_ok_github2091.txt'))).not.toContain('smtp.starttls-masked')
  })

  it('PHPMailer with the whole EHLO reply on one line (literal \\r\\n, Apache referer trailer)', () => {
    const { session: s } = session(read('phpmailer_debug_ehlo_one_line_github_luminary47.txt'))
    expect(s.ehlo?.greeting?.text).toBe('smtp.somemail.com')
    expect(s.ehlo?.extensions.map((e) => e.keyword)).toEqual([
      'PIPELINING',
      '8BITMIME',
      'AUTH',
      'STARTTLS',
      'X-NOTHING',
    ])
    expect(s.starttls?.command?.text).toBe('STARTTLS')
    expect(s.starttls?.reply?.lines[0]?.text).toBe('Proceed.')
  })

  it('lines run together by an HTML debug page are split at their reply codes', () => {
    const html =
      'SERVER -> CLIENT: 220 mx ESMTP\nCLIENT -> SERVER: EHLO me\nSERVER -> CLIENT: 250-mx.example.org 250-SIZE 1000 250 XXXXXXXA'
    const { session: s } = session(html)
    expect(s.ehlo?.extensions.map((e) => e.keyword)).toEqual(['SIZE', 'XXXXXXXA'])
    expect(ids(html)).toContain('smtp.starttls-masked')
  })

  it('a TLS failure after STARTTLS in a PHPMailer log is a TLS failure, not masking', () => {
    const text = read('phpmailer_debug_starttls_reset_github1649.txt')
    const { session: s } = session(text)
    expect(s.starttls?.reply?.code).toBe(220)
    expect(s.tls).toMatchObject({ established: false })
    expect(ids(text).filter((id) => MASKING.includes(id))).toEqual([])
  })

  it('counter-example (Got:/Sent:): a server that lists no STARTTLS and answers it 500 does not offer STARTTLS', () => {
    const text = read('gotsent_dokuwiki_exchange_no_starttls_500_github24.txt')
    expect(session(text).session.starttlsOffer).toBe('absent')
    const analysis = analyze(text)
    expect(analysis.findings.map((f) => f.id)).toEqual(['smtp.starttls-missing'])
    expect(analysis.causes.map((c) => c.id)).toEqual(['server-no-starttls'])
  })

  it('the same 500 after a masked EHLO list is masking (the counter-example turned round)', () => {
    const masked = read('gotsent_dokuwiki_exchange_no_starttls_500_github24.txt').replace(
      'Got: 250-XRDST',
      'Got: 250-XXXXXXXA',
    )
    expect(ids(masked)).toContain('smtp.starttls-rejected')
  })

  it.each([
    [
      'Thunderbird',
      'SMTP Response: 220 mx ESMTP\nSMTP Send: EHLO me\nSMTP Response: 250-mx\nSMTP Response: 250 XXXXXXXA',
    ],
    ['Net_SMTP', 'DEBUG: Recv: 220 mx ESMTP\nDEBUG: Send: EHLO me\nDEBUG: Recv: 250-mx\nDEBUG: Recv: 250 XXXXXXXA'],
    [
      'hMailServer',
      '"SMTPC"\t1\t2\t"2024-01-01"\t"1.2.3.4"\t"RECEIVED: 220 mx ESMTP"\n"SMTPC"\t1\t2\t"2024-01-01"\t"1.2.3.4"\t"SENT: EHLO me"\n"SMTPC"\t1\t2\t"2024-01-01"\t"1.2.3.4"\t"RECEIVED: 250-mx"\n"SMTPC"\t1\t2\t"2024-01-01"\t"1.2.3.4"\t"RECEIVED: 250 XXXXXXXA"',
    ],
    [
      'Exchange',
      '2024-01-01T00:00:00.000Z,Send,08D1,1,10.0.0.1:1,192.0.2.25:25,<,220 mx ESMTP,\n2024-01-01T00:00:00.000Z,Send,08D1,2,10.0.0.1:1,192.0.2.25:25,>,EHLO me,\n2024-01-01T00:00:00.000Z,Send,08D1,3,10.0.0.1:1,192.0.2.25:25,<,250-mx,\n2024-01-01T00:00:00.000Z,Send,08D1,4,10.0.0.1:1,192.0.2.25:25,<,250 XXXXXXXA,',
    ],
  ])('%s log shape: who wrote a line is read from the line, not the tag', (_name, text) => {
    const { shape, session: s } = session(text)
    expect(shape).toBe('client-log')
    expect(s.ehlo?.extensions.map((e) => e.keyword)).toEqual(['XXXXXXXA'])
    expect(s.exchanges[0]?.command?.text).toBe('EHLO me')
  })
})

describe('banners as they really arrive', () => {
  it('a multi-line banner whose continuation lost its code with the rest is masked (Gordano KB)', () => {
    const f = analyze(read('banner_multiline_first_line_only_gordano_kb.txt')).findings.find(
      (x) => x.id === 'smtp.banner-masked',
    )
    expect(f?.evidence.map((r) => r.startLine)).toEqual([1, 2])
  })

  it('the MailGuard banner quoted from a telnet test is masked (AppRiver KB)', () => {
    expect(ids(read('banner_masked_telnet_appriver_kb.txt'))).toContain('smtp.banner-masked')
  })

  it('a banner quoted in a client log is masked too', () => {
    const quoted = `2020-07-22 10:11:20\tSERVER -> CLIENT: ${read('banner_masked_telnet_appriver_kb.txt').split('\n')[0]}\n2020-07-22 10:11:20\tCLIENT -> SERVER: EHLO me`
    expect(ids(quoted)).toContain('smtp.banner-masked')
  })

  it('counter-example: a real banner with asterisk rulers among its words is not a masked one', () => {
    expect(ids(read('banner_real_with_asterisk_rulers_cryptojoe2005.txt'))).not.toContain('smtp.banner-masked')
  })
})

describe('contradictory lines', () => {
  const reply = ['220 mx.example.org ESMTP', 'EHLO me', '250-mx.example.org', '250-PIPELINING']

  it('X-run and STARTTLS in one reply: the mask is still reported, with lowered confidence and the reason', () => {
    const text = [...reply, '250-STARTTLS', '250 XXXXXXXA'].join('\n')
    expect(session(text).session.contradiction).toMatchObject({
      reason: 'same-reply',
      masked: { line: 6 },
      listed: { line: 5 },
    })
    const f = analyze(text).findings.find((x) => x.id === 'smtp.keyword-masked')
    expect(f).toMatchObject({ confidence: 0.4, params: { contradiction: 'same-reply' } })
    expect(f?.evidence[0]).toMatchObject({ startLine: 5, endLine: 6 })
    expect(analyze(text).causes.map((c) => c.id)).not.toContain('server-no-starttls')
  })

  it('two dialogs merged (one masked, one not): STARTTLS masking reported below the usual confidence', () => {
    const text = [...reply, '250 XXXXXXXA', 'QUIT', '221 bye', ...reply, '250 STARTTLS'].join('\n')
    const f = analyze(text).findings.find((x) => x.id === 'smtp.starttls-masked')
    expect(f?.params).toMatchObject({ contradiction: 'two-replies' })
    expect(f!.confidence).toBeLessThanOrEqual(0.5)
  })

  it('counter-example: a masked reply alone keeps its full confidence and no contradiction', () => {
    const text = [...reply, '250 XXXXXXXA'].join('\n')
    expect(session(text).session.contradiction).toBeNull()
    expect(analyze(text).findings.find((x) => x.id === 'smtp.starttls-masked')?.params).not.toHaveProperty(
      'contradiction',
    )
  })
})
