/**
 * The customer report as data: what `buildReportModel` (build-model.ts) makes of a case's journal and what the HTML
 * renderer (render/) draws. Language-neutral: texts are i18n keys plus parameters, or text taken from the case (already
 * redacted). Every string in a model has passed through the case's redactor.
 *
 * ## Journal entries the report reads
 *
 * The report keeps its input narrow: for each entry type it reads only the fields below (entries.ts validates them
 * with lenient schemas, so extra fields are ignored). An entry of an unknown type, or a known type whose data does not
 * fit, is listed in the appendix (type, time, a redacted excerpt of its data) instead of breaking the report.
 *
 * Written by others today:
 * - `case.created`  `{ id, customer, site?, engineer? }` (case store)
 * - `attachment.added` `{ name, sha256, bytes }` (case store); text attachments are shown in the appendix
 * - `probe.result`  a `ProbeResult` (src/shared/probe/types.ts): target (host, port, vantage), phases with timings,
 *   numbered transcript, banner/greeting/starttls/tls summaries, outcome
 *
 * - `analysis.result` (investigation service) or `diagnosis.result` `{ findings: Finding[], causes?: RootCause[],
 *   facts?: DeviceFacts }` — findings as in src/shared/findings.ts; a finding may add `impactKey`,
 *   `recommendationKey` (i18n keys) and `ease: 'easy' | 'moderate' | 'hard'`. The latest result before the first fix
 *   is "the diagnosis"; a later one is "the state after the change". Without any, main may pass a diagnosis made
 *   from the case's probes and device output (BuildOptions.fallbackDiagnosis).
 * - `probe.comparison` `{ comparison, findings }` (src/main/smtp/journal.ts) — its findings join the diagnosis
 * - `device.evidence` `{ peer, platform, facts }` (`unmask collect`) — a device for the scope
 * - `device.command` `{ command, output }` (src/main/device/session-log.ts) — shown when the session's cleaned log
 *   (attachment `session-….log`) is missing; raw logs (`…-raw.log`, `device.raw`) are never shown
 *
 * Read when present (no writer yet, or written by hand/tests):
 * - `device.identified` `{ device, hostname?, platform?, model?, version?, address? }` — `device` is the name the
 *   engineer knows the device by (a connection profile, a hostname)
 * - `device.output` `{ device, command, output }` — output of one command (src/main/fix writes it on verification)
 * - `evidence.added` `{ source, text, kind? }` — text the engineer pasted or imported (configuration, logs, NDR)
 * - `redaction.mark` `{ text }` — a string the engineer wants removed from every export
 * - `report.exported` `{ lang, pdf: { name, sha256, bytes }, html?, state, redactions }` — written by
 *   src/main/report/export-report.ts after each export (not shown in later reports)
 *
 * Remediation (src/main/fix) writes these, one entry per event, in this order (`fix.backup`, `fix.line` are part
 * of the record but not shown; `fix.refused`, `fix.recovered` go to the appendix):
 * - `fix.applied`  `{ device, planId?, remedyId?, lines: string[], undoLines: string[], confirmedBy, confirmedAt?,
 *   backupSha256, backupAttachment?, outcome: 'applied' | 'failed', failedLine?, error? }`
 *   — `lines` are exactly the configuration lines sent, in order; `confirmedBy` is who typed the confirmation (the
 *   engineer's name; the typed hostname itself is not a secret but need not be recorded); `backupSha256` is the SHA-256
 *   (hex) of the running configuration saved before the first line was sent; `failedLine` is a 1-based index into
 *   `lines` when the run stopped there.
 * - `fix.verified` `{ device?, passed: boolean, checks: Array<{ text: string, passed: boolean }>, probeSeqs?: number[],
 *   countersBefore?, countersAfter? }` (the counters: `show service-policy inspect esmtp` output, shown side by side)
 *   — `checks` are human-readable lines (e.g. the read-back `show running-config policy-map` line), in the language
 *   of the session that wrote them; a check may add `key`, `params` and `evidence` so that the report can say it in
 *   the report's language (`text` is then the fallback); `probeSeqs` the
 *   journal `seq` of the probes that were re-run (they are also `probe.result` entries after the change).
 * - `fix.saved`    `{ device, saved: boolean, command?, output? }` — `write memory` run (saved: true) or declined.
 * - `fix.undone`   `{ device, lines: string[], outcome: 'applied' | 'failed', error? }`
 * Probes journaled after the first `fix.applied` are "after"; the ones before it are "before".
 */
import type { Severity } from '../findings'
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
  changes: Array<{ device: string; lineCount: number; outcome: 'applied' | 'failed'; saved?: boolean }>
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
  when: 'before' | 'after'
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
  appendix: {
    texts: AppendixText[]
    transcripts: ProbeView[]
    other: AppendixEntry[]
    journalProblems: number
  }
  redactions: Record<SecretKind, number>
}
