/**
 * The exit-code contract (src/cli/io.ts EXIT, README "Exit codes", `unmask --help`), each code produced by the built
 * CLI spawned as a user runs it, by more than one command where the code applies to more than one.
 */
import { createServer, type Server } from 'node:net'
import { join } from 'node:path'
import { beforeAll, describe, expect, it } from 'vitest'
import type { Lab } from '../../src/lab'
import { labFixture } from '../support/lab'
import { isBuilt, unmask, unmaskAsync } from './built'

const FIXTURES = join(import.meta.dirname, '..', 'fixtures', 'device-output')
const fixture = (name: string) => join(FIXTURES, name)

describe.runIf(isBuilt)('exit codes of the built CLI', () => {
  const started = labFixture('asa9-default')
  let lab: Lab
  let tmp: { path: string }
  let env: NodeJS.ProcessEnv
  beforeAll(() => {
    lab = started.lab
    tmp = { path: started.dir }
    env = { UNMASK_HOME: join(started.dir, 'home'), FW_PASS: 'lab-admin', FW_ENABLE: 'lab-enable' }
  })

  /** `unmask diagnose` of the lab ASA, probing `probePort` through the path, secrets from the environment. */
  const diagnoseArgs = (probePort: number, ...more: string[]) => [
    'diagnose',
    '--device',
    `ssh://admin@127.0.0.1:${lab.management!.port}`,
    '--probe',
    `127.0.0.1:${probePort}`,
    ...['--password-env', 'FW_PASS', '--secret-env', 'FW_ENABLE'],
    ...more,
  ]

  it('0: done and nothing wrong found (analyze of unrelated text, case new, help, version)', () => {
    expect(unmask(['analyze', '-'], env, 'hello world\n').status).toBe(0)
    expect(unmask(['case', 'new', '--customer', 'Exit Zero'], env).status).toBe(0)
    expect(unmask(['--help']).status).toBe(0)
    expect(unmask(['--version']).status).toBe(0)
  })

  it('1: a problem found (analyze of a config with inspect esmtp, a log line of the inspection)', () => {
    const config = unmask(['analyze', fixture('asa_9.0-3_running-config_ciscoconfparse_sample_01.txt')], env)
    expect(config.status).toBe(1)
    expect(config.stdout).toContain('inspect esmtp')
    const log = unmask(['analyze', fixture('asa_syslog_esmtp_inspection_drop_blog.txt')], env)
    expect(log.status).toBe(1)
  })

  it('1: a problem found by probe (masked path) and collect (the lab ASA inspects ESMTP); 0 for a clean probe', async () => {
    const masked = await unmaskAsync(['probe', `127.0.0.1:${lab.smtp.port}`], env)
    expect(masked.status).toBe(1)
    const clean = await unmaskAsync(['probe', `127.0.0.1:${lab.direct.port}`], env)
    expect(clean.status).toBe(0)
    const collected = await unmaskAsync(
      [
        'collect',
        `ssh://admin@127.0.0.1:${lab.management!.port}`,
        '--password-env',
        'FW_PASS',
        '--secret-env',
        'FW_ENABLE',
        '--accept-new-host-key',
      ],
      env,
    )
    expect(collected.stderr).toContain('Accepted new host key')
    expect(collected.stderr).not.toContain('failed')
    expect(collected.status).toBe(1)
  })

  it('2: bad usage in every command (unknown option, missing file, no such case, bad value)', {
    timeout: 120_000,
  }, () => {
    const cases: string[][] = [
      ['frobnicate'],
      ['analyze', '--bogus', 'x'],
      ['analyze', join(tmp.path, 'missing.txt')],
      ['case', 'show', 'no-such-case'],
      ['case', 'attach', 'no-such-case', fixture('pix_6.2_show_fixup_ciscoarticles4248.txt')],
      ['collect', 'gopher://x'],
      ['probe', 'not a host'],
      ['lab', '--scenario', 'no-such-scenario'],
      ['completion', 'fish'],
      ['report', '--case', 'no-such-case'],
    ]
    for (const args of cases) {
      const r = unmask(args, env)
      expect({ args, status: r.status }).toEqual({ args, status: 2 })
      expect(r.stderr.trim()).not.toBe('')
      expect(r.stderr).not.toMatch(/at .*\.(ts|js):\d+/)
    }
  })

  it('3: could not connect (collect to a closed port, probe of a closed port, diagnose with an untrusted host key)', async () => {
    const closed = await closedPort()
    const collect = unmask(['collect', `telnet://127.0.0.1:${closed}`, '--password-env', 'FW_PASS'], env)
    expect(collect.status).toBe(3)
    expect(collect.stderr).toContain('Could not connect')
    const probe = await unmaskAsync(['probe', `127.0.0.1:${closed}`, '--timeout', '2000'], env)
    expect(probe.status).toBe(3)
    const diagnose = await unmaskAsync(diagnoseArgs(lab.smtp.port), {
      ...env,
      UNMASK_HOME: join(tmp.path, 'fresh-home'),
    })
    expect(diagnose.status).toBe(3)
    expect(diagnose.stderr).toMatch(/SHA256:/)
  })

  it('4: a change sent but not verified (the probe that must show the fix stays broken), never saved', async () => {
    const closed = await closedPort()
    const r = await unmaskAsync(
      [
        ...diagnoseArgs(closed, '--probe-direct', `127.0.0.1:${lab.direct.port}`, '--accept-new-host-key'),
        ...['--fix', 'asa.no-inspect-esmtp', '--confirm', 'ciscoasa', '--save', '--json'],
      ],
      env,
    )
    expect(r.status).toBe(4)
    const out = JSON.parse(r.stdout) as { exitCode: number; fix: { applied: { outcome: string }; saved?: unknown } }
    expect(out.exitCode).toBe(4)
    expect(out.fix.applied.outcome).toBe('applied')
    expect(out.fix.saved).toBeUndefined()
  })

  it('5: failed for another reason (the lab cannot listen on a port already taken)', async () => {
    const server: Server = createServer()
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
    const port = (server.address() as { port: number }).port
    try {
      const r = await unmaskAsync(['lab', '--ports', String(port)], { ...env, UNMASK_LAB_EXIT_AFTER_START: '1' })
      expect(r.status).toBe(5)
      expect(r.stderr).toContain(String(port))
    } finally {
      await new Promise<void>((resolve) => server.close(() => resolve()))
    }
  })
})

async function closedPort(): Promise<number> {
  const server = createServer()
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const port = (server.address() as { port: number }).port
  await new Promise<void>((resolve) => server.close(() => resolve()))
  return port
}
