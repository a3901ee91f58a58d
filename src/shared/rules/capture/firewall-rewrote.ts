/**
 * `capture.firewall-rewrote`: the same SMTP connection captured on two interfaces of the firewall (inside and
 * outside, or two pcap files given together) shows a line on one side that the other side received masked or not
 * at all: "the firewall changed `250-STARTTLS` into `250-XXXXXXXA` (inside capture line N, outside capture line M)".
 * This is the firewall caught in the act, so it is critical with high confidence. Identical copies, or a connection
 * seen on one side only, give nothing. Pairs come from src/shared/capture (named in the source labels).
 */
import { compareCopies, type LineChange } from '../../capture/compare'
import { parseCaptureSource } from '../../capture/source'
import type { TranscriptLine } from '../../evidence/types'
import type { EvidenceRef, Finding } from '../../findings'
import { lineRef, makeFinding, type Rule } from '../types'

/** At most this many changed lines are cited per pair (each cites both sides). */
const MAX_CITED = 10

interface Copy {
  source: string
  capture: string
  lines: readonly TranscriptLine[]
}

/** The change a reader should see first: STARTTLS, then any other keyword/command mask, then a dropped line. */
function headline(changes: readonly LineChange[]): LineChange {
  return (
    changes.find((c) => /STARTTLS/i.test(c.original.text)) ?? changes.find((c) => c.changed !== null) ?? changes[0]!
  )
}

export const captureFirewallRewrote: Rule = {
  id: 'capture.firewall-rewrote',
  run(ctx) {
    const pairs = new Map<number, Copy[]>()
    for (const e of ctx.evidence) {
      if (e.kind !== 'smtp-transcript') continue
      const label = parseCaptureSource(e.source)
      if (!label) continue
      const copies = pairs.get(label.pair) ?? []
      copies.push({ source: e.source, capture: label.capture, lines: e.lines })
      pairs.set(label.pair, copies)
    }
    const out: Finding[] = []
    for (const [, copies] of [...pairs].sort((x, y) => x[0] - y[0])) {
      const [a, b] = copies
      if (!a || !b || copies.length !== 2 || a.capture === b.capture) continue
      const { changes } = compareCopies(a.lines, b.lines)
      if (changes.length === 0) continue
      const sideOf = (c: LineChange) => (c.originalIn === 'a' ? { from: a, to: b } : { from: b, to: a })
      const refs: EvidenceRef[] = []
      for (const c of changes.slice(0, MAX_CITED)) {
        const { from, to } = sideOf(c)
        refs.push(lineRef(from.source, c.original.line, c.original.text))
        if (c.changed) refs.push(lineRef(to.source, c.changed.line, c.changed.text))
      }
      const top = headline(changes)
      const { from, to } = sideOf(top)
      out.push(
        makeFinding(this.id, 'critical', 0.97, refs, {
          original: top.original.text,
          changed: top.changed?.text ?? '',
          originalCapture: from.capture,
          originalLine: top.original.line,
          changedCapture: to.capture,
          changedLine: top.changed?.line ?? 0,
          changes: changes.length,
        }),
      )
    }
    return out
  },
}
