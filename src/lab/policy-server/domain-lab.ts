/**
 * A mail domain on the lab (issue 17), everything on 127.0.0.1: the DNS server (MX, A, `_mta-sts`, `_smtp._tls`,
 * TLSA), the MTA-STS policy host with its test CA (the CA's PEM written to the state folder for `--mta-sts-ca`), and
 * the mail host `mx1.lab.test` behind the lab's inspecting firewall, whose policy can be changed between probes (the
 * fix). `spki` is the SHA-256 of the mail host's public key, for a matching DANE `3 1 1` record.
 */
import { createHash, X509Certificate } from 'node:crypto'
import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { type LabDnsServer, startLabDns } from '../dns/server'
import { startMailHost } from '../mail/mail-host'
import { startInspectionProxy } from '../proxy/inspection-proxy'
import { type InspectionPolicy, newCounters } from '../proxy/policy'
import { type LabPem, makeLabCa } from './ca'
import { type LabPolicyServer, startLabPolicyServer, stsPolicyText } from './server'

export const LAB_DOMAIN = 'lab.test'
export const LAB_MX = 'mx1.lab.test'

/** ASA `inspect esmtp` with the default map: STARTTLS masked to XXXXXXXA. */
export const MASKING_FIREWALL: InspectionPolicy = {
  kind: 'esmtp',
  map: '_default_esmtp_map',
  maskBanner: false,
  allowTls: false,
  duplicateHeaderBug: false,
}

export interface PolicyDomainLab {
  dns: LabDnsServer
  policyHost: LabPolicyServer
  ca: LabPem
  caFile: string
  /** The firewall in front of the mail host: probe this port. */
  mxPort: number
  /** The mail host itself, without the firewall. */
  directPort: number
  spki: string
  firewall: { policy: InspectionPolicy }
  close(): Promise<void>
}

export async function startPolicyDomainLab(
  stateDir: string,
  options: { mode?: 'enforce' | 'testing' | 'none'; firewall?: InspectionPolicy; tlsrpt?: boolean } = {},
): Promise<PolicyDomainLab> {
  const closers: Array<() => Promise<void>> = []
  const close = async () => {
    for (const c of closers.reverse()) await c()
  }
  try {
    const host = await startMailHost({ persona: 'esa', hostname: LAB_MX, domain: LAB_DOMAIN, stateDir })
    closers.push(() => host.close())
    const firewall = { policy: options.firewall ?? MASKING_FIREWALL }
    const proxy = await startInspectionProxy({
      upstream: host,
      firewall: { currentPolicy: () => firewall.policy, counters: newCounters(), log: () => {} },
    })
    closers.push(() => proxy.close())
    const key = new X509Certificate(host.certificate.cert).publicKey.export({ type: 'spki', format: 'der' })
    const ca = await makeLabCa()
    const caFile = join(stateDir, 'lab-ca.pem')
    writeFileSync(caFile, ca.cert)
    const mode = options.mode ?? 'enforce'
    const policyHost = await startLabPolicyServer(ca, LAB_DOMAIN, stsPolicyText(mode, mode === 'none' ? [] : [LAB_MX]))
    closers.push(() => policyHost.close())
    const dns = await startLabDns({
      [LAB_DOMAIN]: { mx: [{ preference: 10, exchange: LAB_MX }] },
      [LAB_MX]: { a: ['127.0.0.1'] },
      [`mta-sts.${LAB_DOMAIN}`]: { a: ['127.0.0.1'] },
      [`_mta-sts.${LAB_DOMAIN}`]: { txt: ['v=STSv1; id=1'] },
      ...(options.tlsrpt === false
        ? {}
        : { [`_smtp._tls.${LAB_DOMAIN}`]: { txt: [`v=TLSRPTv1; rua=mailto:tls-reports@${LAB_DOMAIN}`] } }),
    })
    closers.push(() => dns.close())
    return {
      dns,
      policyHost,
      ca,
      caFile,
      mxPort: proxy.port,
      directPort: host.port,
      spki: createHash('sha256').update(key).digest('hex'),
      firewall,
      close,
    }
  } catch (error) {
    await close()
    throw error
  }
}
