import { afterEach, describe, expect, it } from 'vitest'
import type { DeviceDriver } from '../../../src/main/device/driver'
import { runEvidenceScript } from '../../../src/main/device/evidence-script'
import { type OpenedSession, openSession } from '../../../src/main/device/open-session'
import type { AsaLikeCliOptions } from '../../support/asa-like-cli'
import { type SshDeviceDriver, sshDeviceDriver } from '../../support/ssh-device-driver'

describe('evidence script over SSH against the scripted CLI', () => {
  let session: SshDeviceDriver | undefined
  afterEach(async () => {
    await session?.close()
    session = undefined
  })

  async function driverFor(cli: AsaLikeCliOptions): Promise<{ driver: DeviceDriver; opened: OpenedSession }> {
    session = await sshDeviceDriver({ enableSecret: 'e', ...cli })
    return { driver: session.driver, opened: await openSession(session.driver, 'read') }
  }

  it('single context: version, mode, running-config and esmtp counters become findings with line references', async () => {
    const { driver, opened } = await driverFor({})
    const run = await runEvidenceScript(driver, { opened, source: 'device:test' })
    expect(run.platform).toBe('asa')
    expect(run.multipleContext).toBe(false)
    expect(run.steps.map((s) => s.command)).toEqual([
      'show version',
      'show mode',
      'show running-config',
      'show service-policy inspect esmtp',
    ])
    expect(run.steps.map((s) => s.command)).not.toContain('show context')
    const active = run.analysis.findings.find((f) => f.id === 'asa.esmtp-inspection-active')
    expect(active).toBeDefined()
    // Evidence lines point into the session transcript, at the very lines quoted.
    const lines = run.transcript.split('\n')
    for (const ref of active!.evidence) {
      expect(ref.source).toBe('device:test')
      expect(lines[ref.startLine - 1]).toContain(ref.excerpt.trim().split(',')[0])
    }
    expect(run.transcript.startsWith('ciscoasa# show version\nCisco Adaptive Security Appliance')).toBe(true)
  })

  it('multiple context from the system context: show context, then each context in turn, then back to system', async () => {
    const { driver, opened } = await driverFor({ contexts: ['pod1', 'pod2', 'admin'] })
    const run = await runEvidenceScript(driver, { opened, source: 'device:multi' })
    expect(run.multipleContext).toBe(true)
    const typed = run.steps.map((s) => `${s.prompt} ${s.command}`)
    expect(typed.slice(0, 3)).toEqual(['ciscoasa# show version', 'ciscoasa# show mode', 'ciscoasa# show context'])
    expect(typed).toContain('ciscoasa# changeto context pod1')
    expect(typed).toContain('ciscoasa/pod1# show running-config')
    expect(typed).toContain('ciscoasa/pod2# show service-policy inspect esmtp')
    expect(typed).toContain('ciscoasa/admin# show running-config')
    expect(typed.at(-1)).toBe('ciscoasa/admin# changeto system')
    expect(driver.prompt?.context).toBeUndefined()
    expect(run.steps.filter((s) => s.failed)).toEqual([])
    expect(run.analysis.parts.filter((p) => p.kind === 'show-context')).toHaveLength(1)
    expect(run.analysis.parts.filter((p) => p.kind === 'running-config')).toHaveLength(3)
  })

  it('PIX 6: show fixup instead of MPF commands, and pager lines 0', async () => {
    const { driver, opened } = await driverFor({ platform: 'pix6' })
    const run = await runEvidenceScript(driver, { opened, source: 'device:pix' })
    expect(run.platform).toBe('pix6')
    expect(run.pagingCommand).toBe('pager lines 0')
    expect(run.steps.map((s) => s.command)).toEqual(['show version', 'show fixup'])
    expect(run.analysis.findings.map((f) => f.id)).toContain('pix.mailguard-active')
    expect(run.analysis.findings.map((f) => f.id)).not.toContain('asa.esmtp-inspection-active')
  })
})
