/**
 * Source labels of capture transcripts. A finding names its source; for captures the label says which file, which
 * connection and, when two captures were compared, which pair the connection belongs to — the comparison rule
 * (src/shared/rules/capture) reads the pair back from the label, so both ends use these two functions only.
 */

export interface CaptureSource {
  /** The capture's name: a file name, or `device:fw show capture CAP-IN`. */
  capture: string
  connection: number
  /** Pair number (1-based) when the connection was matched with one in another capture. */
  pair?: number
}

export function captureSource(s: CaptureSource): string {
  return s.pair === undefined ? `${s.capture} #${s.connection}` : `${s.capture} #${s.connection} (pair ${s.pair})`
}

const LABEL = /^(.+) #(\d+) \(pair (\d+)\)$/

/** The pair a source label names, or null for any other source. */
export function parseCaptureSource(source: string): Required<CaptureSource> | null {
  const m = LABEL.exec(source)
  if (!m) return null
  return { capture: m[1]!, connection: Number(m[2]), pair: Number(m[3]) }
}
