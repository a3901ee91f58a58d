import { describe, expect, it } from 'vitest'
import type { PhaseTiming } from '../../../../src/shared/probe/types'
import { timingChartSvg } from '../../../../src/shared/report/render/timing-chart'

const phase = (p: PhaseTiming['phase'], durationMs: number, outcome: 'ok' | 'failed' = 'ok'): PhaseTiming => ({
  phase: p,
  startMs: 0,
  durationMs,
  outcome,
})
const label = (p: string) => p.toUpperCase()
const ms = (n: number) => `${n} ms`

function bars(svg: string): Array<{ cls: string; width: number }> {
  return [...svg.matchAll(/<rect class="bar ([\w ]+)" x="120" y="\d+" width="([\d.]+)"/g)].map((m) => ({
    cls: m[1]!,
    width: Number(m[2]),
  }))
}

describe('timingChartSvg', () => {
  it('draws bars proportional to duration, the longest filling the bar space', () => {
    const svg = timingChartSvg(
      [
        { label: 'before', kind: 'before', phases: [phase('connect', 10), phase('banner', 40)] },
        { label: 'after', kind: 'after', phases: [phase('connect', 20), phase('banner', 20), phase('tls', 5)] },
      ],
      label,
      ms,
    )
    expect(bars(svg)).toEqual([
      { cls: 'before', width: 112.5 },
      { cls: 'after', width: 225 },
      { cls: 'before', width: 450 },
      { cls: 'after', width: 225 },
      { cls: 'after', width: 56.3 },
    ])
    expect([...svg.matchAll(/class="phase"[^>]*>(\w+)</g)].map((m) => m[1])).toEqual(['CONNECT', 'BANNER', 'TLS'])
    expect(svg).toContain('>40 ms<')
  })

  it('colours a failed phase differently and keeps a zero-length phase visible', () => {
    const svg = timingChartSvg([{ label: 'b', kind: 'before', phases: [phase('starttls', 0, 'failed')] }], label, ms)
    expect(bars(svg)).toEqual([{ cls: 'before failed', width: 1 }])
  })

  it('draws nothing when no phase was recorded', () => {
    expect(timingChartSvg([{ label: 'b', kind: 'before', phases: [] }], label, ms)).toBe('')
  })
})
