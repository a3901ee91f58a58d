/**
 * `unmask diagnose` in-process against the lab's asa9-default: usage errors, a diagnosis without --fix (preview
 * only, nothing sent), a refused confirmation, and the whole loop confirmed by flags with save and an HTML report.
 */
import { spawn } from 'node:child_process'
import { existsSync, readFileSync, writeFileSync } from 'node:fs'
import { type AddressInfo, createServer } from 'node:net'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type Lab, startLab } from '../../src/lab'
import { CaseStore } from '../../src/main/cases/case-store'
import { runUnmask } from '../support/cli'
import { makeTempDir } from '../support/temp-dir'

const ROOT = join(__dirname, '..', '..')

describe('unmask diagnose', () => {
  const tmp = makeTempDir('unmask-cli-diagnose-')
  let lab: Lab
  beforeAll(async () => {
    lab = await startLab({ scenario: 'asa9-default', stateDir: join(tmp.path, 'lab') })
  })
  afterAll(async () => {
    await lab?.stop()
    tmp.remove()
  })
  const env = () => ({ UNMASK_HOME: join(tmp.path, 'home'), FW_PASS: 'lab-admin', FW_ENABLE: 'lab-enable' })
  const base = () => [
    'diagnose',
    '--device',
    `ssh://admin@127.0.0.1:${lab.management!.port}`,
    '--probe',
    `127.0.0.1:${lab.smtp.port}`,
    '--probe-direct',
    `127.0.0.1:${lab.direct.port}`,
    '--password-env',
    'FW_PASS',
    '--secret-env',
    'FW_ENABLE',
    '--engineer',
    'Kim',
  ]
  const running = () => lab.device!.runningText().join('\n')

  it('rejects bad usage with exit 2 before touching anything', async () => {
    const noConfirm = await runUnmask([...base(), '--fix', 'asa.no-inspect-esmtp'], env())
    expect(noConfirm.code).toBe(2)
    expect(noConfirm.stderr).toContain('--fix needs --confirm')
    const saveAlone = await runUnmask([...base(), '--save'], env())
    expect(saveAlone.code).toBe(2)
    const noEnv = await runUnmask([...base().slice(0, 7), '--password-env', 'NOPE'], env())
    expect(noEnv).toMatchObject({ code: 2 })
    expect(noEnv.stderr).toContain('NOPE')
    const noPassword = await runUnmask(base().slice(0, 7), env())
    expect(noPassword.code).toBe(2)
    // There is no way to give a password on the command line.
    const argvPassword = await runUnmask([...base(), '--password', 'lab-admin'], env())
    expect(argvPassword.code).toBe(2)
    expect(existsSync(join(tmp.path, 'home', 'cases'))).toBe(false)
  })

  it('needs the host key accepted explicitly', async () => {
    const run = await runUnmask(base(), env())
    expect(run.code).toBe(3)
    expect(run.stderr).toMatch(/host key .* unknown .*SHA256:/)
  })

  it('without --fix: probes, reads, diagnoses and previews, and sends no configuration', async () => {
    const config = running()
    const run = await runUnmask([...base(), '--accept-new-host-key'], env())
    expect(run.stderr).toBe('')
    expect(run.code).toBe(1)
    expect(run.stdout).toContain('New SSH host key accepted')
    expect(run.stdout).toMatch(/through the firewall 127\.0\.0\.1:\d+: .*STARTTLS masked/)
    expect(run.stdout).toMatch(/direct to the server 127\.0\.0\.1:\d+: .*STARTTLS advertised/)
    expect(run.stdout).toContain('Plan asa.allow-tls-map (change)')
    expect(run.stdout).toContain('config-pmap-p  allow-tls action log')
    expect(run.stdout).toContain('To apply: unmask diagnose ... --fix asa.no-inspect-esmtp --confirm ciscoasa')
    expect(running()).toBe(config)
  })

  it('a wrong --confirm is refused and nothing is sent', async () => {
    const config = running()
    const run = await runUnmask([...base(), '--fix', 'asa.no-inspect-esmtp', '--confirm', 'ciscoASA-2'], env())
    expect(run.code).toBe(1)
    expect(run.stdout).toContain('CONFIRMED BY FLAG: --confirm ciscoASA-2')
    expect(run.stdout).toContain('is not the device\'s hostname ("ciscoasa")')
    expect(running()).toBe(config)
  })

  it('with --fix, --confirm and --save: applies line by line, verifies, saves and writes the report', async () => {
    const reportFile = join(tmp.path, 'report.html')
    const run = await runUnmask(
      [
        ...base(),
        '--customer',
        'Hanbit Logistics',
        '--fix',
        'asa.allow-tls-map',
        '--confirm',
        'ciscoasa',
        '--save',
        '--report',
        reportFile,
      ],
      env(),
    )
    expect(run.stderr).toBe('')
    expect(run.code).toBe(0)
    const out = run.stdout
    expect(out).toContain('CONFIRMED BY FLAG: --confirm ciscoasa (device ciscoasa), by Kim')
    expect(out).toMatch(/Backup of the running configuration in the case: \S+ \(SHA-256 [0-9a-f]{64}\)/)
    expect(out).toContain('[ok]   ciscoasa(config-pmap-p)# allow-tls action log')
    expect(out).toContain('Outcome: Fixed')
    expect(out).toContain('SAVE CONFIRMED BY FLAG: --save, by Kim')
    expect(out).toContain('Saved: write memory answered [OK].')
    expect(out.indexOf('== Apply ==')).toBeLessThan(out.indexOf('== Verify =='))
    expect(out.indexOf('== Verify ==')).toBeLessThan(out.indexOf('== Save =='))
    expect(lab.device!.startup.some((n) => n.line === 'policy-map type inspect esmtp UNMASK_ESMTP_TLS')).toBe(true)
    const html = readFileSync(reportFile, 'utf8')
    expect(html).toContain('allow-tls action log')
    expect(html).toContain('Hanbit Logistics')
    const dir = /Case folder: (.+)/.exec(out)![1]!
    const types = new CaseStore(join(tmp.path, 'home')).read(dir).entries.map((e) => e.type)
    const entries = new CaseStore(join(tmp.path, 'home')).read(dir)
    const rawLog = entries.attachments.find((a) => a.name.endsWith('-raw.log'))
    expect(rawLog).toBeDefined()
    const raw = readFileSync(join(dir, 'attachments', rawLog!.name), 'utf8')
    expect(raw).toContain('allow-tls action log')
    // The passwords never reach the case, not even in the raw session log.
    expect(raw).not.toContain('lab-enable')
    expect(JSON.stringify(entries.entries)).not.toContain('lab-admin')
    for (const type of [
      'probe.result',
      'device.output',
      'diagnosis.result',
      'fix.preview',
      'fix.backup',
      'fix.applied',
      'fix.verified',
      'fix.saved',
    ])
      expect(types).toContain(type)
  })
})

