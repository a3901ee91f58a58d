/**
 * The judgement parts of the report: where the case stands (summary) and what the customer should do next
 * (recommendations). Both are derived from the views already built, so they say nothing the report does not show.
 */
import { hasDuplicateHeaderBug, parseVersion } from '../evidence/version'
import type {
  CaseState,
  CauseView,
  ChangeView,
  DeviceView,
  FindingView,
  ProbeComparison,
  ReportSummary,
  TextRef,
  VerificationView,
} from './model'

const SEVERITY_ORDER = { critical: 0, warning: 1, info: 2 } as const

interface Views {
  causes?: readonly CauseView[]
  findings: readonly FindingView[]
  findingsAfter?: readonly FindingView[]
  comparisons: readonly ProbeComparison[]
  changes: readonly ChangeView[]
  verifications: readonly VerificationView[]
}

function latest(c: ProbeComparison) {
  return c.after ?? c.before
}

function maskedNow(comparisons: readonly ProbeComparison[]): boolean {
  return comparisons.some((c) => {
    const p = latest(c)
    return p !== undefined && (p.starttls === 'masked' || p.bannerMasked)
  })
}

function stateOf(v: Views): CaseState {
  const problems = (v.findingsAfter ?? v.findings).filter((f) => f.severity !== 'info')
  const latestChange = v.changes.at(-1)
  // An undo as the latest step puts the device back as it was: the case stands where the diagnosis left it.
  if (latestChange && latestChange.kind !== 'undo') {
    const applies = v.changes.filter((c) => c.kind !== 'undo')
    if (applies.every((c) => c.outcome === 'failed')) return 'fix-failed'
    // Only a verification of the latest change counts; an earlier one checked a state that no longer exists.
    const lastCheck = v.verifications.filter((c) => c.seq > latestChange.seq).at(-1)
    if (lastCheck && !lastCheck.passed) return 'fix-failed'
    // A problem read from evidence gathered after the change contradicts "resolved".
    if (v.findingsAfter && problems.length > 0) return 'fix-failed'
    const after = v.comparisons.flatMap((c) => (c.after ? [c.after] : []))
    const probesSayFixed = after.length > 0 && !maskedNow(v.comparisons) && after.every((p) => p.tls?.established)
    if (lastCheck?.passed || probesSayFixed) return 'resolved'
    return 'fix-unverified'
  }
  if (problems.length > 0 || maskedNow(v.comparisons)) return 'problem-found'
  if (v.comparisons.length > 0 || v.findings.length > 0) return 'no-problem-found'
  return 'inconclusive'
}

export function summaryFor(v: Views): ReportSummary {
  const top = [...v.findings]
    .filter((f) => f.severity !== 'info')
    .sort((a, b) => SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity] || b.confidence - a.confidence)
    .slice(0, 3)
  // Root causes say it best; without them, the strongest findings.
  const problems: TextRef[] = v.causes?.length ? v.causes.slice(0, 3).map((c) => c.title) : top.map((f) => f.title)
  if (problems.length === 0)
    for (const c of v.comparisons)
      if (c.before?.starttls === 'masked')
        problems.push({ key: 'report.summary.observedMasked', params: { path: c.path } })
  return {
    state: stateOf(v),
    problems,
    changes: v.changes.map((c) => ({
      kind: c.kind ?? 'apply',
      device: c.device,
      lineCount: c.lines.length,
      outcome: c.outcome,
      saved: c.saved,
    })),
    paths: v.comparisons.flatMap((c) => {
      const p = latest(c)
      return p ? [{ label: c.path, starttls: p.starttls, tls: p.tls?.established ?? false }] : []
    }),
  }
}

interface RecommendationViews {
  devices: readonly DeviceView[]
  findings: readonly FindingView[]
  comparisons: readonly ProbeComparison[]
  changes: readonly ChangeView[]
  verifications: readonly VerificationView[]
}

export function recommendationsFor(v: RecommendationViews): TextRef[] {
  const out: TextRef[] = []
  const seen = new Set<string>()
  const add = (ref: TextRef) => {
    const id = `${ref.key}|${JSON.stringify(ref.params ?? {})}`
    if (!seen.has(id)) out.push(ref)
    seen.add(id)
  }
  const state = stateOf({ ...v })
  const maskingSeen =
    v.comparisons.some((c) => c.before?.starttls === 'masked' || c.before?.bannerMasked) ||
    v.findings.some((f) => /starttls|banner|command-masked|mailguard|inspect/.test(f.id))

  const oldDevices = v.devices.filter((d) => {
    const version = d.version ? parseVersion(d.version) : null
    return version !== null && hasDuplicateHeaderBug(version)
  })
  for (const d of oldDevices)
    add({ key: 'report.recommendations.upgrade', params: { device: d.name, version: d.version ?? '' } })
  if (oldDevices.length > 0) add({ key: 'report.recommendations.dkim' })
  else if (maskingSeen && !v.devices.some((d) => d.version)) add({ key: 'report.recommendations.checkVersion' })

  // Advice shared by several findings is listed once (report.advice.* texts take no parameters); once the case is
  // resolved the change has followed that advice, so it is not repeated.
  for (const f of state === 'resolved' ? [] : v.findings)
    if (f.recommendationKey)
      add(
        f.recommendationKey.startsWith('report.advice.')
          ? { key: f.recommendationKey }
          : { key: f.recommendationKey, params: f.params },
      )

  if (maskingSeen && state !== 'resolved') add({ key: 'report.recommendations.gatewayTls' })
  for (const c of v.changes)
    if (c.kind !== 'undo' && c.outcome === 'applied' && c.saved !== true && !c.undone)
      add({ key: 'report.recommendations.save', params: { device: c.device } })
  if (state === 'resolved') add({ key: 'report.recommendations.reprobe' })
  if (out.length === 0) add({ key: 'report.recommendations.none' })
  return out
}
