/**
 * `asa.esmtp-inspection-allow-tls`: ESMTP inspection is applied with a map that has `allow-tls` (or the ASA logged
 * 108007 "TLS started on ESMTP session"): STARTTLS passes, so this inspection is not what breaks TLS.
 */
import type { Finding } from '../../findings'
import { lineRef, makeFinding, type Rule } from '../types'
import { liveEsmtpApplications } from './esmtp-applications'

export const asaEsmtpInspectionAllowTls: Rule = {
  id: 'asa.esmtp-inspection-allow-tls',
  run(ctx) {
    const out: Finding[] = []
    for (const e of ctx.evidence) {
      if (e.kind === 'running-config') {
        const apps = liveEsmtpApplications(e.data).filter((a) => a.allowsTls === true && a.map?.allowTls)
        if (apps.length === 0) continue
        const refs = apps.flatMap((a) => [
          lineRef(e.source, a.inspect.line, a.inspect.text),
          lineRef(e.source, a.map!.line, `policy-map type inspect esmtp ${a.map!.name}`),
          lineRef(e.source, a.map!.allowTls!.line, a.map!.allowTls!.text),
        ])
        out.push(makeFinding(this.id, 'info', 0.9, refs, { map: apps[0]!.map!.name }))
      } else if (e.kind === 'log') {
        const started = e.data.filter((l) => l.event === 'asa-esmtp-tls-started')
        if (started.length === 0) continue
        const refs = started.slice(0, 5).map((l) => lineRef(e.source, l.line, l.text))
        out.push(makeFinding(this.id, 'info', 0.8, refs, { map: '' }))
      }
    }
    return out
  },
}
