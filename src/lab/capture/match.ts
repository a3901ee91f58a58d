/**
 * Which packets a capture takes: the `match` five-tuple (taken in both directions: "it will capture the opposite
 * too", tunnelsup.com "Packet Captures on Cisco ASA", https://www.tunnelsup.com/packet-captures-on-cisco-asa/) or an
 * access-list, whose entries are one-directional and first-match (the Cisco community document "Packet capture on
 * Firewalls (ASA/PIX/FWSM)" writes one ACE per direction for that reason).
 */
import { ipv4Bytes } from './packets'

export type AddressSpec = { kind: 'any' } | { kind: 'net'; address: string; mask: string }

export interface PortSpec {
  op: 'eq' | 'neq' | 'lt' | 'gt' | 'range'
  ports: number[]
}

export interface MatchRule {
  permit: boolean
  protocol: 'ip' | 'tcp' | 'udp' | 'icmp'
  src: AddressSpec
  srcPort?: PortSpec
  dst: AddressSpec
  dstPort?: PortSpec
}

export interface CaptureFilter {
  /** `match …`: one rule, both directions. `access-list …`: the ACL's entries in order, one direction each. */
  rules: MatchRule[]
  bothWays: boolean
}

export interface FlowTuple {
  src: string
  dst: string
  sport: number
  dport: number
}

/** Port names the ASA accepts and prints in place of numbers (as in `access-list … eq smtp`). */
export const PORT_NAMES: Record<string, number> = {
  ftp: 21,
  ssh: 22,
  telnet: 23,
  smtp: 25,
  domain: 53,
  www: 80,
  http: 80,
  pop3: 110,
  imap4: 143,
  https: 443,
}

export function portName(port: number): string {
  if (port === 80) return 'www'
  return Object.entries(PORT_NAMES).find(([, n]) => n === port)?.[0] ?? String(port)
}

function toNumber(address: string): number | undefined {
  const b = ipv4Bytes(address)
  return b ? ((b[0]! << 24) | (b[1]! << 16) | (b[2]! << 8) | b[3]!) >>> 0 : undefined
}

function addressMatches(spec: AddressSpec, address: string): boolean {
  if (spec.kind === 'any') return true
  const a = toNumber(address)
  const net = toNumber(spec.address)
  const mask = toNumber(spec.mask)
  if (a === undefined || net === undefined || mask === undefined) return false
  return (a & mask) >>> 0 === (net & mask) >>> 0
}

function portMatches(spec: PortSpec | undefined, port: number): boolean {
  if (!spec) return true
  const [a = 0, b = 0] = spec.ports
  switch (spec.op) {
    case 'eq':
      return port === a
    case 'neq':
      return port !== a
    case 'lt':
      return port < a
    case 'gt':
      return port > a
    case 'range':
      return port >= a && port <= b
  }
}

function ruleMatches(rule: MatchRule, t: FlowTuple): boolean {
  // The lab carries TCP only: `ip` and `tcp` rules can match, `udp`/`icmp` never do.
  if (rule.protocol !== 'ip' && rule.protocol !== 'tcp') return false
  return (
    addressMatches(rule.src, t.src) &&
    addressMatches(rule.dst, t.dst) &&
    portMatches(rule.srcPort, t.sport) &&
    portMatches(rule.dstPort, t.dport)
  )
}

export function filterMatches(filter: CaptureFilter, t: FlowTuple): boolean {
  if (filter.rules.length === 0) return true
  const reverse: FlowTuple = { src: t.dst, dst: t.src, sport: t.dport, dport: t.sport }
  for (const rule of filter.rules) {
    if (ruleMatches(rule, t) || (filter.bothWays && ruleMatches(rule, reverse))) return rule.permit
  }
  return false
}

function addressText(spec: AddressSpec): string {
  if (spec.kind === 'any') return 'any'
  return spec.mask === '255.255.255.255' ? `host ${spec.address}` : `${spec.address} ${spec.mask}`
}

function portText(spec: PortSpec | undefined): string {
  if (!spec) return ''
  return ` ${spec.op} ${spec.ports.map(portName).join(' ')}`
}

/** The match line of `show capture`: `match tcp any host 127.0.0.1 eq smtp` (masks of one host print as `host`). */
export function matchText(rule: MatchRule): string {
  return `match ${rule.protocol} ${addressText(rule.src)}${portText(rule.srcPort)} ${addressText(rule.dst)}${portText(rule.dstPort)}`
}
