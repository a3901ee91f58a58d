import { describe, expect, it } from 'vitest'
import { type Shell, type ShellIo, TerminalSession } from '../../../src/lab/terminal/terminal-session'

class EchoShell implements Shell {
  lines: string[] = []
  pager = 0
  prompt(): string {
    return 'dev# '
  }
  pagerLines(): number {
    return this.pager
  }
  handleLine(line: string, io: ShellIo): void {
    this.lines.push(line)
    if (line === 'many') io.print(Array.from({ length: 10 }, (_, i) => `line ${i + 1}`).join('\n'))
    if (line === 'secret') io.askSecret('Password: ', '*', (value) => io.print(`got ${value.length} characters`))
    if (line === 'bye') io.close()
  }
}

function session(pager = 0) {
  const shell = new EchoShell()
  shell.pager = pager
  let screen = ''
  let closed = false
  const terminal = new TerminalSession(
    shell,
    (t) => {
      screen += t
    },
    () => {
      closed = true
    },
  )
  terminal.start('')
  return { shell, terminal, screen: () => screen, closed: () => closed }
}

describe('TerminalSession', () => {
  it('echoes, handles backspace, CR LF as one enter, and swallows arrow keys', () => {
    const s = session()
    s.terminal.input('shx\x7fow\x1b[Ax\r\n')
    expect(s.shell.lines).toEqual(['showx'])
    expect(s.screen()).toBe('dev# shx\b \bowx\r\ndev# ')
  })

  it('masks secrets with the given character and never echoes them', () => {
    const s = session()
    s.terminal.input('secret\rabc\r')
    expect(s.screen()).toContain('Password: ***\r\ngot 3 characters\r\ndev# ')
    expect(s.screen()).not.toContain('abc')
  })

  it('pages with <--- More --->: space for a page, enter for a line, q to stop', () => {
    const s = session(4)
    s.terminal.input('many\r')
    expect(s.screen()).toMatch(/line 3\r\n<--- More --->$/)
    expect(s.screen()).not.toContain('line 4')
    s.terminal.input('\r')
    expect(s.screen()).toMatch(/line 4\r\n<--- More --->$/)
    s.terminal.input(' ')
    expect(s.screen()).toMatch(/line 7\r\n<--- More --->$/)
    s.terminal.input('q')
    expect(s.screen()).not.toContain('line 8')
    expect(s.screen().endsWith('dev# ')).toBe(true)
    // Keys typed during paging were not taken as a command.
    expect(s.shell.lines).toEqual(['many'])
  })

  it('does not page when the pager is off, and closes after the last output', () => {
    const s = session(0)
    s.terminal.input('many\rbye\r')
    expect(s.screen()).toContain('line 10')
    expect(s.screen()).not.toContain('More')
    expect(s.closed()).toBe(true)
  })
})
