/**
 * `HOST[:PORT]` as typed by an engineer: `mail.example.com`, `mail.example.com:2525`, `192.0.2.1:25`,
 * `[2001:db8::1]:25` or a bare IPv6 literal `::1` (several colons and no brackets: no port).
 */
import { DEFAULT_PORT } from './types'

export interface ParsedTarget {
  host: string
  port: number
  /** The user named a port (a bare name may then be a domain whose MX hosts are wanted). */
  explicitPort: boolean
}

export type TargetParse = { ok: true; target: ParsedTarget } | { ok: false; reason: 'empty' | 'bad-port' | 'bad-host' }

const HOSTNAME =
  /^(?=.{1,253}$)([a-zA-Z0-9_]([a-zA-Z0-9_-]{0,61}[a-zA-Z0-9])?)(\.[a-zA-Z0-9_]([a-zA-Z0-9_-]{0,61}[a-zA-Z0-9])?)*\.?$/

export function parseTarget(input: string, defaultPort = DEFAULT_PORT): TargetParse {
  const text = input.trim()
  if (text === '') return { ok: false, reason: 'empty' }
  let host = text
  let portText: string | undefined
  const bracketed = /^\[([^\]]+)\](?::(.*))?$/.exec(text)
  if (bracketed) {
    host = bracketed[1]!
    portText = bracketed[2]
    if (!isIpv6(host)) return { ok: false, reason: 'bad-host' }
  } else if ((text.match(/:/g) ?? []).length === 1) {
    const at = text.indexOf(':')
    host = text.slice(0, at)
    portText = text.slice(at + 1)
  }
  let port = defaultPort
  if (portText !== undefined) {
    if (!/^[0-9]{1,5}$/.test(portText)) return { ok: false, reason: 'bad-port' }
    port = Number(portText)
    if (port < 1 || port > 65535) return { ok: false, reason: 'bad-port' }
  }
  if (!(isIpv4(host) || isIpv6(host) || HOSTNAME.test(host))) return { ok: false, reason: 'bad-host' }
  return { ok: true, target: { host, port, explicitPort: portText !== undefined } }
}

export function isIpv4(text: string): boolean {
  const parts = text.split('.')
  return parts.length === 4 && parts.every((p) => /^(0|[1-9][0-9]{0,2})$/.test(p) && Number(p) <= 255)
}

export function isIpv6(text: string): boolean {
  const zoneless = text.replace(/%[\w.-]+$/, '')
  if (!/^[0-9a-fA-F:.]+$/.test(zoneless) || !zoneless.includes(':')) return false
  const doubles = zoneless.split('::').length - 1
  if (doubles > 1) return false
  let groups = zoneless.split(':').filter((g) => g !== '')
  let width = 8
  const last = groups[groups.length - 1]
  if (last?.includes('.')) {
    if (!isIpv4(last)) return false
    groups = groups.slice(0, -1)
    width = 6
  }
  if (!groups.every((g) => /^[0-9a-fA-F]{1,4}$/.test(g))) return false
  return doubles === 1 ? groups.length < width : groups.length === width
}

export function isIpLiteral(text: string): boolean {
  return isIpv4(text) || isIpv6(text)
}

/** `host:port`, with brackets around IPv6 literals. */
export function formatHostPort(host: string, port: number): string {
  return isIpv6(host) ? `[${host}]:${port}` : `${host}:${port}`
}
