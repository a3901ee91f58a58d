/**
 * The customer report as data: what `buildReportModel` (build-model.ts) makes of a case's journal and what the HTML
 * renderer (render/) draws. Language-neutral: texts are i18n keys plus parameters, or text taken from the case (already
 * redacted). Every string in a model has passed through the case's redactor.
 *
 * ## Journal entries the report reads
 *
 * The contract is the journal's event union, src/shared/journal/events.ts (type → data schema in schemas.ts, where each
 * field is documented); read-journal.ts sorts a journal with those schemas. The report reads `probe.result`,
 * `analysis.result`/`diagnosis.result` (the latest before the first fix is "the diagnosis", a later one "the state
 * after the change"; without any, main may pass BuildOptions.fallbackDiagnosis), `probe.comparison` (its findings join
 * the diagnosis), `mailpolicy.result`, `capture.added` (the capture lanes), `device.evidence`, `device.identified`, `device.output`, `device.command` (shown when the session's
 * cleaned log attachment is missing; raw logs are never shown), `evidence.added`, `redaction.mark`, and remediation's
 * `fix.applied`, `fix.verified`, `fix.saved`, `fix.undone`. `case.created`, `attachment.added`, `device.raw`,
 * `device.session.*`, `fix.preview`, `fix.backup`, `fix.line` and `report.exported` are part of the record but not
 * shown; anything else (e.g. `fix.refused`, `fix.recovered`, unknown types, data that does not fit) goes to the
 * appendix. Probes journaled after the first `fix.applied` are "after"; the ones before it are "before".
 */
import type { FleetView } from '../audit/report-view'
import type { CaptureSetLanes } from '../capture/lanes'
import type { Severity } from '../findings'
import type { MailPolicyView } from '../mail-policy/report-view'
import type { PhaseTiming, ProbePhase } from '../probe/types'
import type { SecretKind } from '../redaction'

export type FixEase = 'easy' | 'moderate' | 'hard'

export interface ReportCover {
  caseId: string
  customer: string
  site?: string
  engineer?: string
  /** ISO time the case was opened. */
  created: string
  /** ISO time the report was made. */
  generatedAt: string
}

/** Where the case stands now; decides the headline of the summary. */
export type CaseState =
  | 'resolved'
  | 'fix-unverified'
  | 'fix-failed'
  | 'problem-found'
  | 'no-problem-found'
  | 'inconclusive'

export interface ReportSummary {
  state: CaseState
  /** Titles of the most important findings (critical first), at most three. */
  problems: TextRef[]
  /** The change in one line per device. */
  changes: Array<{
    kind?: 'apply' | 'undo'
    device: string
    lineCount: number
    outcome: 'applied' | 'failed'
    saved?: boolean
  }>
  /** STARTTLS as the latest probe of each path saw it. */
  paths: Array<{ label: string; starttls: StarttlsState; tls: boolean }>
}

/** An i18n key with parameters, rendered by the HTML layer. */
export interface TextRef {
  key: string
  params?: Record<string, string | number>
}

export interface DeviceView {
  name: string
  hostname?: string
  platform?: string
  model?: string
  version?: string
  address?: string
}

export interface VantageView {
  label: string
  target: string
  address?: string
  probes: number
}

export interface EvidenceView {
  source: string
  startLine: number
  endLine: number
  /** Excerpt lines with their numbers (startLine, startLine + 1, …). */
  lines: Array<{ n: number; text: string }>
}

/** A root cause from the engine (src/shared/diagnosis): what explains the findings. */
export interface CauseView {
  id: string
  confidence: number
  title: TextRef
  explanation: TextRef
}

export interface FindingView {
  id: string
  severity: Severity
  confidence: number
  title: TextRef
  explanation: TextRef
  impactKey?: string
  recommendationKey?: string
  ease?: FixEase
  params: Record<string, string | number>
  evidence: EvidenceView[]
}

export type StarttlsState = 'offered' | 'masked' | 'absent' | 'unknown'
export type LineMark = 'masked' | 'rejected' | 'tls' | 'error'

export interface ProbeLineView {
  n: number
  direction: 'client' | 'server' | 'note'
  phase: ProbePhase
  atMs: number
  text: string
  mark?: LineMark
}

export interface ProbeView {
  seq: number
  at: string
  /** Before the first change, after the latest one, or between changes (a state a later change replaced). */
  when: 'before' | 'between' | 'after'
  /** `vantage · host:port`, the key that pairs a before probe with an after probe. */
  path: string
  vantage?: string
  target: string
  address?: string
  startedAt: string
  durationMs: number
  outcome: 'completed' | 'failed'
  errorCode?: string
  errorPhase?: string
  banner?: string
  bannerMasked: boolean
  starttls: StarttlsState
  /** Code and text of the server's reply to STARTTLS, when it was sent. */
  starttlsReply?: string
  tls?: { established: boolean; protocol?: string; cipher?: string; trusted?: boolean; error?: string }
  phases: PhaseTiming[]
  lines: ProbeLineView[]
}

export interface ProbeComparison {
  path: string
  before?: ProbeView
  after?: ProbeView
}

export interface ChangeView {
  /** An apply or an undo, listed in the order they happened. */
  kind?: 'apply' | 'undo'
  seq: number
  at: string
  device: string
  lines: string[]
  undoLines: string[]
  confirmedBy?: string
  confirmedAt?: string
  backupSha256?: string
  outcome: 'applied' | 'failed'
  failedLine?: number
  error?: string
  saved?: boolean
  savedAt?: string
  undone?: { at: string; outcome: 'applied' | 'failed' }
}

export interface VerificationView {
  seq: number
  at: string
  device?: string
  passed: boolean
  /** `label` (an i18n key of the writer) is preferred to `text` (in the writer's language) when present. */
  checks: Array<{ text: string; passed: boolean; label?: TextRef; detail?: string }>
  /** Inspection counters read before and after the change (lines of command output). */
  counters?: { before?: string[]; after?: string[] }
}

export interface AppendixText {
  title: string
  /** What kind of text it is, for the heading (i18n key). */
  kindKey: string
  lines: string[]
  /** Lines left out to keep the report printable (they stay in the case). */
  omitted: number
  /** Titles of other items with exactly the same text, shown once. */
  sameAs?: string[]
  /** Gathered before the first change, between changes, or after the latest one (only when something was changed). */
  when?: 'before' | 'between' | 'after'
}

export interface AppendixEntry {
  seq: number
  at: string
  type: string
  excerpt: string
}

export interface ReportModel {
  cover: ReportCover
  summary: ReportSummary
  scope: { devices: DeviceView[]; vantages: VantageView[]; period: { from: string; to: string } }
  /** Root causes of the diagnosis before the change, strongest first. */
  causes: CauseView[]
  findings: FindingView[]
  /** Findings of a diagnosis made after the change, when there is one. */
  findingsAfter?: FindingView[]
  comparisons: ProbeComparison[]
  changes: ChangeView[]
  verifications: VerificationView[]
  recommendations: TextRef[]
  /** The latest fleet audit exported into the case (`fleet.findings`), when there is one. */
  fleet?: FleetView
  /** Domains probed with their MTA-STS/TLS-RPT/DANE state (`mailpolicy.result`), per MX beside its probe. */
  mailPolicy?: MailPolicyView[]
  /** The case's packet captures as two lanes per capture set (`capture.added`, src/shared/capture/lanes.ts). */
  captures?: CaptureSetLanes[]
  appendix: {
    texts: AppendixText[]
    transcripts: ProbeView[]
    other: AppendixEntry[]
    journalProblems: number
  }
  redactions: Record<SecretKind, number>
}
