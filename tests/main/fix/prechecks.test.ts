/**
 * Pre-checks against devices the lab does not simulate: a failover standby unit and a multiple-context ASA, here the
 * scripted ASA-like CLI from tests/support behind a real ssh2 server. A refused preview issues no token.
 */
import { join } from 'node:path'
import { afterAll, afterEach, describe, expect, it } from 'vitest'
import { CaseStore } from '../../../src/main/cases/case-store'
import { type DeviceLink, openDeviceLink } from '../../../src/main/fix/device-link'
import { RemediationRun } from '../../../src/main/fix/remediation-run'
import { HostKeyTrust } from '../../../src/main/transports/host-key-trust'
import { connectSsh } from '../../../src/main/transports/ssh-transport'
import { createTranslator } from '../../../src/shared/i18n'
import type { Remedy } from '../../../src/shared/remedies/types'
import type { AsaLikeCliOptions } from '../../support/asa-like-cli'
import { type SshDevice, startSshDevice } from '../../support/asa-like-cli.ssh'
import { makeTempDir } from '../../support/temp-dir'

const SECRET = 'enable-secret'
const REMEDY: Remedy = {
  id: 'asa.no-inspect-esmtp',
  type: 'change',
  titleKey: 'remedies.asa.no-inspect-esmtp.title',
  summaryKey: 'remedies.asa.no-inspect-esmtp.summary',
  impactKey: 'remedies.asa.no-inspect-esmtp.impact',
  params: { places: 'global_policy/inspection_default' },
  causes: ['local-esmtp-inspection'],
  commands: [
    { mode: 'enable', command: 'configure terminal' },
    { mode: 'config', command: 'policy-map global_policy' },
    { mode: 'config-pmap', command: 'class inspection_default' },
    { mode: 'config-pmap-c', command: 'no inspect esmtp' },
    { mode: 'config-pmap-c', command: 'exit' },
    { mode: 'config-pmap', command: 'exit' },
    { mode: 'config', command: 'end' },
  ],
  undo: [],
  verify: [],
  steps: [],
  target: { hostname: 'ciscoasa', platform: 'asa', version: '9.8(4)10' },
}

