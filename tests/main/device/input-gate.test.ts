import { join } from 'node:path'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { DeviceDriver } from '../../../src/main/device/driver'
import { InputGate } from '../../../src/main/device/input-gate'
import { HostKeyTrust } from '../../../src/main/transports/host-key-trust'
import { connectSsh, type SshChannel } from '../../../src/main/transports/ssh-transport'
import { type SshDevice, startSshDevice } from '../../support/asa-like-cli.ssh'
import { makeTempDir } from '../../support/temp-dir'

describe('sharing one shell between the terminal and the driver', () => {
  const tmp = makeTempDir()
  let device: SshDevice | undefined
  let channel: SshChannel | undefined
  afterEach(async () => {
    await channel?.close()
    await device?.close()
    tmp.remove()
  })

  it('holds keystrokes typed while a command runs and sends them, in order, once the driver is idle', async () => {
    device = await startSshDevice({ cli: { enableSecret: 's3cret' } })
    channel = await connectSsh({
      host: '127.0.0.1',
      port: device.port,
      username: 'admin',
      password: 'admin-pass',
      trust: new HostKeyTrust({ storeFile: join(tmp.path, 'kh'), readOnlyFiles: [] }),
      askHostKey: async () => true,
    })
    const driver = new DeviceDriver(channel, { credentials: { secret: 's3cret' } })
    const gate = new InputGate(channel, driver)
    await driver.open()
    // Idle: typed text goes straight through.
    gate.userInput('show ')
    expect(gate.pending).toBe(0)
    gate.userInput('\x7f\x7f\x7f\x7f\x7f')
    const running = driver.run('show version')
    expect(driver.busy).toBe(true)
    gate.userInput('show mode')
    gate.userInput('\r')
    expect(gate.pending).toBe(10)
    const version = await running
    expect(version.output).toMatch(/^Cisco Adaptive Security Appliance/)
    await vi.waitFor(() => expect(device?.clis[0].received.at(-1)).toBe('show mode'))
    expect(gate.pending).toBe(0)
    // The scripted line arrived whole, never mixed with the typed one.
    expect(device.clis[0].received).toEqual(['show version', 'show mode'])
    gate.dispose()
    driver.dispose()
  })

  it('drops input beyond the hold limit instead of growing without end', async () => {
    const writes: Buffer[] = []
    const fakeDriver = { busy: true, onIdle: () => () => {} }
    const sink = { write: (d: string | Uint8Array) => writes.push(Buffer.from(d)) } as unknown as SshChannel
    const gate = new InputGate(sink, fakeDriver)
    expect(gate.userInput(Buffer.alloc(60 * 1024))).toBe(true)
    expect(gate.userInput(Buffer.alloc(8 * 1024))).toBe(false)
    expect(gate.pending).toBe(60 * 1024)
    expect(writes).toEqual([])
  })
})
