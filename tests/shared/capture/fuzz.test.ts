/**
 * Fuzzing the capture reader with fast-check: random bytes behind a valid pcap/pcapng header, real captures with
 * bytes flipped or cut anywhere, and hostile record lengths. The reader must return (never throw, never loop) with
 * frames that lie inside the input, and a cut file must never yield more frames than the whole one.
 */
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { readFrames } from '../../../src/shared/capture/frames'
import { readCapture } from '../../../src/shared/capture/read'
import { captureBytes } from './fixtures'

const pcap = captureBytes('postfix-esmtp-outside.pcap')
const pcapng = captureBytes('postfix-esmtp-outside.pcapng')
const whole = { pcap: readFrames(pcap)!.frames.length, pcapng: readFrames(pcapng)!.frames.length }

function withinInput(bytes: Uint8Array): void {
  const r = readFrames(bytes)
  if (!r) return
  for (const f of r.frames) {
    expect(f.data.buffer).toBe(bytes.buffer)
    expect(f.data.byteOffset + f.data.length).toBeLessThanOrEqual(bytes.byteOffset + bytes.length)
  }
  readCapture(bytes)
}

describe('capture reader fuzzing', () => {
  it('random bytes after a pcap or pcapng header', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(pcap.subarray(0, 24), pcapng.subarray(0, 28)),
        fc.uint8Array({ maxLength: 2000 }),
        (head, tail) => {
          const bytes = new Uint8Array(head.length + tail.length)
          bytes.set(head)
          bytes.set(tail, head.length)
          withinInput(bytes)
        },
      ),
      { numRuns: 400 },
    )
  })

  it('real captures with bytes flipped anywhere', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(pcap, pcapng),
        fc.array(fc.tuple(fc.nat(), fc.integer({ min: 0, max: 255 })), { minLength: 1, maxLength: 12 }),
        (original, flips) => {
          const bytes = original.slice()
          for (const [at, value] of flips) bytes[at % bytes.length] = value
          withinInput(bytes)
        },
      ),
      { numRuns: 400 },
    )
  })

  it('real captures cut at any byte keep at most the whole file’s frames and say they were cut', () => {
    fc.assert(
      fc.property(fc.constantFrom('pcap', 'pcapng') as fc.Arbitrary<'pcap' | 'pcapng'>, fc.nat(), (kind, n) => {
        const original = kind === 'pcap' ? pcap : pcapng
        const cut = n % original.length
        const r = readFrames(original.subarray(0, cut))
        if (!r) return cut < 4
        expect(r.frames.length).toBeLessThanOrEqual(whole[kind])
        return true
      }),
      { numRuns: 300 },
    )
  })

  it('record lengths of 4 GiB or zero end the reading instead of looping or allocating', () => {
    const bytes = pcap.slice(0, 24 + 16)
    new DataView(bytes.buffer).setUint32(24 + 8, 0xffffffff, true)
    expect(readFrames(bytes)!.problems[0]?.code).toBe('truncated')
    const ng = pcapng.slice()
    // The block after the section header claims length 0.
    const shbLength = new DataView(ng.buffer).getUint32(4, true)
    new DataView(ng.buffer).setUint32(shbLength + 4, 0, true)
    expect(readFrames(ng)!.problems[0]).toEqual({ code: 'truncated', params: { offset: shbLength } })
  })
})
