/** `show fixup` on PIX 6.x and older: one `[no ]fixup protocol NAME PORT` line per protocol. */
import { clip, type NumberedLine } from '../types'
import { cleanTerminalLine } from './config-tree'
import type { FixupLine } from './device-config'

const FIXUP = /^(no\s+)?fixup protocol (\S+)(?:\s+(.*))?$/

export function parseShowFixup(lines: readonly NumberedLine[]): FixupLine[] {
  const out: FixupLine[] = []
  for (const { line, text: raw } of lines) {
    const text = cleanTerminalLine(clip(raw)).trim()
    const m = FIXUP.exec(text)
    if (m) out.push({ protocol: m[2]!.toLowerCase(), port: (m[3] ?? '').trim(), enabled: !m[1], line, text })
  }
  return out
}

/** The SMTP fixups that are switched on (last word wins per port, as the PIX applies them in order). */
export function activeSmtpFixups(fixups: readonly FixupLine[]): FixupLine[] {
  const byPort = new Map<string, FixupLine>()
  for (const f of fixups) if (f.protocol === 'smtp') byPort.set(f.port || '25', f)
  return [...byPort.values()].filter((f) => f.enabled)
}
