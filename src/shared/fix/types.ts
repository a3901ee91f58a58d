/**
 * What remediation hands back at each step. Every result is data (no exceptions for refusals): the caller shows
 * `reason` keys through i18n (`fix.refusals.<code>`), and the journal records the same objects.
 */

import type { PlatformId } from '../devices/session-open'
import type { ProbeResult, ProbeTarget } from '../probe/types'
import type { CliMode, CommandLine, RemedyId } from '../remedies/types'

/** The platform as `show version` named it (src/shared/devices: the one platform vocabulary), or unknown. */
export type SnapshotPlatform = PlatformId | 'unknown'

/** The device as read at one moment: identity, where the session stands, and the full running-config. */
export interface DeviceSnapshot {
  hostname: string
  platform: SnapshotPlatform
  version: string | null
  /** Security context the session is in (multiple-context mode), `system` for the system context. */
  context: string | null
  contextMode: 'single' | 'multiple' | 'unknown'
  failover: { enabled: boolean; thisUnit: 'active' | 'standby' | null } | 'unknown'
  /** The prompt as last seen, e.g. `ciscoasa#`. */
  prompt: string
  privileged: boolean
  runningConfig: string
  /** SHA-256 (hex) of the running-config as normalised for comparison (see hash.ts). */
  configHash: string
  /** Command outputs read for the snapshot, by command. */
  outputs: Array<{ command: string; output: string; failed: boolean }>
  readAt: string
}

export type PrecheckId = 'privilege' | 'platform' | 'context' | 'failover' | 'target' | 'changeType'

export interface Precheck {
  id: PrecheckId
  passed: boolean
  /** i18n key under `fix.checks`, with its parameters. */
  key: string
  params: Record<string, string>
}

export type PlanKind = 'apply' | 'undo'

export interface FixPlan {
  kind: PlanKind
  remedyId: RemedyId
  lines: CommandLine[]
  /** The lines that take this plan back (for an undo plan: the original lines). */
  undo: CommandLine[]
  impactKey: string
  params: Record<string, string>
}

export interface Preview {
  plan: FixPlan
  device: Pick<DeviceSnapshot, 'hostname' | 'platform' | 'version' | 'context' | 'prompt'>
  checks: Precheck[]
  /** Present only when every check passed. One use; bound to device, plan, lines and running-config. */
  token: string | null
  linesHash: string
  configHash: string
  issuedAt: string
  expiresAt: string | null
}

export type RefusalCode =
  | 'tokenUnknown'
  | 'tokenUsed'
  | 'tokenExpired'
  | 'tokenWrongDevice'
  | 'hostnameMismatch'
  | 'configChanged'
  | 'noConfirmer'
  | 'notPrivileged'
  | 'saveNotConfirmed'
  /** A save token is only issued after a change of this run went in and was verified (issue 14). */
  | 'notVerified'
  | 'nothingApplied'
  | 'sessionLost'

export interface Refusal {
  refused: true
  code: RefusalCode
  params: Record<string, string>
}

export interface SentLine {
  /** 1-based position in the plan. */
  index: number
  mode: CliMode
  command: string
  /** The mode the prompt showed before the line went out. */
  promptBefore: string
  promptAfter: string | null
  output: string
  status: 'ok' | 'error' | 'unknown'
  failureText?: string
  startedAt: string
  elapsedMs: number
}

/** What is in the running-config now compared with the backup, as config paths (`policy-map X > class Y > line`). */
export interface ConfigDelta {
  added: string[]
  removed: string[]
}

export interface ApplyResult {
  refused: false
  kind: PlanKind
  /** applied: every line went in; failed: the device refused a line (or the prompt was not in the line's mode); unknown: the connection was lost. */
  outcome: 'applied' | 'failed' | 'unknown'
  sent: SentLine[]
  notSent: CommandLine[]
  failedLine?: number
  error?: string
  backup: { attachment: string | null; sha256: string; bytes: number }
  confirmedBy: string
  confirmedAt: string
  /** Navigation lines sent after a stop to get back to privileged EXEC (`end`, `exit`). */
  leftConfigWith: string[]
  /** After a lost connection: the configuration re-read on a new session and what changed since the backup. */
  recovered?: { reconnected: boolean; delta: ConfigDelta | null; error?: string }
}

export interface VerifyCheck {
  id: string
  passed: boolean
  key: string
  params: Record<string, string>
  /** A technical line that proves it (a config line, a probe line). */
  evidence: string
}

export interface ProbeRecheck {
  target: ProbeTarget
  before: ProbeResult | null
  after: ProbeResult
  passed: boolean
  differences: string[]
}

export interface VerifyResult {
  outcome: 'fixed' | 'not-fixed' | 'partial'
  checks: VerifyCheck[]
  probes: ProbeRecheck[]
  readBack: Array<{ command: string; output: string }>
  counters: { before: string | null; after: string | null }
  at: string
}

export interface SaveResult {
  refused: false
  saved: boolean
  command: string
  output: string
  error?: string
  confirmedBy: string
  at: string
}
