/**
 * What the guided capture hands the app and the CLI (src/main/capture makes them): the proposal with its one-time
 * token, the run's result, and the cleanup of captures a cut run left behind. Plain data, no secrets: the token is a
 * capability bound in main to the exact lines shown.
 */
import type { Finding } from '../../findings'
import type { CaptureForm } from './acl-form'
import type { CapturePlan, MailDirection, PlanQuestion, PlanRefusal } from './plan'

export interface CaptureRequest {
  /** The mail host's address (real or mapped). */
  mailHost: string
  direction: MailDirection
  serverInterface?: string
  clientInterface?: string
  /**
   * The other end's address as the firewall sees it, when the user knows it — inbound: the probe's source; outbound:
   * the outside server. Both captures then take only that peer's connections, so other people's mail to or from the
   * host during the run stays out of the case.
   */
  peerAddress?: string
  /** `access-list` after a run said the device needs it (`needsAccessList`); default `match`. */
  form?: CaptureForm
}

export type CaptureRefusalCode =
  | PlanRefusal
  | 'tokenUnknown'
  | 'tokenUsed'
  | 'tokenExpired'
  | 'tokenWrongDevice'
  | 'noConfirmer'
  | 'nameTaken'
  | 'sessionLost'
  | 'notPrivileged'
  | 'nothingToClean'

export interface CaptureRefusal {
  refused: true
  code: CaptureRefusalCode
  params: Record<string, string>
}

export type CaptureProposal =
  | {
      status: 'ready'
      runId: string
      device: string
      plan: CapturePlan
      /** Spent by `run`; null never (a plan that is not ready gets no token). */
      token: string
      expiresAt: string
    }
  | {
      status: 'ask'
      device: string
      questions: PlanQuestion[]
      choices: string[]
      host: { real: string; mapped: string }
    }
  | ({ status: 'refused'; device: string } & Omit<CaptureRefusal, 'refused'>)

export interface CaptureLineOutcome {
  command: string
  status: 'ok' | 'error' | 'unknown'
  output: string
}

export interface ReadBack {
  name: string
  interface: string
  side: 'inside' | 'outside'
  bytes: number
  /** The dump was longer than the cap: the text kept ends at the last whole packet before it. */
  truncated: boolean
  /** SMTP conversations the dump holds (readable ones). */
  conversations: number
  problems: string[]
}

export interface RemovalOutcome {
  name: string
  outcome: 'removed' | 'absent' | 'failed' | 'unknown'
}

export interface CaptureRunResult {
  refused: false
  runId: string
  outcome: 'completed' | 'failed' | 'lost'
  error?: string
  /**
   * The device refused the `match` keyword of the first capture line (caret under `match`: PIX/ASA 7.0). Nothing
   * else was typed; a new proposal with `form: 'access-list'` can run.
   */
  needsAccessList: boolean
  created: CaptureLineOutcome[]
  probe: { ok: boolean; summary: string } | null
  readBack: ReadBack[]
  /** The engine's capture findings on the two dumps (`capture.firewall-rewrote` when the firewall changed a line). */
  findings: Finding[]
  /** The rendered transcripts the findings' line numbers point into (src/shared/capture/evidence.ts). */
  transcripts: Array<{ name: string; text: string }>
  removal: RemovalOutcome[]
  /** Captures that may still be on the device (removal failed or the session could not be re-opened). */
  leftOnDevice: string[]
}

export interface CleanupProposal {
  device: string
  names: string[]
  lines: string[]
  token: string
  expiresAt: string
}

export interface CleanupResult {
  refused: false
  removal: RemovalOutcome[]
  leftOnDevice: string[]
}

/** Progress of a run, for the panel and the CLI. */
export type CaptureStep = 'create' | 'probe' | 'read' | 'remove'
