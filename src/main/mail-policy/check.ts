/**
 * The mail-policy check of a domain (issue 17), run beside the probe of its MX hosts: `_mta-sts` TXT and, when
 * valid, the HTTPS policy; `_smtp._tls` TXT; `_25._tcp.MX` TLSA for each MX. All lookups run at once, each with the
 * deadline given, and every outcome is a state in the result (src/shared/mail-policy/types.ts).
 */
import { parseStsRecord, parseTlsRptRecord } from '../../shared/mail-policy/sts'
import type { MailPolicyCheck } from '../../shared/mail-policy/types'
import { lookupTlsa, lookupTxt } from './dns'
import { fetchStsPolicy } from './fetch-policy'

export interface MailPolicyOptions {
  /** The probe's `--dns` servers; the system's otherwise. */
  dnsServers?: string[]
  timeoutMs: number
  /** Lab only: the CA of the policy server, and its port. */
  policyCa?: string
  policyPort?: number
}

export async function checkMailPolicy(
  domain: string,
  mxHosts: readonly string[],
  options: MailPolicyOptions,
): Promise<MailPolicyCheck> {
  const dns = { servers: options.dnsServers, timeoutMs: options.timeoutMs }
  const name = domain.toLowerCase().replace(/\.$/, '')
  const [sts, tlsrpt, tlsa] = await Promise.all([
    lookupTxt(`_mta-sts.${name}`, dns),
    lookupTxt(`_smtp._tls.${name}`, dns),
    Promise.all(mxHosts.map((mx) => lookupTlsa(`_25._tcp.${mx.replace(/\.$/, '')}`, dns))),
  ])
  const stsRecord = sts.ok ? parseStsRecord(sts.value) : sts
  const check: MailPolicyCheck = {
    domain: name,
    stsRecord,
    tlsrpt: tlsrpt.ok ? parseTlsRptRecord(tlsrpt.value) : tlsrpt,
    mx: mxHosts.map((host, i) => ({ host: host.replace(/\.$/, ''), tlsa: tlsa[i]! })),
  }
  if (stsRecord.ok)
    check.stsPolicy = await fetchStsPolicy(name, {
      dnsServers: options.dnsServers,
      timeoutMs: options.timeoutMs,
      ca: options.policyCa,
      port: options.policyPort,
    })
  return check
}
