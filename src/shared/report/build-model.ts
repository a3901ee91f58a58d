/**
 * `buildReportModel(case)`: reads the journal (see model.ts for the entries it understands), redacts every text it
 * takes from the case, and returns the report as data. Pure; the caller (main) loads the case and its text attachments.
 */
import { fleetView } from '../audit/report-view'
import { captureLanes } from '../capture/lanes'
import { mailPolicyViews } from '../mail-policy/report-view'
import { createRedactor, type Redactor } from '../redaction'
import {
  APPENDIX_MAX_LINES,
  APPENDIX_TOTAL_LINES,
  appendixTexts,
  capped,
  decodeRawLog,
  otherEntry,
  RAW_LOG,
} from './appendix'
import { changeClock, citedAfterChange, postChangeLines, undoLinesOf } from './change-clock'
import type { CauseData, DiagnosisData, FindingData } from './entries'
import { adviceFor } from './finding-advice'
import type { CauseView, ChangeView, FindingView, ProbeView, ReportModel, VerificationView } from './model'
import { compareProbes, probeView } from './probe-view'
import { type Parsed, type ReadJournalResult, type ReportJournalEntry, readJournal } from './read-journal'
import { devicesOf, vantagesOf } from './scope'
import { recommendationsFor, summaryFor } from './summary'
import { verifyLineParams } from './vantage-param'

export type { ReportJournalEntry }
export { APPENDIX_MAX_LINES, APPENDIX_TOTAL_LINES }

/** What the report needs of a case: its metadata, journal and the text of its text attachments. */
export interface ReportCaseInput {
  id: string
  customer: string
  site?: string
  engineer?: string
  created: string
  entries: readonly ReportJournalEntry[]
  /** Unreadable journal lines (counted in the appendix). */
  problemCount?: number
  attachmentTexts?: ReadonlyArray<{ name: string; text: string }>
}

export interface BuildOptions {
  /** ISO time the report is made. */
  now: string
  /** Strings to remove in addition to the case's `redaction.mark` entries. */
  marks?: readonly string[]
  /**
   * A diagnosis made for the report when the journal holds none (main runs the engine over the case's probes and
   * device output). Used as "the diagnosis before the change"; ignored when the journal has its own.
   */
  fallbackDiagnosis?: DiagnosisData
}

