/** The capture fixtures (tests/fixtures/captures, sources in its README) as bytes. */
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { readFrames } from '../../../src/shared/capture/frames'

export const CAPTURES = join(__dirname, '../../fixtures/captures')

export function captureBytes(name: string): Uint8Array {
  return new Uint8Array(readFileSync(join(CAPTURES, name)))
}

const hex = (n: number) => n.toString(16).padStart(2, '0')

/** Frames printed as the ASA prints `dump`: packet line, then 16 bytes per line from the IP header, ASCII column. */
export function asDump(name: string): string {
  const out = [`fw# show capture CAP dump`, `${readFrames(captureBytes(name))!.frames.length} packets captured`]
  for (const f of readFrames(captureBytes(name))!.frames) {
    const d = new Date(Math.floor(f.ts / 1000))
    const clock = `${[d.getUTCHours(), d.getUTCMinutes(), d.getUTCSeconds()].map((n) => String(n).padStart(2, '0')).join(':')}.${String(f.ts % 1_000_000).padStart(6, '0')}`
    out.push(`${f.number}: ${clock} 127.0.0.1 > 127.0.0.1: tcp`)
    const ip = f.data.subarray(14)
    for (let at = 0; at < ip.length; at += 16) {
      const row = Array.from(ip.subarray(at, at + 16))
      const groups: string[] = []
      for (let i = 0; i < row.length; i += 2)
        groups.push(
          row
            .slice(i, i + 2)
            .map(hex)
            .join(''),
        )
      const ascii = row.map((b) => (b >= 0x20 && b < 0x7f ? String.fromCharCode(b) : '.')).join('')
      out.push(`0x${at.toString(16).padStart(4, '0')} ${groups.join(' ')} ${ascii}`)
    }
  }
  return `${out.join('\n')}\n`
}
