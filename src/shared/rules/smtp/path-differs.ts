/**
 * `smtp.path-differs`: the same probe from two vantage points (e.g. straight to the mail server and through
 * the firewall) got answers that differ in a way only a rewriting middlebox explains: STARTTLS offered on
 * one side and gone or masked on the other, a different reply to STARTTLS, TLS on one side only, EHLO
 * refused or the banner asterisked on one side. It compares every pair of live probes given to the engine,
 * so callers give it the two results of one comparison, not the probes of unrelated hosts.
 */
import type { EvidenceRef, Finding } from '../../findings'
import { compareSessions, type DifferenceKind, type PathComparison } from '../../probe/compare'
import { lineRef, makeFinding, type Rule } from '../types'

const LABELS: Record<DifferenceKind, string> = {
  'banner-masked': 'banner',
  'ehlo-refused': 'EHLO',
  'starttls-advertised': 'STARTTLS',
  'extension-masked': 'EHLO extensions',
  'starttls-reply': 'STARTTLS reply',
  'tls-outcome': 'TLS',
}

export const pathDiffers: Rule = {
  id: 'smtp.path-differs',
  run(ctx) {
    const probeSources = new Set(
      ctx.evidence.flatMap((e) => (e.kind === 'smtp-transcript' && e.shape === 'probe' ? [e.source] : [])),
    )
    // Transcripts labelled by vantage (`analyze --direct F --through F`) are compared like live probes, direct first.
    for (const source of ctx.vantages.keys()) probeSources.add(source)
    const rank = (source: string) => (ctx.vantages.get(source) === 'direct' ? 0 : 1)
    const probes = ctx.sessions
      .filter((s) => probeSources.has(s.source))
      .sort((a, b) => rank(a.source) - rank(b.source))
    const out: Finding[] = []
    for (let i = 0; i < probes.length; i++) {
      for (let j = i + 1; j < probes.length; j++) {
        const comparison = compareSessions(probes[i]!, probes[j]!)
        if (comparison.differences.length === 0) continue
        const onlyBanner = comparison.differences.every((d) => d.kind === 'banner-masked')
        out.push(
          makeFinding(this.id, onlyBanner ? 'warning' : 'critical', onlyBanner ? 0.6 : 0.9, evidenceOf(comparison), {
            left: comparison.left,
            right: comparison.right,
            differences: comparison.differences.map((d) => LABELS[d.kind]).join(', '),
          }),
        )
      }
    }
    return out
  },
}

/** Both sides' lines for every row that shows a difference. */
function evidenceOf(comparison: PathComparison): EvidenceRef[] {
  const keys = new Set(comparison.differences.flatMap((d) => d.keys))
  const refs: EvidenceRef[] = []
  for (const row of comparison.rows) {
    if (!keys.has(row.key) || row.same) continue
    if (row.left?.line !== undefined) refs.push(lineRef(comparison.left, row.left.line, row.left.text))
    if (row.right?.line !== undefined) refs.push(lineRef(comparison.right, row.right.line, row.right.text))
  }
  if (refs.length === 0) {
    for (const row of comparison.rows.filter((r) => r.aspect === 'starttls' || r.aspect === 'ehlo')) {
      if (row.left?.line !== undefined) refs.push(lineRef(comparison.left, row.left.line, row.left.text))
      if (row.right?.line !== undefined) refs.push(lineRef(comparison.right, row.right.line, row.right.text))
    }
  }
  return refs
}