export function buildReportModel(input: ReportCaseInput, options: BuildOptions): ReportModel {
  const j = readJournal(input.entries)
  const attachments = (input.attachmentTexts ?? []).filter((a) => !RAW_LOG.test(a.name))
  const redactor = createRedactor({
    deviceTexts: [
      ...j.outputs.map((o) => o.data.output),
      ...j.commands.map((c) => c.data.output),
      ...j.pasted.map((p) => p.data.text),
      ...(input.attachmentTexts ?? []).map((a) => (RAW_LOG.test(a.name) ? decodeRawLog(a.text) : a.text)),
      ...j.probes.map((p) => p.data.transcript.map((l) => l.text).join('\n')),
      ...j.applied.flatMap((a) => [...a.data.lines, ...a.data.undoLines]),
      ...[...j.diagnoses, ...j.comparisons].flatMap((d) =>
        d.data.findings.flatMap((f) => f.evidence.map((e) => e.excerpt)),
      ),
    ],
    marks: [...j.marks, ...(options.marks ?? [])],
  })

  // Every piece of evidence is stamped before / between / after the changes (change-clock.ts); the "after" section
  // reads only what was gathered after the latest change.
  const clock = changeClock(j)
  const isBefore = (p: Parsed<unknown>) => clock.stamp(p.entry.seq) === 'before'
  const isAfter = (p: Parsed<unknown>) => clock.stamp(p.entry.seq) === 'after'
  const probeViews: ProbeView[] = j.probes.map((p) => probeView(p.data, p.entry, clock.stamp(p.entry.seq), redactor))
  const diagnosisBefore =
    j.diagnoses.filter(isBefore).at(-1)?.data ?? (j.diagnoses.length === 0 ? options.fallbackDiagnosis : undefined)
  const diagnosisAfter = j.diagnoses.filter(isAfter).at(-1)?.data
  const postChange = postChangeLines(j, clock, input.attachmentTexts ?? [])

  const findings = uniqueFindings([
    ...(diagnosisBefore?.findings ?? []),
    ...j.comparisons.filter(isBefore).flatMap((c) => c.data.findings),
  ]).map((f) => findingView(f, redactor))
  // A diagnosis made after the change may still hold findings read from text copied before it: only findings whose
  // every cited line was seen again after the change describe the state after it. Path comparisons run then are new.
  const afterFindings = [
    ...(diagnosisAfter?.findings ?? []).filter((f) => citedAfterChange(f.evidence, postChange)),
    ...j.comparisons.filter(isAfter).flatMap((c) => c.data.findings),
  ]
  const hasAfterEvidence = diagnosisAfter !== undefined || j.comparisons.some(isAfter)
  const findingsAfter = hasAfterEvidence
    ? uniqueFindings(afterFindings).map((f) => findingView(f, redactor))
    : undefined
  const causes = (diagnosisBefore?.causes ?? []).map((c) => causeView(c, redactor))
  const changes = changesOf(j, redactor)
  const verifications: VerificationView[] = j.verified.map(({ entry, data }) => ({
    seq: entry.seq,
    at: entry.at,
    device: data.device,
    passed: data.passed,
    checks: data.checks.map((c) => ({
      text: redactor.device(c.text),
      passed: c.passed,
      // Older journals hold the raw vantage ('direct'): translated here too.
      label: c.key ? { key: c.key, params: verifyLineParams(c.key, paramsOf(c.params, redactor)) } : undefined,
      detail: c.evidence ? redactor.device(c.evidence) : undefined,
    })),
    counters:
      data.countersBefore || data.countersAfter
        ? {
            before: data.countersBefore ? capped(data.countersBefore, redactor).lines : undefined,
            after: data.countersAfter ? capped(data.countersAfter, redactor).lines : undefined,
          }
        : undefined,
  }))
  const devices = devicesOf(j, options.fallbackDiagnosis?.facts)
  const comparisons = compareProbes(probeViews)
  const times = j.entries.map((e) => e.at).sort()

  const model: ReportModel = {
    cover: {
      caseId: input.id,
      customer: input.customer,
      site: input.site,
      engineer: input.engineer,
      created: input.created,
      generatedAt: options.now,
    },
    summary: summaryFor({ causes, findings, findingsAfter, comparisons, changes, verifications }),
    scope: {
      devices,
      vantages: vantagesOf(probeViews),
      period: { from: times[0] ?? input.created, to: times.at(-1) ?? input.created },
    },
    causes,
    findings,
    findingsAfter,
    comparisons,
    changes,
    verifications,
    recommendations: recommendationsFor({ devices, findings, comparisons, changes, verifications }),
    fleet: fleetView(j.fleet, redactor),
    mailPolicy: mailPolicyViews(
      j.mailPolicy,
      probeViews.map((v, i) => ({ ...v, host: j.probes[i]!.data.target.host, tls: v.tls?.established === true })),
    ),
    captures: captureLanes(j.captures.map((c) => c.data)),
    appendix: {
      texts: appendixTexts(j, attachments, redactor, Number.isFinite(clock.first) ? clock.stamp : undefined),
      transcripts: probeViews,
      other: j.other.map((e) => otherEntry(e, redactor)),
      journalProblems: input.problemCount ?? 0,
    },
    redactions: redactor.counts(),
  }
  // The net under everything above: a secret learned anywhere in the case is removed from every string of the report.
  const clean = redactor.deep(model)
  clean.redactions = redactor.counts()
  return clean
}

const SEVERITY_RANK = { critical: 0, warning: 1, info: 2 } as const

