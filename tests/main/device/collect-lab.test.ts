/**
 * Evidence collection against the lab's simulated firewalls (src/lab): written by another part of the
 * project from the same public captures, so the driver meets prompts, banners and paging it did not shape.
 */
import { join } from 'node:path'
import { afterAll, afterEach, describe, expect, it } from 'vitest'
import { type Lab, startLab } from '../../../src/lab'
import { type CollectOutcome, collectFromDevice } from '../../../src/main/device/collect'
import type { DeviceDriver } from '../../../src/main/device/driver'
import { HostKeyTrust } from '../../../src/main/transports/host-key-trust'
import type { Target } from '../../../src/main/transports/target'
import { makeTempDir } from '../../support/temp-dir'

const tmp = makeTempDir()
afterAll(() => tmp.remove())

let lab: Lab | undefined
afterEach(async () => {
  await lab?.stop()
  lab = undefined
})

async function collectFromLab(scenario: string, extra: { legacy?: boolean } = {}): Promise<CollectOutcome> {
  lab = await startLab({ scenario, stateDir: join(tmp.path, scenario) })
  const mgmt = lab.management!
  const creds = lab.credentials!
  const target: Target =
    mgmt.protocol === 'ssh'
      ? { kind: 'ssh', host: '127.0.0.1', port: mgmt.port, username: creds.username }
      : { kind: 'telnet', host: '127.0.0.1', port: mgmt.port }
  return collectFromDevice({
    target,
    credentials: { username: creds.username, password: creds.password, secret: creds.enable },
    trust: new HostKeyTrust({ storeFile: join(tmp.path, `${scenario}-known_hosts`), readOnlyFiles: [] }),
    askHostKey: async () => true,
    promptTimeoutMs: 10_000,
    commandTimeoutMs: 20_000,
    ...extra,
  })
}

function findingIds(outcome: CollectOutcome): string[] {
  if (!outcome.ok) throw outcome.error
  return outcome.run.analysis.findings.map((f) => f.id)
}

describe('collect from lab devices', () => {
  it('ASA 9.x over SSH: inspect esmtp with the default map is found', async () => {
    const outcome = await collectFromLab('asa9-default')
    expect(findingIds(outcome)).toContain('asa.esmtp-inspection-active')
    if (!outcome.ok) return
    expect(outcome.enabled).toBe(true)
    expect(outcome.run.platform).toBe('asa')
    expect(outcome.run.pagingCommand).toBe('terminal pager 0')
    expect(outcome.run.analysis.facts).toMatchObject({ platform: expect.anything(), version: '9.8(4)10' })
    const commands = outcome.run.steps.map((s) => s.command)
    expect(commands).toEqual(
      expect.arrayContaining(['show version', 'show running-config', 'show service-policy inspect esmtp']),
    )
    for (const step of outcome.run.steps) expect(step.output).not.toMatch(/<--- More --->|\x1b|\r/)
  })

  it('ASA 9.x with allow-tls: the allow-tls map is found and the default map is never claimed', async () => {
    const outcome = await collectFromLab('asa9-allow-tls')
    expect(findingIds(outcome)).toContain('asa.esmtp-inspection-allow-tls')
    if (!outcome.ok) return
    for (const f of outcome.run.analysis.findings.filter((x) => x.id === 'asa.esmtp-inspection-active')) {
      expect(f.params?.map).toBe('TLS_OK')
    }
  })

  it('ASA 8.x with legacy SSH only: refused without --legacy, collected with it', async () => {
    const refused = await collectFromLab('asa8-legacy-ssh')
    expect(refused.ok).toBe(false)
    if (!refused.ok) expect(refused.error).toMatchObject({ code: 'noMatchingAlgorithm' })
    await lab?.stop()
    lab = undefined
    const outcome = await collectFromLab('asa8-legacy-ssh', { legacy: true })
    expect(findingIds(outcome)).toContain('asa.esmtp-inspection-active')
  })

  it('PIX 6.3 over telnet: MailGuard (fixup protocol smtp) is found', async () => {
    const outcome = await collectFromLab('pix6-mailguard')
    expect(findingIds(outcome)).toContain('pix.mailguard-active')
    if (outcome.ok) {
      expect(outcome.run.platform).toBe('pix6')
      expect(outcome.run.pagingCommand).toBe('pager lines 0')
      expect(outcome.run.steps.map((s) => s.command)).toContain('show fixup')
    }
  })

  it('PIX 7.2(1): recognised as PIX 7, inspection found and the pre-7.2(3) bug flagged', async () => {
    const outcome = await collectFromLab('pix7-old')
    const ids = findingIds(outcome)
    expect(ids).toContain('asa.esmtp-inspection-active')
    expect(ids).toContain('pix.duplicate-header-bug')
    if (outcome.ok) expect(outcome.run.platform).toBe('pix7')
  })

  it('ASA 8.x with inspect esmtp in a custom class: found in that class', async () => {
    const outcome = await collectFromLab('asa8-custom-class')
    expect(findingIds(outcome)).toContain('asa.esmtp-inspection-active')
    if (!outcome.ok) return
    const classes = outcome.run.analysis.findings
      .filter((f) => f.id === 'asa.esmtp-inspection-active')
      .map((f) => f.params?.class)
    expect(classes).toContain('ESMTP')
    expect(classes).not.toContain('inspection_default')
    expect(findingIds(outcome)).not.toContain('pix.duplicate-header-bug')
  })

  it('ASA failover pair: active and standby units both collected through their failover prompts', async () => {
    const outcome = await collectFromLab('asa9-failover')
    expect(findingIds(outcome)).toContain('asa.esmtp-inspection-active')
    const standbyPort = lab!.standby!.port
    const creds = lab!.credentials!
    let standbyDriver: DeviceDriver | undefined
    const standby = await collectFromDevice({
      onChannel: (_channel, driver) => {
        standbyDriver = driver
      },
      target: { kind: 'ssh', host: '127.0.0.1', port: standbyPort, username: creds.username },
      credentials: { username: creds.username, password: creds.password, secret: creds.enable },
      trust: new HostKeyTrust({ storeFile: join(tmp.path, 'failover-standby-known_hosts'), readOnlyFiles: [] }),
      askHostKey: async () => true,
      promptTimeoutMs: 10_000,
    })
    expect(findingIds(standby)).toContain('asa.esmtp-inspection-active')
    if (!outcome.ok || !standby.ok) return
    // The driver followed the failover tags in the prompt; the transcript keeps host[/context] only.
    expect(standbyDriver?.prompt?.failover).toMatchObject({ state: 'stby' })
    expect(outcome.run.steps.every((s) => !s.failed || s.optional)).toBe(true)
    expect(standby.run.transcript).toMatch(/^\S+# show version\n/)
  })

  it('FTD over SSH: the managed-device finding, no enable needed', async () => {
    const outcome = await collectFromLab('ftd7')
    expect(findingIds(outcome)).toContain('ftd.managed-device')
    if (!outcome.ok) return
    expect(outcome.run.platform).toBe('ftd')
    expect(outcome.run.pagingCommand).toBe('terminal pager 0')
  })
})
