/**
 * Records a probe as it happens: transcript lines numbered 1..n in order, each with its time and phase,
 * and the start and end of each phase. Times are milliseconds since the probe started (monotonic clock).
 */
import type { TranscriptDirection } from '../../shared/evidence/types'
import { type NoteKey, type NoteParams, noteText } from '../../shared/probe/notes'
import type { PhaseTiming, ProbeLine, ProbePhase } from '../../shared/probe/types'

export class ProbeRecorder {
  readonly lines: ProbeLine[] = []
  readonly phases: PhaseTiming[] = []
  readonly startedAt: string
  private readonly t0: number
  private open: { phase: ProbePhase; startMs: number } | null = null

  constructor(private readonly clock: () => number = () => performance.now()) {
    this.t0 = clock()
    this.startedAt = new Date().toISOString()
  }

  elapsed(): number {
    return round(this.clock() - this.t0)
  }

  get phase(): ProbePhase {
    return this.open?.phase ?? 'dns'
  }

  /** Starts a phase; an unfinished previous phase is closed as ok. */
  begin(phase: ProbePhase): void {
    if (this.open) this.end('ok')
    this.open = { phase, startMs: this.elapsed() }
  }

  end(outcome: PhaseTiming['outcome']): void {
    if (!this.open) return
    const now = this.elapsed()
    this.phases.push({ ...this.open, durationMs: round(now - this.open.startMs), outcome })
    this.open = null
  }

  /** Appends a line and returns its number. */
  record(direction: TranscriptDirection, text: string): number {
    const line = this.lines.length + 1
    this.lines.push({ direction, text, line, atMs: this.elapsed(), phase: this.phase })
    return line
  }

  /** A line of the recorder's own, in canonical English plus a key for translated display. */
  note(key: NoteKey, params: NoteParams): number {
    const line = this.record('note', noteText(key, params))
    this.lines[line - 1]!.note = { key, params }
    return line
  }
}

function round(ms: number): number {
  return Math.round(ms * 1000) / 1000
}
