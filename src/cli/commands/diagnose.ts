/**
 * `unmask diagnose --device URL --probe HOST[:PORT] [--probe-direct HOST[:PORT]] [--case DIR] [--fix PLAN --confirm
 * HOSTNAME] [--save] [--report FILE] [--json]`: probe the mail path, read the firewall, diagnose; with --fix preview,
 * apply, verify and optionally save, printing each step. Passwords come from named environment variables or a prompt
 * on a terminal, never from argv. Exit codes (README "Exit codes"): 0 no cause found or the fix verified (and saved
 * when asked), 1 a cause found and not fixed, 2 bad usage, 3 could not connect, 4 a change not verified or not saved.
 *
 * Only the options live here; the run and everything it loads (ssh2, the fix engine) comes in with `import()`.
 */
import type { Command } from 'commander'
import type { CliContext } from '../io'
import type { DiagnoseOptions } from './diagnose-options'

const collect = (value: string, previous: string[]) => [...previous, value]

export function registerDiagnoseCommand(program: Command, ctx: CliContext): void {
  const k = (key: string) => ctx.t(`fix.diagnose.options.${key}`)
  program
    .command('diagnose')
    .description(ctx.t('fix.diagnose.description'))
    .requiredOption('--device <url>', k('device'))
    .option('--probe <host[:port]>', k('probe'), collect, [])
    .option('--probe-direct <host[:port]>', k('probeDirect'), collect, [])
    .option('--case <dir>', k('case'))
    .option('--customer <name>', k('customer'))
    .option('--fix <plan>', k('fix'))
    .option('--confirm <hostname>', k('confirm'))
    .option('--save', k('save'))
    .option('--undo-on-failure', k('undoOnFailure'))
    .option('--report <file>', k('report'))
    .option('--password-env <name>', k('passwordEnv'))
    .option('--secret-env <name>', k('secretEnv'))
    .option('--engineer <name>', k('engineer'))
    .option('--context <name>', k('context'))
    .option('--accept-new-host-key', k('acceptNewHostKey'))
    .option('--legacy', k('legacy'))
    .option('--json', ctx.t('cli.options.json'))
    .action(async (opts: DiagnoseOptions) => {
      const { diagnose } = await import('./diagnose-run')
      ctx.exitCode = await diagnose(opts, ctx)
    })
}
