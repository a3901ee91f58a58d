import {
  ASA_FAILURES,
  ASA_SERVICE_POLICY_STEPS,
  ENABLE_FAILURES,
  LOGIN_FAILURES,
  MORE_PROMPT,
  PASSWORD_PROMPT,
  USERNAME_PROMPT,
} from './common'
import type { PlatformProfile } from './types'

/** Cisco ASA 7.x–9.x, single and multiple context, standalone or failover. */
export const asaProfile: PlatformProfile = {
  id: 'asa',
  labelKey: 'device.platforms.asa',
  promptStyle: 'asa',
  versionBanner: [/Cisco Adaptive Security Appliance Software Version/i],
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
