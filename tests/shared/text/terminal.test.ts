import { describe, expect, it } from 'vitest'
import { cleanTerminalLine, cleanTerminalText, splitLines, stripAnsi } from '../../../src/shared/text/terminal'

describe('the one terminal-text cleaner (pasted and live text)', () => {
  it('strips OSC window titles with BEL or ST, also when a copy lost the ESC', () => {
    expect(stripAnsi('\x1b]2;fw/pri/act\x07fw/pri/act# ')).toBe('fw/pri/act# ')
    expect(stripAnsi('\x1b]0;title\x1b\\ok')).toBe('ok')
    expect(stripAnsi(']0;admin@fw: ~\x07admin@fw:~$')).toBe('admin@fw:~$')
    // An unterminated OSC ends at its line, not at the end of the text.
    expect(stripAnsi('\x1b]2;runaway\nnext line')).toBe('\nnext line')
    // A bracket in ordinary text is not an OSC.
    expect(stripAnsi('access-list x remark [2;3]')).toBe('access-list x remark [2;3]')
  })

  it('counts lines as a screen does: LF and CRLF end a line, a lone CR overwrites', () => {
    expect(splitLines('a\r\nb\r\r\nc\n')).toEqual(['a', 'b', 'c'])
    expect(splitLines('<--- More --->\r    \r  x\ny')).toEqual(['<--- More --->\r    \r  x', 'y'])
    // Live output arrives in pieces: a piece that ends a line keeps its line end, so pieces join up.
    expect(cleanTerminalText('x\r\n<--- More --->\r') + cleanTerminalText('    \ry\r\n')).toBe('x\ny\n')
  })

  it('removes pager prompts in every shape, keeping the next line and its indentation', () => {
    const next = '  inspect esmtp'
    expect(cleanTerminalLine(`<--- More --->\r${' '.repeat(14)}\r${next}`)).toBe(next)
    expect(cleanTerminalLine(`<--- More --->${'\b'.repeat(14)}${' '.repeat(14)}${'\b'.repeat(14)}${next}`)).toBe(next)
    expect(cleanTerminalLine(`<--- More --->${' '.repeat(14)}${next}`)).toBe(next)
    expect(cleanTerminalLine(`&lt;--- More ---&gt;${' '.repeat(14)}${next}`)).toBe(next)
    // Fewer spaces than the prompt's width are the next line's own indentation.
    expect(cleanTerminalLine(`<--- More --->${next}`)).toBe(next)
    expect(cleanTerminalLine('&lt;--- More ---&gt;')).toBe('')
    expect(cleanTerminalLine(' --More-- ')).toBe('')
    expect(cleanTerminalLine(`<--- More --->^M${' '.repeat(14)}^M${next}`)).toBe(next)
    // `^M` in ordinary text stays.
    expect(cleanTerminalLine('description see ^M in vi')).toBe('description see ^M in vi')
  })

  it('drops NUL and other stray control characters; keeps tabs and the word More in prose', () => {
    expect(cleanTerminalLine('insp\x00ect es\x00mtp')).toBe('inspect esmtp')
    expect(cleanTerminalLine('description More than one\t')).toBe('description More than one')
    expect(cleanTerminalText('a\x00\r\n\x1b[Kb\r\n')).toBe('a\nb\n')
  })
})
