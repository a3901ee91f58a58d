/**
 * A live session to the firewall that remediation can re-open. The first session and every reconnect go the same
 * way: a new channel, login, enable, paging off, platform from `show version`. Remediation never re-sends a line
 * after a reconnect; it only reads.
 */
import { PROFILES, platformFromVersion } from '../../shared/devices'
import { DeviceDriver, type DriverOptions } from '../device/driver'
import type { Credentials } from '../device/driver-types'
import type { ByteChannel } from '../transports/channel'

export interface DeviceLink {
  /** `ssh://admin@127.0.0.1:2222`: the device part of a token's binding. */
  readonly peer: string
  readonly driver: DeviceDriver
  /** The `show version` output read when the session opened. */
  readonly versionText: string
  /** Drops the current session (if still open) and opens a new one. */
  reconnect(): Promise<DeviceDriver>
  close(): Promise<void>
}

export interface LinkOptions {
  connect: () => Promise<ByteChannel>
  credentials: Credentials
  driver?: Omit<DriverOptions, 'credentials'>
}

interface Opened {
  channel: ByteChannel
  driver: DeviceDriver
  versionText: string
}

async function openSession(options: LinkOptions): Promise<Opened> {
  const channel = await options.connect()
  const driver = new DeviceDriver(channel, { ...options.driver, credentials: options.credentials })
  try {
    await driver.open()
    await driver.enable()
    const version = await driver.run('show version')
    const platform = platformFromVersion(version.output)
    if (platform) driver.setProfile(PROFILES[platform])
    await driver.disablePaging()
    return { channel, driver, versionText: version.output }
  } catch (error) {
    driver.dispose()
    await channel.close().catch(() => undefined)
    throw error
  }
}

export async function openDeviceLink(options: LinkOptions): Promise<DeviceLink> {
  let current = await openSession(options)
  return {
    get peer() {
      return current.channel.peer
    },
    get driver() {
      return current.driver
    },
    get versionText() {
      return current.versionText
    },
    async reconnect() {
      current.driver.dispose()
      await current.channel.close().catch(() => undefined)
      current = await openSession(options)
      return current.driver
    },
    async close() {
      current.driver.dispose()
      await current.channel.close().catch(() => undefined)
    },
  }
}
