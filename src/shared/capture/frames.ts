/**
 * Reads the frames of a pcap or pcapng file. Written here rather than taken from npm: the registry's `pcap` binds
 * libpcap natively and `pcap-parser` (0.2.1, 2014) is a Node stream reader without pcapng; neither runs in the pure
 * shared layer the app's renderer and the CLI both use.
 *
 * Formats:
 * - pcap: https://www.ietf.org/archive/id/draft-ietf-opsawg-pcap-04.html (magic A1B2C3D4 = microseconds,
 *   A1B23C4D = nanoseconds, either byte order; 24-byte file header, 16-byte record headers).
 * - pcapng: https://www.ietf.org/archive/id/draft-ietf-opsawg-pcapng-02.html (Section Header 0x0A0D0D0A with the
 *   byte-order magic 0x1A2B3C4D, Interface Description 1 with `if_tsresol` option 9, Enhanced Packet 6, Simple
 *   Packet 3, obsolete Packet 2). Unknown blocks are skipped by their length, as the spec asks.
 *
 * Never throws on bad bytes: a record that runs past the end stops the reading with a `truncated` problem and the
 * frames before it are kept (tcpdump killed mid-write leaves exactly that).
 */
import type { CaptureProblem, Frame, FrameReading } from './types'

const PCAP_MICRO = 0xa1b2c3d4
const PCAP_NANO = 0xa1b23c4d
const PCAPNG_SHB = 0x0a0d0d0a
const PCAPNG_BOM = 0x1a2b3c4d

export type ContainerKind = 'pcap' | 'pcapng' | null

/** Which container the first bytes announce (both byte orders), or null for anything else. */
export function sniffContainer(bytes: Uint8Array): ContainerKind {
  if (bytes.length < 4) return null
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength)
  const be = view.getUint32(0, false)
  const le = view.getUint32(0, true)
  if (be === PCAPNG_SHB) return 'pcapng'
  if (be === PCAP_MICRO || le === PCAP_MICRO || be === PCAP_NANO || le === PCAP_NANO) return 'pcap'
  return null
}

export function readFrames(bytes: Uint8Array): FrameReading | null {
  const kind = sniffContainer(bytes)
  if (kind === 'pcap') return readPcap(bytes)
  if (kind === 'pcapng') return readPcapng(bytes)
  return null
}

function viewOf(bytes: Uint8Array): DataView {
  return new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength)
}

function readPcap(bytes: Uint8Array): FrameReading {
  const view = viewOf(bytes)
  const problems: CaptureProblem[] = []
  const frames: Frame[] = []
  if (bytes.length < 24) return { format: 'pcap', frames, problems: [{ code: 'truncated', params: { offset: 0 } }] }
  const magicLe = view.getUint32(0, true)
  const little = magicLe === PCAP_MICRO || magicLe === PCAP_NANO
  const nano = (little ? magicLe : view.getUint32(0, false)) === PCAP_NANO
  // The link type sits in the low 16 bits; the upper bits may carry FCS length flags (draft §4).
  const linkType = view.getUint32(20, little) & 0xffff
  let at = 24
  while (at < bytes.length) {
    if (at + 16 > bytes.length) {
      problems.push({ code: 'truncated', params: { offset: at } })
      break
    }
    const sec = view.getUint32(at, little)
    const frac = view.getUint32(at + 4, little)
    const captured = view.getUint32(at + 8, little)
    const original = view.getUint32(at + 12, little)
    if (at + 16 + captured > bytes.length) {
      problems.push({ code: 'truncated', params: { offset: at } })
      break
    }
    frames.push({
      number: frames.length + 1,
      ts: sec * 1_000_000 + (nano ? Math.floor(frac / 1000) : frac),
      linkType,
      data: bytes.subarray(at + 16, at + 16 + captured),
      originalLength: original,
    })
    at += 16 + captured
  }
  return { format: 'pcap', frames, problems }
}

interface Interface {
  linkType: number
  /** Timestamp units per second (if_tsresol; default 10^6). */
  unitsPerSecond: number
}

