/**
 * The site's own outbound mail path: remote MX hosts ("providers", each a mail host on 127.0.0.1) reached through
 * the lab firewall's egress side. The default `global_policy` inspects TCP/25 whichever way it crosses the box
 * (pix-asa-smtp-inspection.md §7.1), so every provider shows the same masking from inside — which is what
 * `unmask probe --egress` looks for. Each connection asks the firewall for the policy of a flow entering on
 * `inside`, so an interface policy on `inside` (or its absence) decides as on a real ASA.
 */
import type { LabDevice } from './devices/lab-device'
import { type MailHost, startMailHost } from './mail/mail-host'
import type { PersonaId } from './mail/personas'
import { type InspectionProxy, startInspectionProxy } from './proxy/inspection-proxy'

export interface LabProvider {
  hostname: string
  domain: string
  persona: PersonaId
  /** SMTP to this provider through the firewall's egress path. */
  smtp: { host: '127.0.0.1'; port: number }
  /** SMTP straight to the provider, bypassing the firewall. */
  direct: { host: '127.0.0.1'; port: number }
  mailHost: MailHost
}

export async function startProviders(
  specs: ReadonlyArray<{ persona: PersonaId; hostname: string; domain: string }>,
  device: LabDevice | undefined,
  stateDir: string,
  closers: Array<() => Promise<void>>,
): Promise<LabProvider[]> {
  const egress = device
    ? {
        counters: device.counters,
        log: (m: string) => device.log(m),
        currentPolicy: () => device.policyFor('inside'),
        captures: device.captures,
        mailHostAddresses: (host: string, peer: string) => device.mailHostAddresses(host, peer),
      }
    : null
  const providers: LabProvider[] = []
  for (const spec of specs) {
    const mailHost = await startMailHost({ ...spec, stateDir })
    closers.push(() => mailHost.close())
    const proxy: InspectionProxy = await startInspectionProxy({
      upstream: mailHost,
      firewall: egress,
      interfaces: { client: 'inside', server: 'outside' },
      // The client is the site's mail host: its captures show it real on inside, NAT-mapped on outside; a provider
      // keeps its socket address (the scenario names none), which the guided plan matches as `any` (plan.ts).
      mailHostEnd: 'client',
    })
    closers.push(() => proxy.close())
    providers.push({
      ...spec,
      smtp: { host: '127.0.0.1', port: proxy.port },
      direct: { host: '127.0.0.1', port: mailHost.port },
      mailHost,
    })
  }
  return providers
}
