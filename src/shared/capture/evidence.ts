/**
 * Capture transcripts as engine evidence. Each capture is rendered as one text (the transcript a user reads and the
 * findings' line numbers point into): a header line, then per connection a `# connection` line and one line per
 * SMTP line, `HH:MM:SS.ffffff S: …` / `C: …` / `*  …` for notes (times in UTC). Each connection becomes one
 * `smtp-transcript` evidence (shape `sc`, the S:/C: form) whose line numbers are those of the rendered text.
 *
 * A capture of a busy mail host can hold tens of thousands of connections; the engine and a reader need a few.
 * At most MAX_SHOWN connections per capture are rendered and analysed (paired ones first, then in capture order),
 * and the header says how many were left out.
 */
import type { DetectedPart, Evidence } from '../evidence'
import type { TranscriptLine } from '../evidence/types'
import type { CapturePair } from './pair'
import { pairTranscripts } from './pair'
import { captureSource } from './source'
import type { CaptureReading, CaptureTranscript } from './types'

export const MAX_SHOWN = 100

export interface NamedCapture {
  name: string
  reading: CaptureReading
}

export interface CaptureEvidence {
  evidence: Evidence[]
  parts: DetectedPart[]
  /** The rendered transcript text of each capture, in input order. */
  texts: Array<{ name: string; text: string }>
}

function clock(ts: number): string {
  if (ts <= 0) return '--:--:--.------'
  const d = new Date(Math.floor(ts / 1000))
  const pad = (n: number, w = 2) => String(n).padStart(w, '0')
  return `${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}.${pad(ts % 1_000_000, 6)}`
}

const TAG = { client: 'C:', server: 'S:', note: '* ' } as const

function endpoint(e: { address: string; port: number }): string {
  return e.address.includes(':') ? `[${e.address}]:${e.port}` : `${e.address}:${e.port}`
}

/** Pairs when exactly two captures are given (inside and outside); otherwise no pairs. */
function pairsOf(captures: readonly NamedCapture[]): Map<CaptureTranscript, number> {
  const pairOf = new Map<CaptureTranscript, number>()
  if (captures.length !== 2) return pairOf
  const readable = (c: NamedCapture) => c.reading.transcripts.filter((t) => !t.encrypted)
  const pairs: CapturePair[] = pairTranscripts(readable(captures[0]!), readable(captures[1]!))
  pairs.forEach((p, i) => {
    pairOf.set(p.a, i + 1)
    pairOf.set(p.b, i + 1)
  })
  return pairOf
}

export function captureEvidence(captures: readonly NamedCapture[]): CaptureEvidence {
  const pairOf = pairsOf(captures)
  const out: CaptureEvidence = { evidence: [], parts: [], texts: [] }
  for (const { name, reading } of captures) {
    // Pairs by number (the same pairs on both sides), then unpaired connections in capture order.
    const shown = [
      ...reading.transcripts.filter((t) => (pairOf.get(t) ?? Number.POSITIVE_INFINITY) <= MAX_SHOWN),
      ...reading.transcripts.filter((t) => !pairOf.has(t)),
    ]
      .slice(0, MAX_SHOWN)
      .sort((x, y) => x.connection.index - y.connection.index)
    const left = reading.transcripts.length - shown.length
    const text: string[] = [
      `# ${name}: ${reading.format}, ${reading.frameCount} frames, ${reading.transcripts.length} SMTP connections${left > 0 ? ` (${left} not shown)` : ''}`,
    ]
    for (const t of shown) {
      const c = t.connection
      text.push(`# connection ${c.index}: ${endpoint(c.client)} -> ${endpoint(c.server)}`)
      const firstLine = text.length + 1
      const lines: TranscriptLine[] = []
      for (const l of t.lines) {
        text.push(`${clock(l.ts)} ${TAG[l.direction]} ${l.text}`)
        lines.push({ direction: l.direction, text: l.text, line: text.length })
      }
      const pair = pairOf.get(t)
      const source = captureSource({ capture: name, connection: c.index, ...(pair ? { pair } : {}) })
      const lastLine = Math.max(firstLine, text.length)
      out.evidence.push({
        kind: 'smtp-transcript',
        shape: 'sc',
        source,
        lines,
        ...(t.encryptedAfter ? { tls: { established: true } } : {}),
        firstLine,
        lastLine,
        command: null,
        hostname: null,
        context: null,
        failover: null,
      } as Evidence)
      out.parts.push({ source, kind: 'smtp-transcript', command: null, firstLine, lastLine })
    }
    out.texts.push({ name, text: `${text.join('\n')}\n` })
  }
  return out
}
