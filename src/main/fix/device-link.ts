/**
 * A live session to the firewall that remediation can re-open. The first session and every reconnect go the same
 * way: a new channel, then the `change` session opening (login, enable required, `show version`, paging off). Remediation never re-sends a line
 * after a reconnect; it only reads.
 */
import { DeviceDriver, type DriverOptions } from '../device/driver'
import type { Credentials } from '../device/driver-types'
import { openSession } from '../device/open-session'
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

async function connectAndOpen(options: LinkOptions): Promise<Opened> {
  const channel = await options.connect()
  const driver = new DeviceDriver(channel, { ...options.driver, credentials: options.credentials })
  try {
    // A change needs privileged EXEC: `change` makes enable required (src/shared/devices/session-open.ts).
    const opened = await openSession(driver, 'change')
    return { channel, driver, versionText: opened.version.output }
  } catch (error) {
    driver.dispose()
    await channel.close().catch(() => undefined)
    throw error
  }
}

export async function openDeviceLink(options: LinkOptions): Promise<DeviceLink> {
  let current = await connectAndOpen(options)
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
      current = await connectAndOpen(options)
      return current.driver
    },
    async close() {
      current.driver.dispose()
      await current.channel.close().catch(() => undefined)
    },
  }
}
