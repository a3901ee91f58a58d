/**
 * `device.no-smtp-inspection`: device output that would show SMTP inspection shows none: a complete configuration
 * without live `inspect esmtp` or `fixup protocol smtp`, `show fixup` without smtp, `show service-policy` without
 * esmtp. A configuration without any policy-map section on PIX/ASA 7.x+ is suspicious (pasted in part?), so the
 * confidence is lower there.
 */
import type { ConfigEvidence } from '../../evidence'
import { activeSmtpFixups } from '../../evidence/device/show-fixup'
import type { Finding } from '../../findings'
import type { InspectionModel } from '../../inspection'
import { lineRef, makeFinding, type Rule } from '../types'

function fromConfig(e: ConfigEvidence, model: InspectionModel): Finding | null {
  const c = e.data
  if (!c.header) return null
  if (activeSmtpFixups(c.fixups).length > 0) return null
  // Inspection with allow-tls is still inspection: asa.esmtp-inspection-allow-tls speaks for it.
  if (model.applications.some((a) => a.source === e.source && a.from === 'running-config')) return null
  // Indentation lost and an inspect line left without its class (fact configStructure = lost): nothing can be
  // concluded about inspection from this text (issue 22); the fact says so instead.
  if (c.structure.orphans.some((o) => /^inspect\s/.test(o.text))) return null
  const disabled = c.fixups.filter((f) => f.protocol === 'smtp' && !f.enabled)
  const modern = (c.header.version?.major ?? 7) >= 7
  const confidence = modern && c.policyMaps.length === 0 ? 0.5 : 0.8
  const refs = [
    lineRef(e.source, c.header.line, c.header.text),
    ...disabled.map((f) => lineRef(e.source, f.line, f.text)),
  ]
  return makeFinding('device.no-smtp-inspection', 'info', confidence, refs, { what: 'running-config' })
}

export const deviceNoSmtpInspection: Rule = {
  id: 'device.no-smtp-inspection',
  run(ctx) {
    const out: Finding[] = []
    for (const e of ctx.evidence) {
      if (e.kind === 'running-config') {
        const f = fromConfig(e, ctx.inspection)
        if (f) out.push(f)
      } else if (e.kind === 'show-fixup' && e.data.length > 0 && activeSmtpFixups(e.data).length === 0) {
        const disabled = e.data.filter((f) => f.protocol === 'smtp')
        const refs = (disabled.length ? disabled : e.data.slice(0, 1)).map((f) => lineRef(e.source, f.line, f.text))
        out.push(makeFinding(this.id, 'info', 0.8, refs, { what: 'show fixup' }))
      } else if (e.kind === 'show-service-policy' && e.data.length > 0) {
        if (e.data.some((b) => b.classes.some((c) => c.inspects.some((i) => i.protocol === 'esmtp')))) continue
        out.push(
          makeFinding(
            this.id,
            'info',
            0.6,
            [lineRef(e.source, e.data[0]!.line, `Service-policy: ${e.data[0]!.policy}`)],
            { what: 'show service-policy' },
          ),
        )
      }
    }
    return out
  },
}
