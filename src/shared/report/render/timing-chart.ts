/**
 * Per-phase timing as an inline SVG bar chart: one row per probe phase, a "before" bar and an "after" bar, so a reader
 * sees where the time went (a masked STARTTLS ends the dialog early; a TLS handshake adds its own row). No script, no
 * external resources: it prints the same in Chromium and Electron.
 */
import { type PhaseTiming, PROBE_PHASES, type ProbePhase } from '../../probe/types'
import { esc } from './escape'

export interface ChartSeries {
  label: string
  phases: readonly PhaseTiming[]
  /** CSS class of the bars: `before` or `after`. */
  kind: 'before' | 'after'
}

const WIDTH = 640
const LABEL_W = 120
const VALUE_W = 70
const BAR_H = 9
const ROW_GAP = 8

export function timingChartSvg(
  series: readonly ChartSeries[],
  phaseLabel: (phase: ProbePhase) => string,
  msLabel: (ms: number) => string,
): string {
  const phases = PROBE_PHASES.filter((p) => series.some((s) => s.phases.some((x) => x.phase === p)))
  if (phases.length === 0) return ''
  const max = Math.max(1, ...series.flatMap((s) => s.phases.map((p) => p.durationMs)))
  const rowH = series.length * (BAR_H + 2) + ROW_GAP
  const legendH = 18
  const height = legendH + phases.length * rowH
  const barSpace = WIDTH - LABEL_W - VALUE_W
  const parts: string[] = []
  series.forEach((s, i) => {
    const x = LABEL_W + i * 150
    parts.push(`<rect class="key ${s.kind}" x="${x}" y="2" width="12" height="${BAR_H}"/>`)
    parts.push(`<text class="legend" x="${x + 16}" y="${BAR_H + 1}">${esc(s.label)}</text>`)
  })
  phases.forEach((phase, row) => {
    const y0 = legendH + row * rowH
    parts.push(`<text class="phase" x="0" y="${y0 + BAR_H + 2}">${esc(phaseLabel(phase))}</text>`)
    series.forEach((s, i) => {
      const timing = s.phases.find((p) => p.phase === phase)
      const y = y0 + i * (BAR_H + 2)
      if (!timing) return
      const w = Math.max(1, (timing.durationMs / max) * barSpace)
      const failed = timing.outcome === 'failed' ? ' failed' : ''
      parts.push(
        `<rect class="bar ${s.kind}${failed}" x="${LABEL_W}" y="${y}" width="${w.toFixed(1)}" height="${BAR_H}"/>`,
      )
      parts.push(
        `<text class="value" x="${(LABEL_W + w + 4).toFixed(1)}" y="${y + BAR_H - 1}">${esc(msLabel(Math.round(timing.durationMs)))}</text>`,
      )
    })
  })
  return `<svg class="timing" viewBox="0 0 ${WIDTH} ${height}" width="100%" role="img">${parts.join('')}</svg>`
}
