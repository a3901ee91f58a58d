/**
 * Pairs the connections of two captures of the same traffic taken on two interfaces (inside and outside). The ASA
 * may translate addresses (NAT) and randomise sequence numbers (TCP sequence randomisation is on by default), so
 * neither the 4-tuple nor the sequence numbers match across interfaces; the client's source port usually survives
 * static NAT, and both copies start within moments of each other. Score: same client port, then nearest start time;
 * when nothing fits, connections pair in order if both captures hold the same number.
 * Why two captures show the rewrite: an ASA capture sees an incoming packet before ACL, NAT and inspection, and an
 * outgoing packet last before it leaves (https://www.tunnelsup.com/packet-captures-on-cisco-asa/; Cisco community
 * "Packet capture on Firewalls (ASA/PIX/FWSM)", https://supportforums.cisco.com/t5/security-documents/packet-capture-on-firewalls-asa-pix-fwsm/ta-p/3125841).
 */
import type { CaptureTranscript } from './types'

/** Two copies more than this far apart are not the same connection (µs). */
const MAX_START_SKEW = 10_000_000

export interface CapturePair {
  a: CaptureTranscript
  b: CaptureTranscript
}

export function pairTranscripts(as: readonly CaptureTranscript[], bs: readonly CaptureTranscript[]): CapturePair[] {
  // Indexes, so two captures of 30 000 connections pair in linear time: by client port, and by start time.
  const byPort = new Map<number, number[]>()
  bs.forEach((b, i) => {
    const list = byPort.get(b.connection.client.port) ?? []
    list.push(i)
    byPort.set(b.connection.client.port, list)
  })
  const byStart = bs.map((_, i) => i).sort((x, y) => bs[x]!.connection.start - bs[y]!.connection.start)
  const used = new Set<number>()
  const pairs: CapturePair[] = []
  for (const a of as) {
    const start = a.connection.start
    const skew = (i: number) => Math.abs(bs[i]!.connection.start - start)
    let best = nearest(
      (byPort.get(a.connection.client.port) ?? []).filter((i) => !used.has(i)),
      skew,
    )
    if (best < 0) best = nearestInTime(byStart, bs, start, used)
    if (best >= 0) {
      used.add(best)
      pairs.push({ a, b: bs[best]! })
    }
  }
  if (pairs.length === 0 && as.length === bs.length) return as.map((a, i) => ({ a, b: bs[i]! }))
  return pairs
}

function nearest(candidates: readonly number[], skew: (i: number) => number): number {
  let best = -1
  for (const i of candidates) if (best < 0 || skew(i) < skew(best)) best = i
  return best
}

/** The unused connection starting nearest to `start`, within MAX_START_SKEW (binary search, then outwards). */
function nearestInTime(
  byStart: readonly number[],
  bs: readonly CaptureTranscript[],
  start: number,
  used: ReadonlySet<number>,
): number {
  let lo = 0
  let hi = byStart.length
  while (lo < hi) {
    const mid = (lo + hi) >> 1
    if (bs[byStart[mid]!]!.connection.start < start) lo = mid + 1
    else hi = mid
  }
  let left = lo - 1
  let right = lo
  for (;;) {
    const l = left >= 0 ? byStart[left]! : -1
    const r = right < byStart.length ? byStart[right]! : -1
    const dl = l >= 0 ? start - bs[l]!.connection.start : Number.POSITIVE_INFINITY
    const dr = r >= 0 ? bs[r]!.connection.start - start : Number.POSITIVE_INFINITY
    if (Math.min(dl, dr) > MAX_START_SKEW) return -1
    if (dl <= dr) {
      if (!used.has(l)) return l
      left--
    } else {
      if (!used.has(r)) return r
      right++
    }
  }
}
