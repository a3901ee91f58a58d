/**
 * `buildReportModel(case)`: reads the journal (see model.ts for the entries it understands), redacts every text it
 * takes from the case, and returns the report as data. Pure; the caller (main) loads the case and its text attachments.
 */
import { createRedactor, type Redactor } from '../redaction'
import {
  caseCreatedData,
  deviceIdentifiedData,
  deviceOutputData,
  diagnosisResultData,
  evidenceAddedData,
  type FindingData,
  fixAppliedData,
  fixSavedData,
  fixUndoneData,
  fixVerifiedData,
  probeResultData,
  redactionMarkData,
} from './entries'
import { adviceFor } from './finding-advice'
import type {
  AppendixEntry,
  AppendixText,
  ChangeView,
  DeviceView,
  FindingView,
  ProbeView,
  ReportModel,
  VantageView,
  VerificationView,
} from './model'
import { compareProbes, formatTarget, probeView } from './probe-view'
import { recommendationsFor, summaryFor } from './summary'

export interface ReportJournalEntry {
  seq: number
  at: string
  type: string
  data: unknown
}

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
}

/** Longest text shown per appendix item; the rest is summarised by a line count. */
export const APPENDIX_MAX_LINES = 3000
const OTHER_EXCERPT_CHARS = 300

const MARK_TYPES = new Set(['attachment.added'])

export function buildReportModel(input: ReportCaseInput, options: BuildOptions): ReportModel {
  const entries = [...input.entries].sort((a, b) => a.seq - b.seq)
  const of = <T>(type: string, schema: { safeParse(v: unknown): { success: true; data: T } | { success: false } }) =>
    entries.flatMap((e) => {
      if (e.type !== type) return []
      const parsed = schema.safeParse(e.data)
      return parsed.success ? [{ entry: e, data: parsed.data }] : []
    })

  const probes = of('probe.result', probeResultData)
  const diagnoses = of('diagnosis.result', diagnosisResultData)
  const identified = of('device.identified', deviceIdentifiedData)
  const outputs = of('device.output', deviceOutputData)
  const pasted = of('evidence.added', evidenceAddedData)
  const applied = of('fix.applied', fixAppliedData)
  const verified = of('fix.verified', fixVerifiedData)
  const saved = of('fix.saved', fixSavedData)
  const undone = of('fix.undone', fixUndoneData)
  const marks = [...of('redaction.mark', redactionMarkData).map((m) => m.data.text), ...(options.marks ?? [])]
  const understood = new Set(
    [
      probes,
      diagnoses,
      identified,
      outputs,
      pasted,
      applied,
      verified,
      saved,
      undone,
      of('redaction.mark', redactionMarkData),
    ]
      .flat()
      .map((x) => x.entry.seq),
  )

  const redactor = createRedactor({
    deviceTexts: [
      ...outputs.map((o) => o.data.output),
      ...pasted.map((p) => p.data.text),
      ...(input.attachmentTexts ?? []).map((a) => a.text),
      ...probes.map((p) => p.data.transcript.map((l) => l.text).join('\n')),
      ...applied.flatMap((a) => [...a.data.lines, ...a.data.undoLines]),
      ...diagnoses.flatMap((d) => d.data.findings.flatMap((f) => f.evidence.map((e) => e.excerpt))),
    ],
    marks,
  })

  const firstFixSeq = applied[0]?.entry.seq ?? Number.POSITIVE_INFINITY
  const probeViews: ProbeView[] = probes.map((p) =>
    probeView(p.data, p.entry, p.entry.seq > firstFixSeq ? 'after' : 'before', redactor),
  )
  const before =
    diagnoses.filter((d) => d.entry.seq < firstFixSeq).at(-1) ?? (applied.length ? undefined : diagnoses.at(-1))
  const after = applied.length ? diagnoses.filter((d) => d.entry.seq > firstFixSeq).at(-1) : undefined

  const changes: ChangeView[] = applied.map(({ entry, data }) => {
    const laterSave = saved.find((s) => s.entry.seq > entry.seq && s.data.device === data.device)
    const laterUndo = undone.find((u) => u.entry.seq > entry.seq && u.data.device === data.device)
    return {
      seq: entry.seq,
      at: entry.at,
      device: data.device,
      lines: data.lines.map((l) => redactor.device(l)),
      undoLines: data.undoLines.map((l) => redactor.device(l)),
      confirmedBy: data.confirmedBy,
      confirmedAt: data.confirmedAt,
      backupSha256: data.backupSha256,
      outcome: data.outcome,
      failedLine: data.failedLine,
      error: data.error ? redactor.device(data.error) : undefined,
      saved: laterSave?.data.saved,
      savedAt: laterSave?.entry.at,
      undone: laterUndo ? { at: laterUndo.entry.at, outcome: laterUndo.data.outcome } : undefined,
    }
  })
  const verifications: VerificationView[] = verified.map(({ entry, data }) => ({
    seq: entry.seq,
    at: entry.at,
    device: data.device,
    passed: data.passed,
    checks: data.checks.map((c) => ({ text: redactor.device(c.text), passed: c.passed })),
  }))

  const devices = devicesOf(
    identified,
    [...applied, ...outputs].map((x) => x.data.device),
  )
  const findings = (before?.data.findings ?? []).map((f) => findingView(f, redactor))
  const findingsAfter = after?.data.findings.map((f) => findingView(f, redactor))
  const comparisons = compareProbes(probeViews)
  const created = caseCreatedData.safeParse(entries.find((e) => e.type === 'case.created')?.data)
  const times = entries.map((e) => e.at).sort()

  const model: ReportModel = {
    cover: {
      caseId: input.id,
      customer: input.customer,
      site: input.site ?? (created.success ? created.data.site : undefined),
      engineer: input.engineer,
      created: input.created,
      generatedAt: options.now,
    },
    summary: summaryFor({ findings, findingsAfter, comparisons, changes, verifications }),
    scope: {
      devices,
      vantages: vantagesOf(probeViews),
      period: { from: times[0] ?? input.created, to: times.at(-1) ?? input.created },
    },
    findings,
    findingsAfter,
    comparisons,
    changes,
    verifications,
    recommendations: recommendationsFor({ devices, findings, comparisons, changes, verifications }),
    appendix: {
      texts: appendixTexts(outputs, pasted, input.attachmentTexts ?? [], redactor),
      transcripts: probeViews,
      other: entries
        .filter((e) => e.type !== 'case.created' && !understood.has(e.seq) && !MARK_TYPES.has(e.type))
        .map((e) => otherEntry(e, redactor)),
      journalProblems: input.problemCount ?? 0,
    },
    redactions: redactor.counts(),
  }
  // The net under everything above: a secret learned anywhere in the case is removed from every string of the report.
  const clean = redactor.deep(model)
  clean.redactions = redactor.counts()
  return clean
}

