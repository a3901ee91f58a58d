/**
 * `npm run demo`: the whole job headless, on any machine. Starts the lab's asa9-default scenario, runs
 * `unmask diagnose` against it with the fix confirmed by flags (said loudly: nobody types the hostname here),
 * verifies, saves, writes the HTML report, prints where the case and the report are, and stops the lab.
 * Cases go to UNMASK_HOME when it is set, otherwise to a fresh folder under the system temp folder.
 * Runs under tsx as CommonJS, so there is no top-level await.
 */
import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { processIo } from '../src/cli/io'
import { runCli } from '../src/cli/program'
import { startLab } from '../src/lab'

const PASSWORD_VAR = 'UNMASK_DEMO_PASSWORD'
const SECRET_VAR = 'UNMASK_DEMO_ENABLE'

async function main(): Promise<number> {
  const home = process.env.UNMASK_HOME ?? mkdtempSync(join(tmpdir(), 'unmask-demo-'))
  const lab = await startLab({ scenario: 'asa9-default', stateDir: join(home, 'lab') })
  const stop = () => {
    void lab.stop().then(() => process.exit(130))
  }
  process.once('SIGINT', stop)
  process.once('SIGTERM', stop)
  try {
    const management = lab.management!
    const credentials = lab.credentials!
    const reportFile = join(home, 'unmask-demo-report.html')
    const argv = [
      'diagnose',
      '--device',
      `ssh://${credentials.username}@127.0.0.1:${management.port}`,
      '--probe',
      `127.0.0.1:${lab.smtp.port}`,
      '--probe-direct',
      `127.0.0.1:${lab.direct.port}`,
      '--password-env',
      PASSWORD_VAR,
      '--secret-env',
      SECRET_VAR,
      '--accept-new-host-key',
      '--customer',
      'Demo customer (lab)',
      '--engineer',
      'Unmask demo',
      '--fix',
      'asa.allow-tls-map',
      '--confirm',
      'ciscoasa',
      '--save',
      '--report',
      reportFile,
    ]
    const line = '='.repeat(78)
    process.stdout.write(
      [
        line,
        `Lab scenario asa9-default: ${lab.scenario.description}`,
        `  SMTP through the simulated ASA: 127.0.0.1:${lab.smtp.port}   direct to the mail host: 127.0.0.1:${lab.direct.port}`,
        `  ASA management (SSH): 127.0.0.1:${management.port}`,
        '',
        'THE FIX IS CONFIRMED BY FLAGS, NOT BY A PERSON: --fix asa.allow-tls-map --confirm ciscoasa --save',
        'On a real firewall the engineer reads the preview and types the hostname to confirm.',
        '',
        `$ unmask ${argv.join(' ')}`,
        line,
        '',
      ].join('\n'),
    )
    const io = processIo()
    io.env = {
      ...process.env,
      UNMASK_HOME: home,
      [PASSWORD_VAR]: credentials.password,
      [SECRET_VAR]: credentials.enable,
    }
    const code = await runCli(argv, io)
    process.stdout.write(
      `\n${line}\nunmask diagnose exited with ${code}.\nCases: ${join(home, 'cases')}\nReport: ${reportFile}\n${line}\n`,
    )
    return code
  } finally {
    await lab.stop()
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`)
    process.exit(1)
  },
)
