/**
 * The evidence script run inside the engineer's own terminal session: the driver types each command into the
 * same shell, so every line and its output appear in the terminal as they run. The engineer's keystrokes are
 * held by the session meanwhile and sent afterwards, so none lands inside a scripted line.
 */
import type { PlatformId } from '../../shared/devices/session-open'
import type { Analysis } from '../../shared/diagnosis'
import { DeviceDriver } from '../device/driver'
import type { TrafficEvent } from '../device/driver-types'
import { runEvidenceScript } from '../device/evidence-script'
import { openSession } from '../device/open-session'
import type { ByteChannel } from '../transports/channel'

export interface TerminalEvidence {
  source: string
  transcript: string
  platform: PlatformId
  enabled: boolean
  analysis: Analysis
}

export async function runEvidenceInTerminal(
  channel: ByteChannel,
  credentials: { username?: string; password?: string; secret?: string },
  source: string,
  onTraffic: (event: TrafficEvent) => void,
): Promise<TerminalEvidence> {
  const driver = new DeviceDriver(channel, {
    credentials,
    onTraffic,
    promptTimeoutMs: 15_000,
    commandTimeoutMs: 60_000,
  })
  try {
    // Reading: enable is optional (src/shared/devices/session-open.ts); the evidence shows what is missing without it.
    const opened = await openSession(driver, 'read')
    const { enabled } = opened
    const run = await runEvidenceScript(driver, { opened, source })
    return { source: run.source, transcript: run.transcript, platform: run.platform, enabled, analysis: run.analysis }
  } finally {
    driver.dispose()
  }
}
