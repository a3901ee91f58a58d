import {
  ASA_FAILURES,
  ASA_SERVICE_POLICY_STEPS,
  ENABLE_FAILURES,
  LOGIN_FAILURES,
  MORE_PROMPT,
  PASSWORD_PROMPT,
  USERNAME_PROMPT,
} from './common'
import type { DeviceProfile } from './types'

/** PIX 7.x/8.0: the ASA code train on PIX hardware; MPF (`inspect esmtp`) instead of fixups. */
export const pix7Profile: DeviceProfile = {
  id: 'pix7',
  labelKey: 'device.platforms.pix7',
  promptStyle: 'asa',
  versionBanner: [/Cisco PIX Security Appliance Software Version/i],
  login: { username: USERNAME_PROMPT, password: PASSWORD_PROMPT, failure: LOGIN_FAILURES },
  enable: {
    command: 'enable',
    passwordPrompt: PASSWORD_PROMPT,
    failure: ENABLE_FAILURES,
    loginFallback: { command: 'login' },
  },
  paging: { disable: ['terminal pager 0'], more: MORE_PROMPT, continueKey: ' ' },
  failure: ASA_FAILURES,
  contexts: {
    modeCommand: 'show mode',
    multiplePattern: /context mode:\s*multiple/i,
    listCommand: 'show context',
    changeTo: (context) => `changeto context ${context}`,
    backToSystem: 'changeto system',
  },
  evidence: [
    { id: 'show-version', command: 'show version' },
    { id: 'show-mode', command: 'show mode', optional: true },
    { id: 'show-context', command: 'show context', scope: 'system' },
    ...ASA_SERVICE_POLICY_STEPS.map((s) => ({ ...s, scope: 'context' as const })),
  ],
}
