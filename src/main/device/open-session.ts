/**
 * Runs the session opening described in src/shared/devices/session-open.ts on a driver, the one place where login →
 * enable → identify → paging happens (fix, `unmask collect`, `unmask diagnose`, the terminal's evidence run).
 */
import { type ParsedPrompt, PROFILES, platformFromVersion } from '../../shared/devices'
import {
  type PlatformId,
  type PrivilegeNeed,
  type SessionPurpose,
  sessionOpening,
} from '../../shared/devices/session-open'
import type { DeviceDriver } from './driver'
import { type CommandResult, DriverError } from './driver-types'

export interface OpenedSession {
  /** Whether the session is in privileged EXEC (false: enable was optional and refused, or not applicable). */
  enabled: boolean
  platform: PlatformId
  /** `show version` as run, and the prompt it was typed at (the first evidence step). */
  version: CommandResult & { typedAt: ParsedPrompt | null }
  /** The paging command the device accepted, or null (the pager is then answered as it comes). */
  pagingCommand: string | null
}

export async function openSession(driver: DeviceDriver, purpose: SessionPurpose): Promise<OpenedSession> {
  let enabled = false
  let version: OpenedSession['version'] | null = null
  let pagingCommand: string | null = null
  // `login` is always first; the first prompt then tells FTD's CLISH from the rest, which decides the other steps.
  await driver.open()
  let platform: PlatformId = driver.profile.id
  for (const step of sessionOpening(platform, purpose)) {
    switch (step.step) {
      case 'login':
        break
      case 'privilege':
        enabled = await enterPrivilege(driver, step.need)
        break
      case 'identify': {
        const typedAt = driver.prompt
        const result = await driver.run(step.command)
        version = { ...result, typedAt }
        // What the device says it is, even when the caller forced a profile (setProfile then keeps the forced one).
        platform = platformFromVersion(result.output) ?? driver.profile.id
        driver.setProfile(PROFILES[platform])
        break
      }
      case 'paging':
        pagingCommand = await driver.disablePaging()
        break
    }
  }
  if (!version) throw new Error('session opening without an identify step')
  return { enabled, platform, version, pagingCommand }
}

async function enterPrivilege(driver: DeviceDriver, need: PrivilegeNeed): Promise<boolean> {
  if (need === 'not-applicable') return driver.prompt?.mode !== 'user'
  try {
    const prompt = await driver.enable()
    return prompt.mode !== 'user'
  } catch (error) {
    // Reading without enable still gets the version and the counters; the evidence shows what is missing.
    if (need === 'optional' && error instanceof DriverError && error.code === 'enableFailed') return false
    throw error
  }
}
