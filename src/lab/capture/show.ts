/**
 * What `show capture` prints, in the layouts of public ASA output:
 *
 * - the list: `capture NAME type raw-data interface IF [circular-buffer] [Capturing - N bytes]` and an indented
 *   `match …` line (public posts of ASA 9.x output; see store.ts for the two samples);
 * - `show capture NAME`: blank line, `N packets captured`, blank line, one line per packet
 *   (`   1: 09:41:12.535281       A > B: …`), `N packets shown` (public post "Data-plane packet captures on the
 *   Cisco ASA"); TCP in the tcpdump-like form `A.port > B.port: S seq:seq(0) win W <mss M>` then `P seq:end(len)
 *   ack A win W` (tunnelsup.com "Packet Captures on Cisco ASA", the template `HH:MM:SS.ms src.port > dst.port:
 *   tcp-flags seq ack win options`);
 * - `dump`: the packet line, then `0x0000 4500 003c … E..<....` lines from the IP header on, no MAC (acap2pcap
 *   manual sample, https://metacpan.org/pod/acap2pcap; FTD command reference "show capture");
 * - `detail`: `   1: HH:MM:SS.us SRCMAC DSTMAC 0x0800 Length: L` then the decode with `(DF) (ttl T, id I)`, no
 *   payload (a public ASA sample: "1: 23:24:22.526431 0050.568d.992b 0050.568d.c0e2 0x0800 Length: 139 /
 *   10.0.3.4.10000 > 10.0.3.6.2123: [bad udp cksum d16b!] udp 97 (DF) (ttl 64, id 0)").
 */
import { matchText } from './match'
import { type CapturedPacket, TCP_FLAGS } from './packets'
import { DEFAULT_BUFFER, DEFAULT_PACKET_LENGTH } from './parse'
import type { Capture } from './store'

export type CaptureView = 'brief' | 'dump' | 'detail'

export function captureList(captures: Capture[]): string[] {
  const lines: string[] = []
  for (const c of captures) {
    const s = c.spec
    const parts = [`capture ${c.name} type raw-data`]
    if (s.accessList) parts.push(`access-list ${s.accessList}`)
    if (s.buffer !== DEFAULT_BUFFER) parts.push(`buffer ${s.buffer}`)
    parts.push(`interface ${s.interface}`)
    if (s.packetLength !== DEFAULT_PACKET_LENGTH) parts.push(`packet-length ${s.packetLength}`)
    if (s.circular) parts.push('circular-buffer')
    if (s.headersOnly) parts.push('headers-only')
    // `Capturing` and `Buffer Full` are in the public samples; `Stopped` (after `no capture NAME interface IF`) is
    // the lab's own word: no public sample of a stopped capture's line was found.
    const state = c.detached ? 'Stopped' : c.full ? 'Buffer Full' : 'Capturing'
    lines.push(`${parts.join(' ')} [${state} - ${c.used} bytes]`)
    if (s.match) lines.push(`  ${matchText(s.match)}`)
  }
  return lines
}

function clock(ts: number): string {
  const d = new Date(Math.floor(ts / 1000))
  const hms = [d.getUTCHours(), d.getUTCMinutes(), d.getUTCSeconds()].map((n) => String(n).padStart(2, '0'))
  return `${hms.join(':')}.${String(ts % 1_000_000).padStart(6, '0')}`
}

function flagText(flags: number): string {
  let text = ''
  if (flags & TCP_FLAGS.SYN) text += 'S'
  if (flags & TCP_FLAGS.FIN) text += 'F'
  if (flags & TCP_FLAGS.RST) text += 'R'
  if (flags & TCP_FLAGS.PSH) text += 'P'
  return text || '.'
}

/** `127.0.0.1.53211 > 127.0.0.1.25: P 3624439038:3624439426(388) ack 2366784302 win 65535` */
function tcpText(p: CapturedPacket): string {
  const head = `${p.src}.${p.sport} > ${p.dst}.${p.dport}: ${flagText(p.flags)}`
  const pureAck = p.flags === TCP_FLAGS.ACK && p.payloadLength === 0
  const seq = pureAck ? '' : ` ${p.seq}:${(p.seq + p.payloadLength) >>> 0}(${p.payloadLength})`
  const ack = p.flags & TCP_FLAGS.ACK ? ` ack ${p.ack}` : ''
  const mss = p.mss === undefined ? '' : ` <mss ${p.mss}>`
  return `${head}${seq}${ack} win ${p.window}${mss}`
}

const hex2 = (b: number) => b.toString(16).padStart(2, '0')

function hexLines(bytes: Uint8Array): string[] {
  const lines: string[] = []
  for (let at = 0; at < bytes.length; at += 16) {
    const row = bytes.subarray(at, at + 16)
    const groups: string[] = []
    for (let i = 0; i < row.length; i += 2) groups.push(hex2(row[i]!) + (i + 1 < row.length ? hex2(row[i + 1]!) : ''))
    const ascii = Array.from(row, (b) => (b >= 0x20 && b < 0x7f ? String.fromCharCode(b) : '.')).join('')
    lines.push(`0x${at.toString(16).padStart(4, '0')} ${groups.join(' ')} ${ascii}`)
  }
  return lines
}

/** Lab MAC addresses per direction (VMware OUI, as an ASAv's NICs have); the values themselves mean nothing. */
const MAC = { a: '0050.568d.992b', b: '0050.568d.c0e2' }

function packetLines(p: CapturedPacket, n: number, view: CaptureView): string[] {
  const number = `${String(n).padStart(4)}: ${clock(p.ts)}`
  if (view === 'detail') {
    const [from, to] = p.sport === 25 ? [MAC.b, MAC.a] : [MAC.a, MAC.b]
    return [
      `${number} ${from} ${to} 0x0800 Length: ${p.wireLength}`,
      `      ${tcpText(p).replace(/: (\S+) /, ': $1 [tcp sum ok] ')} (DF) (ttl ${p.ttl}, id ${p.ipId})`,
    ]
  }
  const line = `${number}       ${tcpText(p)}`
  return view === 'dump' ? [line, ...hexLines(p.bytes)] : [line]
}

export function capturePackets(c: Capture, view: CaptureView): string[] {
  const n = c.packets.length
  return [
    '',
    `${n} packet${n === 1 ? '' : 's'} captured`,
    '',
    ...c.packets.flatMap((p, i) => packetLines(p, i + 1, view)),
    `${n} packet${n === 1 ? '' : 's'} shown`,
  ]
}
