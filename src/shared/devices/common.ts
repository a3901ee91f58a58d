/** Texts shared by the Cisco firewall families (ASA, PIX 7.x, FTD's diagnostic CLI). */

export const USERNAME_PROMPT = /(?:^|\n)\s*(?:user ?name|login)\s*:\s*$/i
export const PASSWORD_PROMPT = /(?:^|\n)[^\n]*password\s*:\s*$/i

export const LOGIN_FAILURES: RegExp[] = [
  /login invalid/i,
  /access denied/i,
  /authentication failed/i,
  /invalid password/i,
  /bad passwords?/i,
  /permission denied/i,
]

export const ENABLE_FAILURES: RegExp[] = [/invalid password/i, /access denied/i, /bad secrets?/i, /bad passwords?/i]

/** `<--- More --->` (ASA, PIX), `--More--` (FTD CLISH, IOS-like). */
export const MORE_PROMPT = /<-{2,3}\s*More\s*-{2,3}>|-{2}\s*More\s*-{2}/

export const ASA_FAILURES: RegExp[] = [
  /^ERROR: /m,
  /^% ?Invalid input detected/im,
  /^% ?Incomplete command/im,
  /^% ?Ambiguous command/im,
  /Command authorization failed/i,
]

/**
 * The whole running-config rather than its class-map/policy-map/service-policy sections: the engine reads one
 * configuration as a whole (a policy-map, the class it uses, the service-policy binding it and interface
 * exemptions), and separate section outputs would be separate configurations to it.
 */
export const ASA_SERVICE_POLICY_STEPS = [
  { id: 'running-config', command: 'show running-config' },
  { id: 'service-policy-esmtp', command: 'show service-policy inspect esmtp' },
] as const
