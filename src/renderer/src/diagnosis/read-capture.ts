/**
 * Captures dropped or pasted on the diagnosis panel, read here in the renderer with the pure reader of
 * src/shared/capture (no node:*): a pcap/pcapng file is known by its magic number, an ASA `show capture NAME dump`
 * by its text layout (shared/capture/sniff.ts). Only the transcripts (journal `capture.added` shape, a few hundred
 * KB at most) travel to main; a capture file of tens of megabytes never crosses IPC, and a long read blocks this
 * window only, never main (which serves every window and the device sessions).
 *
 * A capture with nothing to compare (not a capture, no TCP, no SMTP, only TLS, too large) is refused with the
 * reader's own translated message (`findings.capture.errors.<code>`); lesser problems (a cut last record, gaps)
 * travel with the capture and are shown as warnings.
 */
import { hasReadableSmtp, MAX_CAPTURE_BYTES } from '@shared/capture/read'
import { isDumpText, readCaptureBytes, readDumpText, SNIFF_BYTES, sniffCapture } from '@shared/capture/sniff'
import type { CaptureProblem, CaptureReading } from '@shared/capture/types'
import { type CaptureAdded, type CaptureOrigin, captureRecord } from '@shared/journal/capture-evidence-schema'

/** Largest capture file read in the app (the reader's own limit is higher; a window should not hold more). */
export const MAX_APP_CAPTURE_BYTES = Math.min(MAX_CAPTURE_BYTES, 100 * 1024 * 1024)

const FATAL: ReadonlySet<CaptureProblem['code']> = new Set(['too-large', 'no-tcp', 'no-smtp', 'encrypted'])

export type CaptureInput =
  | { ok: true; record: CaptureAdded; warnings: CaptureProblem[] }
  | { ok: false; problem: CaptureProblem }

async function sha256(bytes: Uint8Array): Promise<string | null> {
  try {
    const digest = await crypto.subtle.digest('SHA-256', bytes as Uint8Array<ArrayBuffer>)
    return [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, '0')).join('')
  } catch {
    // No SubtleCrypto (an insecure context): the record keeps name and size only.
    return null
  }
}

function judged(reading: CaptureReading, name: string, origin: CaptureOrigin, bytes: number, hash: string | null) {
  const fatal = reading.problems.find((p) => FATAL.has(p.code))
  if (fatal || !hasReadableSmtp(reading))
    return { ok: false as const, problem: fatal ?? { code: 'no-smtp' as const, params: { connections: 0 } } }
  const record = captureRecord(reading, { name, origin, bytes, sha256: hash })
  return { ok: true as const, record, warnings: reading.problems }
}

/** Whether the first bytes look binary (a NUL byte) — a dropped file that is neither a capture nor text. */
function binary(head: Uint8Array): boolean {
  return head.subarray(0, 8192).includes(0)
}

/**
 * A dropped file as a capture; null when it is text that is not a capture (the text path takes it). A gzip file is
 * left to the text path too (TLS-RPT reports arrive as .json.gz).
 */
export async function readDroppedCapture(file: Blob & { name: string }): Promise<CaptureInput | null> {
  const head = new Uint8Array(await file.slice(0, SNIFF_BYTES).arrayBuffer())
  const format = sniffCapture(head)
  if (format === null) {
    const gzip = head[0] === 0x1f && head[1] === 0x8b
    return binary(head) && !gzip ? { ok: false, problem: { code: 'not-a-capture' } } : null
  }
  if (file.size > MAX_APP_CAPTURE_BYTES)
    return { ok: false, problem: { code: 'too-large', params: { limit: MAX_APP_CAPTURE_BYTES } } }
  const bytes = new Uint8Array(await file.arrayBuffer())
  const reading = readCaptureBytes(bytes)
  if (!reading) return { ok: false, problem: { code: 'not-a-capture' } }
  return judged(reading, file.name, 'file', bytes.length, await sha256(bytes))
}

/** Pasted text as a capture when it is `show capture … dump` output; null for any other text. */
export async function readPastedCapture(text: string, name: string): Promise<CaptureInput | null> {
  if (!isDumpText(text)) return null
  const bytes = new TextEncoder().encode(text)
  return judged(readDumpText(text), name, 'paste', bytes.length, await sha256(bytes))
}
