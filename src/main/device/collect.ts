/**
 * One evidence collection, start to end: connect (SSH, telnet or serial), log in, enable, run the evidence
 * script, log the session into the case, close. Every step is bounded by a timeout; the result is either
 * the evidence run or a structured failure with what was gathered until then.
 */

import { type PlatformId, PROFILES } from '../../shared/devices'
import type { PlatformProfile } from '../../shared/devices/session-open'
import type { ByteChannel, TransportError } from '../transports/channel'
import { type ConnectOptions, connectTarget } from '../transports/connect-target'
import { describeTarget } from '../transports/target'
import { DeviceDriver } from './driver'
import type { Credentials, DriverError } from './driver-types'
import { type EvidenceRun, runEvidenceScript, type StepResult } from './evidence-script'
import { openSession } from './open-session'
import { type CaseSink, SessionLog } from './session-log'

export interface CollectOptions extends ConnectOptions {
  credentials: Credentials
  platform?: PlatformId
  caseSink?: CaseSink | null
  promptTimeoutMs?: number
  commandTimeoutMs?: number
  onStep?: (step: StepResult) => void
  /** Called with the open channel, e.g. so a terminal can show the session as it runs. */
  onChannel?: (channel: ByteChannel, driver: DeviceDriver) => void
}

export type CollectOutcome =
  | { ok: true; peer: string; run: EvidenceRun; enabled: boolean; log: { raw?: string; cleaned?: string } }
  | {
      ok: false
      peer: string
      error: TransportError | DriverError | Error
      steps: StepResult[]
      log: { raw?: string; cleaned?: string }
    }

export async function collectFromDevice(options: CollectOptions): Promise<CollectOutcome> {
  const peer = describeTarget(options.target)
  const { password, secret } = options.credentials
  const log = new SessionLog(options.caseSink ?? null, {
    peer,
    transport: options.target.kind,
    secrets: [password, secret],
  })
  const steps: StepResult[] = []
  let channel: ByteChannel | undefined
  let driver: DeviceDriver | undefined
  try {
    channel = await connectTarget(options)
    const profile: PlatformProfile | undefined = options.platform ? PROFILES[options.platform] : undefined
    driver = new DeviceDriver(channel, {
      credentials: {
        ...options.credentials,
        username: options.credentials.username ?? (options.target.kind === 'ssh' ? options.target.username : undefined),
      },
      profile,
      promptTimeoutMs: options.promptTimeoutMs,
      commandTimeoutMs: options.commandTimeoutMs,
      onTraffic: (event) => log.record(event),
    })
    options.onChannel?.(channel, driver)
    const opened = await openSession(driver, 'read')
    const { enabled } = opened
    const source = `device:${peer}`
    const run = await runEvidenceScript(driver, {
      opened,
      source,
      onStep: (step) => {
        steps.push(step)
        log.step(step)
        options.onStep?.(step)
      },
    })
    await logout(driver, channel)
    return { ok: true, peer, run, enabled, log: log.close() }
  } catch (error) {
    return {
      ok: false,
      peer,
      error: error as Error,
      steps,
      log: log.close(error instanceof Error ? error.message : String(error)),
    }
  } finally {
    driver?.dispose()
    await channel?.close()
  }
}

/** Leaves politely (`exit`) so the device frees its VTY line; a close follows anyway. */
async function logout(driver: DeviceDriver, channel: ByteChannel): Promise<void> {
  if (channel.closed) return
  let timer: NodeJS.Timeout | undefined
  const grace = new Promise<void>((resolve) => {
    timer = setTimeout(resolve, 2_000)
  })
  await Promise.race([driver.run('exit', { timeoutMs: 2_000 }).catch(() => undefined), grace])
  clearTimeout(timer)
}
