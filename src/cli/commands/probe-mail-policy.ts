/**
 * `unmask probe DOMAIN` with the domain's mail policies (issue 17): started as soon as the MX plan is known, so it
 * runs while the MX hosts are probed; then each MX's probe is judged with them (src/shared/mail-policy/verdict.ts).
 * `--mta-sts-ca FILE` and `--mta-sts-port N` point the HTTPS policy fetch at a lab policy server; without them the
 * system's trusted roots and port 443 are used. DNS goes wherever the probe's DNS goes (`--dns`, else the system).
 */
import type { DomainPlan } from '../../main/smtp/mx'
import type { AnalysedProbe } from '../../main/smtp/run'
import type { Translate } from '../../shared/i18n'
import { renderMailPolicyText } from '../../shared/mail-policy/text'
import type { MailPolicyCheck } from '../../shared/mail-policy/types'
import { judgeMx, type MxPolicyVerdict } from '../../shared/mail-policy/verdict'
import { DEFAULT_TIMEOUTS } from '../../shared/probe/types'
import { type CliContext, UsageError } from '../io'
import { readText } from '../read-input'

export interface MailPolicyCliOptions {
  mtaStsCa?: string
  mtaStsPort?: string
}

export interface MailPolicyReport {
  check: MailPolicyCheck
  verdicts: MxPolicyVerdict[]
}

/** Validated before any network step, so bad options exit 2 without probing. */
export async function mailPolicyOptions(opts: MailPolicyCliOptions, ctx: CliContext) {
  const { t } = ctx
  let policyCa: string | undefined
  if (opts.mtaStsCa !== undefined) {
    policyCa = await readText(ctx, opts.mtaStsCa)
    if (!policyCa.includes('-----BEGIN CERTIFICATE-----'))
      throw new UsageError(t('findings.mailPolicy.cli.badCa', { file: opts.mtaStsCa }))
  }
  let policyPort: number | undefined
  if (opts.mtaStsPort !== undefined) {
    policyPort = /^[0-9]{1,5}$/.test(opts.mtaStsPort) ? Number(opts.mtaStsPort) : 0
    if (policyPort < 1 || policyPort > 65535) throw new UsageError(t('probe.cli.badPort'))
  }
  return { policyCa, policyPort }
}

export async function startMailPolicy(
  domain: DomainPlan,
  dnsServers: string[] | undefined,
  timeoutMs: number | undefined,
  lab: { policyCa?: string; policyPort?: number },
): Promise<MailPolicyCheck> {
  const { checkMailPolicy } = await import('../../main/mail-policy/check')
  const hosts = domain.implicitMx ? [domain.domain] : domain.mx.map((m) => m.exchange)
  return checkMailPolicy(domain.domain, hosts, {
    dnsServers,
    timeoutMs: Math.min(timeoutMs ?? DEFAULT_TIMEOUTS.totalMs, 60_000),
    ...lab,
  })
}

/** One verdict per MX host: the worst of its addresses' probes (an MX over IPv4 and IPv6 may cross two firewalls). */
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

export function mailPolicyText(report: MailPolicyReport, t: Translate): string {
  return renderMailPolicyText(report.check, report.verdicts, t)
}
