/**
 * How a device session is opened, as data: the steps run after the channel is up, in order, and whether privileged
 * EXEC is required. One runner executes them (src/main/device/open-session.ts) for every caller: the fix dialog and
 * `unmask diagnose` (purpose `change`), `unmask collect` and the terminal's evidence run (purpose `read`).
 *
 * The model is scrapli's `on_open` (carlmontanari/scrapli, scrapli/driver/core/cisco_iosxe/sync_driver.py,
 * `iosxe_on_open`: acquire the privilege level, then `terminal length 0`) and Netmiko's ASA session preparation
 * (netmiko CiscoAsaSSH.session_preparation: "ASA must go into enable mode to disable_paging" — enable, then
 * paging off). Unmask adds `show version` between them because the platform, and so the paging command, is only
 * known from it (src/shared/devices/index.ts, platformFromVersion).
 *
 * Enable, decided per platform and purpose:
 * - ASA, PIX 7, PIX 6: required to change anything (configuration mode is entered from privileged EXEC); optional to
 *   read: without it `show version` and `show mode` still answer, `show running-config` is refused, and the evidence
 *   records the refusal (the engine then says what is missing) instead of the whole collection failing.
 * - FTD: not applicable. The CLISH `>` prompt has no enable; `show running-config` is passed to the ASA engine below
 *   (src/shared/devices/ftd.ts).
 */
import type { PlatformId } from './types'

/**
 * The one platform vocabulary and a platform's behaviour (prompts, paging, enable, failures, evidence steps), both
 * defined in types.ts and re-exported here for the session layer. `PlatformProfile` is named apart from the saved
 * connection, `DeviceProfile` of src/shared/profiles.ts.
 */
export type { PlatformId, PlatformProfile } from './types'

/** Every platform id, for schemas at the boundaries (IPC, journal); `satisfies` keeps it in step with the type. */
export const PLATFORM_IDS = ['asa', 'pix7', 'pix6', 'ftd'] as const satisfies readonly PlatformId[]

/** `change`: the session may send configuration (remediation); `read`: evidence only. */
export type SessionPurpose = 'read' | 'change'

export type PrivilegeNeed = 'required' | 'optional' | 'not-applicable'

export const PRIVILEGE_NEED: Record<PlatformId, Record<SessionPurpose, PrivilegeNeed>> = {
  asa: { read: 'optional', change: 'required' },
  pix7: { read: 'optional', change: 'required' },
  pix6: { read: 'optional', change: 'required' },
  ftd: { read: 'not-applicable', change: 'not-applicable' },
}

/** The command that names the platform; its output is also the first evidence step. */
export const IDENTIFY_COMMAND = 'show version'

export type OpenStep =
  /** Wait for the first prompt, answering username and password questions. */
  | { step: 'login' }
  /** Enter privileged EXEC (enable secret, or ASA's `login` fallback). */
  | { step: 'privilege'; need: PrivilegeNeed }
  /** Read the platform from `show version` and switch to its profile (unless one was forced). */
  | { step: 'identify'; command: string }
  /** The platform profile's paging-off commands, tried in order (the pager is answered anyway if all fail). */
  | { step: 'paging' }

/**
 * The steps for a platform (as the first prompt suggests it: `>` alone is FTD's CLISH) and a purpose. `login` is
 * always first; the rest follow in this order for every platform.
 */
export function sessionOpening(platform: PlatformId, purpose: SessionPurpose): OpenStep[] {
  return [
    { step: 'login' },
    { step: 'privilege', need: PRIVILEGE_NEED[platform][purpose] },
    { step: 'identify', command: IDENTIFY_COMMAND },
    { step: 'paging' },
  ]
}
