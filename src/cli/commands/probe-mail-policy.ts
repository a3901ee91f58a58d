/**
 * `unmask probe DOMAIN` with the domain's mail policies (issue 17): the options and the text; the lookups and the
 * judging are src/main/mail-policy/probe-domain.ts (shared with the app).
 * `--mta-sts-ca FILE` and `--mta-sts-port N` point the HTTPS policy fetch at a lab policy server; without them the
 * system's trusted roots and port 443 are used. DNS goes wherever the probe's DNS goes (`--dns`, else the system).
 */
import type { MailPolicyReport } from '../../main/mail-policy/probe-domain'
import type { Translate } from '../../shared/i18n'
import { renderMailPolicyText } from '../../shared/mail-policy/text'
import { type CliContext, UsageError } from '../io'
import { readText } from '../read-input'

export interface MailPolicyCliOptions {
  mtaStsCa?: string
  mtaStsPort?: string
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

export function mailPolicyText(report: MailPolicyReport, t: Translate): string {
  return renderMailPolicyText(report.check, report.verdicts, t)
}
