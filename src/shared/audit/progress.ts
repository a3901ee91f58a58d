/** Figures for the progress line: files per second and the time left, from what is done so far. */

export interface ProgressFigures {
  rate: string
  eta: string
}

function clock(seconds: number): string {
  const s = Math.max(0, Math.round(seconds))
  const h = Math.floor(s / 3600)
  const m = Math.floor((s % 3600) / 60)
  const pad = (n: number) => String(n).padStart(2, '0')
  return h > 0 ? `${h}:${pad(m)}:${pad(s % 60)}` : `${m}:${pad(s % 60)}`
}

export function progressFigures(done: number, total: number | null, elapsedMs: number): ProgressFigures {
  const perSecond = elapsedMs > 0 ? (done * 1000) / elapsedMs : 0
  const rate = perSecond >= 10 ? String(Math.round(perSecond)) : perSecond.toFixed(1)
  if (total === null || perSecond === 0 || done === 0) return { rate, eta: '?' }
  return { rate, eta: clock((total - done) / perSecond) }
}
