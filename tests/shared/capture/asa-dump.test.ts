/**
 * `show capture NAME dump` text read back into frames: the public PIX 515 sample of the acap2pcap manual, and the
 * real tcpdump frames of the Postfix captures printed in the same layout (no public dump of an SMTP session was
 * found), which must give the same transcripts and the same finding as the pcap files.
 */
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { looksLikeAsaDump, readAsaDump } from '../../../src/shared/capture/asa-dump'
import { captureEvidence } from '../../../src/shared/capture/evidence'
import { readCapture, transcriptsOf } from '../../../src/shared/capture/read'
import { analyzeTexts } from '../../../src/shared/diagnosis'
import { asDump, CAPTURES, captureBytes } from './fixtures'

describe('show capture dump', () => {
  const sample = readFileSync(join(CAPTURES, 'asa_pix515_show_capture_dump_acap2pcap.txt'), 'utf8')

  it('reads the public PIX 515 sample: one 60-byte IP packet with its time of day', () => {
    expect(looksLikeAsaDump(sample)).toBe(true)
    const r = readAsaDump(sample)
    expect(r.frames).toHaveLength(1)
    const f = r.frames[0]!
    expect(f.linkType).toBe(101)
    expect(f.data.length).toBe(0x3c)
    expect(Array.from(f.data.subarray(0, 4))).toEqual([0x45, 0x00, 0x00, 0x3c])
    // The ASCII column is not read as bytes: the packet ends with "ghi".
    expect(String.fromCharCode(...f.data.subarray(57))).toBe('ghi')
    expect(f.ts).toBe(((21 * 60 + 24) * 60 + 38) * 1_000_000 + 629087)
    // ICMP, not TCP: nothing to reassemble, said as such.
    expect(transcriptsOf(r).problems).toEqual([{ code: 'no-tcp' }])
  })

  it('is not mistaken for other text', () => {
    expect(
      looksLikeAsaDump('fw# show capture\ncapture CAP type raw-data interface inside [Capturing - 0 bytes]\n'),
    ).toBe(false)
    expect(looksLikeAsaDump('220 mx ESMTP\n250 STARTTLS\n')).toBe(false)
  })

  it('a public `show capture … detail` sample is not a dump: it holds no payload, so no frames come of it', () => {
    // detail prints MACs, frame length, TTL and IP id, but no bytes (fixture README): nothing SMTP can be read from.
    const detail = readFileSync(join(CAPTURES, 'asa_show_capture_detail_udp_dup_packets_readme.txt'), 'utf8')
    expect(detail).toMatch(/0x0800 Length: 139/)
    expect(looksLikeAsaDump(detail)).toBe(false)
    expect(readAsaDump(detail).frames).toEqual([])
    expect(transcriptsOf(readAsaDump(detail)).problems).toEqual([{ code: 'no-tcp' }])
  })

  it('real SMTP frames printed as a dump give the pcap’s transcript and the same finding', () => {
    const dumpInside = transcriptsOf(readAsaDump(asDump('postfix-esmtp-inside.pcap')))
    const dumpOutside = transcriptsOf(readAsaDump(asDump('postfix-esmtp-outside.pcap')))
    const lines = (r: typeof dumpInside) => r.transcripts.flatMap((t) => t.lines.map((l) => `${l.direction} ${l.text}`))
    expect(lines(dumpOutside)).toEqual(lines(readCapture(captureBytes('postfix-esmtp-outside.pcap'))!))
    const ev = captureEvidence([
      { name: 'CAP-IN', reading: dumpInside },
      { name: 'CAP-OUT', reading: dumpOutside },
    ])
    const f = analyzeTexts([], ev).findings.find((x) => x.id === 'capture.firewall-rewrote')
    expect(f?.params).toMatchObject({ original: '250-STARTTLS', changed: '250-XXXXXXXB', originalCapture: 'CAP-IN' })
  })
})
