/**
 * Time to read and reassemble a 100 MB pcap: the real tcpdump capture of one masked Postfix conversation
 * (tests/fixtures/captures/postfix-esmtp-outside.pcap) repeated with a new client port per copy until the file
 * holds 100 MB, then read by src/shared/capture (frames → TCP reassembly → SMTP transcripts), and paired and
 * compared with the inside copy the same way (what `unmask analyze inside.pcap outside.pcap` does).
 */
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { captureEvidence } from '../../src/shared/capture/evidence'
import { readFrames } from '../../src/shared/capture/frames'
import { readCapture } from '../../src/shared/capture/read'
import { analyzeTexts } from '../../src/shared/diagnosis'

const FIXTURES = join(__dirname, '../../tests/fixtures/captures')
const TARGET = 100 * 1024 * 1024

/** Copies of the capture's records, each copy's client port (the one that is not `serverPort`) changed. */
function grow(name: string, serverPort: number): Uint8Array {
  const file = new Uint8Array(readFileSync(join(FIXTURES, name)))
  const records = file.subarray(24)
  const copies = Math.ceil(TARGET / records.length)
  const out = new Uint8Array(24 + records.length * copies)
  out.set(file.subarray(0, 24))
  const frames = readFrames(file)!.frames
  for (let c = 0; c < copies; c++) {
    const base = 24 + c * records.length
    out.set(records, base)
    const view = new DataView(out.buffer)
    let at = base
    for (const f of frames) {
      // Ethernet 14 + IPv4 20 (no options on lo): the TCP ports are at 34 and 36 of the frame.
      const tcp = at + 16 + 34
      const port = 10_000 + (c % 50_000)
      if (view.getUint16(tcp, false) !== serverPort) view.setUint16(tcp, port, false)
      if (view.getUint16(tcp + 2, false) !== serverPort) view.setUint16(tcp + 2, port, false)
      view.setUint32(at, view.getUint32(at, true) + c, true)
      at += 16 + f.data.length
    }
  }
  return out
}

function serverPortOf(name: string): number {
  const r = readCapture(new Uint8Array(readFileSync(join(FIXTURES, name))))!
  return r.transcripts[0]!.connection.server.port
}

function time<T>(label: string, f: () => T): T {
  const start = performance.now()
  const result = f()
  console.log(`${label}: ${Math.round(performance.now() - start)} ms`)
  return result
}

export async function run(): Promise<void> {
  const outside = grow('postfix-esmtp-outside.pcap', serverPortOf('postfix-esmtp-outside.pcap'))
  const inside = grow('postfix-esmtp-inside.pcap', serverPortOf('postfix-esmtp-inside.pcap'))
  console.log(
    `outside.pcap ${(outside.length / 1048576).toFixed(1)} MB, inside.pcap ${(inside.length / 1048576).toFixed(1)} MB`,
  )
  const o = time('read + reassemble 100 MB pcap (outside)', () => readCapture(outside)!)
  console.log(`  ${o.frameCount} frames, ${o.transcripts.length} SMTP connections, problems: ${o.problems.length}`)
  const i = time('read + reassemble 100 MB pcap (inside)', () => readCapture(inside)!)
  const ev = time('pair + render both', () =>
    captureEvidence([
      { name: 'inside.pcap', reading: i },
      { name: 'outside.pcap', reading: o },
    ]),
  )
  const analysis = time('rules on the connections shown', () => analyzeTexts([], ev))
  console.log(
    `  ${analysis.findings.filter((f) => f.id === 'capture.firewall-rewrote').length} capture.firewall-rewrote findings`,
  )
}
