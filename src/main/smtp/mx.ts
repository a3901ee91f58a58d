/**
 * From a mail domain to the list of things to probe: its MX hosts by preference and every address of each
 * (an MX reached over IPv4 and IPv6 may cross different firewalls). A domain without MX records gets
 * mail at its own address (RFC 5321 §5.1), so that is probed instead.
 */
import type { ProbeTarget } from '../../shared/probe/types'
import { type MxHost, type Resolution, resolveHost, resolveMx } from './resolve'

export interface DomainPlan {
  domain: string
  mx: MxHost[]
  /** True when the domain has no MX and its own address is used. */
  implicitMx: boolean
  targets: ProbeTarget[]
  /** MX hosts whose addresses could not be found; they are reported, not probed. */
  unresolved: Array<{ exchange: string; message: string }>
}

export interface PlanOptions {
  port: number
  dnsServers?: string[]
  timeoutMs: number
  /** Copied into every target. */
  template?: Pick<ProbeTarget, 'vantage' | 'mode' | 'ehloName'>
}

export async function planDomain(domain: string, options: PlanOptions): Promise<Resolution<DomainPlan>> {
  const dns = { servers: options.dnsServers, timeoutMs: options.timeoutMs }
  const mx = await resolveMx(domain, dns)
  let hosts: MxHost[]
  let implicitMx = false
  if (mx.ok && mx.value.length > 0) hosts = mx.value
  else if (mx.ok || mx.errno === 'ENODATA') {
    hosts = [{ exchange: domain, priority: 0 }]
    implicitMx = true
  } else return mx

  const plan: DomainPlan = { domain, mx: implicitMx ? [] : hosts, implicitMx, targets: [], unresolved: [] }
  const addresses = await Promise.all(hosts.map((h) => resolveHost(h.exchange, dns)))
  hosts.forEach((host, i) => {
    const found = addresses[i]!
    if (!found.ok) plan.unresolved.push({ exchange: host.exchange, message: found.message })
    else
      for (const a of found.value)
        plan.targets.push({ ...options.template, host: host.exchange, port: options.port, address: a.address })
  })
  return { ok: true, value: plan }
}
