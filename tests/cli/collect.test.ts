import { type ChildProcess, spawn } from 'node:child_process'
import { existsSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { SerialPort } from 'serialport'
import { afterAll, afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { type Lab, startLab } from '../../src/lab'
import { CaseStore } from '../../src/main/cases/case-store'
import { AsaLikeCli } from '../support/asa-like-cli'
import { generateKeyPair } from '../support/asa-like-cli.ssh'
import { startTelnetDevice } from '../support/asa-like-cli.telnet'
import { runUnmask } from '../support/cli'
import { makeTempDir } from '../support/temp-dir'

const labs = makeTempDir('unmask-collect-lab-')
afterAll(() => labs.remove())

describe('unmask collect', () => {
  let home: ReturnType<typeof makeTempDir>
  let lab: Lab | undefined
  let env: NodeJS.ProcessEnv

  beforeEach(() => {
    home = makeTempDir()
    env = { UNMASK_HOME: join(home.path, 'unmask'), HOME: home.path, FW_PASS: 'lab-admin', FW_SECRET: 'lab-enable' }
  })
  afterEach(async () => {
    await lab?.stop()
    lab = undefined
    home.remove()
  })

  async function startScenario(scenario: string): Promise<Lab> {
    lab = await startLab({ scenario, stateDir: join(labs.path, scenario) })
    return lab
  }
  const sshTarget = (l: Lab) => `ssh://admin@127.0.0.1:${l.management!.port}`
  const secrets = ['--password-env', 'FW_PASS', '--secret-env', 'FW_SECRET']

  it('refuses an unknown host key without --accept-new-host-key and shows its fingerprint', async () => {
    const l = await startScenario('asa9-default')
    const run = await runUnmask(['collect', sshTarget(l), ...secrets], env)
    expect(run.code).toBe(3)
    expect(run.stderr).toMatch(/SHA256:[A-Za-z0-9+/]{43}/)
    expect(run.stderr).toContain('--accept-new-host-key')
    expect(existsSync(join(env.UNMASK_HOME!, 'known_hosts'))).toBe(false)
  })

  it('collects from the lab ASA into a case, prints facts and findings, and never stores a secret', async () => {
    const l = await startScenario('asa9-default')
    const store = new CaseStore(env.UNMASK_HOME!)
    const handle = store.create({ customer: 'Acme' })
    handle.close()
    const run = await runUnmask(
      ['collect', sshTarget(l), ...secrets, '--accept-new-host-key', '--case', handle.dir],
      env,
    )
    expect(run.stderr).toContain('Accepted new host key')
    expect(run.code).toBe(1)
    expect(run.stdout).toContain('Cisco ASA')
    expect(run.stdout).toContain('asa.esmtp-inspection-active')
    expect(run.stdout).toContain('9.8(4)10')
    const known = readFileSync(join(env.UNMASK_HOME!, 'known_hosts'), 'utf8')
    expect(known).toMatch(new RegExp(`^\\[127\\.0\\.0\\.1\\]:${l.management!.port} `))

    const detail = store.read(handle.dir)
    const types = detail.entries.map((e) => e.type)
    expect(types).toEqual(
      expect.arrayContaining([
        'device.session.opened',
        'device.command',
        'device.raw',
        'device.session.closed',
        'device.evidence',
      ]),
    )
    expect(detail.attachments.map((a) => a.name).join(' ')).toMatch(
      /session-.*-raw\.log.*session-.*\.log.*evidence-ssh\.txt/,
    )
    const everything = [readFileSync(join(handle.dir, 'journal.jsonl'), 'utf8')]
    for (const a of detail.attachments) everything.push(readFileSync(join(handle.dir, 'attachments', a.name), 'utf8'))
    const all = everything.join('\n')
    expect(all).toContain('show running-config')
    expect(all).not.toContain('lab-admin')
    expect(all).not.toContain('lab-enable')
    // The second run knows the key now: no acceptance message.
    const again = await runUnmask(['collect', sshTarget(l), ...secrets, '--json'], env)
    expect(again.code).toBe(1)
    expect(again.stderr).not.toContain('Accepted new host key')
    const parsed = JSON.parse(again.stdout)
    expect(parsed).toMatchObject({ ok: true, platform: 'asa', enabled: true })
    expect(parsed.analysis.findings.map((f: { id: string }) => f.id)).toContain('asa.esmtp-inspection-active')
  })

  it('stops on a changed host key and shows both fingerprints', async () => {
    const l = await startScenario('asa9-default')
    const first = await runUnmask(['collect', sshTarget(l), ...secrets, '--accept-new-host-key', '--json'], env)
    expect(first.code).toBe(1)
    const file = join(env.UNMASK_HOME!, 'known_hosts')
    const [name, type] = readFileSync(file, 'utf8').split(' ')
    // Another key of the same type under the same name: what a re-keyed or impostor device looks like.
    const other = type === 'ssh-rsa' ? generateKeyPair('rsa') : generateKeyPair('ed25519')
    expect(other.public.split(' ')[0]).toBe(type)
    writeFileSync(file, `${name} ${other.public.split(' ').slice(0, 2).join(' ')}\n`)
    const run = await runUnmask(['collect', sshTarget(l), ...secrets, '--accept-new-host-key'], env)
    expect(run.code).toBe(3)
    expect(run.stderr).toContain('CHANGED')
    expect(run.stderr.match(/SHA256:[A-Za-z0-9+/]{43}/g)?.length).toBe(2)
  })

  it('collects from the lab PIX 6.3 over telnet and finds MailGuard', async () => {
    const l = await startScenario('pix6-mailguard')
    const run = await runUnmask(['collect', `telnet://127.0.0.1:${l.management!.port}`, ...secrets, '--json'], env)
    expect(run.code).toBe(1)
    const parsed = JSON.parse(run.stdout)
    expect(parsed.platform).toBe('pix6')
    expect(parsed.analysis.findings.map((f: { id: string }) => f.id)).toContain('pix.mailguard-active')
  })

  it('needs --legacy for the lab ASA 8.x and says so in the error', async () => {
    const l = await startScenario('asa8-legacy-ssh')
    const refused = await runUnmask(['collect', sshTarget(l), ...secrets, '--accept-new-host-key'], env)
    expect(refused.code).toBe(3)
    expect(refused.stderr).toContain('--legacy')
    const run = await runUnmask(
      ['collect', sshTarget(l), ...secrets, '--accept-new-host-key', '--legacy', '--json'],
      env,
    )
    expect(run.code).toBe(1)
  })

  it('speaks Korean with --lang ko', async () => {
    const l = await startScenario('asa9-default')
    const run = await runUnmask(['collect', sshTarget(l), ...secrets, '--lang', 'ko'], env)
    expect(run.code).toBe(3)
    expect(run.stderr).toContain('호스트 키를 아직 모릅니다')
  })

  it('rejects bad usage with exit 2 and never takes a password from the target', async () => {
    const cases: Array<[string[], RegExp]> = [
      [['collect', 'ssh://admin:secret@127.0.0.1:22', ...secrets], /not a usable target/],
      [['collect', 'ftp://127.0.0.1', ...secrets], /not a usable target/],
      [['collect', 'ssh://admin@127.0.0.1:22', '--password-env', 'NOPE'], /NOPE/],
      [['collect', 'ssh://admin@127.0.0.1:22'], /--password-env/],
      [['collect', 'ssh://admin@127.0.0.1:22', ...secrets, '--platform', 'ios'], /Unknown platform/],
      [['collect', 'ssh://admin@127.0.0.1:22', ...secrets, '--timeout', '0'], /seconds/],
      [['collect', 'serial:///dev/ttyUSB0?parity=weird', ...secrets], /parity/],
    ]
    for (const [argv, message] of cases) {
      const run = await runUnmask(argv, env)
      expect(run.code, argv.join(' ')).toBe(2)
      expect(run.stderr).toMatch(message)
    }
  })

  it('answers a telnet Username/Password login with --username and the password from the environment', async () => {
    const device = await startTelnetDevice({
      platform: 'asa',
      loginPrompt: 'aaa',
      localUser: { username: 'netops', password: 'lab-admin' },
      enableSecret: 'lab-enable',
    })
    try {
      const run = await runUnmask(
        ['collect', `telnet://127.0.0.1:${device.port}`, '--username', 'netops', ...secrets, '--json'],
        env,
      )
      expect(run.code).toBe(1)
      expect(JSON.parse(run.stdout)).toMatchObject({ ok: true, platform: 'asa', enabled: true })
      expect(device.clis[0].received.slice(0, 4)).toEqual(['netops', 'lab-admin', 'enable', 'lab-enable'])
      const refused = await runUnmask(['collect', `telnet://127.0.0.1:${device.port}`, ...secrets], env)
      expect(refused.code).toBe(3)
      expect(refused.stderr).toContain('user name')
    } finally {
      await device.close()
    }
  })

  it('reports an unreachable device as a failed collection (exit 3), not a hang', async () => {
    const run = await runUnmask(['collect', 'telnet://127.0.0.1:1', ...secrets], env)
    expect(run.code).toBe(3)
    expect(run.stderr).toContain('Could not connect')
  })
})

describe.skipIf(!existsSync('/usr/bin/socat'))('unmask collect over a serial console (socat pty pair)', () => {
  let home: ReturnType<typeof makeTempDir>
  let socat: ChildProcess | undefined
  let port: SerialPort | undefined
  afterEach(async () => {
    await new Promise<void>((resolve) => (port?.isOpen ? port.close(() => resolve()) : resolve()))
    if (socat) {
      const exited = new Promise((r) => socat?.once('exit', r))
      socat.kill()
      await exited
    }
    home.remove()
  })

  it('wakes the console, enters enable with the secret from the environment and finds inspect esmtp', async () => {
    home = makeTempDir()
    const laptop = join(home.path, 'ttyLaptop')
    const consolePath = join(home.path, 'ttyConsole')
    socat = spawn('socat', [`pty,raw,echo=0,link=${laptop}`, `pty,raw,echo=0,link=${consolePath}`], { stdio: 'ignore' })
    await vi.waitFor(() => expect(existsSync(laptop) && existsSync(consolePath)).toBe(true), { timeout: 5_000 })
    const device = new SerialPort({ path: consolePath, baudRate: 9600, autoOpen: false })
    await new Promise<void>((resolve, reject) => device.open((e) => (e ? reject(e) : resolve())))
    port = device
    const cli = new AsaLikeCli(
      (text) => device.write(text),
      () => {},
      { quietStart: true, enableSecret: 'console-enable' },
    )
    device.on('data', (chunk: Buffer) => cli.input(chunk.toString('utf8')))
    const run = await runUnmask(['collect', `serial://${laptop}?baud=9600`, '--secret-env', 'SECRET', '--json'], {
      UNMASK_HOME: join(home.path, 'unmask'),
      HOME: home.path,
      SECRET: 'console-enable',
    })
    expect(run.code).toBe(1)
    const parsed = JSON.parse(run.stdout)
    expect(parsed).toMatchObject({ ok: true, platform: 'asa', enabled: true, peer: `serial://${laptop}?baud=9600` })
    expect(parsed.analysis.findings.map((f: { id: string }) => f.id)).toContain('asa.esmtp-inspection-active')
    expect(cli.received).toContain('console-enable')
  })
})
