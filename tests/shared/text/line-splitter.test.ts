/**
 * LineSplitter (issue 16) gives splitLines' lines for a text that arrives in pieces cut anywhere: between the CR and
 * the LF of a CRLF, between the CRs of CR CR LF, inside a pager prompt, with lone CRs (the pager's erase) kept.
 */
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { LineSplitter } from '../../../src/shared/text/line-splitter'
import { splitLines } from '../../../src/shared/text/terminal'

const TOKENS = ['fw# ', ' inspect esmtp', '\r', '\n', '\r\n', '\r\r\n', '<--- More --->', '  ', '한', '😀', '\x00', '']

function split(pieces: string[]): string[] {
  const lines: string[] = []
  const s = new LineSplitter((l) => lines.push(l))
  for (const p of pieces) s.push(p)
  s.end()
  return lines
}

describe('LineSplitter', () => {
  it('gives splitLines’ lines wherever the text is cut', () => {
    fc.assert(
      fc.property(
        fc.array(fc.constantFrom(...TOKENS), { maxLength: 60 }),
        fc.array(fc.nat(), { maxLength: 10 }),
        (tokens, rawCuts) => {
          const text = tokens.join('')
          const cuts = [...new Set(rawCuts.map((c) => c % (text.length + 1)))].sort((a, b) => a - b)
          const pieces: string[] = []
          let at = 0
          for (const c of cuts) {
            pieces.push(text.slice(at, c))
            at = c
          }
          pieces.push(text.slice(at))
          expect(split(pieces)).toEqual(splitLines(text))
        },
      ),
      { numRuns: 5000 },
    )
  })

  it('CR CR LF cut between every character is one line end; a final CR without LF stays', () => {
    expect(split(['a\r', '\r', '\nb\r', '\n', 'c\r'])).toEqual(['a', 'b', 'c\r'])
    expect(split([''])).toEqual([''])
    expect(split(['a\n', ''])).toEqual(['a'])
    expect(split(['a\n\n'])).toEqual(['a', ''])
  })

  it('joins a long line that arrives in many pieces without a line end', () => {
    const lines = split([...Array.from({ length: 1000 }, () => 'x'.repeat(100)), '\nend'])
    expect(lines).toEqual(['x'.repeat(100_000), 'end'])
  })
})
