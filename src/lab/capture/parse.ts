/**
 * The `capture` command's words, in the order of the ASA 9.1 General Operations CLI guide, "Capturing Packets"
 * (https://www.cisco.com/c/en/us/td/docs/security/asa/asa91/configuration/general/asa_91_general_config/admin_trouble.html):
 *
 *   capture NAME [type raw-data] [access-list ACL] [buffer BYTES] interface IF [packet-length BYTES]
 *                [circular-buffer] [headers-only] [match PROTO {host A | A MASK | any} [OP PORT] {…} [OP PORT]]
 *
 * Keywords may be abbreviated (`int`, `access-l` as in public examples). FTD's LINA also takes `any4`/`any6`
 * (FTD command reference, "capture"). Failures say which word broke, for the ASA's `^` marker.
 */
import { keywordMatches } from '../terminal/command-words'
import { type AddressSpec, type CaptureFilter, type MatchRule, PORT_NAMES, type PortSpec } from './match'
import { ipv4Bytes } from './packets'

/** The ASA's defaults: a 512 KB buffer (thepacket.net "Capture": "default is 512 KB"), whole Ethernet frames. */
export const DEFAULT_BUFFER = 524_288
export const DEFAULT_PACKET_LENGTH = 1518

export interface CaptureSpec {
  interface: string
  buffer: number
  packetLength: number
  circular: boolean
  headersOnly: boolean
  accessList?: string
  match?: MatchRule
  filter: CaptureFilter
}

export type Parsed<T> = { ok: true; value: T; next: number } | { ok: false; failedAt: number; incomplete: boolean }

export interface ParseEnvironment {
  interfaces: string[]
  /** An access-list's entries as rules, or undefined when the ACL does not exist. */
  accessList(name: string): MatchRule[] | undefined
  /** `object network NAME` as an address, or undefined. */
  object(name: string): AddressSpec | undefined
  /**
   * False on a release whose `capture` has no `match` keyword yet (PIX/ASA 7.0: see asa-capture-commands.ts): the
   * word is refused with the caret under it.
   */
  matchKnown?: boolean
}

const fail = (failedAt: number, words: string[]): Parsed<never> => ({
  ok: false,
  failedAt,
  incomplete: failedAt >= words.length,
})

function isIp(word: string | undefined): word is string {
  return word !== undefined && ipv4Bytes(word) !== undefined
}

function parseAddress(words: string[], i: number, env: ParseEnvironment): Parsed<AddressSpec> {
  const w = words[i]
  if (w === undefined) return fail(i, words)
  if (['any', 'any4'].includes(w.toLowerCase())) return { ok: true, value: { kind: 'any' }, next: i + 1 }
  if (keywordMatches(w, 'host') && w.length >= 2) {
    if (!isIp(words[i + 1])) return fail(i + 1, words)
    return { ok: true, value: { kind: 'net', address: words[i + 1]!, mask: '255.255.255.255' }, next: i + 2 }
  }
  if (keywordMatches(w, 'object') && w.length >= 3) {
    const found = words[i + 1] === undefined ? undefined : env.object(words[i + 1]!)
    return found ? { ok: true, value: found, next: i + 2 } : fail(i + 1, words)
  }
  if (isIp(w)) {
    if (!isIp(words[i + 1])) return fail(i + 1, words)
    return { ok: true, value: { kind: 'net', address: w, mask: words[i + 1]! }, next: i + 2 }
  }
  return fail(i, words)
}

function parsePortNumber(word: string | undefined): number | undefined {
  if (word === undefined) return undefined
  if (/^\d{1,5}$/.test(word) && Number(word) <= 65535) return Number(word)
  return PORT_NAMES[word.toLowerCase()]
}

function parsePort(words: string[], i: number): Parsed<PortSpec | undefined> {
  const op = (['eq', 'neq', 'lt', 'gt', 'range'] as const).find((o) => words[i]?.toLowerCase() === o)
  if (!op) return { ok: true, value: undefined, next: i }
  const count = op === 'range' ? 2 : 1
  const ports: number[] = []
  for (let k = 0; k < count; k++) {
    const p = parsePortNumber(words[i + 1 + k])
    if (p === undefined) return fail(i + 1 + k, words)
    ports.push(p)
  }
  return { ok: true, value: { op, ports }, next: i + 1 + count }
}

