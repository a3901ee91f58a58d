import { readFileSync } from 'node:fs'
import { type AddressInfo, createServer } from 'node:net'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { DeviceDriver, type DriverOptions } from '../../../src/main/device/driver'
import { DriverError, type TrafficEvent } from '../../../src/main/device/driver-types'
import { connectTelnet } from '../../../src/main/transports/telnet-transport'
import { PROFILES } from '../../../src/shared/devices'
import type { AsaLikeCliOptions } from '../../support/asa-like-cli'
import type { SshDevice } from '../../support/asa-like-cli.ssh'
import { type SshDeviceDriver, sshDeviceDriver } from '../../support/ssh-device-driver'

const CONFIG = readFileSync(
  join(__dirname, '../../fixtures/device/asa_9.0-3_running-config_ciscoconfparse_sample_01.txt'),
  'utf8',
)
const SECRET = 'En4ble-S3cret'
const PASSWORD = 'admin-pass'

describe('DeviceDriver over SSH against the scripted ASA-like CLI', () => {
  let session: SshDeviceDriver | undefined
  let device: SshDevice | undefined
  let traffic: TrafficEvent[] = []
  afterEach(async () => {
    await session?.close()
    session = undefined
    device = undefined
    traffic = []
  })

  async function start(cli: AsaLikeCliOptions = {}, options: Partial<DriverOptions> = {}): Promise<DeviceDriver> {
    session = await sshDeviceDriver(
      { enableSecret: SECRET, ...cli },
      {
        credentials: { username: 'admin', password: PASSWORD, secret: SECRET },
        onTraffic: (event) => traffic.push(event),
        ...options,
      },
    )
    device = session.device
    return session.driver
  }

  it('finds the prompt, enters enable, pages through show version and cleans the output', async () => {
    const d = await start()
    expect(await d.open()).toMatchObject({ hostname: 'ciscoasa', mode: 'user' })
    expect(await d.enable()).toMatchObject({ mode: 'enable' })
    const version = await d.run('show version')
    expect(version.failed).toBe(false)
    expect(version.mode).toBe('enable')
    expect(version.output.split('\n')[0]).toBe('Cisco Adaptive Security Appliance Software Version 9.8(4)10')
    expect(version.output).not.toMatch(/More|ciscoasa#|show version|\r|\x1b/)
    // The pager was answered (the fixture is longer than one 24-line page) and nothing was lost.
    const expected = readFileSync(
      join(__dirname, '../../fixtures/device/asa_9.8-4-10_show_version_genieparser1.txt'),
      'utf8',
    )
      .split('\n')
      .slice(2)
      .map((l) => l.replace(/\s+$/, ''))
      .join('\n')
      .trim()
    expect(version.output.trim()).toBe(expected)
    expect(traffic.some((e) => e.direction === 'out' && e.data === ' ')).toBe(true)
    expect(version.startedAt).toMatch(/^\d{4}-\d\d-\d\dT/)
    expect(version.elapsedMs).toBeGreaterThanOrEqual(0)
  })

  it('turns paging off and returns the whole running-config byte for byte (trailing spaces aside)', async () => {
    const d = await start()
    await d.open()
    await d.enable()
    expect(await d.disablePaging()).toBe('terminal pager 0')
    const config = await d.run('show running-config')
    const want = CONFIG.replace(/\r/g, '')
      .split('\n')
      .map((l) => l.replace(/\s+$/, ''))
      .join('\n')
      .replace(/\n+$/, '\n')
    expect(config.output).toBe(want)
    expect(traffic.filter((e) => e.direction === 'out' && e.data === ' ')).toHaveLength(0)
  })

  it('flags refused commands with the device text, and only those', async () => {
    const d = await start()
    await d.open()
    const bad = await d.run('show bogus')
    expect(bad).toMatchObject({ failed: true, failureText: "ERROR: % Invalid input detected at '^' marker." })
    const privileged = await d.run('show running-config')
    expect(privileged.failed).toBe(true)
    const good = await d.run('show mode')
    expect(good).toMatchObject({ failed: false, output: 'Security context mode: single\n' })
    expect(good.failureText).toBeUndefined()
  })

  it("falls back to ASA's login command when the enable secret is wrong", async () => {
    const d = await start({ enableSecret: 'something-else', localUser: { username: 'admin', password: PASSWORD } }, {})
    await d.open()
    expect(await d.enable()).toMatchObject({ mode: 'enable' })
    const cli = device!.clis[0]
    expect(cli.received.slice(0, 6)).toEqual(['enable', SECRET, '', '', 'login', 'admin'])
  })

  it('reports enableFailed without a usable fallback and stays usable at the user prompt', async () => {
    const d = await start({ enableSecret: 'something-else' })
    await d.open()
    await expect(d.enable()).rejects.toMatchObject({ code: 'enableFailed' })
    expect(d.prompt?.mode).toBe('user')
    expect((await d.run('show mode')).failed).toBe(false)
  })

  it('never logs the password or the enable secret', async () => {
    const d = await start({ loginPrompt: 'aaa', localUser: { username: 'admin', password: PASSWORD } })
    await d.open()
    await d.enable()
    const cli = device!.clis[0]
    expect(cli.received).toContain(PASSWORD)
    expect(cli.received).toContain(SECRET)
    const logged = traffic.map((e) => e.data).join('')
    expect(logged).not.toContain(PASSWORD)
    expect(logged).not.toContain(SECRET)
    expect(traffic.filter((e) => e.direction === 'out' && e.secret)).toHaveLength(2)
  })

  it('reports loginFailed on a refused password instead of retrying it', async () => {
    const d = await start({ loginPrompt: 'password', linePassword: 'right' })
    await expect(d.open()).rejects.toMatchObject({ code: 'loginFailed' })
    expect(device!.clis[0].received).toEqual([PASSWORD])
  })

  it('runs concurrent calls one at a time, each after the previous prompt, with the right output each', async () => {
    const d = await start()
    await d.open()
    await d.enable()
    await d.disablePaging()
    const [a, b, c] = await Promise.all([d.run('show mode'), d.run('show curpriv'), d.run('show bogus')])
    expect(a.output).toBe('Security context mode: single\n')
    expect(b.output).toBe('Current privilege level : 15\n')
    expect(c.failed).toBe(true)
    expect(device!.clis[0].received.slice(-3)).toEqual(['show mode', 'show curpriv', 'show bogus'])
  })

  it('times out a command that never returns, then resynchronises for the next one', async () => {
    const d = await start()
    await d.open()
    const hung = await d.run('test hang', { timeoutMs: 300 })
    expect(hung).toMatchObject({ failed: true, failureText: 'timeout' })
    const next = await d.run('show mode')
    expect(next).toMatchObject({ failed: false, output: 'Security context mode: single\n' })
  })

  it('follows multiple-context and failover prompts', async () => {
    const d = await start({ contexts: ['pod1', 'pod2', 'admin'], failover: 'pri/act' })
    expect(await d.open()).toMatchObject({ hostname: 'ciscoasa', failover: { unit: 'pri', state: 'act' } })
    await d.enable()
    const change = await d.run('changeto context pod1')
    expect(change.failed).toBe(false)
    expect(d.prompt).toMatchObject({ context: 'pod1', mode: 'enable', failover: { unit: 'pri', state: 'act' } })
    await d.run('changeto system')
    expect(d.prompt?.context).toBeUndefined()
  })

  it('copes with ANSI codes and CR runs around the prompt', async () => {
    const d = await start({ noisy: true })
    await d.open()
    const mode = await d.run('show mode')
    expect(mode.output).toBe('Security context mode: single\n')
  })

  it('recognises the FTD prompt; enable is not needed; paging falls back to terminal length', async () => {
    const d = await start({ platform: 'ftd' })
    expect(await d.open()).toMatchObject({ mode: 'ftd' })
    expect(d.profile.id).toBe('ftd')
    expect(await d.enable()).toMatchObject({ mode: 'ftd' })
    expect(await d.disablePaging()).toBe('terminal length 0')
    const version = await d.run('show version')
    expect(version.output).toMatch(/^-+\[ firepower \]-+\nModel\s+: Cisco Firepower Threat Defense/)
  })

  it('tries the PIX 6 paging commands in order', async () => {
    const d = await start({ platform: 'pix6' }, { profile: PROFILES.pix6 })
    await d.open()
    await d.enable()
    expect(await d.disablePaging()).toBe('pager lines 0')
    const fixup = await d.run('show fixup')
    expect(fixup.output).toContain('fixup protocol smtp 25')
    const bad = await d.run('show nonsense')
    expect(bad.failed).toBe(true)
  })

  it('rejects waiting operations when the session closes', async () => {
    const d = await start()
    await d.open()
    const result = d.run('exit')
    await expect(result).rejects.toBeInstanceOf(DriverError)
  })
})

describe('DeviceDriver against hostile or broken devices', () => {
  it('gives up with promptTimeout on a device that floods text and never prompts', async () => {
    const sockets = new Set<import('node:net').Socket>()
    const server = createServer((socket) => {
      sockets.add(socket)
      socket.on('error', () => {})
      const timer = setInterval(() => socket.write(`${'junk '.repeat(2000)}\r\n`), 2)
      socket.on('close', () => clearInterval(timer))
    })
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r))
    const channel = await connectTelnet({ host: '127.0.0.1', port: (server.address() as AddressInfo).port })
    const driver = new DeviceDriver(channel, { credentials: {}, promptTimeoutMs: 1_500, nudgeAfterMs: 200 })
    try {
      await expect(driver.open()).rejects.toMatchObject({ code: 'promptTimeout' })
    } finally {
      driver.dispose()
      await channel.close()
      for (const s of sockets) s.destroy()
      await new Promise<void>((r) => server.close(() => r()))
    }
  })

  it('stops a command whose output passes the size limit', async () => {
    const small = await sshDeviceDriver({ enableSecret: 'e' }, { credentials: { secret: 'e' }, maxOutputBytes: 2_000 })
    const { driver } = small
    try {
      await driver.open()
      await driver.enable()
      await driver.disablePaging()
      const big = await driver.run('show running-config')
      expect(big).toMatchObject({ failed: true, failureText: 'output-limit' })
      const after = await driver.run('show mode')
      expect(after.failed).toBe(false)
    } finally {
      await small.close()
    }
  })
})
