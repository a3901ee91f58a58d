/**
 * `unmask analyze capture.pcap`: a file whose first bytes are a pcap or pcapng header is read as a packet capture
 * (src/shared/capture) before the text path, which would refuse it as binary; so is a saved `show capture NAME dump`. Captures may be larger than text
 * inputs (up to MAX_CAPTURE_BYTES). A capture with nothing readable (no TCP, no SMTP, only TLS) is bad input
 * (exit 2, translated message); lesser problems (a cut last record, sequence gaps) are warnings on stderr.
 */
import { closeSync, openSync, readFileSync, readSync, statSync } from 'node:fs'
import type { CaptureEvidence, NamedCapture } from '../../shared/capture/evidence'
import { MAX_CAPTURE_BYTES, readCapture } from '../../shared/capture/read'
import { readDumpText, refusalOf, SNIFF_BYTES, sniffCapture } from '../../shared/capture/sniff'
import type { CaptureProblem, CaptureReading } from '../../shared/capture/types'
import { type CliContext, UsageError } from '../io'
import { MAX_INPUT_BYTES } from '../read-input'

function head(file: string, bytes: number): Uint8Array | null {
  try {
    if (!statSync(file).isFile()) return null
    const fd = openSync(file, 'r')
    try {
      const buf = new Uint8Array(bytes)
      const n = readSync(fd, buf, 0, bytes, 0)
      return buf.subarray(0, n)
    } finally {
      closeSync(fd)
    }
  } catch {
    // Missing or unreadable: the text path reports it in its own words.
    return null
  }
}

function message(ctx: CliContext, file: string, p: CaptureProblem): string {
  return ctx.t(`findings.capture.errors.${p.code}`, { file, ...p.params })
}

/** The capture in `file`, or null when the file is not a capture (standard input is always text). */
export function readCaptureInput(ctx: CliContext, file: string): NamedCapture | null {
  if (file === '-') return null
  // The first 64 KiB decide (the shared sniffer reads no further): other text files are not read twice.
  const first = head(file, SNIFF_BYTES)
  if (!first) return null
  const format = sniffCapture(first)
  if (format === null) return null
  const reading = format === 'asa-dump' ? readDumpFile(file) : readCaptureFile(ctx, file)
  if (reading === undefined) return null
  if (!reading) throw new UsageError(ctx.t('findings.capture.errors.not-a-capture', { file }))
  const refused = refusalOf(reading)
  if (refused) throw new UsageError(message(ctx, file, refused))
  for (const p of reading.problems) ctx.io.err(`${message(ctx, file, p)}\n`)
  return { name: file, reading }
}

function readCaptureFile(ctx: CliContext, file: string): CaptureReading | null {
  const size = statSync(file).size
  if (size > MAX_CAPTURE_BYTES)
    throw new UsageError(message(ctx, file, { code: 'too-large', params: { limit: MAX_CAPTURE_BYTES } }))
  return readCapture(readFileSync(file))
}

/**
 * A saved `show capture NAME dump` (the ASA's own text form of a capture) is read as frames too, so two dumps of the
 * same connection (inside and outside) are compared like two pcaps. Undefined: not a dump, the text path takes it.
 */
function readDumpFile(file: string): CaptureReading | undefined {
  if (statSync(file).size > MAX_INPUT_BYTES) return undefined
  return readDumpText(readFileSync(file, 'latin1'))
}

/** The transcripts the findings' line numbers point into, printed before the text report. */
export function captureTranscriptsText(ctx: CliContext, captures: CaptureEvidence, count: number): string {
  const notes = count === 1 ? `${ctx.t('findings.capture.errors.onlyOneSide')}\n\n` : ''
  return `${captures.texts.map((t) => t.text).join('\n')}\n${notes}`
}
