import { describe, expect, it } from 'vitest'
import { cleanTerminalText, renderLine, stripAnsi } from '../../../src/shared/devices/clean'

describe('terminal output cleaning', () => {
  it('removes ANSI sequences but keeps the text', () => {
    expect(stripAnsi('\x1b[1mbold\x1b[0m \x1b]0;title\x07ok \x1b(Bx')).toBe('bold ok x')
  })

  it('applies carriage returns and backspaces like a screen', () => {
    expect(renderLine('<--- More --->\r              \rhostname fw')).toBe('hostname fw')
    expect(renderLine('abc\b\bXY')).toBe('aXY')
    expect(renderLine('tab\tkept  ')).toBe('tab\tkept')
  })

  it('turns CRLF and CR CR LF into single newlines and drops pager residue', () => {
    const raw = 'line 1\r\r\nline 2\r\n<--- More --->\r              \rline 3\r\n --More-- \r\nend'
    expect(cleanTerminalText(raw)).toBe('line 1\nline 2\nline 3\n\nend')
  })

  it('leaves ordinary text alone, including the word More in a sentence', () => {
    expect(cleanTerminalText('More than one\nfixup protocol smtp 25')).toBe('More than one\nfixup protocol smtp 25')
  })
})
