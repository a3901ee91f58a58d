/**
 * Name resolution with deadlines. With explicit servers (a site's own DNS, or a test server on loopback)
 * a private `Resolver` asks them directly; otherwise the system resolver answers, as a mail client on this
 * machine would see it (hosts file included).
 */
import { lookup, Resolver } from 'node:dns/promises'
import { isIpv4, isIpv6 } from '../../shared/probe/target'

export interface ResolvedAddress {
  address: string
  family: 4 | 6
}

export type Resolution<T> =
  | { ok: true; value: T }
  /** `errno` is the resolver's code (`ENOTFOUND`, `ENODATA`…) when there is one. */
  | { ok: false; code: 'dns-failed' | 'dns-timeout'; message: string; errno?: string }

export interface ResolveOptions {
  servers?: string[]
  timeoutMs: number
}

export interface MxHost {
  exchange: string
  priority: number
}

export async function resolveHost(host: string, options: ResolveOptions): Promise<Resolution<ResolvedAddress[]>> {
  if (isIpv4(host)) return { ok: true, value: [{ address: host, family: 4 }] }
  if (isIpv6(host)) return { ok: true, value: [{ address: host, family: 6 }] }
  if (options.servers?.length) {
    const resolver = privateResolver(options)
    if (!resolver.ok) return resolver
    return withDeadline(options.timeoutMs, resolver.value, async () => {
      const [v4, v6] = await Promise.allSettled([resolver.value.resolve4(host), resolver.value.resolve6(host)])
      const value: ResolvedAddress[] = [
        ...(v4.status === 'fulfilled' ? v4.value.map((address) => ({ address, family: 4 as const })) : []),
        ...(v6.status === 'fulfilled' ? v6.value.map((address) => ({ address, family: 6 as const })) : []),
      ]
      if (value.length === 0) throw v4.status === 'rejected' ? v4.reason : new Error(`no address for ${host}`)
      return value
    })
  }
  return withDeadline(options.timeoutMs, null, async () => {
    const found = await lookup(host, { all: true, verbatim: true })
    return found.map((a) => ({ address: a.address, family: a.family === 6 ? (6 as const) : (4 as const) }))
  })
}

/** MX records sorted by preference (lowest first), ties by name so that runs are repeatable. */
export async function resolveMx(domain: string, options: ResolveOptions): Promise<Resolution<MxHost[]>> {
  const resolver = privateResolver(options)
  if (!resolver.ok) return resolver
  return withDeadline(options.timeoutMs, resolver.value, async () => {
    const records = await resolver.value.resolveMx(domain)
    return records
      .map((r) => ({ exchange: r.exchange, priority: r.priority }))
      .sort((a, b) => a.priority - b.priority || a.exchange.localeCompare(b.exchange))
  })
}

/** A resolver of its own; a malformed server address is a DNS failure of the probe, not an exception. */
function privateResolver(options: ResolveOptions): Resolution<Resolver> {
  const resolver = new Resolver({ timeout: Math.max(1, Math.min(options.timeoutMs, 5_000)), tries: 2 })
  try {
    if (options.servers?.length) resolver.setServers(options.servers)
  } catch (error) {
    return { ok: false, code: 'dns-failed', message: `bad DNS server: ${(error as Error).message}` }
  }
  return { ok: true, value: resolver }
}

async function withDeadline<T>(
  timeoutMs: number,
  resolver: Resolver | null,
  work: () => Promise<T>,
): Promise<Resolution<T>> {
  let timer: NodeJS.Timeout | undefined
  const timeout = new Promise<Resolution<T>>((resolve) => {
    timer = setTimeout(() => {
      resolver?.cancel()
      resolve({ ok: false, code: 'dns-timeout', message: `no DNS answer within ${timeoutMs} ms` })
    }, timeoutMs)
  })
  const answer = work().then(
    (value): Resolution<T> => ({ ok: true, value }),
    (error: NodeJS.ErrnoException): Resolution<T> => ({
      ok: false,
      code: 'dns-failed',
      message: error.code ? `${error.code}: ${error.message}` : String(error.message ?? error),
      errno: error.code,
    }),
  )
  try {
    return await Promise.race([answer, timeout])
  } finally {
    clearTimeout(timer)
  }
}
