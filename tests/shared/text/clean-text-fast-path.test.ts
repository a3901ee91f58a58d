/**
 * cleanTerminalText cleans live output chunk by chunk with string splits and a per-line fast path; it must give, line
 * for line, what the one line cleaner gives (pager residue, CR/BS erase, NUL, ANSI, `^M`, CRLF and CR CR LF).
 */
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { cleanTerminalLine, cleanTerminalText, stripAnsi } from '../../../src/shared/text/terminal'

const TOKENS = [
  'ciscoasa# ',
  ' inspect esmtp',
  'policy-map global_policy',
  '  ',
  '\t',
  '\r',
  '\n',
  '\r\n',
  '\r\r\n',
  '\b',
  '\x00',
  '\x07',
  '<--- More --->',
  '              ',
  '&lt;--- More ---&gt;',
  '--More--',
  '^M',
  'More',
  '\x1b[31m',
  '\x1b[0m',
  '\x1b]0;title\x07',
  'XXXXXXXA',
]

const reference = (raw: string) => stripAnsi(raw).split(/\r*\n/).map(cleanTerminalLine).join('\n')

describe('cleanTerminalText', () => {
  it('gives the line cleaner’s result for every line', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...TOKENS), { maxLength: 40 }), (tokens) => {
        const raw = tokens.join('')
        expect(cleanTerminalText(raw)).toBe(reference(raw))
      }),
      { numRuns: 5000 },
    )
  })

  it('keeps a final line end, so cleaned chunks join up as received', () => {
    expect(cleanTerminalText('a  \r\nb\r\n')).toBe('a\nb\n')
  })
})
