/**
 * Soak: 200 probe cycles (direct and through the inspecting path) against the lab in one run. Open handles
 * must come back to where they started and the heap must not keep what the probes used. The figures are
 * printed for docs/reliability.md.
 */
import { describe, expect, it } from 'vitest'
import { probe } from '../../src/main/smtp/probe'
import { labFixture } from '../support/lab'

const fixture = labFixture('asa9-default')

function handles(): Record<string, number> {
  const counts: Record<string, number> = {}
  for (const r of process.getActiveResourcesInfo()) counts[r] = (counts[r] ?? 0) + 1
  return counts
}

function settledHeap(): number {
  globalThis.gc?.()
  return process.memoryUsage().heapUsed
}

describe('probe soak', () => {
  it('200 probe cycles leave no handle behind and do not grow the heap', { timeout: 180_000 }, async () => {
    const cycles = 200
    // Warm-up: first-use allocations (TLS contexts, module caches) are not leaks.
    await probe({ host: '127.0.0.1', port: fixture.lab.direct.port })
    await new Promise((resolve) => setTimeout(resolve, 50))
    const before = handles()
    const heapBefore = settledHeap()
    const started = performance.now()
    let masked = 0
    for (let i = 0; i < cycles; i++) {
      const port = i % 2 === 0 ? fixture.lab.direct.port : fixture.lab.smtp.port
      const result = await probe({ host: '127.0.0.1', port, vantage: i % 2 === 0 ? 'direct' : 'outside' })
      expect(result.outcome).toBe('completed')
      if (result.starttls?.masked) masked += 1
    }
    const elapsed = performance.now() - started
    await new Promise((resolve) => setTimeout(resolve, 100))
    const after = handles()
    const heapAfter = settledHeap()
    console.log(
      `soak: ${cycles} probes in ${(elapsed / 1000).toFixed(1)} s (${(elapsed / cycles).toFixed(1)} ms each); ` +
        `handles before ${JSON.stringify(before)} after ${JSON.stringify(after)}; ` +
        `heap ${(heapBefore / 1e6).toFixed(1)} MB -> ${(heapAfter / 1e6).toFixed(1)} MB`,
    )
    expect(masked).toBe(cycles / 2)
    expect(after.TCPSocketWrap ?? 0).toBeLessThanOrEqual(before.TCPSocketWrap ?? 0)
    expect(after.Timeout ?? 0).toBeLessThanOrEqual((before.Timeout ?? 0) + 2)
    // A leak of even a few KB per probe (transcripts, sockets) would pass 10 MB over 200 cycles.
    expect(heapAfter - heapBefore).toBeLessThan(10e6)
  })
})
