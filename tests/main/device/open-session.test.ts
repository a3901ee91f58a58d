/**
 * The session opening as data (src/shared/devices/session-open.ts), run by one runner against the scripted ASA-like
 * CLI over real SSH: enable is optional for reading and required for a change on ASA/PIX, not applicable on FTD.
 */
import { afterEach, describe, expect, it } from 'vitest'
import { openSession } from '../../../src/main/device/open-session'
import { PRIVILEGE_NEED, sessionOpening } from '../../../src/shared/devices/session-open'
import type { AsaLikeCliOptions } from '../../support/asa-like-cli'
import { type SshDeviceDriver, sshDeviceDriver } from '../../support/ssh-device-driver'

describe('session opening', () => {
  let session: SshDeviceDriver | undefined
  afterEach(async () => {
    await session?.close()
    session = undefined
  })
  const start = async (cli: AsaLikeCliOptions, secret?: string) => {
    session = await sshDeviceDriver(cli, {
      credentials: { username: 'admin', password: 'admin-pass', secret },
    })
    return session
  }

  it('is login → privilege → identify → paging for every platform; only the privilege need differs', () => {
    for (const platform of ['asa', 'pix7', 'pix6', 'ftd'] as const) {
      const steps = sessionOpening(platform, 'change').map((s) => s.step)
      expect(steps).toEqual(['login', 'privilege', 'identify', 'paging'])
    }
    expect(sessionOpening('asa', 'read')[1]).toEqual({ step: 'privilege', need: 'optional' })
    expect(sessionOpening('asa', 'change')[1]).toEqual({ step: 'privilege', need: 'required' })
    expect(PRIVILEGE_NEED.ftd).toEqual({ read: 'not-applicable', change: 'not-applicable' })
  })

  it('reads an ASA: enables, names the platform from show version, turns paging off', async () => {
    const { driver } = await start({ enableSecret: 'e' }, 'e')
    const opened = await openSession(driver, 'read')
    expect(opened).toMatchObject({ enabled: true, platform: 'asa', pagingCommand: 'terminal pager 0' })
    expect(opened.version.output).toMatch(/Cisco Adaptive Security Appliance Software Version/)
    expect(opened.version.typedAt).toMatchObject({ mode: 'enable' })
    expect(driver.prompt).toMatchObject({ mode: 'enable' })
  })

  it('reads without enable when the secret is refused, and goes on at the user prompt', async () => {
    const { driver } = await start({ enableSecret: 'right' }, 'wrong')
    const opened = await openSession(driver, 'read')
    expect(opened).toMatchObject({ enabled: false, platform: 'asa' })
    expect(opened.version.typedAt).toMatchObject({ mode: 'user' })
  })

  it('refuses to open for a change without enable (counter-example)', async () => {
    const { driver } = await start({ enableSecret: 'right' }, 'wrong')
    await expect(openSession(driver, 'change')).rejects.toMatchObject({ code: 'enableFailed' })
  })

  it('opens FTD for a change with no enable step: the CLISH prompt is the top level', async () => {
    const { driver } = await start({ platform: 'ftd' })
    const opened = await openSession(driver, 'change')
    expect(opened).toMatchObject({ enabled: true, platform: 'ftd' })
    expect(driver.prompt).toMatchObject({ mode: 'ftd' })
  })

  it('uses PIX 6 paging once show version named the platform', async () => {
    const { driver } = await start({ platform: 'pix6', enableSecret: 'e' }, 'e')
    const opened = await openSession(driver, 'read')
    expect(opened).toMatchObject({ platform: 'pix6', pagingCommand: 'pager lines 0' })
  })
})
