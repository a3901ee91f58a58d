/**
 * `show capture NAME dump` text from an ASA/PIX 7+ (or FTD LINA) read back into frames, so a pasted dump goes the
 * same way as a pcap (reassembly, transcripts, comparison). Format, per packet:
 *
 *   1: 21:24:38.629087 192.168.1.2 > 192.168.1.1: icmp: echo request
 *   0x0000 4500 003c 12a7 0000 7e01 9781 ac11 2324 E..<....~.....#$
 *
 * Sources: the acap2pcap manual (a tool converting this text to pcap), https://metacpan.org/pod/acap2pcap, with a
 * `pix515# show capture test dump` sample; Cisco FTD command reference "show capture": "The dump keyword does not
 * display MAC information in the hexadecimal dump" (https://cisco.com/c/ja_jp/td/docs/security/firepower/command_ref/b_Command_Reference_for_Firepower_Threat_Defense/s_3.html),
 * so the bytes start at the IP header (LINKTYPE_RAW, 101). The header line carries only the time of day; the date
 * is not in the output, so times are taken as 1970-01-01 UTC plus the time of day (ordering is what matters).
 *
 * `show capture NAME detail` is not read: it prints MACs, frame length, TTL and IP id per packet but no payload
 * (public sample in tests/fixtures/captures), so no SMTP line can come of it; `dump` is the form that carries it.
 */
import type { FrameReading } from './types'

const PACKET = /^\s*(\d+): (\d\d):(\d\d):(\d\d)\.(\d{1,6})\s/
const HEX = /^\s*0x[0-9a-f]{4}\s+((?:[0-9a-f]{2,4}\s?)+)/i

/** Whether a text looks like `show capture … dump` output (a numbered packet line followed by a 0x0000 line). */
export function looksLikeAsaDump(text: string): boolean {
  return /^\s*\d+: \d\d:\d\d:\d\d\.\d+ .*\r?\n\s*0x0000 [0-9a-f]{4}/im.test(text.slice(0, 64 * 1024))
}

export function readAsaDump(text: string): FrameReading {
  const frames: FrameReading['frames'] = []
  let bytes: number[] | null = null
  let ts = 0
  const flush = () => {
    if (bytes && bytes.length > 0) {
      // An IPv4 packet says its own length: anything after it was the ASCII column read as hex.
      const total = bytes[0]! >> 4 === 4 && bytes.length >= 4 ? (bytes[2]! << 8) | bytes[3]! : bytes.length
      const data = Uint8Array.from(bytes.slice(0, Math.max(20, total)))
      frames.push({ number: frames.length + 1, ts, linkType: 101, data, originalLength: data.length })
    }
    bytes = null
  }
  for (const line of text.split(/\r?\n/)) {
    const p = PACKET.exec(line)
    if (p) {
      flush()
      const micros = Number(p[5]!.padEnd(6, '0'))
      ts = ((Number(p[2]) * 60 + Number(p[3])) * 60 + Number(p[4])) * 1_000_000 + micros
      bytes = []
      continue
    }
    const h = bytes ? HEX.exec(line) : null
    if (!h || !bytes) continue
    // The hex groups end where the ASCII column starts: at most 8 groups of 4 digits (16 bytes) per line.
    const groups = h[1]!.trim().split(/\s+/).slice(0, 8)
    for (const g of groups) {
      if (!/^[0-9a-f]+$/i.test(g) || g.length % 2 !== 0) break
      for (let i = 0; i < g.length; i += 2) (bytes as number[]).push(Number.parseInt(g.slice(i, i + 2), 16))
    }
  }
  flush()
  return { format: 'asa-dump', frames, problems: [] }
}