/** The same finding reported by a diagnosis and by a comparison is shown once; the most severe come first. */
function uniqueFindings(findings: readonly FindingData[]): FindingData[] {
  const seen = new Set<string>()
  const sorted = [...findings].sort((a, b) => SEVERITY_RANK[a.severity] - SEVERITY_RANK[b.severity])
  return sorted.filter((f) => {
    const first = f.evidence[0]
    const key = `${f.id}|${first?.source ?? ''}|${first?.startLine ?? 0}`
    if (seen.has(key)) return false
    seen.add(key)
    return true
  })
}

function paramsOf(params: Record<string, string | number> | undefined, redactor: Redactor) {
  return Object.fromEntries(
    Object.entries(params ?? {}).map(([k, v]) => [k, typeof v === 'string' ? redactor.device(v) : v]),
  )
}

function findingView(f: FindingData, redactor: Redactor): FindingView {
  const advice = f.severity === 'info' ? undefined : adviceFor(f.id)
  const params = paramsOf(f.params, redactor)
  return {
    id: f.id,
    severity: f.severity,
    confidence: f.confidence,
    title: { key: f.titleKey, params },
    explanation: { key: f.explanationKey, params },
    impactKey: f.impactKey,
    recommendationKey: f.recommendationKey ?? advice?.key,
    ease: f.ease ?? advice?.ease,
    params,
    evidence: f.evidence.map((e) => ({
      source: redactor.text(e.source),
      startLine: e.startLine,
      endLine: e.endLine,
      lines: redactor
        .device(e.excerpt)
        .split(/\r\n|\r|\n/)
        .map((text, i) => ({ n: e.startLine + i, text })),
    })),
  }
}

function causeView(c: CauseData, redactor: Redactor): CauseView {
  const params = paramsOf(c.params, redactor)
  return {
    id: c.id,
    confidence: c.confidence,
    title: { key: c.titleKey, params },
    explanation: { key: c.explanationKey, params },
  }
}

/** The change log as it happened: every apply and every undo, in journal order (apply → undo → apply). */
function changesOf(j: ReadJournalResult, redactor: Redactor): ChangeView[] {
  const steps = [
    ...j.applied.map((a) => ({ kind: 'apply' as const, entry: a.entry, device: a.data.device })),
    ...j.undone.map((u) => ({ kind: 'undo' as const, entry: u.entry, device: u.data.device })),
  ].sort((a, b) => a.entry.seq - b.entry.seq)
  return steps.map((step, i) => {
    const next = steps.slice(i + 1).find((s) => s.device === step.device)
    // A save belongs to the latest step before it: an undone change was not the one written to memory.
    const save = j.saved.find(
      (s) => s.data.device === step.device && s.entry.seq > step.entry.seq && (!next || s.entry.seq < next.entry.seq),
    )
    const common = {
      kind: step.kind,
      seq: step.entry.seq,
      at: step.entry.at,
      device: step.device,
      saved: save?.data.saved,
      savedAt: save?.entry.at,
    }
    if (step.kind === 'undo') {
      const undo = j.undone.find((u) => u.entry === step.entry)!.data
      return {
        ...common,
        lines: undoLinesOf(step.entry.data).map((l) => redactor.device(l)),
        undoLines: [],
        outcome: undo.outcome,
      }
    }
    const data = j.applied.find((a) => a.entry === step.entry)!.data
    const undone = next?.kind === 'undo' ? j.undone.find((u) => u.entry === next.entry) : undefined
    return {
      ...common,
      lines: data.lines.map((l) => redactor.device(l)),
      undoLines: data.undoLines.map((l) => redactor.device(l)),
      confirmedBy: data.confirmedBy,
      confirmedAt: data.confirmedAt,
      backupSha256: data.backupSha256,
      outcome: data.outcome,
      failedLine: data.failedLine,
      error: data.error ? redactor.device(data.error) : undefined,
      undone: undone ? { at: undone.entry.at, outcome: undone.data.outcome } : undefined,
    }
  })
}
