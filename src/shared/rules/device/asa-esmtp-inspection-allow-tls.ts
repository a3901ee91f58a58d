/**
 * `asa.esmtp-inspection-allow-tls`: ESMTP inspection is applied with a map that has `allow-tls` (or the ASA logged
 * 108007 "TLS started on ESMTP session"): STARTTLS passes, so this inspection is not what breaks TLS.
 */
import type { Finding } from '../../findings'
import { lineRef, makeFinding, type Rule } from '../types'
import { groupBySource } from './asa-esmtp-inspection-active'

export const asaEsmtpInspectionAllowTls: Rule = {
  id: 'asa.esmtp-inspection-allow-tls',
  run(ctx) {
    const out: Finding[] = []
    const allowing = ctx.inspection.applications.filter((a) => a.verdict === 'allows-tls' && a.definition?.allowTls)
    for (const apps of groupBySource(allowing)) {
      const refs = apps.flatMap((a) => [
        lineRef(a.source, a.inspectLine, a.inspectText),
        lineRef(a.source, a.definition!.line, `policy-map type inspect esmtp ${a.definition!.name}`),
        lineRef(a.source, a.definition!.allowTls!.line, a.definition!.allowTls!.text),
      ])
      out.push(makeFinding(this.id, 'info', 0.9, refs, { map: apps[0]!.definition!.name }))
    }
    for (const e of ctx.evidence) {
      if (e.kind !== 'log') continue
      const started = e.data.filter((l) => l.event === 'asa-esmtp-tls-started')
      if (started.length === 0) continue
      const refs = started.slice(0, 5).map((l) => lineRef(e.source, l.line, l.text))
      out.push(makeFinding(this.id, 'info', 0.8, refs, { map: '' }))
    }
    return out
  },
}
