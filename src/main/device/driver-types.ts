import type { DeviceMode } from '../../shared/devices'

export interface Credentials {
  username?: string
  password?: string
  /** The enable secret. */
  secret?: string
}

export interface CommandResult {
  command: string
  /** Cleaned output: no echo, prompt, pager residue, ANSI codes or stray CRs; lines end with `\n`. */
  output: string
  /** The mode the prompt showed after the command. */
  mode: DeviceMode
  failed: boolean
  /** The device's refusal (`ERROR: % Invalid input…`), `timeout` or `output-limit`. */
  failureText?: string
  /** ISO time the line was sent. */
  startedAt: string
  elapsedMs: number
}

/** Every byte that passes, for the session log; `secret` lines are never to be stored as sent. */
export type TrafficEvent =
  | { direction: 'in'; data: string; at: Date }
  | { direction: 'out'; data: string; secret: boolean; at: Date }

export type DriverErrorCode =
  | 'promptTimeout'
  | 'usernameRequired'
  | 'passwordRequired'
  | 'loginFailed'
  | 'enableFailed'
  | 'closed'
  | 'desynchronised'

export class DriverError extends Error {
  constructor(
    readonly code: DriverErrorCode,
    readonly params: Record<string, string | number> = {},
  ) {
    super(`${code}${Object.keys(params).length ? ` ${JSON.stringify(params)}` : ''}`)
    this.name = 'DriverError'
  }
}
