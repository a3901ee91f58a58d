/**
 * The whole loop against the lab's ASA 9.8 with the default ESMTP inspection: diagnose, preview, apply with backup,
 * verify by probes through the inspecting path, save with a second confirmation, undo, and the other remedy.
 * The phases run in order on one lab: each starts from the state the previous one left.
 */
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import type { TrafficEvent } from '../../../src/main/device/driver-types'
import { analyzeSnapshot } from '../../../src/main/fix/analysis'
import { sha256 } from '../../../src/main/fix/hash'
import type { Preview, VerifyResult } from '../../../src/main/fix/types'
import { probe } from '../../../src/main/smtp/probe'
import { fixAppliedData, fixSavedData, fixUndoneData, fixVerifiedData } from '../../../src/shared/report/entries'
import { applyPreview, labFixEnv, labProbes } from './lab-session'

describe('remediation loop on the lab asa9-default', () => {
  const env = labFixEnv('asa9-default')

  it('allow-tls map: preview with checks and token, apply after a flushed backup, verify fixed, save on a second confirmation', async () => {
    const lab = env.lab()
    const before = await Promise.all(labProbes(lab).map((t) => probe(t)))
    expect(before[0]!.starttls?.masked).toBe(true)
    const traffic: TrafficEvent[] = []
    const { fix, caseDir, journal } = await env.open(undefined, (e) => traffic.push(e))
    const snapshot = await fix.read()
    expect(snapshot).toMatchObject({ hostname: 'ciscoasa', platform: 'asa', version: '9.8(4)10', privileged: true })
    const remedy = analyzeSnapshot(snapshot, before).remedies.find((r) => r.id === 'asa.allow-tls-map')!
    expect(remedy).toBeDefined()

    const preview = (await fix.preview(remedy)) as Preview
    expect(preview.token).toMatch(/^[A-Za-z0-9_-]{43}$/)
    expect(preview.checks.every((c) => c.passed)).toBe(true)
    expect(preview.checks.map((c) => c.id).sort()).toEqual(
      ['changeType', 'context', 'failover', 'platform', 'privilege', 'target'].sort(),
    )
    expect(preview.plan.lines[0]).toEqual({ mode: 'enable', command: 'configure terminal' })
    expect(preview.plan.lines).toContainEqual({ mode: 'config-pmap-p', command: 'allow-tls action log' })
    expect(preview.plan.undo.length).toBeGreaterThan(0)
    expect(lab.device!.runningText().join('\n')).not.toContain('UNMASK_ESMTP_TLS')

    const result = await applyPreview(fix, preview)
    expect(result.refused).toBe(false)
    expect(result.outcome).toBe('applied')
    expect(result.sent.map((l) => l.command)).toEqual(preview.plan.lines.map((l) => l.command))
    expect(result.sent.every((l) => l.status === 'ok')).toBe(true)
    expect(result.notSent).toEqual([])
    // Each line went in at the prompt of its own mode.
    expect(result.sent[3]).toMatchObject({ command: 'allow-tls action log', promptBefore: 'ciscoasa(config-pmap-p)#' })
    expect(lab.device!.runningText().join('\n')).toContain('inspect esmtp UNMASK_ESMTP_TLS')
    // On the wire: each line went out only after the previous line's echo and the prompt had come back.
    const sentAt: number[] = []
    for (const l of preview.plan.lines) {
      const from = (sentAt[sentAt.length - 1] ?? -1) + 1
      const at = traffic.findIndex((e, i) => i >= from && e.direction === 'out' && e.data === l.command)
      expect(at, l.command).toBeGreaterThan(-1)
      sentAt.push(at)
    }
    for (let k = 1; k < sentAt.length; k++) {
      const between = traffic
        .slice(sentAt[k - 1]! + 1, sentAt[k])
        .filter((e) => e.direction === 'in')
        .map((e) => e.data)
        .join('')
      expect(between).toContain(preview.plan.lines[k - 1]!.command)
      expect(between).toMatch(/ciscoasa(\([\w-]+\))?# $/)
    }

    // The backup is the configuration as it was, on disk, with its hash, and journaled before the first line.
    const backup = readFileSync(join(caseDir, 'attachments', result.backup.attachment!), 'utf8')
    expect(sha256(backup)).toBe(result.backup.sha256)
    expect(backup).toContain('policy-map global_policy')
    expect(backup).not.toContain('UNMASK_ESMTP_TLS')
    const entries = journal()
    const types = entries.map((e) => e.type)
    expect(types.indexOf('fix.backup')).toBeGreaterThan(types.indexOf('fix.preview'))
    expect(types.indexOf('fix.backup')).toBeLessThan(types.indexOf('fix.line'))
    expect(types.filter((t) => t === 'fix.line')).toHaveLength(preview.plan.lines.length)
    const applied = fixAppliedData.parse(entries.find((e) => e.type === 'fix.applied')!.data)
    expect(applied).toMatchObject({
      device: 'ciscoasa',
      confirmedBy: 'Kim',
      backupSha256: result.backup.sha256,
      outcome: 'applied',
    })
    expect(applied.lines).toEqual(preview.plan.lines.map((l) => l.command))
    // The token is a capability and is never written down.
    expect(JSON.stringify(entries)).not.toContain(preview.token!)

    const verified: VerifyResult = await fix.verify(
      remedy,
      labProbes(lab).map((target, i) => ({ target, before: before[i]! })),
    )
    expect(verified.outcome).toBe('fixed')
    expect(verified.probes.map((p) => p.passed)).toEqual([true, true])
    expect(verified.probes[0]!.differences).toEqual(expect.arrayContaining(['starttls-advertised']))
    expect(verified.probes[1]!.differences).toEqual([])
    expect(verified.readBack.some((r) => r.output.includes('allow-tls action log'))).toBe(true)
    expect(verified.checks[0]!.evidence.split('\n')).toEqual(
      expect.arrayContaining([
        'policy-map type inspect esmtp UNMASK_ESMTP_TLS > parameters > allow-tls action log',
        'policy-map global_policy > class inspection_default > inspect esmtp UNMASK_ESMTP_TLS',
      ]),
    )
    expect(verified.counters.after).toContain('Inspect: esmtp UNMASK_ESMTP_TLS')
    expect(verified.counters.before).toContain('_default_esmtp_map')
    const v = fixVerifiedData.parse(journal().find((e) => e.type === 'fix.verified')!.data)
    expect(v.passed).toBe(true)
    expect(v.checks.length).toBe(3)

    // Saving needs its own token: the apply token does not do it.
    expect(await fix.save(preview.token!, 'Kim')).toMatchObject({ refused: true, code: 'tokenUsed' })
    expect(lab.device!.startup.some((n) => n.line.includes('UNMASK_ESMTP_TLS'))).toBe(false)
    const saveToken = fix.requestSave()
    if ('refused' in saveToken) throw new Error('no save token')
    const saved = await fix.save(saveToken.token, 'Kim')
    expect(saved).toMatchObject({ refused: false, saved: true, command: 'write memory' })
    expect(lab.device!.startup.some((n) => n.line.includes('UNMASK_ESMTP_TLS'))).toBe(true)
    expect(fixSavedData.parse(journal().find((e) => e.type === 'fix.saved')!.data)).toEqual({
      device: 'ciscoasa',
      saved: true,
      command: 'write memory',
      output: saved.refused ? '' : saved.output,
      confirmedBy: 'Kim',
      confirmedAt: saved.refused ? '' : saved.at,
    })
    expect(await fix.save(saveToken.token, 'Kim')).toMatchObject({ refused: true, code: 'tokenUsed' })
  })

  it('no inspect esmtp, then undo on request: fixed, then not fixed again', async () => {
    const lab = env.lab()
    // Put the default inspection back as the scenario had it (a second session, as an engineer would).
    const setup = await env.open()
    for (const line of [
      'configure terminal',
      'policy-map global_policy',
      'class inspection_default',
      'inspect esmtp',
      'end',
    ])
      expect((await setup.link.driver.run(line)).failed).toBe(false)
    const { fix, journal } = await env.open()
    // A new session has applied nothing, so it has nothing to undo.
    expect(await fix.previewUndo()).toMatchObject({ refused: true, code: 'nothingApplied' })
    const snapshot = await fix.read()
    const before = await Promise.all(labProbes(lab).map((t) => probe(t)))
    expect(before[0]!.starttls?.masked).toBe(true)
    const remedy = analyzeSnapshot(snapshot, before).remedies.find((r) => r.id === 'asa.no-inspect-esmtp')!
    const preview = (await fix.preview(remedy)) as Preview
    expect(preview.plan.lines.map((l) => l.command)).toEqual([
      'configure terminal',
      'policy-map global_policy',
      'class inspection_default',
      'no inspect esmtp',
      'exit',
      'exit',
      'end',
    ])
    const applied = await applyPreview(fix, preview, { confirmedBy: 'Lee' })
    expect(applied.outcome).toBe('applied')
    const probes = labProbes(lab).map((target, i) => ({ target, before: before[i]! }))
    expect((await fix.verify(remedy, probes)).outcome).toBe('fixed')

    const undoPreview = (await fix.previewUndo()) as Preview
    expect(undoPreview.plan.kind).toBe('undo')
    expect(undoPreview.plan.lines.map((l) => l.command)).toContain('inspect esmtp')
    const undone = await applyPreview(fix, undoPreview, { confirmedBy: 'Lee' })
    expect(undone).toMatchObject({ refused: false, kind: 'undo', outcome: 'applied' })
    const after = await fix.verify(remedy, probes)
    expect(after.outcome).toBe('not-fixed')
    expect(after.probes[0]!.after.starttls?.masked).toBe(true)
    expect(after.probes[1]!.passed).toBe(true)
    const entries = journal()
    expect(fixUndoneData.parse(entries.find((e) => e.type === 'fix.undone')!.data)).toMatchObject({
      device: 'ciscoasa',
      outcome: 'applied',
    })
    // Two backups: one before the change, one before the undo.
    expect(entries.filter((e) => e.type === 'fix.backup')).toHaveLength(2)
  })
})
