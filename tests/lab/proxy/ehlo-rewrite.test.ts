/**
 * The EHLO reply through the lab's inspecting path, line by line (pix-asa-smtp-inspection.md §7.2, §7.5).
 */
import { describe, expect, it } from 'vitest'
import { EhloReplyRewriter, type EhloRules } from '../../../src/lab/proxy/ehlo-rewrite'
import { newCounters } from '../../../src/lab/proxy/policy'
import { type InspectorOutput, SmtpInspector } from '../../../src/lab/proxy/smtp-inspector'

const defaultMap: EhloRules = { maskStarttls: true, maskOthers: true, remove: new Set() }

function rewrite(rules: EhloRules, lines: string[]): string[] {
  const r = new EhloReplyRewriter(rules)
  return lines.flatMap((l) => r.line(`${l}\r\n`)).map((l) => l.replace(/\r\n$/, ''))
}

function toClient(outputs: InspectorOutput[]): string {
  return outputs
    .filter((o): o is { to: 'client'; data: Buffer } => 'to' in o && o.to === 'client')
    .map((o) => o.data.toString('latin1'))
    .join('')
}

// An Exchange 2003 EHLO reply; what came out of the ASA is hard-coded in a public pcap generator
// (code index id 45364974905), §7.2.
const EXCHANGE_2003 = [
  '250-mail.example.com Hello [10.0.0.1]',
  '250-TURN',
  '250-SIZE',
  '250-ETRN',
  '250-PIPELINING',
  '250-DSN',
  '250-ENHANCEDSTATUSCODES',
  '250-8bitmime',
  '250-BINARYMIME',
  '250-CHUNKING',
  '250-VRFY',
  '250-X-EXPS GSSAPI NTLM LOGIN',
  '250-X-EXPS=LOGIN',
  '250-AUTH GSSAPI NTLM LOGIN',
  '250-AUTH=LOGIN',
  '250-X-LINK2STATE',
  '250-XEXCH50',
  '250 OK',
]

describe('EHLO reply through ASA inspect esmtp (§7.2: running letter over masked lines)', () => {
  it('reproduces the Exchange 2003 capture behind an ASA line for line', () => {
    expect(rewrite(defaultMap, EXCHANGE_2003)).toEqual([
      '250-mail.example.com Hello [10.0.0.1]',
      '250-XXXA',
      '250-SIZE',
      '250-ETRN',
      '250-PIPELINING',
      '250-DSN',
      '250-ENHANCEDSTATUSCODES',
      '250-8bitmime',
      '250-BINARYMIME',
      '250-XXXXXXXB',
      '250-XXXC',
      '250-XXXXXXXXXXXXXXXXXXXXXXXD',
      '250-XXXXXXXXXXXE',
      '250-AUTH GSSAPI NTLM LOGIN',
      '250-XXXXXXXXXF',
      '250-XXXXXXXXXXXG',
      '250-XXXXXXH',
      '250 XI',
    ])
  })

  it('T118550: an ESA behind the ASA shows 8BITMIME, SIZE and STARTTLS as the first mask, XXXXXXXA', () => {
    expect(rewrite(defaultMap, ['250-esa.lab.test', '250-8BITMIME', '250-SIZE 14680064', '250 STARTTLS'])).toEqual([
      '250-esa.lab.test',
      '250-8BITMIME',
      '250-SIZE 14680064',
      '250 XXXXXXXA',
    ])
  })

  it('a Postfix without TLS: the 8-letter masks are SMTPUTF8 and CHUNKING, not STARTTLS', () => {
    const out = rewrite(defaultMap, ['250-mx', '250-PIPELINING', '250-VRFY', '250-SMTPUTF8', '250 CHUNKING'])
    expect(out).toEqual(['250-mx', '250-PIPELINING', '250-XXXA', '250-XXXXXXXB', '250 XXXXXXXC'])
  })

  it('the letter restarts with each reply (a second EHLO on the same connection)', () => {
    const inspector = new SmtpInspector(
      { kind: 'esmtp', map: '_default_esmtp_map', maskBanner: false, allowTls: false, duplicateHeaderBug: false },
      newCounters(),
    )
    inspector.fromServer(Buffer.from('220 x\r\n'))
    const replies: string[] = []
    for (let i = 0; i < 2; i++) {
      inspector.fromClient(Buffer.from('EHLO me\r\n'))
      replies.push(toClient(inspector.fromServer(Buffer.from('250-x\r\n250-VRFY\r\n250 STARTTLS\r\n'))))
    }
    expect(replies).toEqual(['250-x\r\n250-XXXA\r\n250 XXXXXXXB\r\n', '250-x\r\n250-XXXA\r\n250 XXXXXXXB\r\n'])
  })

  it('counter-example: allow-tls in a map of our own passes STARTTLS and, without the others match, every keyword', () => {
    const tlsOk: EhloRules = { maskStarttls: false, maskOthers: false, remove: new Set() }
    expect(rewrite(tlsOk, ['250-x', '250-VRFY', '250 STARTTLS'])).toEqual(['250-x', '250-VRFY', '250 STARTTLS'])
    // allow-tls with the others match kept: STARTTLS passes, VRFY is still the first mask.
    expect(rewrite({ ...tlsOk, maskOthers: true }, ['250-x', '250-VRFY', '250 STARTTLS'])).toEqual([
      '250-x',
      '250-XXXA',
      '250 STARTTLS',
    ])
  })
})

describe('a gateway that deletes EHLO lines (§7.5: F-Secure Internet Gatekeeper for Linux 4.01 manual, p.152)', () => {
  const gatekeeper: EhloRules = {
    maskStarttls: false,
    maskOthers: false,
    remove: new Set(['CHUNKING', 'BINARYMIME', 'PIPELINING', 'STARTTLS']),
  }

  it('removes the lines, leaving no trace of a mask', () => {
    expect(rewrite(gatekeeper, ['250-mx', '250-PIPELINING', '250-STARTTLS', '250-8BITMIME', '250 SIZE 10'])).toEqual([
      '250-mx',
      '250-8BITMIME',
      '250 SIZE 10',
    ])
  })

  it('when the last line goes, the line before it becomes the last', () => {
    expect(rewrite(gatekeeper, ['250-esa', '250-8BITMIME', '250-SIZE 14680064', '250 STARTTLS'])).toEqual([
      '250-esa',
      '250-8BITMIME',
      '250 SIZE 14680064',
    ])
  })

  it('relays commands untouched: STARTTLS sent anyway reaches the server', () => {
    const inspector = new SmtpInspector({ kind: 'delete-lines', remove: ['STARTTLS'] }, newCounters())
    inspector.fromServer(Buffer.from('220 x\r\n'))
    const out = inspector.fromClient(Buffer.from('STARTTLS\r\n'))
    expect(out).toEqual([{ to: 'server', data: Buffer.from('STARTTLS\r\n') }])
  })
})
