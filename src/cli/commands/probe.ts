/**
 * `unmask probe HOST[:PORT]|DOMAIN`: one host, the MX hosts of a domain (several at once, progress on
 * stderr), or a host compared with a second view of it (`--compare`). `unmask probe --egress` checks the local
 * outbound path against several remote MX hosts instead (probe-egress.ts). Text shows each transcript with
 * timings, the findings and a one-line verdict; `--json` prints everything. Exit codes (README "Exit codes"): 0
 * nothing wrong, 1 STARTTLS masked or missing, 2 bad usage, 3 a probe could not complete.
 *
 * Only the options live here; the run (probe-run.ts, with the probe engine and the case store) is loaded when the
 * command runs, so other commands start without it (README "Performance").
 */
import type { Command } from 'commander'
import { DEFAULT_CONCURRENCY } from '../../shared/probe/concurrency'
import { type CliContext, UsageError } from '../io'
import type { EgressCliOptions } from './probe-egress'
import type { ProbeCliOptions } from './probe-run'

export function registerProbeCommands(program: Command, ctx: CliContext): void {
  const { t } = ctx
  program
    .command('probe')
    .description(t('probe.cli.description'))
    .argument('[target]', t('probe.cli.target'))
    .option('--vantage <name>', t('probe.cli.vantage'))
    .option('--compare <target>', t('probe.cli.compare'))
    .option('--compare-vantage <name>', t('probe.cli.compareVantage'))
    .option('--port <port>', t('probe.cli.port'))
    .option('--case <case>', t('probe.cli.case'))
    .option('--json', t('cli.options.json'))
    .option('--timeout <ms>', t('probe.cli.timeout'))
    .option('--implicit-tls', t('probe.cli.implicitTls'))
    .option('--plain', t('probe.cli.plain'))
    .option('--legacy-tls', t('probe.cli.legacyTls'))
    .option('--ehlo <name>', t('probe.cli.ehlo'))
    .option('--dns <server>', t('probe.cli.dns'))
    .option('--mta-sts-ca <file>', t('findings.mailPolicy.cli.ca'))
    .option('--mta-sts-port <port>', t('findings.mailPolicy.cli.port'))
    .option('--concurrency <n>', t('probe.cli.concurrency', { n: DEFAULT_CONCURRENCY }))
    .option('--test-to <address>', t('probe.cli.testTo'))
    .option('--test-from <address>', t('probe.cli.testFrom'))
    .option('--dkim', t('probe.cli.dkim'))
    .option('--egress [hosts]', t('probe.egress.option'))
    .option('--egress-list <file>', t('probe.egress.listOption'))
    .action(async (target: string | undefined, opts: ProbeCliOptions & EgressCliOptions) => {
      if (opts.egress !== undefined || opts.egressList !== undefined) {
        if (target !== undefined) throw new UsageError(t('probe.egress.noTarget'))
        const { runEgress } = await import('./probe-egress')
        return runEgress(opts, ctx)
      }
      if (target === undefined) throw new UsageError(t('probe.cli.missingTarget'))
      const { runProbe } = await import('./probe-run')
      await runProbe(target, opts, ctx)
    })
}
