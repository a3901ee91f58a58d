/**
 * Pairing masked EHLO lines with the keywords they hide, from the other view's unmasked reply (§7.2): position and
 * length decide, not length alone.
 */
import { describe, expect, it } from 'vitest'
import { parseEhloExtensions, type ReplyLine } from '../../../src/shared/evidence/smtp-reply'
import { alignExtensions } from '../../../src/shared/probe/align-extensions'

function extensions(raws: string[]) {
  const lines: ReplyLine[] = raws.map((raw, i) => ({ line: i + 1, raw, text: raw.slice(4) }))
  return parseEhloExtensions(lines)
}

const keys = (rows: ReturnType<typeof alignExtensions>) =>
  rows.map(([k, a, b]) => `${k}:${a?.raw.slice(4) ?? '-'}|${b?.raw.slice(4) ?? '-'}`)

describe('alignExtensions', () => {
  it('an 8-letter mask next to SMTPUTF8 is SMTPUTF8, and the one after it CHUNKING — not STARTTLS', () => {
    const direct = extensions(['250-PIPELINING', '250-VRFY', '250-SMTPUTF8', '250 CHUNKING'])
    const through = extensions(['250-PIPELINING', '250-XXXA', '250-XXXXXXXB', '250 XXXXXXXC'])
    expect(keys(alignExtensions(direct, through))).toEqual([
      'PIPELINING:PIPELINING|PIPELINING',
      'VRFY:VRFY|XXXA',
      'SMTPUTF8:SMTPUTF8|XXXXXXXB',
      'CHUNKING:CHUNKING|XXXXXXXC',
    ])
  })

  it('a mask keeps the length of keyword and parameters (X-EXPS GSSAPI NTLM LOGIN → 24 characters)', () => {
    const direct = extensions(['250-X-EXPS GSSAPI NTLM LOGIN', '250-AUTH GSSAPI NTLM LOGIN', '250 OK'])
    const through = extensions(['250-XXXXXXXXXXXXXXXXXXXXXXXD', '250-AUTH GSSAPI NTLM LOGIN', '250 XI'])
    expect(alignExtensions(direct, through)[0]![0]).toBe('X-EXPS')
  })

  it('a deleted line stays alone on its row; a mask with no counterpart keeps the parser’s guess', () => {
    const direct = extensions(['250-PIPELINING', '250-STARTTLS', '250 8BITMIME'])
    const gateway = extensions(['250 8BITMIME'])
    expect(keys(alignExtensions(direct, gateway))).toEqual([
      'PIPELINING:PIPELINING|-',
      'STARTTLS:STARTTLS|-',
      '8BITMIME:8BITMIME|8BITMIME',
    ])
    expect(keys(alignExtensions([], extensions(['250 XXXXXXXA'])))).toEqual(['STARTTLS:-|XXXXXXXA'])
  })

  it('works with the masked view on the left as well', () => {
    const through = extensions(['250-XXXXXXXA', '250 SIZE 10'])
    const direct = extensions(['250-STARTTLS', '250 SIZE 10'])
    expect(keys(alignExtensions(through, direct))).toEqual(['STARTTLS:XXXXXXXA|STARTTLS', 'SIZE:SIZE 10|SIZE 10'])
  })
})
