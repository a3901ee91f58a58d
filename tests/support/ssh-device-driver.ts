/**
 * A DeviceDriver over real SSH to the scripted ASA-like CLI (asa-like-cli.ssh.ts) on 127.0.0.1, with its own host-key
 * store: the setup the device tests share. `close()` disposes the driver, closes the channel and stops the device.
 */
import { join } from 'node:path'
import { DeviceDriver, type DriverOptions } from '../../src/main/device/driver'
import { HostKeyTrust } from '../../src/main/transports/host-key-trust'
import { connectSsh, type SshChannel } from '../../src/main/transports/ssh-transport'
import type { AsaLikeCliOptions } from './asa-like-cli'
import { type SshDevice, startSshDevice } from './asa-like-cli.ssh'
import { makeTempDir } from './temp-dir'

export const SSH_USER = 'admin'
export const SSH_PASSWORD = 'admin-pass'

export interface SshDeviceDriver {
  driver: DeviceDriver
  channel: SshChannel
  device: SshDevice
  close(): Promise<void>
}

export async function sshDeviceDriver(
  cli: AsaLikeCliOptions,
  options: Partial<DriverOptions> = {},
): Promise<SshDeviceDriver> {
  const tmp = makeTempDir()
  const device = await startSshDevice({ cli })
  const channel = await connectSsh({
    host: '127.0.0.1',
    port: device.port,
    username: SSH_USER,
    password: SSH_PASSWORD,
    trust: new HostKeyTrust({ storeFile: join(tmp.path, 'known_hosts'), readOnlyFiles: [] }),
    askHostKey: async () => true,
  })
  const driver = new DeviceDriver(channel, {
    credentials: { username: SSH_USER, password: SSH_PASSWORD, secret: cli.enableSecret },
    promptTimeoutMs: 5_000,
    commandTimeoutMs: 10_000,
    ...options,
  })
  return {
    driver,
    channel,
    device,
    async close() {
      driver.dispose()
      await channel.close()
      await device.close()
      tmp.remove()
    },
  }
}
