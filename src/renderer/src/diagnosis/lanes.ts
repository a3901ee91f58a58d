/**
 * Two SMTP dialogs as aligned lanes (issue 18, point 3): the direct conversation and the one through the firewall,
 * row by row per phase, so a rewritten line sits beside what it should have been. Pure.
 */
import { probeSource } from '@shared/probe/transcript'
import { PROBE_PHASES, type ProbeResult } from '@shared/probe/types'
import { looksMasked } from './lines'

type Line = ProbeResult['transcript'][number]

export interface LaneCell {
  source: string
  line: Line
  /** The firewall rewrote this line (X-ed keyword, asterisked banner). */
  rewritten: boolean
}

export interface LaneRow {
  phase: Line['phase']
  cells: Array<LaneCell | undefined>
  differs: boolean
  /** What a rewritten line should have been: the same line on the path that works. */
  expected?: string
}

/** Direct first, then through the firewall, then any other vantage. */
export function laneOrder(results: readonly ProbeResult[]): ProbeResult[] {
  const rank = (r: ProbeResult) => (r.target.vantage === 'direct' ? 0 : r.target.vantage === 'firewall' ? 1 : 2)
  return [...results].sort((a, b) => rank(a) - rank(b))
}

export function alignLanes(results: readonly ProbeResult[]): LaneRow[] {
  const lanes = laneOrder(results)
  const sources = lanes.map((r) => probeSource(r))
  const rows: LaneRow[] = []
  for (const phase of PROBE_PHASES) {
    const perLane = lanes.map((r) => r.transcript.filter((l) => l.phase === phase))
    const n = Math.max(0, ...perLane.map((ls) => ls.length))
    for (let i = 0; i < n; i++) {
      const cells = perLane.map((ls, lane) => {
        const line = ls[i]
        return line ? { source: sources[lane]!, line, rewritten: looksMasked(line.text) } : undefined
      })
      const texts = cells.map((c) => c?.line.text)
      const differs = lanes.length > 1 && texts.some((t) => t !== texts[0])
      const clean = cells.find((c) => c && !c.rewritten)
      const expected = cells.some((c) => c?.rewritten) && clean ? clean.line.text : undefined
      rows.push({ phase, cells, differs, expected })
    }
  }
  return rows
}
