/**
 * Test plumbing for the guided capture: the lab firewall over real SSH (tests/main/fix/lab-session.ts opens it), a
 * GuidedCapture on that session writing to a real case, and a switch that cuts the session and refuses new ones
 * (a connection lost between creating and removing the captures, and no way back until the test says so).
 */

import type { Lab } from '../../../src/lab'
import { GuidedCapture, type GuidedCaptureOptions } from '../../../src/main/capture/guided-capture'
import type { ByteChannel } from '../../../src/main/transports/channel'
import { JOURNAL } from '../../../src/shared/journal/events'
import { labFixEnv, type OpenedFix } from '../fix/lab-session'

/**
 * The lab configurations' own mail host (object MAIL_HOST / static: 192.168.10.25 inside, published as
 * 198.51.100.25 outside). The plan reads its interfaces and mapped address from the running-config, and the lab's
 * capture packets carry those addresses (src/lab/capture/addresses.ts), so nothing is named by hand.
 */
export const LAB_HOST = { mailHost: '192.168.10.25', direction: 'inbound' } as const

export interface OpenedCapture extends OpenedFix {
  capture: GuidedCapture
  /** Closes the live SSH channel; with `refuse`, every new connection fails until `allow()`. */
  cut: (refuse: boolean) => Promise<void>
  allow: () => void
  /** `show capture` on the device right now, read on the same session. */
  listed: () => Promise<string>
}

export function captureEnv(scenario: string) {
  const env = labFixEnv(scenario)
  /**
   * `fault`: the first write matching `on` never leaves as written; with `close` the connection dies instead (new
   * ones work), with `swallow` the device simply never hears that line (so it never answers it), with `garble` it
   * hears the line with `match` misspelled (as a device that does not know the keyword would refuse it).
   */
  const open = async (
    options: Partial<GuidedCaptureOptions> = {},
    fault?: { on: RegExp; action: 'close' | 'swallow' | 'garble' },
  ): Promise<OpenedCapture> => {
    let live: ByteChannel | undefined
    let refusing = false
    let dropped = false
    const opened = await env.open((channel) => {
      if (refusing) throw new Error('test: the network is down')
      live = channel
      if (!fault) return channel
      const write = channel.write.bind(channel)
      channel.write = (data) => {
        if (!dropped && fault.on.test(String(data))) {
          dropped = true
          if (fault.action === 'close') void channel.close()
          if (fault.action === 'garble') write(String(data).replace(' match ', ' matsch '))
          return
        }
        write(data)
      }
      return channel
    })
    const capture = new GuidedCapture({
      link: opened.link,
      journal: opened.handle,
      timeouts: { lineMs: 5_000, dumpMs: 10_000 },
      ...options,
    })
    return {
      ...opened,
      capture,
      cut: async (refuse) => {
        refusing = refuse
        await live?.close()
      },
      allow: () => {
        refusing = false
      },
      listed: async () => (await opened.link.driver.run('show capture')).output,
    }
  }
  return { lab: (): Lab => env.lab(), home: env.home, open }
}

/** The entries of one type, in order. */
export function entriesOf(opened: OpenedFix, type: string): unknown[] {
  return opened
    .journal()
    .filter((e) => e.type === type)
    .map((e) => e.data)
}

export { JOURNAL }
