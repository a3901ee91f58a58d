/**
 * A device's named packet captures and their buffers. Each capture takes the packets of one interface that pass its
 * filter, until its buffer is full: then a linear capture stops taking packets and `show capture` says
 * `[Buffer Full - N bytes]`, while a `circular-buffer` capture drops its oldest packets instead (both states as
 * printed by real ASAs in public posts: "capture capture-1 type raw-data interface inside [Buffer Full - 524184
 * bytes]" and "capture DUOout type raw-data interface outside circular-buffer [Capturing - 38314 bytes]"; Cisco's
 * capture document, as copied at https://sanchitgurukul.in/2019/03/29/cisco-asa-packet-capture/: "Circular buffers
 * never fill up. As the buffer reaches its maximum size, older data is discarded and the capture continues").
 */
import { type FlowTuple, filterMatches } from './match'
import { type CapturedPacket, ETHERNET_HEADER } from './packets'
import type { CaptureSpec } from './parse'

export interface Capture {
  name: string
  spec: CaptureSpec
  packets: CapturedPacket[]
  /** Bytes the buffer holds (stored frame lengths, Ethernet header included). */
  used: number
  full: boolean
  /** `no capture NAME interface IF`: the capture keeps its buffer but takes nothing more. */
  detached: boolean
}

/** The packet as the proxy hands it over; the store cuts it to what each capture keeps. */
export type PacketInput = Omit<CapturedPacket, 'bytes' | 'wireLength'> & { ip: Uint8Array }

/** Bytes of IP + TCP headers in an IPv4/TCP packet (what headers-only keeps). */
function headerLength(ip: Uint8Array): number {
  const ihl = (ip[0]! & 0x0f) * 4
  return Math.min(ip.length, ihl + ((ip[ihl + 12] ?? 0x50) >> 4) * 4)
}

export class CaptureStore {
  private readonly captures = new Map<string, Capture>()
  private lastTs = 0

  /** Strictly increasing microseconds, so packets keep their order even within one millisecond. */
  now(): number {
    const ts = Math.floor((performance.timeOrigin + performance.now()) * 1000)
    this.lastTs = Math.max(ts, this.lastTs + 1)
    return this.lastTs
  }

  list(): Capture[] {
    return [...this.captures.values()]
  }

  get(name: string): Capture | undefined {
    return this.captures.get(name)
  }

  /** Creates the capture, or changes an existing one's parameters (its buffer is kept, as on the device). */
  set(name: string, spec: CaptureSpec): void {
    const existing = this.captures.get(name)
    if (existing) {
      existing.spec = spec
      existing.detached = false
      return
    }
    this.captures.set(name, { name, spec, packets: [], used: 0, full: false, detached: false })
  }

  remove(name: string): boolean {
    return this.captures.delete(name)
  }

  detach(name: string): boolean {
    const c = this.captures.get(name)
    if (c) c.detached = true
    return c !== undefined
  }

  clear(name?: string): void {
    for (const c of name === undefined ? this.captures.values() : [this.captures.get(name)]) {
      if (!c) continue
      c.packets = []
      c.used = 0
      c.full = false
    }
  }

  /** Whether any capture would take a packet of this flow on this interface (the proxy's cheap test). */
  wants(iface: string, flow: FlowTuple): boolean {
    if (this.captures.size === 0) return false
    for (const c of this.captures.values()) if (this.takes(c, iface, flow)) return true
    return false
  }

  private takes(c: Capture, iface: string, flow: FlowTuple): boolean {
    return !c.detached && !c.full && c.spec.interface === iface && filterMatches(c.spec.filter, flow)
  }

  record(iface: string, input: PacketInput): void {
    const flow = { src: input.src, dst: input.dst, sport: input.sport, dport: input.dport }
    for (const c of this.captures.values()) {
      if (!this.takes(c, iface, flow)) continue
      const keep = Math.min(
        input.ip.length,
        c.spec.packetLength - ETHERNET_HEADER,
        c.spec.headersOnly ? headerLength(input.ip) : input.ip.length,
      )
      const cost = keep + ETHERNET_HEADER
      if (cost > c.spec.buffer) continue
      if (c.used + cost > c.spec.buffer) {
        if (!c.spec.circular) {
          c.full = true
          continue
        }
        while (c.packets.length > 0 && c.used + cost > c.spec.buffer)
          c.used -= c.packets.shift()!.bytes.length + ETHERNET_HEADER
      }
      const { ip, ...meta } = input
      c.packets.push({ ...meta, bytes: ip.slice(0, keep), wireLength: ip.length + ETHERNET_HEADER })
      c.used += cost
    }
  }
}