describe('unmask diagnose --undo-on-failure, and a PIX 6 over telnet', () => {
  const tmp = makeTempDir('unmask-cli-diagnose-2-')
  let asa: Lab
  let pix: Lab
  let closedPort = 0
  beforeAll(async () => {
    asa = await startLab({ scenario: 'asa9-default', stateDir: join(tmp.path, 'lab-asa') })
    pix = await startLab({ scenario: 'pix6-mailguard', stateDir: join(tmp.path, 'lab-pix') })
    // A port with nothing behind it: a vantage point that stays broken whatever the firewall does.
    const server = createServer()
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
    closedPort = (server.address() as AddressInfo).port
    await new Promise<void>((resolve) => server.close(() => resolve()))
  })
  afterAll(async () => {
    await asa?.stop()
    await pix?.stop()
    tmp.remove()
  })
  const env = { UNMASK_HOME: join(tmp.path, 'home'), FW_PASS: 'lab-admin', FW_ENABLE: 'lab-enable' }

  it('undoes the change when verification does not show it fixed, and does not save', async () => {
    const run = await runUnmask(
      [
        'diagnose',
        '--device',
        `ssh://admin@127.0.0.1:${asa.management!.port}`,
        '--probe',
        `127.0.0.1:${closedPort}`,
        '--probe-direct',
        `127.0.0.1:${asa.direct.port}`,
        '--password-env',
        'FW_PASS',
        '--secret-env',
        'FW_ENABLE',
        '--accept-new-host-key',
        '--fix',
        'asa.no-inspect-esmtp',
        '--confirm',
        'ciscoasa',
        '--undo-on-failure',
        '--save',
      ],
      env,
    )
    expect(run.code).toBe(4)
    const out = run.stdout
    expect(out).toContain('Outcome: Partly fixed')
    expect(out).toContain('Verification failed: undoing the change (--undo-on-failure).')
    expect(out).toContain('[ok]   ciscoasa(config-pmap-c)# inspect esmtp')
    expect(out).toContain('Not saved, because verification did not show the fix working.')
    expect(asa.device!.runningText().join('\n')).toMatch(/^ {2}inspect esmtp$/m)
    expect(
      asa.device!.startup.some((n) => n.children.some((c) => c.children.some((l) => l.line === 'inspect esmtp'))),
    ).toBe(true)
    const dir = /Case folder: (.+)/.exec(out)![1]!
    const types = new CaseStore(join(tmp.path, 'home')).read(dir).entries.map((e) => e.type)
    expect(types.filter((t) => t === 'fix.verified')).toHaveLength(2)
    expect(types).toContain('fix.undone')
    expect(types.indexOf('fix.undone')).toBeGreaterThan(types.indexOf('fix.applied'))
  })

  it('turns MailGuard off on a PIX 6.3 over telnet, verifies and saves', async () => {
    const run = await runUnmask(
      [
        'diagnose',
        '--device',
        `telnet://127.0.0.1:${pix.management!.port}`,
        '--probe',
        `127.0.0.1:${pix.smtp.port}`,
        '--password-env',
        'FW_PASS',
        '--secret-env',
        'FW_ENABLE',
        '--fix',
        'pix.no-fixup-smtp',
        '--confirm',
        'pixfirewall',
        '--save',
      ],
      env,
    )
    expect(run.stderr).toBe('')
    expect(run.code).toBe(0)
    expect(run.stdout).toContain('Connected to pixfirewall (pix6 6.3(5))')
    expect(run.stdout).toContain('[ok]   pixfirewall(config)# no fixup protocol smtp 25')
    expect(run.stdout).toContain('Outcome: Fixed')
    expect(pix.device!.startup.some((n) => n.line === 'fixup protocol smtp 25')).toBe(false)
  })
})

