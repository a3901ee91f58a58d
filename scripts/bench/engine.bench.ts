/**
 * Diagnosis engine throughput: a generated 100,000-line ASA running-config (objects, access-lists, interfaces and a
 * policy-map with inspect esmtp at the end) through detection, parsing, all rules, diagnosis and remedy selection.
 * The same text streamed in 64 KiB pieces (as `unmask analyze FILE` reads it), the config parser alone and an SMTP
 * transcript for scale. Figures only, no thresholds.
 */
import { analyzeTexts, TextStream } from '../../src/shared/diagnosis'
import { readDeviceConfig } from '../../src/shared/evidence/device/device-config'
import { numberLines } from '../../src/shared/evidence/types'

export function generateConfig(lines: number): string {
  const out = [': Saved', ':', 'ASA Version 9.8(4)10', '!', 'hostname bench-fw', '!']
  let i = 0
  const tail = 9
  while (out.length < lines - tail - 5) {
    switch (i % 5) {
      case 0:
        out.push(`object network host-${i}`, ` host 10.${(i >> 16) & 255}.${(i >> 8) & 255}.${i & 255}`)
        break
      case 1:
        out.push(`access-list outside_in extended permit tcp any object host-${i - 1} eq smtp `)
        break
      case 2:
        out.push(
          `interface GigabitEthernet0/${i % 48}.${i}`,
          ` vlan ${i % 4000}`,
          ` nameif v${i}`,
          ' security-level 50',
          '!',
        )
        break
      case 3:
        out.push(`object-group network grp-${i}`, ` network-object object host-${i - 3}`, ` description group ${i}`)
        break
      default:
        out.push(`route outside 192.0.2.${i % 255} 255.255.255.255 203.0.113.1 1`)
    }
    i++
  }
  while (out.length < lines - tail) out.push('!')
  out.push(
    'policy-map global_policy',
    ' class inspection_default',
    '  inspect dns preset_dns_map ',
    '  inspect esmtp ',
    '  inspect ftp ',
    '!',
    'service-policy global_policy global',
    'Cryptochecksum:00000000000000000000000000000000',
    ': end',
  )
  return out.join('\n')
}

function time<T>(fn: () => T): { ms: number; result: T } {
  const start = performance.now()
  const result = fn()
  return { ms: performance.now() - start, result }
}

export async function run(): Promise<void> {
  const text = generateConfig(100_000)
  const lineCount = text.split('\n').length
  // One warm-up run so the figures are not dominated by JIT compilation.
  analyzeTexts([{ source: 'warmup', text }])

  const runs = 5
  let best = Number.POSITIVE_INFINITY
  let findings = 0
  for (let r = 0; r < runs; r++) {
    const { ms, result } = time(() => analyzeTexts([{ source: 'bench.cfg', text }]))
    best = Math.min(best, ms)
    findings = result.findings.length
  }
  console.log(
    `analyze (detect + parse + rules + diagnosis + remedies): ${lineCount} lines in ${best.toFixed(0)} ms (best of ${runs}) = ${Math.round((lineCount / best) * 1000).toLocaleString('en')} lines/s, ${findings} finding(s)`,
  )

  // As `unmask analyze FILE` reads it (issue 16): in 64 KiB pieces through TextStream, a line held only while needed.
  let streamBest = Number.POSITIVE_INFINITY
  let held = 0
  for (let r = 0; r < runs; r++) {
    const { ms, result } = time(() => {
      const stream = new TextStream('bench.cfg')
      for (let at = 0; at < text.length; at += 65536) stream.push(text.slice(at, at + 65536))
      const read = stream.end()
      held = stream.peakHeld
      return analyzeTexts([read])
    })
    streamBest = Math.min(streamBest, ms)
    if (result.findings.length !== findings) throw new Error('streamed analysis differs from the whole-text one')
  }
  console.log(
    `analyze streamed in 64 KiB pieces: ${lineCount} lines in ${streamBest.toFixed(0)} ms (best of ${runs}), at most ${held.toLocaleString('en')} lines held at once`,
  )

  const parsed = time(() => readDeviceConfig(numberLines(text)))
  console.log(
    `config parse only: ${lineCount} lines in ${parsed.ms.toFixed(0)} ms = ${Math.round((lineCount / parsed.ms) * 1000).toLocaleString('en')} lines/s`,
  )

  const transcript = ['220 mx.example.org ESMTP']
  for (let k = 0; k < 10_000; k++)
    transcript.push('EHLO probe.example.net', '250-mx.example.org', '250-SIZE 1000', '250 XXXXXXXA')
  const smtpText = transcript.join('\n')
  const smtp = time(() => analyzeTexts([{ source: 'smtp', text: smtpText }]))
  console.log(
    `SMTP transcript: ${transcript.length} lines in ${smtp.ms.toFixed(0)} ms = ${Math.round((transcript.length / smtp.ms) * 1000).toLocaleString('en')} lines/s`,
  )
}
