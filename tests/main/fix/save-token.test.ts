/**
 * Issue 14, change safety: `write memory` needs a save token, and a save token is issued only after an apply (or an
 * undo) in the same run went in and was verified. Against the lab ASA 9.8 over SSH; the device's startup-config
 * and the lines it received show whether anything was saved.
 */
import { describe, expect, it } from 'vitest'
import { analyzeSnapshot } from '../../../src/main/fix/analysis'
import type { Preview } from '../../../src/main/fix/types'
import { probe } from '../../../src/main/smtp/probe'
import { applyPreview, labFixEnv, labProbes } from './lab-session'

describe('a save token only after a verified change', () => {
  const env = labFixEnv('asa9-default')

  it('refuses right after a read, and after an apply that was not verified; issues one after verify; again for undo', async () => {
    const lab = env.lab()
    const before = await Promise.all(labProbes(lab).map((t) => probe(t)))
    const { fix } = await env.open()
    const snapshot = await fix.read()
    // Nothing applied in this run: no token, so `write memory` cannot go out.
    expect(fix.requestSave()).toMatchObject({ refused: true, code: 'notVerified' })

    const remedy = analyzeSnapshot(snapshot, before).remedies.find((r) => r.id === 'asa.allow-tls-map')!
    const preview = (await fix.preview(remedy)) as Preview
    const applied = await applyPreview(fix, preview)
    expect(applied.outcome).toBe('applied')
    // Applied but not verified yet.
    expect(fix.requestSave()).toMatchObject({ refused: true, code: 'notVerified' })

    const probes = labProbes(lab).map((target, i) => ({ target, before: before[i]! }))
    await fix.verify(remedy, probes)
    const grant = fix.requestSave()
    if ('refused' in grant) throw new Error(`no save token: ${grant.code}`)
    expect(grant.token).toMatch(/^[A-Za-z0-9_-]{43}$/)

    // The undo is a new change: its own verify is needed before saving again.
    const undoPreview = await fix.previewUndo()
    if ('refused' in undoPreview) throw new Error('no undo')
    const undone = await applyPreview(fix, undoPreview)
    expect(undone.outcome).toBe('applied')
    expect(fix.requestSave()).toMatchObject({ refused: true, code: 'notVerified' })
    // The token granted before the undo no longer saves: it was for the state before the undo.
    expect(await fix.save(grant.token, 'Kim')).toMatchObject({ refused: true, code: 'notVerified' })
    expect(lab.device!.startup.some((n) => n.line.includes('UNMASK_ESMTP_TLS'))).toBe(false)

    await fix.verify(remedy, probes)
    const again = fix.requestSave()
    if ('refused' in again) throw new Error(`no save token after the undo was verified: ${again.code}`)
    const saved = await fix.save(again.token, 'Kim')
    expect(saved, JSON.stringify(saved)).toMatchObject({ refused: false, saved: true })
  })
})