function findingView(f: FindingData, redactor: Redactor): FindingView {
  const advice = f.severity === 'info' ? undefined : adviceFor(f.id)
  const params = Object.fromEntries(
    Object.entries(f.params ?? {}).map(([k, v]) => [k, typeof v === 'string' ? redactor.device(v) : v]),
  )
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

function devicesOf(
  identified: ReadonlyArray<{ data: Omit<DeviceView, 'name'> & { device: string } }>,
  mentioned: readonly string[],
): DeviceView[] {
  const byName = new Map<string, DeviceView>()
  for (const { data } of identified) {
    const { device, ...rest } = data
    byName.set(device, { ...byName.get(device), ...rest, name: device })
  }
  for (const name of mentioned) if (!byName.has(name)) byName.set(name, { name })
  return [...byName.values()]
}

function vantagesOf(probes: readonly ProbeView[]): VantageView[] {
  const byPath = new Map<string, VantageView>()
  for (const p of probes) {
    const v = byPath.get(p.path) ?? { label: p.vantage ?? '', target: p.target, address: p.address, probes: 0 }
    v.probes++
    byPath.set(p.path, v)
  }
  return [...byPath.values()]
}

function capped(text: string, redactor: Redactor): string[] {
  const lines = redactor.device(text).split(/\r\n|\r|\n/)
  if (lines.at(-1) === '') lines.pop()
  return lines.length > APPENDIX_MAX_LINES
    ? [...lines.slice(0, APPENDIX_MAX_LINES), `… (${lines.length - APPENDIX_MAX_LINES})`]
    : lines
}

function appendixTexts(
  outputs: ReadonlyArray<{ data: { device: string; command: string; output: string } }>,
  pasted: ReadonlyArray<{ data: { source: string; text: string } }>,
  attachments: ReadonlyArray<{ name: string; text: string }>,
  redactor: Redactor,
): AppendixText[] {
  return [
    ...outputs.map(({ data }) => ({
      title: `${data.device}# ${redactor.device(data.command)}`,
      kindKey: 'report.appendix.kind.command',
      lines: capped(data.output, redactor),
    })),
    ...pasted.map(({ data }) => ({
      title: data.source,
      kindKey: 'report.appendix.kind.pasted',
      lines: capped(data.text, redactor),
    })),
    ...attachments.map((a) => ({
      title: a.name,
      kindKey: 'report.appendix.kind.attachment',
      lines: capped(a.text, redactor),
    })),
  ]
}

function otherEntry(e: { seq: number; at: string; type: string; data: unknown }, redactor: Redactor): AppendixEntry {
  let json: string
  try {
    json = JSON.stringify(e.data) ?? ''
  } catch {
    json = ''
  }
  // Redact before cutting, so that a secret cut in half cannot slip past the redactor.
  const clean = redactor.device(json)
  const excerpt = clean.length > OTHER_EXCERPT_CHARS ? `${clean.slice(0, OTHER_EXCERPT_CHARS)}…` : clean
  return { seq: e.seq, at: e.at, type: e.type, excerpt }
}

export { formatTarget }