/** `PROTO SRC [OP PORT] DST [OP PORT]` starting at `i` (a capture's `match`, or an ACE after permit/deny). */
export function parseRule(words: string[], i: number, permit: boolean, env: ParseEnvironment): Parsed<MatchRule> {
  const protocol = (['ip', 'tcp', 'udp', 'icmp'] as const).find((p) => words[i]?.toLowerCase() === p)
  if (!protocol) return fail(i, words)
  const src = parseAddress(words, i + 1, env)
  if (!src.ok) return src
  const srcPort = parsePort(words, src.next)
  if (!srcPort.ok) return srcPort
  const dst = parseAddress(words, srcPort.next, env)
  if (!dst.ok) return dst
  const dstPort = parsePort(words, dst.next)
  if (!dstPort.ok) return dstPort
  if ((srcPort.value || dstPort.value) && protocol !== 'tcp' && protocol !== 'udp') return fail(dst.next, words)
  return {
    ok: true,
    value: { permit, protocol, src: src.value, srcPort: srcPort.value, dst: dst.value, dstPort: dstPort.value },
    next: dstPort.next,
  }
}

/**
 * The lab's ranges: buffer 1534 B to 32 MB (public examples use 64000, 1048576 and 33554432), packet-length from an
 * Ethernet header to a jumbo frame. The device's own limits were not found in a public source.
 */
const SIZES = { buffer: [1534, 33_554_432], packetLength: [14, 9216] } as const

function sizeAt(words: string[], i: number, min: number, max: number): number | undefined {
  const w = words[i]
  if (w === undefined || !/^\d+$/.test(w)) return undefined
  const n = Number(w)
  return n >= min && n <= max ? n : undefined
}

/** `capture NAME …`: `words[0]` is `capture`, `words[1]` the name. */
export function parseCapture(words: string[], env: ParseEnvironment): Parsed<CaptureSpec> {
  const spec: Partial<CaptureSpec> & { circular: boolean; headersOnly: boolean } = {
    circular: false,
    headersOnly: false,
  }
  let i = 2
  while (i < words.length) {
    const w = words[i]!
    const is = (keyword: string, min: number) => w.length >= min && keywordMatches(w, keyword)
    if (is('type', 2)) {
      if (!words[i + 1] || !keywordMatches(words[i + 1]!, 'raw-data')) return fail(i + 1, words)
      i += 2
    } else if (is('access-list', 2)) {
      const rules = words[i + 1] === undefined ? undefined : env.accessList(words[i + 1]!)
      if (!rules) return fail(i + 1, words)
      spec.accessList = words[i + 1]!
      spec.filter = { rules, bothWays: false }
      i += 2
    } else if (is('buffer', 2) || is('packet-length', 2)) {
      const key = is('buffer', 2) ? 'buffer' : 'packetLength'
      const [min, max] = SIZES[key]
      const n = sizeAt(words, i + 1, min, max)
      if (n === undefined) return fail(i + 1, words)
      spec[key] = n
      i += 2
    } else if (is('interface', 3)) {
      const name = words[i + 1]
      if (name === undefined || !env.interfaces.includes(name)) return fail(i + 1, words)
      spec.interface = name
      i += 2
    } else if (is('circular-buffer', 2)) {
      spec.circular = true
      i += 1
    } else if (is('headers-only', 2)) {
      spec.headersOnly = true
      i += 1
    } else if (is('match', 2)) {
      if (spec.accessList || env.matchKnown === false) return fail(i, words)
      const rule = parseRule(words, i + 1, true, env)
      if (!rule.ok) return rule
      spec.match = rule.value
      spec.filter = { rules: [rule.value], bothWays: true }
      i = rule.next
    } else return fail(i, words)
  }
  if (!spec.interface) return { ok: false, failedAt: words.length, incomplete: true }
  return {
    ok: true,
    value: {
      interface: spec.interface,
      buffer: spec.buffer ?? DEFAULT_BUFFER,
      packetLength: spec.packetLength ?? DEFAULT_PACKET_LENGTH,
      circular: spec.circular,
      headersOnly: spec.headersOnly,
      accessList: spec.accessList,
      match: spec.match,
      filter: spec.filter ?? { rules: [], bothWays: true },
    },
    next: i,
  }
}
