/**
 * `unmask analyze capture.pcap`: a file whose first bytes are a pcap or pcapng header is read as a packet capture
 * (src/shared/capture) before the text path, which would refuse it as binary. Captures may be larger than text
 * inputs (up to MAX_CAPTURE_BYTES). A capture with nothing readable (no TCP, no SMTP, only TLS) is bad input
 * (exit 2, translated message); lesser problems (a cut last record, sequence gaps) are warnings on stderr.
 */
import { closeSync, openSync, readFileSync, readSync, statSync } from 'node:fs'
import type { CaptureEvidence, NamedCapture } from '../../shared/capture/evidence'
import { sniffContainer } from '../../shared/capture/frames'
import { hasReadableSmtp, MAX_CAPTURE_BYTES, readCapture } from '../../shared/capture/read'
import type { CaptureProblem } from '../../shared/capture/types'
import { type CliContext, UsageError } from '../io'

function head(file: string): Uint8Array | null {
  try {
    if (!statSync(file).isFile()) return null
    const fd = openSync(file, 'r')
    try {
      const buf = new Uint8Array(4)
      const n = readSync(fd, buf, 0, 4, 0)
      return buf.subarray(0, n)
    } finally {
      closeSync(fd)
    }
  } catch {
    // Missing or unreadable: the text path reports it in its own words.
    return null
  }
}

const FATAL: ReadonlySet<CaptureProblem['code']> = new Set(['too-large', 'no-tcp', 'no-smtp', 'encrypted'])

function message(ctx: CliContext, file: string, p: CaptureProblem): string {
  return ctx.t(`findings.capture.errors.${p.code}`, { file, ...p.params })
}

/** The capture in `file`, or null when the file is not a capture (standard input is always text). */
export function readCaptureInput(ctx: CliContext, file: string): NamedCapture | null {
  if (file === '-') return null
  const first = head(file)
  if (!first || sniffContainer(first) === null) return null
  const size = statSync(file).size
  if (size > MAX_CAPTURE_BYTES)
    throw new UsageError(message(ctx, file, { code: 'too-large', params: { limit: MAX_CAPTURE_BYTES } }))
  const reading = readCapture(readFileSync(file))
  if (!reading) throw new UsageError(ctx.t('findings.capture.errors.not-a-capture', { file }))
  const fatal = reading.problems.find((p) => FATAL.has(p.code))
  if (fatal || !hasReadableSmtp(reading))
    throw new UsageError(message(ctx, file, fatal ?? { code: 'no-smtp', params: { connections: 0 } }))
  for (const p of reading.problems) ctx.io.err(`${message(ctx, file, p)}\n`)
  return { name: file, reading }
}

/** The transcripts the findings' line numbers point into, printed before the text report. */
export function captureTranscriptsText(ctx: CliContext, captures: CaptureEvidence, count: number): string {
  const notes = count === 1 ? `${ctx.t('findings.capture.errors.onlyOneSide')}\n\n` : ''
  return `${captures.texts.map((t) => t.text).join('\n')}\n${notes}`
}
