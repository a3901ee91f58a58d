/**
 * A mail domain probed with its policies, for the CLI (`unmask probe DOMAIN`) and the app (`mailPolicy.probe`): the
 * MX plan starts the MTA-STS/TLS-RPT/DANE lookups (check.ts) while the MX hosts are probed, then each MX is judged
 * with them (src/shared/mail-policy/verdict.ts), the worst of its addresses counting (an MX reached over IPv4 and
 * IPv6 may cross two firewalls).
 */
import type { MailPolicyCheck } from '../../shared/mail-policy/types'
import { judgeMx, type MailPolicyReport, type MxPolicyVerdict } from '../../shared/mail-policy/verdict'
import { DEFAULT_TIMEOUTS } from '../../shared/probe/types'
import type { CaseHandle } from '../cases/case-store'
import type { DomainPlan } from '../smtp/mx'
import type { BatchOptions } from '../smtp/probe-many'
import { type AnalysedProbe, type ProbeReport, runProbeRequest } from '../smtp/run'
import { checkMailPolicy } from './check'
import { recordMailPolicy } from './journal'

export type { MailPolicyReport } from '../../shared/mail-policy/verdict'

/** Lab only: the policy host's CA and port (the defaults are the system roots and 443). */
export interface PolicyLab {
  policyCa?: string
  policyPort?: number
}

export function startMailPolicy(
  domain: DomainPlan,
  dnsServers: string[] | undefined,
  timeoutMs: number | undefined,
  lab: PolicyLab,
): Promise<MailPolicyCheck> {
  const hosts = domain.implicitMx ? [domain.domain] : domain.mx.map((m) => m.exchange)
  return checkMailPolicy(domain.domain, hosts, {
    dnsServers,
    timeoutMs: Math.min(timeoutMs ?? DEFAULT_TIMEOUTS.totalMs, 60_000),
    ...lab,
  })
}

export function judgeProbes(check: MailPolicyCheck, probes: readonly AnalysedProbe[]): MxPolicyVerdict[] {
  const order: MxPolicyVerdict['level'][] = ['critical', 'warning', 'info', 'good']
  const byHost = new Map<string, MxPolicyVerdict>()
  for (const p of probes) {
    const host = p.result.target.host.replace(/\.$/, '')
    const chain = p.result.tls?.established
      ? p.result.tls.chain.map((c) => ({ sha256: c.sha256, spkiSha256: c.spkiSha256 }))
      : null
    const v = judgeMx(check, { host, verdict: p.verdict.id, chain })
    const seen = byHost.get(host)
    if (!seen || order.indexOf(v.level) < order.indexOf(seen.level)) byHost.set(host, v)
  }
  return [...byHost.values()]
}

/**
 * The verdicts of a domain once its policy lookups and its MX probes are done, written into the case journal right
 * away (CLI and app): the probes are already there, one entry each as it completed.
 */
export function finishMailPolicy(
  check: MailPolicyCheck,
  probes: readonly AnalysedProbe[],
  journal?: CaseHandle,
): MailPolicyReport {
  const report = { check, verdicts: judgeProbes(check, probes) }
  if (journal) recordMailPolicy(journal, report)
  return report
}

/** The app's entry: probe the MX hosts of `domain` (port 25 unless given) and judge them with its policies. */
export async function probeDomainWithPolicy(
  domain: string,
  options: BatchOptions & PolicyLab & { port?: number },
  journal?: CaseHandle,
): Promise<{ report: ProbeReport; mailPolicy: MailPolicyReport | null }> {
  let policy: Promise<MailPolicyCheck> | undefined
  const report = await runProbeRequest(
    {
      target: { host: domain, port: options.port ?? 25, explicitPort: false },
      mode: 'starttls',
      options,
    },
    {
      planned: (_kind, _targets, plan) => {
        if (plan) policy = startMailPolicy(plan, options.dnsServers, options.timeouts?.totalMs, options)
      },
    },
    journal,
  )
  const check = await policy
  return { report, mailPolicy: check ? finishMailPolicy(check, report.probes, journal) : null }
}
