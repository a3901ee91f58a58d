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
  const used = new Set<number>()
  const pairs: CapturePair[] = []
  for (const a of as) {
    let best = -1
    let bestScore = Number.NEGATIVE_INFINITY
    bs.forEach((b, i) => {
      if (used.has(i)) return
      const skew = Math.abs(a.connection.start - b.connection.start)
      const samePort = a.connection.client.port === b.connection.client.port
      if (!samePort && skew > MAX_START_SKEW) return
      const score = (samePort ? 1e12 : 0) - skew
      if (score > bestScore) {
        bestScore = score
        best = i
      }
    })
    if (best >= 0) {
      used.add(best)
      pairs.push({ a, b: bs[best]! })
    }
  }
  if (pairs.length === 0 && as.length === bs.length) return as.map((a, i) => ({ a, b: bs[i]! }))
  return pairs
}
