/**
 * Fetching the MTA-STS policy file `https://mta-sts.DOMAIN/.well-known/mta-sts.txt` as a sender would (RFC 8461
 * §3.3): HTTPS with a certificate valid for `mta-sts.DOMAIN`, only a 200 answer counts, redirects are not followed,
 * the body is read up to MAX_POLICY_BYTES (the RFC's suggested 64 KB) within the deadline (suggested: one minute;
 * ours is the probe's). `mta-sts.DOMAIN` is resolved with the same DNS servers as the rest of the probe. `ca` and
 * `port` exist for the lab (a test CA, a policy server on a loopback port); by default the system's trusted roots
 * and port 443 are used, as senders do.
 */
import { request } from 'node:https'
import { parseStsPolicy } from '../../shared/mail-policy/sts'
import type { PolicyFetch } from '../../shared/mail-policy/types'
import { resolveHost } from '../smtp/resolve'

export const MAX_POLICY_BYTES = 64 * 1024

export interface PolicyFetchOptions {
  dnsServers?: string[]
  timeoutMs: number
  /** PEM of the CA to trust instead of the system roots (lab only). */
  ca?: string
  /** Port of the policy host (lab only); 443 otherwise. */
  port?: number
}

export async function fetchStsPolicy(domain: string, options: PolicyFetchOptions): Promise<PolicyFetch> {
  const host = `mta-sts.${domain}`
  const url = `https://${host}/.well-known/mta-sts.txt`
  const fail = (reason: Exclude<PolicyFetch, { ok: true }>['reason'], message: string): PolicyFetch => ({
    ok: false,
    url,
    reason,
    message,
  })
  const started = Date.now()
  const address = await resolveHost(host, { servers: options.dnsServers, timeoutMs: options.timeoutMs })
  if (!address.ok) return fail('https-failed', address.message)
  const left = Math.max(1, options.timeoutMs - (Date.now() - started))
  return new Promise<PolicyFetch>((resolve) => {
    const req = request({
      host: address.value[0]!.address,
      port: options.port ?? 443,
      servername: host,
      path: '/.well-known/mta-sts.txt',
      method: 'GET',
      headers: { host, 'user-agent': 'Unmask MTA-STS check' },
      ...(options.ca ? { ca: options.ca } : {}),
      timeout: left,
      agent: false,
    })
    const timer = setTimeout(() => {
      req.destroy()
      resolve(fail('https-failed', `no complete answer within ${options.timeoutMs} ms`))
    }, left)
    const done = (result: PolicyFetch) => {
      clearTimeout(timer)
      resolve(result)
    }
    req.on('error', (error: NodeJS.ErrnoException) =>
      done(fail('https-failed', `${error.code ?? ''} ${error.message}`.trim())),
    )
    req.on('response', (res) => {
      if (res.statusCode !== 200) {
        res.destroy()
        return done(
          fail(
            'https-status',
            `HTTP ${res.statusCode}${res.headers.location ? ` → ${res.headers.location} (not followed)` : ''}`,
          ),
        )
      }
      const type = String(res.headers['content-type'] ?? '')
      if (!/^text\/plain\b/i.test(type)) {
        res.destroy()
        return done(fail('invalid', `media type "${type}" (RFC 8461 §3.2: text/plain)`))
      }
      const chunks: Buffer[] = []
      let size = 0
      res.on('data', (chunk: Buffer) => {
        size += chunk.length
        if (size > MAX_POLICY_BYTES) {
          res.destroy()
          return done(fail('too-large', `policy larger than ${MAX_POLICY_BYTES} bytes`))
        }
        chunks.push(chunk)
      })
      res.on('error', (error) => done(fail('https-failed', error.message)))
      res.on('end', () => {
        const parsed = parseStsPolicy(Buffer.concat(chunks).toString('utf8'))
        done(parsed.ok ? { ok: true, url, policy: parsed.policy } : fail('invalid', parsed.reason))
      })
    })
    req.end()
  })
}
