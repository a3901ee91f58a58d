/**
 * Fault injection on the lab ASA: a connection dropped right after line N went out, a line the device refuses,
 * the configuration changed by someone else between preview and apply, reused and forged tokens, a wrong hostname.
 * In every case the device must hold exactly what the result says, and nothing may be re-sent.
 */
import { describe, expect, it } from 'vitest'
import { analyzeSnapshot } from '../../../src/main/fix/analysis'
import type { FixJournal } from '../../../src/main/fix/fix-journal'
import { RemediationRun } from '../../../src/main/fix/remediation-run'
import type { Preview } from '../../../src/main/fix/types'
import type { ByteChannel } from '../../../src/main/transports/channel'
import { createTranslator } from '../../../src/shared/i18n'
import { JOURNAL } from '../../../src/shared/journal/events'
import type { Remedy } from '../../../src/shared/remedies/types'
import { applyPreview, labFixEnv, type OpenedFix } from './lab-session'

/**
 * Lets `command` through to the device, then cuts the connection: from that moment nothing more arrives (the echo
 * and prompt of that line are lost on the way, as when a link dies).
 */
function dropAfter(command: string): (channel: ByteChannel) => ByteChannel {
  let wrapped = false
  return (channel) => {
    if (wrapped) return channel
    wrapped = true
    let cut = false
    return new Proxy(channel, {
      get(target, prop, receiver) {
        if (prop === 'onData')
          return (listener: (chunk: Buffer) => void) =>
            target.onData((chunk) => {
              if (!cut) listener(chunk)
            })
        if (prop !== 'write') return Reflect.get(target, prop, receiver)
        return (data: string | Uint8Array) => {
          if (cut) return
          target.write(data)
          if (String(data) === `${command}\r`) {
            cut = true
            void target.close()
          }
        }
      },
    })
  }
}

/** A channel the test can cut at any moment, as when a cable is pulled. */
function cuttable(): { wrap: (channel: ByteChannel) => ByteChannel; cut: () => Promise<void> } {
  let first: ByteChannel | undefined
  return {
    wrap: (channel) => {
      first ??= channel
      return channel
    },
    cut: () => first!.close(),
  }
}

async function planFor(opened: OpenedFix, id: Remedy['id']): Promise<Remedy> {
  const snapshot = await opened.fix.read()
  const remedy = analyzeSnapshot(snapshot).remedies.find((r) => r.id === id)
  if (!remedy) throw new Error(`no ${id}`)
  return remedy
}

const lineTypes = (opened: OpenedFix) => opened.journal().filter((e) => e.type === 'fix.line')

