import {
  ASA_FAILURES,
  ASA_SERVICE_POLICY_STEPS,
  LOGIN_FAILURES,
  MORE_PROMPT,
  PASSWORD_PROMPT,
  USERNAME_PROMPT,
} from './common'
import type { DeviceProfile } from './types'

/**
 * Firepower Threat Defense: the CLISH prompt `> ` needs no enable, and `show running-config` and
 * `show service-policy` are passed to the ASA (LINA) engine underneath. Configuration goes through
 * FMC/FDM (FlexConfig), never this CLI.
 */
export const ftdProfile: DeviceProfile = {
  id: 'ftd',
  labelKey: 'device.platforms.ftd',
  promptStyle: 'ftd',
  versionBanner: [/Cisco Firepower Threat Defense|Threat Defense for|Firepower Threat Defense/i],
  login: { username: USERNAME_PROMPT, password: PASSWORD_PROMPT, failure: LOGIN_FAILURES },
  // Which of the two an FTD image accepts varies; a refusal is harmless and the pager is answered anyway.
  paging: { disable: ['terminal pager 0', 'terminal length 0'], more: MORE_PROMPT, continueKey: ' ' },
  failure: [...ASA_FAILURES, /^Syntax error:/im, /^% Invalid Input Detected/im],
  evidence: [{ id: 'show-version', command: 'show version' }, ...ASA_SERVICE_POLICY_STEPS.map((s) => ({ ...s }))],
}