describe('preview pre-checks on failover and multiple-context devices', () => {
  const tmp = makeTempDir('unmask-fix-prechecks-')
  let device: SshDevice | undefined
  let link: DeviceLink | undefined

  afterEach(async () => {
    await link?.close()
    await device?.close()
    link = undefined
    device = undefined
  })
  afterAll(() => tmp.remove())

  async function session(cli: AsaLikeCliOptions): Promise<RemediationRun> {
    device = await startSshDevice({ cli: { enableSecret: SECRET, ...cli } })
    const port = device.port
    link = await openDeviceLink({
      connect: () =>
        connectSsh({
          host: '127.0.0.1',
          port,
          username: 'admin',
          password: 'admin-pass',
          trust: new HostKeyTrust({ storeFile: join(tmp.path, `kh-${port}`), readOnlyFiles: [] }),
          askHostKey: async () => true,
        }),
      credentials: { username: 'admin', password: 'admin-pass', secret: SECRET },
      driver: { promptTimeoutMs: 5_000, commandTimeoutMs: 10_000 },
    })
    const handle = new CaseStore(tmp.path).create({ customer: 'prechecks' })
    return new RemediationRun({ link, journal: handle, t: createTranslator('en') })
  }

  it('refuses on the standby unit of a failover pair', async () => {
    const fix = await session({ failover: 'sec/stby' })
    const preview = await fix.preview(REMEDY)
    expect(preview.device.prompt).toBe('ciscoasa/sec/stby#')
    expect(preview.checks.find((c) => c.id === 'failover')).toMatchObject({
      passed: false,
      key: 'fix.checks.failover.standby',
    })
    expect(preview.token).toBeNull()
  })

  it('accepts the active unit of a failover pair', async () => {
    const fix = await session({ failover: 'pri/act' })
    const preview = await fix.preview(REMEDY)
    expect(preview.checks.find((c) => c.id === 'failover')).toMatchObject({ passed: true })
    expect(preview.checks.every((c) => c.passed)).toBe(true)
    expect(preview.token).not.toBeNull()
  })

  it('refuses the system context of a multiple-context device, then accepts the right context only', async () => {
    const fix = await session({ contexts: ['pod1', 'pod2'] })
    const system = await fix.preview(REMEDY)
    expect(system.device.context).toBe('system')
    expect(system.checks.find((c) => c.id === 'context')).toMatchObject({
      passed: false,
      key: 'fix.checks.context.system',
    })
    expect(system.token).toBeNull()

    expect(await fix.enterContext('no-such-context')).toBe(false)
    expect(await fix.enterContext('pod1; configure terminal')).toBe(false)
    expect(await fix.enterContext('pod1')).toBe(true)
    const wrong = await fix.preview(REMEDY, { context: 'pod2' })
    expect(wrong.checks.find((c) => c.id === 'context')).toMatchObject({
      passed: false,
      params: { context: 'pod1', wanted: 'pod2' },
    })
    expect(wrong.token).toBeNull()
    const right = await fix.preview(REMEDY, { context: 'pod1' })
    expect(right.checks.find((c) => c.id === 'context')).toMatchObject({ passed: true, params: { context: 'pod1' } })
    expect(right.token).not.toBeNull()
    // A token is bound to its context: after changing context it is refused.
    // Moved behind the preview's back (no new read): the live prompt shows another context.
    expect((await link!.driver.run('changeto context pod2')).failed).toBe(false)
    const moved = await fix.apply({ token: right.token!, typedHostname: 'ciscoasa', confirmedBy: 'Kim' })
    expect(moved).toMatchObject({ refused: true, code: 'tokenWrongDevice' })
  })

  it('refuses a plan built for another device', async () => {
    const fix = await session({ hostname: 'fw-branch' })
    const preview = await fix.preview(REMEDY)
    expect(preview.checks.find((c) => c.id === 'target')).toMatchObject({
      passed: false,
      params: { planned: 'ciscoasa', hostname: 'fw-branch' },
    })
    expect(preview.token).toBeNull()
  })

  it("reports not saved, with the device's words, when write memory does not answer [OK]", async () => {
    const fix = await session({})
    expect(await fix.save('C'.repeat(43), 'Kim')).toMatchObject({ refused: true, code: 'notVerified' })
    await fix.read()
    // A save token needs a change of this run that went in and was verified (issue 14).
    expect(fix.requestSave()).toMatchObject({ refused: true, code: 'notVerified' })
    // The scripted CLI has no configuration mode: a one-line plan it accepts stands for the change.
    const harmless: Remedy = { ...REMEDY, commands: [{ mode: 'enable', command: 'terminal pager 0' }] }
    const change = await fix.preview(harmless)
    expect(await fix.apply({ token: change.token!, typedHostname: 'ciscoasa', confirmedBy: 'Kim' })).toMatchObject({
      outcome: 'applied',
    })
    await fix.verify(harmless, [])
    const request = fix.requestSave()
    if ('refused' in request) throw new Error('no save token')
    // A token for a change is not a token for saving, and the other way round.
    const preview = await fix.preview(REMEDY)
    expect(await fix.save(preview.token!, 'Kim')).toMatchObject({ refused: true, code: 'saveNotConfirmed' })
    expect(await fix.apply({ token: request.token, typedHostname: 'ciscoasa', confirmedBy: 'Kim' })).toMatchObject({
      refused: true,
      code: 'tokenUnknown',
    })
    const fresh = fix.requestSave()
    if ('refused' in fresh) throw new Error('no save token')
    const saved = await fix.save(fresh.token, 'Kim')
    expect(saved).toMatchObject({ refused: false, saved: false, command: 'write memory' })
    if (saved.refused) throw new Error('refused')
    expect(saved.error).toMatch(/^ERROR: % Invalid input/)
    expect(device!.clis[0]!.received).toContain('write memory')
  })
})
