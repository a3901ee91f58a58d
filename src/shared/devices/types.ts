/**
 * Device behaviour as data: how a platform prompts, pages, escalates and fails. The driver in
 * src/main/device is generic and reads these; adding a platform means adding a profile, not code.
 */

/**
 * The platforms Unmask drives (a profile below each): PIX is split at 7.0, where its CLI became the ASA's. This is
 * the one platform vocabulary of the driver, the fix, the contract and the journal.
 */
export type PlatformId = 'asa' | 'pix6' | 'pix7' | 'ftd'

/**
 * What evidence can tell about a device before its version is known: the product family. A PIX is `pix` until a
 * version says 6 or 7 (the driver learns which from the live device); FWSM is recognised but not driven.
 */
export type PlatformFamily = 'asa' | 'pix' | 'fwsm' | 'ftd'

/**
 * Where the CLI is. `user` is `host>`, `enable` is `host#`, `config` is `host(config)#`, `config-sub` any
 * deeper configuration mode (`host(config-pmap)#`), `ftd` the Firepower Threat Defense CLISH `> `.
 */
export type DeviceMode = 'user' | 'enable' | 'config' | 'config-sub' | 'ftd' | 'expert'

export interface FailoverTag {
  /** `pri`/`sec` from the prompt, when shown. */
  unit?: 'pri' | 'sec'
  /** `act`/`stby` from the prompt, when shown. */
  state?: 'act' | 'stby'
}

export interface ParsedPrompt {
  /** The prompt text as it appeared, without trailing space. */
  text: string
  hostname: string
  /** Security context in multiple-context mode (`host/ctx#`); absent in single mode or the system context. */
  context?: string
  failover?: FailoverTag
  /** The word in parentheses: `config`, `config-pmap`, `config-if`… */
  configMode?: string
  mode: DeviceMode
}

export interface EvidenceStep {
  /** Stable id used by the engine and the session log, e.g. `show-version`. */
  id: string
  command: string
  /** `system` = only in the system context of a multiple-context device; `context` = once per security context there. */
  scope?: 'always' | 'system' | 'context'
  /** A failure of an optional step is recorded but does not count as a failed collection. */
  optional?: boolean
}

export interface PlatformProfile {
  id: PlatformId
  /** i18n key of the platform's display name. */
  labelKey: string
  /** Which prompt grammar the platform uses (see prompt.ts). */
  promptStyle: 'asa' | 'ftd'
  /** First lines of `show version` that identify the platform. */
  versionBanner: RegExp[]
  login: {
    username: RegExp
    password: RegExp
    /** Texts meaning the credentials were refused. */
    failure: RegExp[]
  }
  enable?: {
    command: string
    passwordPrompt: RegExp
    failure: RegExp[]
    /** ASA: `login` at the user prompt lets a local user with privilege 15 in when the enable secret is unknown. */
    loginFallback?: { command: string }
  }
  paging: {
    /** Commands that switch paging off, tried in order until one is accepted. */
    disable: string[]
    /** The pager's prompt, answered with `continueKey` when it appears anyway. */
    more: RegExp
    continueKey: string
  }
  /** Texts in a command's output meaning the device refused the command. */
  failure: RegExp[]
  /** Multiple-context mode: how to find the mode and move between contexts. */
  contexts?: {
    modeCommand: string
    multiplePattern: RegExp
    listCommand: string
    changeTo: (context: string) => string
    backToSystem: string
  }
  evidence: EvidenceStep[]
}
