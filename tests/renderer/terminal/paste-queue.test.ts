import { afterEach, describe, expect, it, vi } from 'vitest'
import { PasteQueue } from '../../../src/renderer/src/terminal/paste-queue'

afterEach(() => vi.useRealTimers())

describe('paste queue', () => {
  it('sends one line at a time, the next only after the device echoes', () => {
    const sent: string[] = []
    const queue = new PasteQueue({ send: (t) => sent.push(t) })
    queue.paste('policy-map global_policy\r\n class inspection_default\n  no inspect esmtp\n')
    expect(sent).toEqual(['policy-map global_policy\r'])
    queue.onOutput()
    expect(sent).toHaveLength(2)
    queue.onOutput()
    queue.onOutput()
    expect(sent).toEqual(['policy-map global_policy\r', ' class inspection_default\r', '  no inspect esmtp\r'])
    expect(queue.pending).toBe(0)
  })

  it('moves on after a timeout when the device stays silent, and types an unterminated last line without entering it', () => {
    vi.useFakeTimers()
    const sent: string[] = []
    const queue = new PasteQueue({ send: (t) => sent.push(t), echoTimeoutMs: 200 })
    queue.paste('show version\nshow run')
    expect(sent).toEqual(['show version\r'])
    vi.advanceTimersByTime(199)
    expect(sent).toHaveLength(1)
    vi.advanceTimersByTime(1)
    expect(sent).toEqual(['show version\r', 'show run'])
  })

  it('cancel drops what has not been sent', () => {
    const sent: string[] = []
    const queue = new PasteQueue({ send: (t) => sent.push(t) })
    queue.paste('a\nb\nc\n')
    queue.cancel()
    queue.onOutput()
    expect(sent).toEqual(['a\r'])
  })
})