describe('remediation faults on the lab asa9-default', () => {
  const env = labFixEnv('asa9-default')
  const running = () => env.lab().device!.runningText().join('\n')

  it('refuses a wrong hostname, then the spent token, then a forged one, sending nothing', async () => {
    const opened = await env.open()
    const remedy = await planFor(opened, 'asa.no-inspect-esmtp')
    const preview = (await opened.fix.preview(remedy)) as Preview
    const config = running()
    const wrong = await opened.fix.apply({ token: preview.token!, typedHostname: 'ciscoasa2', confirmedBy: 'Kim' })
    expect(wrong).toMatchObject({
      refused: true,
      code: 'hostnameMismatch',
      params: { typed: 'ciscoasa2', hostname: 'ciscoasa' },
    })
    const again = await opened.fix.apply({ token: preview.token!, typedHostname: 'ciscoasa', confirmedBy: 'Kim' })
    expect(again).toMatchObject({ refused: true, code: 'tokenUsed' })
    const forged = await opened.fix.apply({ token: 'A'.repeat(43), typedHostname: 'ciscoasa', confirmedBy: 'Kim' })
    expect(forged).toMatchObject({ refused: true, code: 'tokenUnknown' })
    // A real token from another session (its own token book) is a forgery here.
    const other = await env.open()
    const otherPreview = (await other.fix.preview(await planFor(other, 'asa.no-inspect-esmtp'))) as Preview
    const crossed = await opened.fix.apply({
      token: otherPreview.token!,
      typedHostname: 'ciscoasa',
      confirmedBy: 'Kim',
    })
    expect(crossed).toMatchObject({ refused: true, code: 'tokenUnknown' })
    expect(running()).toBe(config)
    expect(lineTypes(opened)).toEqual([])
    expect(
      opened
        .journal()
        .filter((e) => e.type === 'fix.refused')
        .map((e) => (e.data as { code: string }).code),
    ).toEqual(['hostnameMismatch', 'tokenUsed', 'tokenUnknown', 'tokenUnknown'])
  })

  it('refuses when the configuration changed between preview and apply, and sends nothing', async () => {
    const opened = await env.open()
    const preview = (await opened.fix.preview(await planFor(opened, 'asa.no-inspect-esmtp'))) as Preview
    const colleague = await env.open()
    for (const line of ['configure terminal', 'pager lines 30', 'end']) await colleague.link.driver.run(line)
    const changed = running()
    const result = await opened.fix.apply({ token: preview.token!, typedHostname: 'ciscoasa', confirmedBy: 'Kim' })
    expect(result).toMatchObject({ refused: true, code: 'configChanged', params: { added: '1', removed: '1' } })
    expect(running()).toBe(changed)
    expect(lineTypes(opened)).toEqual([])
    expect(opened.journal().some((e) => e.type === 'fix.backup')).toBe(false)
  })

  it('stops at the first line the device refuses, says which lines went in and leaves configuration mode', async () => {
    const opened = await env.open()
    const base = await planFor(opened, 'asa.no-inspect-esmtp')
    const remedy: Remedy = {
      ...base,
      commands: [
        { mode: 'enable', command: 'configure terminal' },
        { mode: 'config', command: 'policy-map global_policy' },
        { mode: 'config-pmap', command: 'class NO_SUCH_CLASS' },
        { mode: 'config-pmap-c', command: 'no inspect esmtp' },
        { mode: 'config-pmap-c', command: 'exit' },
        { mode: 'config-pmap', command: 'exit' },
        { mode: 'config', command: 'end' },
      ],
    }
    const config = running()
    const preview = (await opened.fix.preview(remedy)) as Preview
    const result = await applyPreview(opened.fix, preview)
    expect(result.outcome).toBe('failed')
    expect(result.failedLine).toBe(3)
    expect(result.sent.map((l) => l.status)).toEqual(['ok', 'ok', 'error'])
    expect(result.sent[2]!.failureText).toMatch(/^ERROR: /)
    expect(result.notSent.map((l) => l.command)).toEqual(['no inspect esmtp', 'exit', 'exit', 'end'])
    expect(result.leftConfigWith).toEqual(['end'])
    expect(opened.link.driver.prompt?.text).toBe('ciscoasa#')
    // `no inspect esmtp` never reached the device: the inspection is still there.
    expect(running()).toContain('  inspect esmtp')
    expect(running()).toBe(config)
    const applied = opened.journal().find((e) => e.type === 'fix.applied')!.data as Record<string, unknown>
    expect(applied).toMatchObject({
      outcome: 'failed',
      failedLine: 3,
      lines: ['configure terminal', 'policy-map global_policy', 'class NO_SUCH_CLASS'],
    })
  })

  it('stops when the prompt is not in the mode of the next line, before sending it', async () => {
    const opened = await env.open()
    const base = await planFor(opened, 'asa.no-inspect-esmtp')
    // `no inspect esmtp` typed at (config-pmap) would mean something else; it must never go out there.
    const remedy: Remedy = {
      ...base,
      commands: [
        { mode: 'enable', command: 'configure terminal' },
        { mode: 'config', command: 'policy-map global_policy' },
        { mode: 'config-pmap-c', command: 'no inspect esmtp' },
        { mode: 'config', command: 'end' },
      ],
    }
    const preview = (await opened.fix.preview(remedy)) as Preview
    const result = await applyPreview(opened.fix, preview)
    expect(result).toMatchObject({ outcome: 'failed', failedLine: 3 })
    expect(result.sent.map((l) => l.command)).toEqual(['configure terminal', 'policy-map global_policy'])
    expect(result.error).toContain('config-pmap-c')
    expect(result.notSent.map((l) => l.command)).toEqual(['no inspect esmtp', 'end'])
    expect(running()).toContain('  inspect esmtp')
  })

  it('refuses with nothing sent when the session died between preview and apply', async () => {
    const line = cuttable()
    const opened = await env.open(line.wrap)
    const preview = (await opened.fix.preview(await planFor(opened, 'asa.no-inspect-esmtp'))) as Preview
    const config = running()
    await line.cut()
    const result = await opened.fix.apply({ token: preview.token!, typedHostname: 'ciscoasa', confirmedBy: 'Kim' })
    expect(result).toMatchObject({ refused: true, code: 'sessionLost', params: { reason: 'closed' } })
    expect(running()).toBe(config)
    expect(opened.journal().some((e) => e.type === 'fix.backup' || e.type === 'fix.line')).toBe(false)
  })

  it('stops typing when the case cannot be written, and leaves configuration mode', async () => {
    const opened = await env.open()
    const real = opened.handle
    let lines = 0
    const failing: FixJournal = {
      attach: (name, content) => real.attach(name, content),
      append: (type, data) => {
        if (type === JOURNAL.fixLine && ++lines === 3) throw new Error('ENOSPC: no space left on device')
        return real.append(type, data)
      },
    }
    const fix = new RemediationRun({ link: opened.link, journal: failing, t: createTranslator('en') })
    await fix.read()
    const preview = (await fix.preview(await planFor(opened, 'asa.no-inspect-esmtp'))) as Preview
    await expect(fix.apply({ token: preview.token!, typedHostname: 'ciscoasa', confirmedBy: 'Kim' })).rejects.toThrow(
      'ENOSPC',
    )
    // Line 3 reached the device (its record failed afterwards); line 4, `no inspect esmtp`, never went out.
    expect(running()).toMatch(/^ {2}inspect esmtp$/m)
    expect(opened.link.driver.prompt?.text).toBe('ciscoasa#')
  })

  it('a connection lost after line 4 leaves the state unknown; it reconnects, reads back, reports and re-sends nothing', async () => {
    const opened = await env.open(dropAfter('no inspect esmtp'))
    const remedy = await planFor(opened, 'asa.no-inspect-esmtp')
    const preview = (await opened.fix.preview(remedy)) as Preview
    const result = await applyPreview(opened.fix, preview)
    expect(result.outcome).toBe('unknown')
    expect(result.failedLine).toBe(4)
    expect(result.sent.map((l) => l.status)).toEqual(['ok', 'ok', 'ok', 'unknown'])
    expect(result.notSent.map((l) => l.command)).toEqual(['exit', 'exit', 'end'])
    expect(result.recovered?.reconnected).toBe(true)
    // Line 4 reached the device before the cut: the read-back says exactly that, and nothing else changed.
    expect(result.recovered?.delta).toEqual({
      added: [],
      removed: ['policy-map global_policy > class inspection_default > inspect esmtp'],
    })
    expect(running()).not.toMatch(/^ {2}inspect esmtp/m)
    const entries = opened.journal()
    expect(entries.filter((e) => e.type === 'fix.line')).toHaveLength(4)
    expect(entries.find((e) => e.type === 'fix.applied')!.data).toMatchObject({
      outcome: 'failed',
      state: 'unknown',
      failedLine: 4,
    })
    expect(entries.some((e) => e.type === 'fix.recovered')).toBe(true)
    // The new session works and sits at the privileged prompt; no line was typed on it.
    expect(opened.link.driver.prompt?.text).toBe('ciscoasa#')
  })
})
