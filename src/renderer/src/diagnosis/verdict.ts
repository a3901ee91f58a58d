/**
 * The answer first (issue 18, point 2): one verdict from the diagnosis and the probes, in the convention of
 * CheckTLS / internet.nl result pages — a headline, then one row per check with pass, fail or "not checked".
 * Pure: the card (Verdict.tsx) only draws it.
 */
import type { Analysis, Remedy } from '@shared/diagnosis'
import type { Finding } from '@shared/findings'
import type { ProbeResult } from '@shared/probe/types'

export type VerdictKind =
  | 'empty'
  | 'rechecking'
  | 'masked-device'
  | 'cause'
  | 'masked-path'
  | 'inconclusive'
  | 'encrypted'
  | 'plain'
  | 'problem'
  | 'clean'

export interface Verdict {
  kind: VerdictKind
  /** i18n key of the headline, with its parameters. */
  key: string
  params: Record<string, string | number>
  tone: 'bad' | 'good' | 'neutral'
  remedy?: Remedy
}

/** Causes that name a configuration on the connected device (their remedy changes it). */
const DEVICE_CAUSES = new Set(['local-esmtp-inspection', 'ftd-esmtp-inspection', 'pix-mailguard'])

export function verdictOf(input: {
  analysis?: Analysis
  results: readonly ProbeResult[]
  rechecking?: boolean
}): Verdict {
  const { analysis, results } = input
  const verdict = (kind: VerdictKind, tone: Verdict['tone'], params: Verdict['params'] = {}, remedy?: Remedy) => ({
    kind,
    key: `ui.verdict.${kind}`,
    params,
    tone,
    remedy,
  })
  if (input.rechecking) return verdict('rechecking', 'neutral')
  if (!analysis && results.length === 0) return verdict('empty', 'neutral')
  const cause = analysis?.causes[0]
  const remedy =
    cause &&
    (analysis?.remedies.find((r) => r.type === 'change' && r.causes.includes(cause.id)) ??
      analysis?.remedies.find((r) => r.causes.includes(cause.id)))
  if (cause && DEVICE_CAUSES.has(cause.id))
    return verdict(
      'masked-device',
      'bad',
      {
        device: analysis?.facts.hostname ?? remedy?.target?.hostname ?? '?',
        places: cause.params.places || cause.params.ports || '',
      },
      remedy,
    )
  if (cause) return verdict('cause', 'bad', { titleKey: cause.titleKey }, remedy)
  if (results.some((r) => r.starttls?.masked)) return verdict('masked-path', 'bad')
  if (results.length > 0 && results.every((r) => r.outcome === 'failed' || r.transcript.length === 0))
    return verdict('inconclusive', 'neutral')
  if (results.length > 0)
    return results.every((r) => r.tls?.established) ? verdict('encrypted', 'good') : verdict('plain', 'bad')
  if (analysis?.findings.some((f) => f.severity !== 'info')) return verdict('problem', 'bad')
  return verdict('clean', 'good')
}

export type CheckState = 'pass' | 'fail' | 'unchecked'

export interface CheckRow {
  id: string
  state: CheckState
  key: string
  params: Record<string, string | number>
  /** The findings merged into this row (same id from several sources). */
  findings: Finding[]
}

/** One row per probe, then one per finding id (the same finding from several sources is merged). */
export function checkRows(analysis: Analysis | undefined, results: readonly ProbeResult[]): CheckRow[] {
  const rows: CheckRow[] = results.map((r) => {
    const vantage = r.target.vantage ?? `${r.target.host}:${r.target.port}`
    const state: CheckState =
      r.outcome === 'failed' && r.transcript.length === 0
        ? 'unchecked'
        : r.starttls?.masked || !r.tls?.established
          ? 'fail'
          : 'pass'
    const detail = r.starttls?.masked
      ? 'masked'
      : r.tls?.established
        ? 'encrypted'
        : r.outcome === 'failed'
          ? 'failed'
          : 'plain'
    return {
      id: `probe-${vantage}`,
      state,
      key: `ui.checks.probe.${detail}`,
      params: { vantage },
      findings: [],
    }
  })
  const byId = new Map<string, Finding[]>()
  for (const f of analysis?.findings ?? []) byId.set(f.id, [...(byId.get(f.id) ?? []), f])
  for (const [id, findings] of byId) {
    const first = findings[0]!
    rows.push({
      id,
      state: first.severity === 'info' ? 'pass' : 'fail',
      key: first.titleKey,
      params: first.params ?? {},
      findings,
    })
  }
  return rows
}
