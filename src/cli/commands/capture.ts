/**
 * `unmask capture --device URL --mail-host ADDR --probe HOST[:PORT] [--direction inbound|outbound]
 * [--server-interface IF] [--client-interface IF] [--peer-address ADDR] [--access-list] [--case DIR] [--yes] [--json]`: the guided packet capture on a
 * firewall (issue 21). Prints the exact capture lines, the read-back and the removal lines, and types them only after
 * `yes` at the prompt (or --yes in scripts); then probes through the firewall, reads both captures back into the case
 * and removes them. Exit codes (README "Exit codes"): 0 captured and no line changed, 1 the firewall changed a line
 * (the rewrite finding), 2 bad usage / not confirmed / not possible on this device, 3 could not connect or the session
 * was lost, 4 a capture may still be on the device. A PIX/ASA 7.0 refuses `capture … match`: the run then says so
 * (exit 2) and --access-list proposes the access-list form, which changes the running-config for the run.
 *
 * Only the options live here; the run (capture-run.ts, with ssh2 and the capture engine) is loaded when it runs.
 */
import type { Command } from 'commander'
import type { CliContext } from '../io'
import type { CaptureOptions } from './capture-run'

export function registerCaptureCommand(program: Command, ctx: CliContext): void {
  const k = (key: string) => ctx.t(`device.guidedCapture.options.${key}`)
  program
    .command('capture')
    .description(ctx.t('device.guidedCapture.description'))
    .requiredOption('--device <url>', k('device'))
    .requiredOption('--mail-host <address>', k('mailHost'))
    .requiredOption('--probe <host[:port]>', k('probe'))
    .option('--direction <direction>', k('direction'), 'inbound')
    .option('--server-interface <nameif>', k('serverInterface'))
    .option('--client-interface <nameif>', k('clientInterface'))
    .option('--peer-address <address>', k('peerAddress'))
    .option('--access-list', k('accessList'))
    .option('--case <dir>', k('case'))
    .option('--customer <name>', k('customer'))
    .option('--yes', k('yes'))
    .option('--engineer <name>', k('engineer'))
    .option('--password-env <name>', k('passwordEnv'))
    .option('--secret-env <name>', k('secretEnv'))
    .option('--accept-new-host-key', k('acceptNewHostKey'))
    .option('--legacy', k('legacy'))
    .option('--json', ctx.t('cli.options.json'))
    .action(async (opts: CaptureOptions) => {
      const { runCapture } = await import('./capture-run')
      ctx.exitCode = await runCapture(opts, ctx)
    })
}
