import { ENABLE_FAILURES, LOGIN_FAILURES, MORE_PROMPT, PASSWORD_PROMPT, USERNAME_PROMPT } from './common'
import type { PlatformProfile } from './types'

/**
 * PIX 6.x and older (Mailguard, `fixup protocol smtp`). SSH version 1 only, so usually telnet or the
 * console. An unknown command answers with the help hint instead of an `ERROR:` line.
 */
export const pix6Profile: PlatformProfile = {
  id: 'pix6',
  labelKey: 'device.platforms.pix6',
  promptStyle: 'asa',
  versionBanner: [/Cisco PIX Firewall Version [1-6]\./i, /Cisco Secure PIX Firewall Version/i],
  login: { username: USERNAME_PROMPT, password: PASSWORD_PROMPT, failure: LOGIN_FAILURES },
  enable: { command: 'enable', passwordPrompt: PASSWORD_PROMPT, failure: ENABLE_FAILURES },
  // 6.x configurations carry `pager lines 24`; `pager lines 0` or `no pager` switch it off (no `terminal pager`).
  paging: { disable: ['pager lines 0', 'no pager'], more: MORE_PROMPT, continueKey: ' ' },
  failure: [
    /^Type help or '\?' for a list of available commands\.?\s*$/m,
    /^ERROR: /m,
    /^% ?Invalid input detected/im,
    /^Not enough arguments/im,
    /^Invalid (?:command|argument)/im,
  ],
  evidence: [
    { id: 'show-version', command: 'show version' },
    { id: 'show-fixup', command: 'show fixup' },
  ],
}
