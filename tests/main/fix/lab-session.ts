/**
 * Test plumbing for remediation: a lab scenario per test file (temp state folder), a case in a temp Unmask home,
 * and a RemediationRun on a real SSH session to the lab firewall. Everything opened is closed by the hooks.
 */
import { join } from 'node:path'
import { afterAll, afterEach, beforeAll } from 'vitest'
import { type Lab, startLab } from '../../../src/lab'
import { type CaseHandle, CaseStore } from '../../../src/main/cases/case-store'
import type { TrafficEvent } from '../../../src/main/device/driver-types'
import { type DeviceLink, openDeviceLink } from '../../../src/main/fix/device-link'
import { RemediationRun } from '../../../src/main/fix/remediation-run'
import type { ByteChannel } from '../../../src/main/transports/channel'
import { HostKeyTrust } from '../../../src/main/transports/host-key-trust'
import { connectSsh } from '../../../src/main/transports/ssh-transport'
import { connectTelnet } from '../../../src/main/transports/telnet-transport'
import type { JournalEntry } from '../../../src/shared/cases'
import type { ApplyResult } from '../../../src/shared/fix/types'
import { createTranslator } from '../../../src/shared/i18n'
import type { ProbeTarget } from '../../../src/shared/probe/types'
import { makeTempDir } from '../../support/temp-dir'

export interface OpenedFix {
  fix: RemediationRun
  link: DeviceLink
  caseDir: string
  /** The case the session writes to. */
  handle: CaseHandle
  /** The case journal as it is on disk now. */
  journal: () => JournalEntry[]
}

/** Lab probes: through the inspecting path and straight to the mail host. */
export function labProbes(lab: Lab): ProbeTarget[] {
  return [
    { host: '127.0.0.1', port: lab.smtp.port, vantage: 'through' },
    { host: '127.0.0.1', port: lab.direct.port, vantage: 'direct' },
  ]
}

export interface LabFix {
  lab: () => Lab
  /** A new RemediationRun on a new SSH (or telnet) session; `wrap` may replace the channel (fault injection). */
  open: (wrap?: (channel: ByteChannel) => ByteChannel, onTraffic?: (event: TrafficEvent) => void) => Promise<OpenedFix>
  home: () => string
}

export function labFixEnv(scenario: string): LabFix {
  const tmp = makeTempDir(`unmask-fix-${scenario}-`)
  let lab: Lab | undefined
  const links: DeviceLink[] = []
  beforeAll(async () => {
    lab = await startLab({ scenario, stateDir: join(tmp.path, 'lab') })
  })
  afterEach(async () => {
    for (const l of links.splice(0)) await l.close()
  })
  afterAll(async () => {
    await lab?.stop()
    tmp.remove()
  })
  let sessions = 0
  return {
    lab: () => lab!,
    home: () => tmp.path,
    open: async (wrap = (c) => c, onTraffic) => {
      const l = lab!
      const creds = l.credentials!
      const trust = new HostKeyTrust({ storeFile: join(tmp.path, `known_hosts-${++sessions}`), readOnlyFiles: [] })
      const link = await openDeviceLink({
        connect: async () =>
          wrap(
            l.management!.protocol === 'telnet'
              ? await connectTelnet({ host: '127.0.0.1', port: l.management!.port, timeoutMs: 10_000 })
              : await connectSsh({
                  host: '127.0.0.1',
                  port: l.management!.port,
                  username: creds.username,
                  password: creds.password,
                  trust,
                  askHostKey: async () => true,
                  timeoutMs: 10_000,
                }),
          ),
        credentials: { username: creds.username, password: creds.password, secret: creds.enable },
        driver: { promptTimeoutMs: 5_000, commandTimeoutMs: 10_000, onTraffic },
      })
      links.push(link)
      const handle = new CaseStore(tmp.path).create({ customer: `fix ${scenario}` })
      const fix = new RemediationRun({ link, journal: handle, t: createTranslator('en') })
      return { fix, link, handle, caseDir: handle.dir, journal: () => new CaseStore(tmp.path).read(handle.dir).entries }
    },
  }
}

/**
 * Applies what a preview allowed, as the engineer confirms it: the preview's token, the typed hostname (the lab's
 * `ciscoasa` unless given) and who confirmed. The result is the ApplyResult (a refusal fails the cast's users loudly).
 */
export async function applyPreview(
  fix: RemediationRun,
  preview: { token: string | null },
  confirm: { typedHostname?: string; confirmedBy?: string } = {},
): Promise<ApplyResult> {
  if (!preview.token) throw new Error('the preview issued no token')
  const result = await fix.apply({
    token: preview.token,
    typedHostname: confirm.typedHostname ?? 'ciscoasa',
    confirmedBy: confirm.confirmedBy ?? 'Kim',
  })
  if (result.refused) throw new Error(`apply refused: ${result.code}`)
  return result
}
