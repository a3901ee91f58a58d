/**
 * From a captured frame to a TCP segment: link layer (LINKTYPE_* of https://www.tcpdump.org/linktypes.html), then
 * IPv4 (RFC 791) or IPv6 (RFC 8200, skipping hop-by-hop/routing/destination options), then TCP (RFC 9293).
 * Anything else (ARP, UDP, IP fragments, a link type we do not know) gives null: a mail capture is mostly TCP, and
 * what is skipped is counted by the caller.
 */
import type { Frame } from './types'

export interface TcpSegment {
  src: string
  dst: string
  srcPort: number
  dstPort: number
  seq: number
  syn: boolean
  fin: boolean
  rst: boolean
  ack: boolean
  payload: Uint8Array
}

/** Link types read here; a capture of any other type yields an `unsupported-link` problem. */
export const KNOWN_LINK_TYPES: ReadonlySet<number> = new Set([0, 1, 12, 101, 108, 113, 228, 229, 276])

/** Offset of the IP header in a frame of this link type, or -1 when the frame carries no IP. */
function ipOffset(frame: Frame): number {
  const d = frame.data
  switch (frame.linkType) {
    case 0: // BSD loopback: 4-byte address family in host order
    case 108: // OpenBSD loopback: the same in network order
      return 4
    case 12:
    case 101:
    case 228:
    case 229:
      return 0
    case 1: {
      let at = 12
      let type = (d[at]! << 8) | d[at + 1]!
      // 802.1Q / 802.1ad tags (possibly stacked) before the real EtherType.
      while ((type === 0x8100 || type === 0x88a8) && at + 6 <= d.length) {
        at += 4
        type = (d[at]! << 8) | d[at + 1]!
      }
      return type === 0x0800 || type === 0x86dd ? at + 2 : -1
    }
    case 113: {
      const type = (d[14]! << 8) | d[15]!
      return type === 0x0800 || type === 0x86dd ? 16 : -1
    }
    case 276: {
      const type = (d[0]! << 8) | d[1]!
      return type === 0x0800 || type === 0x86dd ? 20 : -1
    }
    default:
      return -1
  }
}

export function tcpSegment(frame: Frame): TcpSegment | null {
  const d = frame.data
  const ip = ipOffset(frame)
  if (ip < 0 || ip >= d.length) return null
  const version = d[ip]! >> 4
  let src: string
  let dst: string
  let tcp: number
  let end: number
  if (version === 4) {
    if (ip + 20 > d.length) return null
    const ihl = (d[ip]! & 0x0f) * 4
    const total = (d[ip + 2]! << 8) | d[ip + 3]!
    const fragment = ((d[ip + 6]! << 8) | d[ip + 7]!) & 0x3fff
    if (d[ip + 9] !== 6 || ihl < 20 || fragment !== 0) return null
    src = `${d[ip + 12]}.${d[ip + 13]}.${d[ip + 14]}.${d[ip + 15]}`
    dst = `${d[ip + 16]}.${d[ip + 17]}.${d[ip + 18]}.${d[ip + 19]}`
    tcp = ip + ihl
    // Ethernet pads short frames: the IP total length says where the packet really ends (0 = TSO, trust the frame).
    end = total >= ihl ? Math.min(d.length, ip + total) : d.length
  } else if (version === 6) {
    if (ip + 40 > d.length) return null
    const payloadLength = (d[ip + 4]! << 8) | d[ip + 5]!
    let next = d[ip + 6]!
    let at = ip + 40
    while (next === 0 || next === 43 || next === 60) {
      if (at + 8 > d.length) return null
      next = d[at]!
      at += (d[at + 1]! + 1) * 8
    }
    if (next !== 6) return null
    src = ipv6(d, ip + 8)
    dst = ipv6(d, ip + 24)
    tcp = at
    end = payloadLength > 0 ? Math.min(d.length, ip + 40 + payloadLength) : d.length
  } else return null
  if (tcp + 20 > end) return null
  const dataOffset = (d[tcp + 12]! >> 4) * 4
  if (dataOffset < 20 || tcp + dataOffset > end) return null
  const flags = d[tcp + 13]!
  return {
    src,
    dst,
    srcPort: (d[tcp]! << 8) | d[tcp + 1]!,
    dstPort: (d[tcp + 2]! << 8) | d[tcp + 3]!,
    seq: ((d[tcp + 4]! << 24) | (d[tcp + 5]! << 16) | (d[tcp + 6]! << 8) | d[tcp + 7]!) >>> 0,
    fin: (flags & 0x01) !== 0,
    syn: (flags & 0x02) !== 0,
    rst: (flags & 0x04) !== 0,
    ack: (flags & 0x10) !== 0,
    payload: d.subarray(tcp + dataOffset, end),
  }
}

/** RFC 5952 text form: lower case, leading zeros dropped, the longest run of zero groups as `::`. */
function ipv6(d: Uint8Array, at: number): string {
  const groups: number[] = []
  for (let i = 0; i < 8; i++) groups.push((d[at + 2 * i]! << 8) | d[at + 2 * i + 1]!)
  let best = -1
  let bestLen = 1
  for (let i = 0; i < 8; ) {
    if (groups[i] !== 0) {
      i++
      continue
    }
    let j = i
    while (j < 8 && groups[j] === 0) j++
    if (j - i > bestLen) {
      best = i
      bestLen = j - i
    }
    i = j
  }
  const hex = groups.map((g) => g.toString(16))
  if (best < 0) return hex.join(':')
  return `${hex.slice(0, best).join(':')}::${hex.slice(best + bestLen).join(':')}`
}
