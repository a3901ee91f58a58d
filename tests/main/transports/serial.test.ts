import { type ChildProcess, spawn } from 'node:child_process'
import { existsSync, mkdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { SerialPort } from 'serialport'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { DeviceDriver } from '../../../src/main/device/driver'
import {
  listSerialPorts,
  openSerial,
  type SerialChannel,
  serialDevicesIn,
} from '../../../src/main/transports/serial-transport'
import { AsaLikeCli } from '../../support/asa-like-cli'
import { makeTempDir } from '../../support/temp-dir'

const hasSocat = existsSync('/usr/bin/socat')

describe.skipIf(!hasSocat)('serial console through a socat pty pair', () => {
  let tmp: ReturnType<typeof makeTempDir>
  let socat: ChildProcess
  let deviceSide: SerialPort | undefined
  let channel: SerialChannel | undefined
  let laptop: string
  let console_: string

  beforeEach(async () => {
    tmp = makeTempDir()
    laptop = join(tmp.path, 'ttyLaptop')
    console_ = join(tmp.path, 'ttyConsole')
    socat = spawn('socat', [`pty,raw,echo=0,link=${laptop}`, `pty,raw,echo=0,link=${console_}`], { stdio: 'ignore' })
    await vi.waitFor(() => expect(existsSync(laptop) && existsSync(console_)).toBe(true), { timeout: 5_000 })
  })
  afterEach(async () => {
    await channel?.close()
    channel = undefined
    await new Promise<void>((resolve) => (deviceSide?.isOpen ? deviceSide.close(() => resolve()) : resolve()))
    deviceSide = undefined
    socat.kill()
    await new Promise((resolve) => socat.once('exit', resolve))
    tmp.remove()
  })

  async function attachCli(): Promise<AsaLikeCli> {
    const port = new SerialPort({ path: console_, baudRate: 9600, autoOpen: false })
    await new Promise<void>((resolve, reject) => port.open((e) => (e ? reject(e) : resolve())))
    deviceSide = port
    const cli = new AsaLikeCli(
      (text) => port.write(text),
      () => {},
      { quietStart: true, enableSecret: 'console-secret' },
    )
    port.on('data', (chunk: Buffer) => cli.input(chunk.toString('utf8')))
    return cli
  }

  it('opens at 9600 8N1 by default, wakes a silent console with Enter and runs commands', async () => {
    const cli = await attachCli()
    channel = await openSerial({ path: laptop })
    expect(channel.settings).toEqual({
      path: laptop,
      baudRate: 9600,
      dataBits: 8,
      parity: 'none',
      stopBits: 1,
      flowControl: 'none',
    })
    const driver = new DeviceDriver(channel, {
      credentials: { secret: 'console-secret' },
      nudgeAfterMs: 300,
      promptTimeoutMs: 5_000,
    })
    expect(await driver.open()).toMatchObject({ hostname: 'ciscoasa', mode: 'user' })
    expect(cli.received[0]).toBe('')
    await driver.enable()
    await driver.disablePaging()
    const mode = await driver.run('show mode')
    expect(mode.output).toBe('Security context mode: single\n')
    driver.dispose()
  })

  it('accepts other line settings and reports a missing device as serialOpenFailed', async () => {
    channel = await openSerial({
      path: laptop,
      baudRate: 115200,
      dataBits: 7,
      parity: 'even',
      stopBits: 2,
      flowControl: 'rtscts',
    })
    expect(channel.settings.baudRate).toBe(115200)
    await expect(openSerial({ path: join(tmp.path, 'nope') })).rejects.toMatchObject({ code: 'serialOpenFailed' })
  })

  it('sends a break without hanging', async () => {
    channel = await openSerial({ path: laptop })
    const outcome = await channel.sendBreak(50).then(
      () => 'sent',
      (e: Error) => `refused: ${e.message}`,
    )
    // A pty refuses TIOCSBRK ("Inappropriate ioctl"); a real adapter takes it. Either way: an answer, no hang.
    expect(outcome).toMatch(/^(sent|refused: .+)$/)
  })

  it('lists ports, falling back to device names when udev cannot be asked', async () => {
    const ports = await listSerialPorts()
    for (const p of ports) expect(p.path).toMatch(/^\/dev\//)
    const fakeDev = join(tmp.path, 'dev')
    mkdirSync(fakeDev)
    for (const name of ['ttyUSB0', 'ttyACM1', 'null', 'tty0', 'sda']) writeFileSync(join(fakeDev, name), '')
    const listed = await serialDevicesIn(fakeDev)
    expect(listed.map((p) => p.path)).toEqual([join(fakeDev, 'ttyACM1'), join(fakeDev, 'ttyUSB0')])
  })
})
