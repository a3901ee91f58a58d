/**
 * The scripted ASA-like CLI as a process: the ForceCommand of the OpenSSH test user (see openssh.ts).
 * Arguments: --platform asa|pix7|pix6|ftd, --secret S. The PTY is put in raw mode so the CLI echoes and
 * pages itself, as a firewall does.
 */
import { AsaLikeCli, type CliPlatform } from './asa-like-cli'

function arg(name: string): string | undefined {
  const i = process.argv.indexOf(`--${name}`)
  return i >= 0 ? process.argv[i + 1] : undefined
}

if (process.stdin.isTTY) process.stdin.setRawMode(true)
const cli = new AsaLikeCli(
  (text) => process.stdout.write(text),
  () => process.stdout.write('', () => process.exit(0)),
  {
    platform: (arg('platform') as CliPlatform | undefined) ?? 'asa',
    enableSecret: arg('secret') ?? 'cisco-enable',
    terminalSize: () => ({ cols: process.stdout.columns ?? 0, rows: process.stdout.rows ?? 0 }),
  },
)
process.stdin.on('data', (chunk: Buffer) => cli.input(chunk.toString('utf8')))
process.stdin.on('end', () => process.exit(0))
