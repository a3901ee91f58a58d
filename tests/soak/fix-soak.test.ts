/**
 * Soak: 50 fix-and-undo cycles on the lab ASA in one run (each: read, preview with token, apply with typed
 * hostname, preview the undo, apply it), verifying by probes every tenth cycle. Open handles and the heap are
 * compared with the start; the figures are printed for docs/reliability.md.
 */
import { describe, expect, it } from 'vitest'
import { analyzeSnapshot } from '../../src/main/fix/analysis'
import { configDelta } from '../../src/main/fix/config-delta'
import type { ApplyResult, Preview } from '../../src/shared/fix/types'
import { labFixEnv, labProbes } from '../main/fix/lab-session'

const env = labFixEnv('asa9-default')

function handles(): Record<string, number> {
  const counts: Record<string, number> = {}
  for (const r of process.getActiveResourcesInfo()) counts[r] = (counts[r] ?? 0) + 1
  return counts
}

describe('fix-and-undo soak', () => {
  it('50 cycles leave the device as it was, no handle behind and a flat heap', { timeout: 600_000 }, async () => {
    const cycles = 50
    const { fix, journal } = await env.open()
    const probes = labProbes(env.lab()).map((target) => ({ target, before: null }))
    const first = await fix.read()
    const remedy = analyzeSnapshot(first, []).remedies.find((r) => r.id === 'asa.no-inspect-esmtp')!
    expect(remedy).toBeDefined()
    const before = handles()
    const heapBefore = process.memoryUsage().heapUsed
    const started = performance.now()
    let verified = 0
    for (let i = 0; i < cycles; i++) {
      const preview = (await fix.preview(remedy)) as Preview
      const applied = (await fix.apply({
        token: preview.token!,
        typedHostname: 'ciscoasa',
        confirmedBy: 'soak',
      })) as ApplyResult
      expect(applied.outcome).toBe('applied')
      if (i % 10 === 9) {
        expect((await fix.verify(remedy, probes)).outcome).toBe('fixed')
        verified += 1
      }
      const undoPreview = (await fix.previewUndo()) as Preview
      const undone = (await fix.apply({
        token: undoPreview.token!,
        typedHostname: 'ciscoasa',
        confirmedBy: 'soak',
      })) as ApplyResult
      expect(undone.outcome).toBe('applied')
    }
    const elapsed = performance.now() - started
    const last = await fix.read()
    // Back where it started: the same configuration lines (the re-added inspect line may sit at another place).
    expect(configDelta(first.runningConfig, last.runningConfig)).toEqual({ added: [], removed: [] })
    await new Promise((resolve) => setTimeout(resolve, 100))
    const after = handles()
    const heapAfter = process.memoryUsage().heapUsed
    const entries = journal()
    console.log(
      `fix soak: ${cycles} apply+undo cycles (${verified} verified) in ${(elapsed / 1000).toFixed(1)} s ` +
        `(${(elapsed / cycles).toFixed(0)} ms each); journal ${entries.length} entries; ` +
        `handles before ${JSON.stringify(before)} after ${JSON.stringify(after)}; ` +
        `heap ${(heapBefore / 1e6).toFixed(1)} MB -> ${(heapAfter / 1e6).toFixed(1)} MB`,
    )
    expect(entries.filter((e) => e.type === 'fix.applied')).toHaveLength(cycles)
    expect(entries.filter((e) => e.type === 'fix.undone')).toHaveLength(cycles)
    expect(after.TCPSocketWrap ?? 0).toBeLessThanOrEqual(before.TCPSocketWrap ?? 0)
    expect(after.Timeout ?? 0).toBeLessThanOrEqual((before.Timeout ?? 0) + 2)
    expect(heapAfter - heapBefore).toBeLessThan(40e6)
  })
})
