/**
 * Connection targets as the CLI and the app write them:
 *   ssh://USER@HOST[:PORT]   telnet://HOST[:PORT]   serial:///dev/ttyUSB0?baud=9600&parity=none&databits=8&stopbits=1&flow=none
 * Passwords are never part of a target: a `user:password@` form is refused.
 */
import { TransportError } from './channel'
import type { FlowControl, Parity, SerialOptions } from './serial-transport'

export type Target =
  | { kind: 'ssh'; host: string; port: number; username: string }
  | { kind: 'telnet'; host: string; port: number; username?: string }
  | ({ kind: 'serial' } & Required<SerialOptions>)

const PARITIES: Parity[] = ['none', 'even', 'odd', 'mark', 'space']
const FLOWS: FlowControl[] = ['none', 'rtscts', 'xonxoff']

/**
 * The target as typed, with a password written into it (`ssh://user:pw@host`) replaced by asterisks: every message
 * that quotes a target quotes this. The password runs to the last `@`, as in a URL's userinfo (RFC 3986 §3.2.1), and
 * is masked even when the rest is not a valid URL.
 */
export function maskTargetPassword(text: string): string {
  return text.replace(/^([a-z][a-z0-9+.-]*:\/\/[^:@/]*:)[\s\S]*@/i, '$1********@')
}

export function parseDeviceTarget(text: string): Target {
  const bad = (reason: string) => new TransportError('badTarget', { target: maskTargetPassword(text), reason })
  let url: URL
  try {
    url = new URL(text)
  } catch {
    throw bad('not a URL')
  }
  if (url.password) throw bad('password in target')
  const host = url.hostname.replace(/^\[|\]$/g, '')
  const port = (fallback: number): number => {
    if (!url.port) return fallback
    const n = Number(url.port)
    if (!Number.isInteger(n) || n < 1 || n > 65535) throw bad('port')
    return n
  }
  switch (url.protocol) {
    case 'ssh:':
      if (!host) throw bad('host')
      if (!url.username) throw bad('user')
      return { kind: 'ssh', host, port: port(22), username: decodeURIComponent(url.username) }
    case 'telnet:':
      if (!host) throw bad('host')
      return {
        kind: 'telnet',
        host,
        port: port(23),
        ...(url.username ? { username: decodeURIComponent(url.username) } : {}),
      }
    case 'serial:': {
      const path = decodeURIComponent(url.pathname)
      if (!path || path === '/') throw bad('device path')
      const q = url.searchParams
      const num = (name: string, fallback: number, allowed?: number[]): number => {
        const raw = q.get(name)
        if (raw === null) return fallback
        const n = Number(raw)
        if (!Number.isFinite(n) || n <= 0 || (allowed && !allowed.includes(n))) throw bad(name)
        return n
      }
      const parity = (q.get('parity') ?? 'none') as Parity
      const flow = (q.get('flow') ?? 'none') as FlowControl
      if (!PARITIES.includes(parity)) throw bad('parity')
      if (!FLOWS.includes(flow)) throw bad('flow')
      return {
        kind: 'serial',
        path,
        baudRate: num('baud', 9600),
        dataBits: num('databits', 8, [5, 6, 7, 8]) as 5 | 6 | 7 | 8,
        parity,
        stopBits: num('stopbits', 1, [1, 1.5, 2]) as 1 | 1.5 | 2,
        flowControl: flow,
      }
    }
    default:
      throw bad('scheme')
  }
}

/** The target as text without secrets, for logs and messages. */
export function describeTarget(target: Target): string {
  if (target.kind === 'ssh') return `ssh://${target.username}@${target.host}:${target.port}`
  if (target.kind === 'telnet') return `telnet://${target.host}:${target.port}`
  return `serial://${target.path}?baud=${target.baudRate}`
}
