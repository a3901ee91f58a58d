/**
 * `unmask collect TARGET`: connect to a firewall, run the evidence script, print facts and findings.
 * Secrets come from named environment variables or a hidden prompt, never from argv (argv is visible to
 * every user of the machine). Exit codes (README "Exit codes"): 0 collected and nothing wrong found, 1 collected and
 * a problem found, 2 bad usage, 3 could not connect or the collection stopped.
 *
 * Only the options live here; the run (collect-run.ts, with ssh2 and the driver) is loaded when the command runs.
 */
import type { Command } from 'commander'
import type { CliContext } from '../io'
import type { CollectOptions } from './collect-run'

export function registerCollectCommand(program: Command, ctx: CliContext): void {
  const { t } = ctx
  program
    .command('collect')
    .description(t('device.collect.description'))
    .argument('<target>', t('device.collect.target'))
    .option('--legacy', t('device.collect.legacy'))
    .option('--case <dir>', t('device.collect.case'))
    .option('--json', t('cli.options.json'))
    .option('--accept-new-host-key', t('device.collect.acceptNewHostKey'))
    .option('--password-env <name>', t('device.collect.passwordEnv'))
    .option('--secret-env <name>', t('device.collect.secretEnv'))
    .option('--username <name>', t('device.collect.username'))
    .option('--identity <file>', t('device.collect.identity'))
    .option('--platform <platform>', t('device.collect.platform'))
    .option('--timeout <seconds>', t('device.collect.timeout'))
    .action(async (targetText: string, opts: CollectOptions) => {
      const { collect } = await import('./collect-run')
      await collect(ctx, targetText, opts)
    })
}
