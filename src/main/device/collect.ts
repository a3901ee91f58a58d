/**
 * One evidence collection, start to end: connect (SSH, telnet or serial), log in, enable, run the evidence
 * script, log the session into the case, close. Every step is bounded by a timeout; the result is either
 * the evidence run or a structured failure with what was gathered until then.
 */

import { type DeviceProfile, type PlatformId, PROFILES } from '../../shared/devices'
import type { ByteChannel, TransportError } from '../transports/channel'
import type { AskHostKey, HostKeyTrust } from '../transports/host-key-trust'
import { openSerial } from '../transports/serial-transport'
import { connectSsh } from '../transports/ssh-transport'
import { describeTarget, type Target } from '../transports/target'
import { connectTelnet } from '../transports/telnet-transport'
import { DeviceDriver } from './driver'
import { type Credentials, DriverError } from './driver-types'
import { type EvidenceRun, runEvidenceScript, type StepResult } from './evidence-script'
import { type CaseSink, SessionLog } from './session-log'

export interface CollectOptions {
  target: Target
  credentials: Credentials
  trust: HostKeyTrust
  askHostKey?: AskHostKey
  legacy?: boolean
  privateKey?: string | Buffer
  platform?: PlatformId
  caseSink?: CaseSink | null
  connectTimeoutMs?: number
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

export async function openChannel(options: CollectOptions): Promise<ByteChannel> {
  const { target } = options
  if (target.kind === 'ssh') {
    return connectSsh({
      host: target.host,
      port: target.port,
      username: target.username,
      password: options.credentials.password,
      privateKey: options.privateKey,
      legacy: options.legacy,
      trust: options.trust,
      askHostKey: options.askHostKey,
      timeoutMs: options.connectTimeoutMs,
    })
  }
  if (target.kind === 'telnet')
    return connectTelnet({ host: target.host, port: target.port, timeoutMs: options.connectTimeoutMs })
  return openSerial(target)
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
    channel = await openChannel(options)
    const profile: DeviceProfile | undefined = options.platform ? PROFILES[options.platform] : undefined
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
    await driver.open()
    let enabled = true
    try {
      await driver.enable()
    } catch (error) {
      // Without enable the version and counters can still be read; the evidence shows what is missing.
      if (!(error instanceof DriverError && error.code === 'enableFailed')) throw error
      enabled = false
    }
    const source = `device:${peer}`
    const run = await runEvidenceScript(driver, {
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
