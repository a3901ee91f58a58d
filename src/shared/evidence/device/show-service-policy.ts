/**
 * `show service-policy [global | interface IF] [inspect esmtp]` in both counter formats:
 *   8.x: `Inspect: esmtp _default_esmtp_map, packet 54698280, drop 2676, reset-drop 0`
 *   9.x: `Inspect: esmtp _default_esmtp_map, packet 0, lock fail 0, drop 0, reset-drop 0, 5-min-pkt-rate 0 pkts/sec, …`
 * 8.x `inspect esmtp` output also lists the map's parameters and matches with counters; they are kept as lines.
 */
import { dispatch } from '../match'
import { clip, type NumberedLine } from '../types'
import { cleanTerminalLine } from './config-tree'

export interface ServicePolicyInspect {
  protocol: string
  /** `_default_esmtp_map`, a custom map name, or null when none is shown. */
  map: string | null
  counters: Record<string, number>
  format: '8.x' | '9.x'
  line: number
  text: string
  /** Indented lines below (tcp-proxy, per-parameter counters such as `mask-banner, count 3`). */
  details: NumberedLine[]
}

export interface ServicePolicyClass {
  name: string
  line: number
  inspects: ServicePolicyInspect[]
}

export interface ServicePolicyBlock {
  /** `global`, or the interface name from `Interface outside:`. */
  scope: string
  policy: string
  line: number
  classes: ServicePolicyClass[]
}

const SCOPE = /^(Global policy|Interface (\S+)):\s*$/
const POLICY = /^Service-policy:\s*(\S+)/
const CLASS = /^Class-map:\s*(\S+)/
const INSPECT = /^Inspect:\s*([^,]*?)\s*,\s*(.*)$/
const COUNTER = /^([a-z0-9][a-z0-9 -]*?)\s+(\d+)(?:\s|$)/i

/** Protocol words that take a sub-protocol (`h323 h225`) rather than a map name. */
const TWO_WORD = new Set(['h323'])

function parseInspect(line: number, text: string): ServicePolicyInspect | null {
  const m = INSPECT.exec(text)
  if (!m) return null
  const words = m[1]!.split(/\s+/).filter(Boolean)
  const protocol = TWO_WORD.has(words[0] ?? '') ? words.slice(0, 2).join(' ') : (words[0] ?? '')
  const rest = words.slice(TWO_WORD.has(words[0] ?? '') ? 2 : 1)
  const counters: Record<string, number> = {}
  for (const part of m[2]!.split(',')) {
    const c = COUNTER.exec(part.trim())
    if (c) counters[c[1]!.trim()] = Number(c[2])
  }
  const format = 'lock fail' in counters || '5-min-pkt-rate' in counters ? '9.x' : '8.x'
  return { protocol: protocol.toLowerCase(), map: rest[0] ?? null, counters, format, line, text, details: [] }
}

export function parseShowServicePolicy(lines: readonly NumberedLine[]): ServicePolicyBlock[] {
  const blocks: ServicePolicyBlock[] = []
  let scope = 'global'
  let block: ServicePolicyBlock | null = null
  let cls: ServicePolicyClass | null = null
  let inspect: ServicePolicyInspect | null = null
  for (const { line, text: raw } of lines) {
    const text = cleanTerminalLine(clip(raw)).trim()
    const matched = dispatch(text, [
      [
        SCOPE,
        (m) => {
          scope = m[2] ?? 'global'
          block = null
          cls = null
          inspect = null
        },
      ],
      [
        POLICY,
        (m) => {
          block = { scope, policy: m[1]!, line, classes: [] }
          blocks.push(block)
          cls = null
          inspect = null
        },
      ],
      [
        CLASS,
        (m) => {
          if (!block) return
          cls = { name: m[1]!, line, inspects: [] }
          block.classes.push(cls)
          inspect = null
        },
      ],
      [
        /^Inspect:/,
        () => {
          inspect = cls ? parseInspect(line, text) : null
          if (inspect && cls) cls.inspects.push(inspect)
        },
      ],
    ])
    if (!matched && inspect && text !== '') (inspect as ServicePolicyInspect).details.push({ line, text })
  }
  return blocks
}
