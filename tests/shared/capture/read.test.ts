/**
 * From real capture files to SMTP transcripts: reassembly order, retransmissions and lost frames (made by
 * reordering, repeating and dropping records of a real tcpdump file), and bad input: non-SMTP traffic, implicit TLS,
 * a capture with no TCP, oversize input.
 */
import { describe, expect, it } from 'vitest'
import { readFrames } from '../../../src/shared/capture/frames'
import { MAX_CAPTURE_BYTES, readCapture, transcriptsOf } from '../../../src/shared/capture/read'
import type { Frame, FrameReading } from '../../../src/shared/capture/types'
import { captureBytes } from './fixtures'

function lines(reading: FrameReading): string[] {
  return transcriptsOf(reading).transcripts.flatMap((t) => t.lines.map((l) => `${l.direction} ${l.text}`))
}

const outside = readFrames(captureBytes('postfix-esmtp-outside.pcap'))!

describe('reading SMTP out of captures', () => {
  it('reads the masked conversation as the client saw it', () => {
    const texts = lines(outside)
    expect(texts.slice(0, 3)).toEqual([
      'server 220 *****************************',
      'client EHLO client.example',
      'server 250-mx.postfix.test',
    ])
    expect(texts).toContain('server 250-XXXXXXXB')
    expect(texts).toContain('client STARTTLS')
    expect(texts).toContain('server 500 5.5.2 Error: command not recognized')
  })

  it('frames in any order and repeated frames (retransmissions) give the same transcript', () => {
    // Every two neighbouring frames swapped (their numbers kept, as a capture of an out-of-order path records them).
    const swapped = outside.frames.map((_, i, all) => all[i % 2 === 0 ? Math.min(i + 1, all.length - 1) : i - 1]!)
    const reordered: FrameReading = { ...outside, frames: swapped }
    const twice: FrameReading = { ...outside, frames: outside.frames.flatMap((f) => [f, f]) }
    expect(lines(twice)).toEqual(lines(outside))
    expect(lines(reordered)).toEqual(lines(outside))
  })

  it('a frame the capture lost becomes a gap note and a `gaps` problem, not glued text', () => {
    const ehloReply = outside.frames.findIndex((f) =>
      new TextDecoder('latin1').decode(f.data).includes('250-mx.postfix.test'),
    )
    const frames: Frame[] = outside.frames.filter((_, i) => i !== ehloReply)
    const reading = transcriptsOf({ ...outside, frames })
    const texts = reading.transcripts[0]!.lines.map((l) => l.text)
    expect(texts.some((t) => /^\[\d+ bytes missing from the capture\]$/.test(t))).toBe(true)
    // The lab's ASA engine sends the EHLO reply line by line: the lost frame held its first line only.
    expect(texts).not.toContain('250-mx.postfix.test')
    expect(texts).toContain('250-XXXXXXXB')
    expect(reading.problems.map((p) => p.code)).toEqual(['gaps'])
  })

  it('HTTP on loopback is no SMTP: no transcript and a `no-smtp` problem', () => {
    const r = readCapture(captureBytes('http-not-smtp.pcap'))!
    expect(r.transcripts).toEqual([])
    expect(r.otherConnections).toBe(1)
    expect(r.problems).toEqual([{ code: 'no-smtp', params: { connections: 1 } }])
  })

  it('a connection that is TLS from its first byte is marked encrypted, with nothing to read', () => {
    const r = readCapture(captureBytes('implicit-tls.pcap'))!
    expect(r.transcripts).toHaveLength(1)
    expect(r.transcripts[0]!.encrypted).toBe(true)
    expect(r.problems.map((p) => p.code)).toEqual(['encrypted'])
  })

  it('frames without TCP, or of an unknown link type, are said so', () => {
    const noTcp = transcriptsOf({
      format: 'pcap',
      frames: [{ ...outside.frames[0]!, data: new Uint8Array(60) }],
      problems: [],
    })
    expect(noTcp.problems).toEqual([{ code: 'no-tcp' }])
    const odd = transcriptsOf({ format: 'pcap', frames: [{ ...outside.frames[0]!, linkType: 147 }], problems: [] })
    expect(odd.problems).toEqual([{ code: 'unsupported-link', params: { linkType: 147 } }])
  })

  it('refuses input over the size limit before reading it', () => {
    const huge = { length: MAX_CAPTURE_BYTES + 1 } as Uint8Array
    expect(readCapture(huge)?.problems).toEqual([
      { code: 'too-large', params: { bytes: MAX_CAPTURE_BYTES + 1, limit: MAX_CAPTURE_BYTES } },
    ])
  })
})
