/**
 * "Is this a capture, and which kind?" from the first bytes of a file or a pasted text, for every front door (the
 * CLI's `unmask analyze`, the app's drop and paste): a pcap/pcapng header (magic numbers, ./frames), or the text of
 * an ASA `show capture NAME dump` (./asa-dump). Only the first SNIFF_BYTES decide, so a large text that is not a
 * capture is never read twice.
 */
import { looksLikeAsaDump, readAsaDump } from './asa-dump'
import { sniffContainer } from './frames'
import { hasReadableSmtp, readCapture, transcriptsOf } from './read'
import type { CaptureFormat, CaptureProblem, CaptureReading } from './types'

/** How many leading bytes the sniffing reads (looksLikeAsaDump reads no further). */
export const SNIFF_BYTES = 64 * 1024

/** latin1, so that any byte is one character and a binary file cannot throw. */
function latin1(bytes: Uint8Array): string {
  let out = ''
  for (let i = 0; i < bytes.length; i += 8192)
    out += String.fromCharCode(...bytes.subarray(i, Math.min(bytes.length, i + 8192)))
  return out
}

/** The capture format the first bytes announce, or null for anything else. */
export function sniffCapture(head: Uint8Array): CaptureFormat | null {
  const container = sniffContainer(head)
  if (container) return container
  return looksLikeAsaDump(latin1(head.subarray(0, SNIFF_BYTES))) ? 'asa-dump' : null
}

/** Whether a pasted text is `show capture … dump` output. */
export function isDumpText(text: string): boolean {
  return looksLikeAsaDump(text)
}

/** A dump text read as a capture. */
export function readDumpText(text: string): CaptureReading {
  return transcriptsOf(readAsaDump(text))
}

/** Any capture's bytes (pcap, pcapng or dump text) → its reading; null when they are no capture at all. */
export function readCaptureBytes(bytes: Uint8Array): CaptureReading | null {
  const format = sniffCapture(bytes)
  if (format === null) return null
  if (format === 'asa-dump') return readDumpText(latin1(bytes))
  return readCapture(bytes)
}

/** Problems that leave nothing to compare: the capture is refused with this message rather than read. */
const FATAL: ReadonlySet<CaptureProblem['code']> = new Set(['too-large', 'no-tcp', 'no-smtp', 'encrypted'])

/** Why a reading is refused (nothing readable to compare), or null when it has readable SMTP. */
export function refusalOf(reading: CaptureReading): CaptureProblem | null {
  const fatal = reading.problems.find((p) => FATAL.has(p.code))
  if (fatal) return fatal
  return hasReadableSmtp(reading) ? null : { code: 'no-smtp', params: { connections: 0 } }
}
