/**
 * Device sessions to the lab firewalls through a misbehaving network: the SSH handshake or the CLI session is
 * cut, reset or stalled at chosen points. Every operation ends within its timeout with a structured error,
 * and nothing is left open.
 */
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { DeviceDriver } from '../../src/main/device/driver'
import { DriverError } from '../../src/main/device/driver-types'
import { TransportError } from '../../src/main/transports/channel'
import { HostKeyTrust } from '../../src/main/transports/host-key-trust'
import { connectSsh } from '../../src/main/transports/ssh-transport'
import { connectTelnet } from '../../src/main/transports/telnet-transport'
import { type Fault, type FaultProxy, startFaultProxy } from '../support/fault-proxy'
import { labFixture } from '../support/lab'

const asa = labFixture('asa9-default')
const pix = labFixture('pix6-mailguard')
let sshProxy: FaultProxy
let telnetProxy: FaultProxy

beforeAll(async () => {
  sshProxy = await startFaultProxy(asa.lab.management!.port)
  telnetProxy = await startFaultProxy(pix.lab.management!.port)
})
afterAll(async () => {
  await sshProxy?.close()
  await telnetProxy?.close()
})

function ssh(timeoutMs = 4_000) {
  const { username, password } = asa.lab.credentials!
  return connectSsh({
    host: '127.0.0.1',
    port: sshProxy.port,
    username,
    password,
    trust: new HostKeyTrust({ storeFile: join(asa.dir, 'known_hosts'), readOnlyFiles: [] }),
    askHostKey: async () => true,
    timeoutMs,
  })
}

async function timed<T>(work: Promise<T>): Promise<{ value?: T; error?: unknown; ms: number }> {
  const started = performance.now()
  try {
    return { value: await work, ms: performance.now() - started }
  } catch (error) {
    return { error, ms: performance.now() - started }
  }
}

describe('SSH handshake under faults', () => {
  const cases: Array<[string, Fault, string[]]> = [
    ['cut during the key exchange', { kind: 'truncate', afterBytes: 300 }, ['connectFailed', 'closed', 'timeout']],
    ['reset during the key exchange', { kind: 'reset', afterBytes: 300 }, ['connectFailed', 'closed', 'timeout']],
    ['stalled after the identification line', { kind: 'stall', afterBytes: 20 }, ['timeout']],
  ]
  for (const [name, fault, codes] of cases) {
    it(`${name}: a TransportError within the connect timeout`, async () => {
      sshProxy.setFault(fault)
      const { error, ms } = await timed(ssh(3_000))
      expect(error).toBeInstanceOf(TransportError)
      expect(codes).toContain((error as TransportError).code)
      expect(ms).toBeLessThan(3_000 + 1_500)
      await expect.poll(() => sshProxy.openConnections).toBe(0)
    })
  }
})

describe('CLI session cut mid-command', () => {
  it('SSH: a reset while show running-config streams ends the command with a structured error', async () => {
    // Enough bytes for the handshake, login banner and prompt; the reset lands inside the command output.
    sshProxy.setFault({ kind: 'reset', afterBytes: 6_000 })
    const channel = await ssh(10_000)
    const { password, enable } = asa.lab.credentials!
    const driver = new DeviceDriver(channel, {
      credentials: { ...asa.lab.credentials!, password, secret: enable },
      promptTimeoutMs: 5_000,
      commandTimeoutMs: 5_000,
    })
    await driver.open()
    const { value, error, ms } = await timed(
      (async () => {
        await driver.enable()
        for (let i = 0; i < 20; i++) await driver.run('show running-config')
      })(),
    )
    expect(value).toBeUndefined()
    expect(error instanceof DriverError || error instanceof TransportError).toBe(true)
    expect(ms).toBeLessThan(5_000 + 1_500)
    driver.dispose()
    await channel.close()
    await expect.poll(() => sshProxy.openConnections).toBe(0)
  })

  it('SSH: a stall mid-output ends with the per-command timeout, not a hang', async () => {
    sshProxy.setFault({ kind: 'stall', afterBytes: 6_000 })
    const channel = await ssh(10_000)
    const driver = new DeviceDriver(channel, {
      credentials: asa.lab.credentials!,
      promptTimeoutMs: 3_000,
      commandTimeoutMs: 2_000,
    })
    const { error, ms } = await timed(
      (async () => {
        await driver.open()
        for (let i = 0; i < 20; i++) {
          const r = await driver.run('show running-config')
          if (r.failed) throw new Error(r.failureText ?? 'failed')
        }
      })(),
    )
    expect(error).toBeDefined()
    expect(ms).toBeLessThan(3_000 + 2_000 * 20)
    driver.dispose()
    await channel.close()
  })

  it('telnet to the PIX: a connection cut after login ends the next command with a structured error', async () => {
    telnetProxy.setFault({ kind: 'truncate', afterBytes: 400 })
    const channel = await connectTelnet({ host: '127.0.0.1', port: telnetProxy.port, timeoutMs: 5_000 })
    const driver = new DeviceDriver(channel, {
      credentials: { password: pix.lab.credentials!.password, secret: pix.lab.credentials!.enable },
      promptTimeoutMs: 3_000,
      commandTimeoutMs: 3_000,
    })
    const { error, ms } = await timed(
      (async () => {
        await driver.open()
        await driver.enable()
        for (let i = 0; i < 10; i++) {
          const r = await driver.run('show fixup')
          if (r.failed) throw new Error(r.failureText ?? 'failed')
        }
      })(),
    )
    expect(error).toBeDefined()
    expect(ms).toBeLessThan(3_000 * 12)
    driver.dispose()
    await channel.close()
    await expect.poll(() => telnetProxy.openConnections).toBe(0)
  })
})
