/**
 * The packets a lab capture holds: real IPv4/TCP headers (RFC 791, RFC 793) with correct checksums, built from the
 * bytes the inspection proxy really moved, so that `show capture NAME dump` prints bytes any pcap tool could read.
 * Only IPv4: the lab listens on 127.0.0.1, and an ASA `dump` starts at the IP header (no MAC, FTD command reference
 * "show capture": "The dump keyword does not display MAC information in the hexadecimal dump").
 */

export const TCP_FLAGS = { FIN: 0x01, SYN: 0x02, RST: 0x04, PSH: 0x08, ACK: 0x10 } as const

/** What the show commands print of a packet, kept next to its bytes so nothing has to be parsed back. */
export interface CapturedPacket {
  /** Microseconds since the epoch. */
  ts: number
  src: string
  dst: string
  sport: number
  dport: number
  flags: number
  seq: number
  ack: number
  window: number
  payloadLength: number
  /** The SYN's MSS option, printed as `<mss 1460>`. */
  mss?: number
  ipId: number
  ttl: number
  /** The IPv4 packet as stored (cut to the capture's packet-length, or to the headers with headers-only). */
  bytes: Uint8Array
  /** Length on the wire including the 14-byte Ethernet header (what `detail` prints as `Length:`). */
  wireLength: number
}

export const ETHERNET_HEADER = 14

/** Dotted IPv4 text → 4 bytes; undefined for anything else (IPv6 is not captured by the lab). */
export function ipv4Bytes(address: string): number[] | undefined {
  const plain = address.startsWith('::ffff:') ? address.slice(7) : address
  const parts = plain.split('.')
  if (parts.length !== 4) return undefined
  const bytes = parts.map((p) => (/^\d{1,3}$/.test(p) ? Number(p) : Number.NaN))
  return bytes.every((b) => b >= 0 && b <= 255) ? bytes : undefined
}

function sum16(bytes: Uint8Array, start: number, end: number, initial = 0): number {
  let sum = initial
  for (let i = start; i < end; i += 2) sum += (bytes[i]! << 8) | (i + 1 < end ? bytes[i + 1]! : 0)
  return sum
}

function fold(sum: number): number {
  let s = sum
  while (s > 0xffff) s = (s & 0xffff) + (s >>> 16)
  return ~s & 0xffff
}

export interface SegmentSpec {
  src: number[]
  dst: number[]
  sport: number
  dport: number
  seq: number
  ack: number
  flags: number
  ipId: number
  ttl: number
  window: number
  mss?: number
  payload: Uint8Array
}

/** One IPv4/TCP packet with both checksums filled in. */
export function buildSegment(s: SegmentSpec): Uint8Array {
  const options = s.mss === undefined ? [] : [2, 4, (s.mss >> 8) & 0xff, s.mss & 0xff]
  const tcpLength = 20 + options.length + s.payload.length
  const total = 20 + tcpLength
  const p = new Uint8Array(total)
  const view = new DataView(p.buffer)
  p[0] = 0x45
  view.setUint16(2, total)
  view.setUint16(4, s.ipId & 0xffff)
  view.setUint16(6, 0x4000) // DF, as the hosts on both sides send it
  p[8] = s.ttl
  p[9] = 6
  p.set(s.src, 12)
  p.set(s.dst, 16)
  view.setUint16(10, fold(sum16(p, 0, 20)))
  const t = 20
  view.setUint16(t, s.sport)
  view.setUint16(t + 2, s.dport)
  view.setUint32(t + 4, s.seq >>> 0)
  view.setUint32(t + 8, s.ack >>> 0)
  p[t + 12] = ((20 + options.length) / 4) << 4
  p[t + 13] = s.flags
  view.setUint16(t + 14, s.window)
  p.set(options, t + 20)
  p.set(s.payload, t + 20 + options.length)
  // Pseudo-header: source, destination, zero + protocol, TCP length (RFC 793 §3.1).
  const pseudo = sum16(p, 12, 20) + 6 + tcpLength
  view.setUint16(t + 16, fold(sum16(p, t, total, pseudo)))
  return p
}