describe('npm run demo', () => {
  const tmp = makeTempDir('unmask-demo-test-')
  afterAll(() => tmp.remove())

  it('runs the whole job against the lab, says the fix was confirmed by flag, and leaves a case and a report', async () => {
    const child = spawn(process.execPath, [join(ROOT, 'node_modules', 'tsx', 'dist', 'cli.mjs'), 'scripts/demo.ts'], {
      cwd: ROOT,
      env: { ...process.env, UNMASK_HOME: tmp.path, LANG: 'en_US.UTF-8', UNMASK_LANG: 'en' },
      stdio: ['ignore', 'pipe', 'pipe'],
    })
    let stdout = ''
    let stderr = ''
    child.stdout.on('data', (d: Buffer) => {
      stdout += d.toString()
    })
    child.stderr.on('data', (d: Buffer) => {
      stderr += d.toString()
    })
    const code = await new Promise<number | null>((resolve) => {
      const timer = setTimeout(() => child.kill('SIGKILL'), 90_000)
      child.on('close', (c) => {
        clearTimeout(timer)
        resolve(c)
      })
    })
    expect(stderr).toBe('')
    expect(code).toBe(0)
    expect(stdout).toContain('THE FIX IS CONFIRMED BY FLAGS, NOT BY A PERSON')
    expect(stdout).toContain('Outcome: Fixed')
    expect(stdout).toContain('Saved: write memory answered [OK].')
    const report = /Report: (.+)/.exec(stdout)![1]!
    expect(readFileSync(report, 'utf8')).toContain('Demo customer (lab)')
    const cases = new CaseStore(tmp.path).list()
    expect(cases).toHaveLength(1)
    expect(cases[0]!.customer).toBe('Demo customer (lab)')
  }, 120_000)
})

describe.skipIf(!existsSync('/usr/bin/script'))('unmask diagnose on a terminal', () => {
  const tmp = makeTempDir('unmask-cli-tty-')
  let lab: Lab
  beforeAll(async () => {
    lab = await startLab({ scenario: 'asa9-default', stateDir: join(tmp.path, 'lab') })
  })
  afterAll(async () => {
    await lab?.stop()
    tmp.remove()
  })

  it('asks for the password without echoing it when no environment variable is named', async () => {
    const entry = join(tmp.path, 'cli-entry.ts')
    writeFileSync(entry, `import { main } from ${JSON.stringify(join(ROOT, 'src', 'cli', 'index'))}\nvoid main()\n`)
    const tsx = join(ROOT, 'node_modules', 'tsx', 'dist', 'cli.mjs')
    const command = [
      process.execPath,
      tsx,
      entry,
      'diagnose',
      '--device',
      `ssh://admin@127.0.0.1:${lab.management!.port}`,
      '--probe',
      `127.0.0.1:${lab.smtp.port}`,
      '--accept-new-host-key',
    ]
      .map((a) => `'${a}'`)
      .join(' ')
    // util-linux `script` gives the CLI a real terminal on stdin, as an engineer's shell would.
    const child = spawn('/usr/bin/script', ['-q', '-e', '-c', command, '/dev/null'], {
      env: { ...process.env, UNMASK_HOME: join(tmp.path, 'home'), LANG: 'en_US.UTF-8', UNMASK_LANG: 'en' },
      stdio: ['pipe', 'pipe', 'pipe'],
    })
    let screen = ''
    const answered = new Set<string>()
    const onOutput = (d: Buffer) => {
      screen += d.toString()
      if (!answered.has('password') && screen.includes('Password for ssh://admin@')) {
        answered.add('password')
        child.stdin.write('lab-admin\r')
      }
      if (!answered.has('secret') && screen.includes('Enable secret')) {
        answered.add('secret')
        child.stdin.write('lab-enable\r')
      }
    }
    child.stdout.on('data', onOutput)
    child.stderr.on('data', onOutput)
    const code = await new Promise<number | null>((resolve) => {
      const timer = setTimeout(() => child.kill('SIGKILL'), 60_000)
      child.on('close', (c) => {
        clearTimeout(timer)
        resolve(c)
      })
    })
    // The lab ASA inspects ESMTP: a cause is found, so exit 1 (README "Exit codes").
    expect(code).toBe(1)
    expect(screen).toContain('Connected to ciscoasa')
    expect(screen).not.toContain('lab-admin')
    expect(screen).not.toContain('lab-enable')
  }, 90_000)
})
