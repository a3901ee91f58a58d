import { render, waitFor } from '@testing-library/react'
import type { Terminal } from '@xterm/xterm'
import { describe, expect, it } from 'vitest'
import { TerminalView } from '../../../src/renderer/src/terminal/TerminalView'
import type { TerminalSource } from '../../../src/renderer/src/terminal/types'

function recordingSource() {
  const listeners = new Set<(t: string) => void>()
  const written: string[] = []
  const acks: number[] = []
  const source: TerminalSource = {
    onData: (l) => {
      listeners.add(l)
      return () => listeners.delete(l)
    },
    write: (d) => written.push(d),
    ack: (n) => acks.push(n),
    resize: () => {},
  }
  return {
    source,
    written,
    acks,
    emit: (t: string) => {
      for (const l of listeners) l(t)
    },
    listeners,
  }
}

function lines(terminal: Terminal, count: number): string[] {
  return Array.from({ length: count }, (_, i) => terminal.buffer.active.getLine(i)?.translateToString(true) ?? '')
}

describe('TerminalView', () => {
  it('shows device output, Hangul included, and acknowledges every character it parsed', async () => {
    const s = recordingSource()
    let term: Terminal | undefined
    render(<TerminalView source={s.source} onReady={(t) => (term = t)} />)
    s.emit('ciscoasa> show version\r\n')
    s.emit('250 XXXXXXXA\r\n한국어 출력\r\n')
    await waitFor(() => expect(lines(term!, 3)).toEqual(['ciscoasa> show version', '250 XXXXXXXA', '한국어 출력']))
    const total = 'ciscoasa> show version\r\n'.length + '250 XXXXXXXA\r\n한국어 출력\r\n'.length
    await waitFor(() => expect(s.acks.reduce((a, b) => a + b, 0)).toBe(total))
  })

  it('sends typed keys to the device, with backspace as DEL or ^H as configured', () => {
    const s = recordingSource()
    let term: Terminal | undefined
    const { rerender } = render(<TerminalView source={s.source} onReady={(t) => (term = t)} />)
    term!.input('en\x7f', true)
    rerender(<TerminalView source={s.source} backspace="ctrl-h" onReady={(t) => (term = t)} />)
    term!.input('x\x7f', true)
    expect(s.written).toEqual(['en\x7f', 'x\b'])
  })

  it('unsubscribes from the session when unmounted', () => {
    const s = recordingSource()
    const { unmount } = render(<TerminalView source={s.source} />)
    expect(s.listeners.size).toBe(1)
    unmount()
    expect(s.listeners.size).toBe(0)
  })
})
