/**
 * The pcap/pcapng reader against files written by real tools: Debian's tcpdump 4.99.3 (pcap, microseconds) and
 * Wireshark's editcap 4.0.17 (the same frames as pcapng, and as nanosecond pcap); a big-endian copy made by swapping
 * the header fields of the real file; and files cut short, which keep the frames before the cut.
 */
import { describe, expect, it } from 'vitest'
import { readFrames, sniffContainer } from '../../../src/shared/capture/frames'
import { readCapture } from '../../../src/shared/capture/read'
import { captureBytes } from './fixtures'

const pcap = captureBytes('postfix-esmtp-outside.pcap')

/** The same file in big-endian byte order (as written on a SPARC or by `editcap` on one): headers swapped. */
function bigEndian(bytes: Uint8Array): Uint8Array {
  const out = bytes.slice()
  const view = new DataView(out.buffer)
  const src = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength)
  const swap32 = (at: number) => view.setUint32(at, src.getUint32(at, true), false)
  const swap16 = (at: number) => view.setUint16(at, src.getUint16(at, true), false)
  swap32(0)
  swap16(4)
  swap16(6)
  for (const at of [8, 12, 16, 20]) swap32(at)
  let at = 24
  while (at + 16 <= bytes.length) {
    const captured = src.getUint32(at + 8, true)
    for (const f of [0, 4, 8, 12]) swap32(at + f)
    at += 16 + captured
  }
  return out
}

describe('pcap and pcapng frames', () => {
  it('recognises both containers in both byte orders, and nothing else', () => {
    expect(sniffContainer(pcap)).toBe('pcap')
    expect(sniffContainer(bigEndian(pcap))).toBe('pcap')
    expect(sniffContainer(captureBytes('postfix-esmtp-outside.pcapng'))).toBe('pcapng')
    expect(sniffContainer(new TextEncoder().encode('220 mx ESMTP\r\n'))).toBeNull()
    expect(sniffContainer(new Uint8Array([0xd4, 0xc3]))).toBeNull()
    expect(readFrames(new TextEncoder().encode('fw# show run'))).toBeNull()
    expect(readCapture(new TextEncoder().encode('fw# show run'))).toBeNull()
  })

  it('reads tcpdump’s pcap: Ethernet frames on lo with microsecond times', () => {
    const r = readFrames(pcap)!
    expect(r.format).toBe('pcap')
    expect(r.problems).toEqual([])
    expect(r.frames).toHaveLength(34)
    expect(r.frames.every((f) => f.linkType === 1)).toBe(true)
    expect(r.frames.map((f) => f.number)).toEqual(r.frames.map((_, i) => i + 1))
    // A SYN on lo: 14 bytes Ethernet + 20 IPv4 + 40 TCP with options = 74.
    expect(r.frames[0]!.data.length).toBe(74)
  })

  it('pcapng and nanosecond pcap of the same traffic give the same frames and times', () => {
    const base = readFrames(pcap)!.frames
    for (const name of ['postfix-esmtp-outside.pcapng', 'postfix-esmtp-outside.nsec.pcap']) {
      const other = readFrames(captureBytes(name))!.frames
      expect(other.map((f) => f.ts)).toEqual(base.map((f) => f.ts))
      expect(other.map((f) => Array.from(f.data))).toEqual(base.map((f) => Array.from(f.data)))
    }
  })

  it('a big-endian file reads the same as the little-endian original', () => {
    const swapped = readFrames(bigEndian(pcap))!
    const base = readFrames(pcap)!
    expect(swapped.problems).toEqual([])
    expect(swapped.frames.map((f) => [f.ts, f.data.length])).toEqual(base.frames.map((f) => [f.ts, f.data.length]))
  })

  it('a file cut inside a record keeps the frames before it and says where it stopped', () => {
    const frames = readFrames(pcap)!.frames
    // Cut 10 bytes into the 6th record's data.
    let at = 24
    for (let i = 0; i < 5; i++) at += 16 + frames[i]!.data.length
    const cut = readFrames(pcap.subarray(0, at + 16 + 10))!
    expect(cut.frames).toHaveLength(5)
    expect(cut.problems).toEqual([{ code: 'truncated', params: { offset: at } }])
    const ng = captureBytes('postfix-esmtp-outside.pcapng')
    const ngCut = readFrames(ng.subarray(0, ng.length - 7))!
    expect(ngCut.frames).toHaveLength(33)
    expect(ngCut.problems[0]?.code).toBe('truncated')
    // Only a file header: nothing to read, said as such.
    expect(readFrames(pcap.subarray(0, 20))!.problems).toEqual([{ code: 'truncated', params: { offset: 0 } }])
  })
})
