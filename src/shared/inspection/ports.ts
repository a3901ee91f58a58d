/**
 * Which TCP ports an MPF class matches, for ESMTP. `match default-inspection-traffic` (the `inspection_default`
 * class) inspects ESMTP on TCP/25 only (ASA configuration guide, default inspection traffic table); a class with
 * `match port tcp eq N` covers N; `match any` covers everything; an access-list class is not resolved here.
 */
import type { DeviceConfig } from '../evidence/device/device-config'
import { DEFAULT_ESMTP_PORT } from './types'

const NAMED_PORTS: Record<string, number> = { smtp: 25, submission: 587 }

function portOf(word: string | undefined): number | null {
  if (!word) return null
  if (/^\d{1,5}$/.test(word)) return Number(word)
  return NAMED_PORTS[word.toLowerCase()] ?? null
}

/** Ports of one `match …` line; undefined when the line does not say (access-list, other criteria). */
function portsOfMatch(text: string): number[] | 'all' | undefined {
  const w = text.trim().split(/\s+/)
  if (w[1] === 'default-inspection-traffic') return [DEFAULT_ESMTP_PORT]
  if (w[1] === 'any') return 'all'
  if (w[1] === 'port' && w[2] === 'tcp' && w[3] === 'eq') {
    const p = portOf(w[4])
    return p === null ? undefined : [p]
  }
  if (w[1] === 'port' && w[2] === 'tcp' && w[3] === 'range') {
    // `range 2025 2030` in a configuration; the 7.0 guide writes `range 2025-2030` (CFG70 p.21-52).
    const [from, to] = w[5] === undefined && w[4]?.includes('-') ? w[4].split('-') : [w[4], w[5]]
    const [a, b] = [portOf(from), portOf(to)]
    if (a === null || b === null || b < a || b - a > 1000) return undefined
    return Array.from({ length: b - a + 1 }, (_, i) => a + i)
  }
  return undefined
}

export function classPorts(className: string, configs: readonly DeviceConfig[]): number[] | 'all' | null {
  for (const config of configs) {
    const cls = config.classMaps.find((c) => c.name === className)
    if (!cls) continue
    const ports = (cls.matches ?? []).map((m) => portsOfMatch(m.text))
    if (ports.includes('all')) return 'all'
    const known = ports.filter((p): p is number[] => Array.isArray(p))
    if (known.length > 0 && known.length === ports.length) return [...new Set(known.flat())].sort((x, y) => x - y)
    return null
  }
  // The system class of every PIX/ASA 7.x+ configuration, also when the text leaves out its class-map lines.
  return className === 'inspection_default' ? [DEFAULT_ESMTP_PORT] : null
}

/** Whether an application covers this port (unknown ports cover nothing we can state). */
export function coversPort(ports: number[] | 'all' | null, port: number): boolean | null {
  if (ports === null) return null
  return ports === 'all' || ports.includes(port)
}
