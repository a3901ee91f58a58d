/**
 * Compares the two copies of one SMTP conversation (inside and outside interface) line by line, per direction, and
 * says which lines the firewall changed. A change is attributed only when one copy is a mask of the other: same
 * length, and every differing character of the masked copy is `X` (the ASA's keyword/command masking, which keeps the
 * length and may end in a running letter: `250-STARTTLS` → `250-XXXXXXXA`) or `*` (the banner masking,
 * `220 *****…`). Sources: /work/shared/knowledge/pix-asa-smtp-inspection.md — T118550 (`250 XXXXXXXA` where
 * STARTTLS would be, https://cisco.com/c/es_mx/support/docs/security/email-security-appliance/118550-qa-esa-00.html),
 * NSP2004 ("packet lengths never change", https://puck.nether.net/pipermail/cisco-nsp/2004-November/014446.html),
 * Cisco 118584 (banner "220*************"), and the running letters of §7.2 (XXXXXXXA, XXXXXXXB, XXXC…).
 * A line present in one copy only is a deletion (some inspections drop the STARTTLS line instead).
 */
import type { TranscriptLine } from '../evidence/types'

export interface LineChange {
  direction: 'client' | 'server'
  /** The line as its sender wrote it (the copy on the sender's side of the firewall). */
  original: TranscriptLine
  /** The line as the other side received it, or null when the firewall dropped it. */
  changed: TranscriptLine | null
  /** Which copy holds the original: 'a' or 'b' (the order the captures were given in). */
  originalIn: 'a' | 'b'
}

export interface Comparison {
  changes: LineChange[]
  /** Lines that differ in a way that is not masking (counted, not attributed). */
  otherDifferences: number
  /** Both copies hold the same lines (after the body summary). */
  identical: boolean
}

/** Whether `masked` is `original` with some characters replaced by X or * (and nothing else changed). */
export function isMaskOf(masked: string, original: string): boolean {
  if (masked.length !== original.length || masked === original) return false
  let differing = 0
  let maskChars = 0
  let lastDiff = -1
  for (let i = 0; i < masked.length; i++) {
    if (masked[i] === original[i]) continue
    differing++
    lastDiff = i
    if (masked[i] === 'X' || masked[i] === '*') maskChars++
  }
  // The ASA ends a masked keyword with a running letter (A, B, C…): one differing character may be that letter.
  const runningLetter = differing >= 3 && maskChars === differing - 1 && /[A-Z]/.test(masked[lastDiff] ?? '')
  return maskChars === differing || runningLetter
}

function compareDirection(
  direction: 'client' | 'server',
  a: readonly TranscriptLine[],
  b: readonly TranscriptLine[],
  out: Comparison,
): void {
  let i = 0
  let j = 0
  while (i < a.length && j < b.length) {
    const x = a[i]!
    const y = b[j]!
    if (x.text === y.text) {
      i++
      j++
    } else if (isMaskOf(y.text, x.text)) {
      out.changes.push({ direction, original: x, changed: y, originalIn: 'a' })
      i++
      j++
    } else if (isMaskOf(x.text, y.text)) {
      out.changes.push({ direction, original: y, changed: x, originalIn: 'b' })
      i++
      j++
    } else if (a[i + 1]?.text === y.text) {
      out.changes.push({ direction, original: x, changed: null, originalIn: 'a' })
      i++
    } else if (b[j + 1]?.text === x.text) {
      out.changes.push({ direction, original: y, changed: null, originalIn: 'b' })
      j++
    } else {
      out.otherDifferences++
      i++
      j++
    }
  }
  out.otherDifferences += a.length - i + (b.length - j)
}

export function compareCopies(a: readonly TranscriptLine[], b: readonly TranscriptLine[]): Comparison {
  const out: Comparison = { changes: [], otherDifferences: 0, identical: false }
  for (const direction of ['server', 'client'] as const)
    compareDirection(
      direction,
      a.filter((l) => l.direction === direction),
      b.filter((l) => l.direction === direction),
      out,
    )
  out.identical = out.changes.length === 0 && out.otherDifferences === 0
  return out
}