function readPcapng(bytes: Uint8Array): FrameReading {
  const view = viewOf(bytes)
  const problems: CaptureProblem[] = []
  const frames: Frame[] = []
  let little = true
  let interfaces: Interface[] = []
  let at = 0
  while (at < bytes.length) {
    if (at + 12 > bytes.length) {
      problems.push({ code: 'truncated', params: { offset: at } })
      break
    }
    const typeBe = view.getUint32(at, false)
    if (typeBe === PCAPNG_SHB) {
      // A new section: its byte order, and interface ids start again at 0 (spec §4.1).
      if (at + 12 > bytes.length) break
      little = view.getUint32(at + 8, true) === PCAPNG_BOM
      interfaces = []
    }
    const type = view.getUint32(at, little)
    const length = view.getUint32(at + 4, little)
    if (length < 12 || length % 4 !== 0 || at + length > bytes.length) {
      problems.push({ code: 'truncated', params: { offset: at } })
      break
    }
    const body = at + 8
    const bodyEnd = at + length - 4
    if (type === 1 && bodyEnd - body >= 8) {
      interfaces.push({
        linkType: view.getUint16(body, little),
        unitsPerSecond: tsResolution(view, body + 8, bodyEnd, little),
      })
    } else if ((type === 6 || type === 2) && bodyEnd - body >= 20) {
      const id = type === 6 ? view.getUint32(body, little) : view.getUint16(body, little)
      const iface = interfaces[id]
      const high = view.getUint32(body + 4, little)
      const low = view.getUint32(body + 8, little)
      const captured = view.getUint32(body + 12, little)
      const original = view.getUint32(body + 16, little)
      const start = body + 20
      if (start + captured > bodyEnd) {
        problems.push({ code: 'truncated', params: { offset: at } })
        break
      }
      if (iface)
        frames.push({
          number: frames.length + 1,
          ts: toMicros(high, low, iface.unitsPerSecond),
          linkType: iface.linkType,
          data: bytes.subarray(start, start + captured),
          originalLength: original,
        })
    } else if (type === 3 && bodyEnd - body >= 4) {
      // Simple Packet: interface 0, no timestamp (the frames keep file order; time 0 says "unknown").
      const iface = interfaces[0]
      const original = view.getUint32(body, little)
      const captured = Math.min(original, bodyEnd - body - 4)
      if (iface)
        frames.push({
          number: frames.length + 1,
          ts: 0,
          linkType: iface.linkType,
          data: bytes.subarray(body + 4, body + 4 + captured),
          originalLength: original,
        })
    }
    at += length
  }
  return { format: 'pcapng', frames, problems }
}

/** Reads the `if_tsresol` option (code 9): high bit clear = 10^-n, set = 2^-n (spec §4.2). */
function tsResolution(view: DataView, start: number, end: number, little: boolean): number {
  let at = start
  while (at + 4 <= end) {
    const code = view.getUint16(at, little)
    const length = view.getUint16(at + 2, little)
    if (code === 0) break
    if (code === 9 && length >= 1 && at + 5 <= end) {
      const v = view.getUint8(at + 4)
      const exp = v & 0x7f
      const units = v & 0x80 ? 2 ** exp : 10 ** exp
      return Number.isFinite(units) && units >= 1 ? units : 1_000_000
    }
    at += 4 + Math.ceil(length / 4) * 4
  }
  return 1_000_000
}

/** (high·2³² + low) units → microseconds; BigInt only when the units are finer than µs (ns would pass 2⁵³). */
function toMicros(high: number, low: number, unitsPerSecond: number): number {
  if (unitsPerSecond === 1_000_000) return high * 4294967296 + low
  if (unitsPerSecond < 1_000_000) return Math.floor(((high * 4294967296 + low) * 1_000_000) / unitsPerSecond)
  const units = (BigInt(high) << 32n) | BigInt(low)
  return Number((units * 1_000_000n) / BigInt(Math.round(unitsPerSecond)))
}
