/** Which keyword a masked EHLO line hides: the direct view, the server's keyword order, length alone; the running letter. */
import { describe, expect, it } from 'vitest'
import { buildSmtpSession } from '../../../src/shared/evidence/smtp-session'
import type { SmtpTranscript } from '../../../src/shared/evidence/types'
import { lettersConsistent, resolveMasks, starttlsMasks } from '../../../src/shared/rules/smtp/masked-keywords'

function session(banner: string, keywords: string[]) {
  const lines = [
    `220 ${banner}`,
    'EHLO x',
    '250-mx.example',
    ...keywords.map((k, i) => `250${i === keywords.length - 1 ? ' ' : '-'}${k}`),
  ]
  const transcript: SmtpTranscript = {
    kind: 'smtp-transcript',
    source: banner,
    lines: lines.map((text, i) => ({ direction: text.startsWith('EHLO') ? 'client' : 'server', text, line: i + 1 })),
  }
  return buildSmtpSession(transcript)
}
const named = (masks: ReturnType<typeof resolveMasks>) => masks.map((m) => [m.extension.keyword, m.keyword, m.basis])

describe('resolveMasks', () => {
  it('Postfix order: VRFY, then STARTTLS as XXXXXXXB, SMTPUTF8 and CHUNKING at the end', () => {
    const s = session('mx ESMTP Postfix', [
      'PIPELINING',
      'SIZE 10240000',
      'XXXA',
      'ETRN',
      'XXXXXXXB',
      'ENHANCEDSTATUSCODES',
      '8BITMIME',
      'DSN',
      'XXXXXXXC',
      'XXXXXXXD',
    ])
    expect(named(resolveMasks(s))).toEqual([
      ['XXXA', 'VRFY', 'order'],
      ['XXXXXXXB', 'STARTTLS', 'order'],
      ['XXXXXXXC', 'SMTPUTF8', 'order'],
      ['XXXXXXXD', 'CHUNKING', 'order'],
    ])
  })

  it('the direct view wins over order and length, line for line', () => {
    const through = session('****', ['XXXXXXXA', 'XXXXXXXB'])
    const direct = session('mx ESMTP', ['CHUNKING', 'SMTPUTF8'])
    expect(named(resolveMasks(through, direct))).toEqual([
      ['XXXXXXXA', 'CHUNKING', 'direct'],
      ['XXXXXXXB', 'SMTPUTF8', 'direct'],
    ])
  })

  it('length alone: ambiguous between STARTTLS, CHUNKING and SMTPUTF8, so no keyword and lower confidence', () => {
    const [m] = resolveMasks(session('mail.example ESMTP', ['SIZE 1000', 'XXXXXXXA']))
    expect(m).toMatchObject({ keyword: null, basis: 'length' })
    expect(m!.candidates).toEqual(expect.arrayContaining(['STARTTLS', 'CHUNKING', 'SMTPUTF8']))
    expect(starttlsMasks([m!])[0]!.confidence).toBeLessThan(0.9)
  })

  it('counter-example: a keyword listed unmasked is not a candidate for a mask', () => {
    const [m] = resolveMasks(session('mail.example ESMTP', ['CHUNKING', 'SMTPUTF8', '8BITMIME', 'XXXXXXXA']))
    expect(m!.candidates).toContain('STARTTLS')
    expect(m!.candidates).not.toEqual(expect.arrayContaining(['CHUNKING']))
    expect(m!.candidates).not.toContain('SMTPUTF8')
  })

  it('the running letter: A, B, C… in order is consistent; a first mask lettered B means a masked line is missing', () => {
    const ok = resolveMasks(session('mx ESMTP Postfix', ['PIPELINING', 'SIZE 1', 'XXXA', 'ETRN', 'XXXXXXXB']))
    expect(lettersConsistent(ok)).toBe(true)
    const gap = resolveMasks(session('mx ESMTP Postfix', ['PIPELINING', 'SIZE 1', 'VRFY', 'ETRN', 'XXXXXXXB']))
    expect(lettersConsistent(gap)).toBe(false)
    expect(starttlsMasks(gap)[0]!.confidence).toBeLessThan(starttlsMasks(ok)[0]!.confidence)
  })
})
