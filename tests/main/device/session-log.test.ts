import { describe, expect, it } from 'vitest'
import type { StepResult } from '../../../src/main/device/evidence-script'
import { type CaseSink, MASK, SessionLog } from '../../../src/main/device/session-log'
import { REDACTION_MARKER } from '../../../src/shared/redaction'

function memorySink() {
  const entries: Array<{ type: string; data: unknown }> = []
  const files: Record<string, string> = {}
  const sink: CaseSink = {
    append: (type, data) => entries.push({ type, data }),
    attach: (name, content) => {
      files[name] = String(content)
      return { name: `abc-${name}` }
    },
  }
  return { sink, entries, files }
}

const at = new Date('2026-11-28T10:00:00.000Z')
const step: StepResult = {
  stepId: 'running-config',
  command: 'show running-config',
  output: 'enable password 8Ry2YjIyt7RRXU24 encrypted\nusername admin password Hunter2Secret encrypted privilege 15\n',
  mode: 'enable',
  failed: false,
  startedAt: at.toISOString(),
  elapsedMs: 12,
  prompt: 'fw#',
}

describe('session log', () => {
  it('keeps timestamped raw traffic and cleaned commands, masking secrets everywhere', () => {
    const { sink, entries, files } = memorySink()
    const log = new SessionLog(sink, {
      peer: 'ssh://admin@10.0.0.1:22',
      transport: 'ssh',
      secrets: ['Hunter2Secret', undefined],
    })
    log.record({ direction: 'out', data: '********', secret: true, at })
    log.record({ direction: 'in', data: 'echoed Hunter2Secret back\r\n', at })
    log.record({ direction: 'out', data: 'show running-config', secret: false, at })
    log.step(step)
    const names = log.close()
    expect(names).toEqual({
      raw: expect.stringMatching(/^abc-session-10\.0\.0\.1_22-.*-raw\.log$/),
      cleaned: expect.stringMatching(/^abc-session-10\.0\.0\.1_22-.*\.log$/),
    })
    const raw = Object.entries(files).find(([n]) => n.endsWith('-raw.log'))![1]
    expect(raw.split('\n')[0]).toBe(`2026-11-28T10:00:00.000Z > "${MASK}"`)
    expect(raw).toContain('< "echoed ******** back\\r\\n"')
    const cleaned = Object.entries(files).find(([n]) => !n.endsWith('-raw.log'))![1]
    expect(cleaned).toContain('2026-11-28T10:00:00.000Z fw# show running-config')
    expect(cleaned).toContain(`enable password ${REDACTION_MARKER} encrypted`)
    const everything = JSON.stringify(entries) + Object.values(files).join('')
    expect(everything).not.toContain('Hunter2Secret')
    expect(everything).not.toContain('8Ry2YjIyt7RRXU24')
    expect(entries.map((e) => e.type)).toEqual([
      'device.session.opened',
      'device.raw',
      'device.command',
      'device.session.closed',
    ])
  })

  it('masks a secret echoed across two chunks, and keeps received text line by line', () => {
    const { sink, files } = memorySink()
    const log = new SessionLog(sink, { peer: 'telnet://h:23', transport: 'telnet', secrets: ['Hunter2Secret'] })
    log.record({ direction: 'in', data: 'Password: Hunter', at })
    log.record({ direction: 'in', data: '2Secret\r\npix> ', at })
    log.record({ direction: 'out', data: 'enable', secret: false, at })
    log.close()
    const raw = Object.entries(files).find(([n]) => n.endsWith('-raw.log'))![1]
    expect(raw).not.toContain('Hunter')
    expect(raw.trim().split('\n')).toEqual([
      `2026-11-28T10:00:00.000Z < "Password: ${MASK}\\r\\n"`,
      '2026-11-28T10:00:00.000Z < "pix> "',
      '2026-11-28T10:00:00.000Z > "enable"',
    ])
  })

  it('masks password fields but not ordinary words, and works without a case', () => {
    const log = new SessionLog(null, { peer: 'telnet://h:23', transport: 'telnet', secrets: [] })
    expect(log.redact('passwd 2KFQnbNIdI.2KYOU encrypted')).toBe(`passwd ${REDACTION_MARKER} encrypted`)
    expect(log.redact('inspect esmtp\nfixup protocol smtp 25')).toBe('inspect esmtp\nfixup protocol smtp 25')
    expect(log.close()).toEqual({})
  })
})
