/**
 * `asa.esmtp-inspection-active`: `inspect esmtp` is live (a global or interface service-policy uses its policy-map)
 * with the default map or a map without `allow-tls`. From a configuration or from `show service-policy`.
 */

import type { Evidence } from '../../evidence'
import type { EvidenceRef, Finding } from '../../findings'
import { lineRef, makeFinding, type Rule } from '../types'
import { DEFAULT_ESMTP_MAP, exemptInterfaces, liveEsmtpApplications } from './esmtp-applications'

/** true/false from the default map or a configuration that defines the map; null when nothing says. */
function mapAllowsTls(evidence: readonly Evidence[], map: string | null): boolean | null {
  if (map === null || map === DEFAULT_ESMTP_MAP) return false
  for (const e of evidence) {
    if (e.kind !== 'running-config') continue
    const defined = e.data.esmtpMaps.find((m) => m.name === map)
    if (defined) return defined.allowTls !== null
  }
  return null
}

export const asaEsmtpInspectionActive: Rule = {
  id: 'asa.esmtp-inspection-active',
  run(ctx) {
    const out: Finding[] = []
    for (const e of ctx.evidence) {
      if (e.kind === 'running-config') {
        const apps = liveEsmtpApplications(e.data).filter((a) => a.allowsTls !== true)
        if (apps.length === 0) continue
        const refs: EvidenceRef[] = []
        for (const a of apps) {
          refs.push(lineRef(e.source, a.policyLine, `policy-map ${a.policy}`))
          refs.push(lineRef(e.source, a.classLine, ` class ${a.className}`))
          refs.push(lineRef(e.source, a.inspect.line, `  ${a.inspect.text}`))
          for (const b of a.bindings) refs.push(lineRef(e.source, b.line, b.text))
        }
        const assumed = apps.every((a) => a.bindingAssumed)
        const unknownMap = apps.every((a) => a.allowsTls === null)
        const exempt = exemptInterfaces(e.data)
        out.push(
          makeFinding(this.id, 'critical', assumed || unknownMap ? 0.7 : 0.95, refs, {
            policy: apps[0]!.policy,
            class: apps[0]!.className,
            map: apps[0]!.inspect.map ?? '_default_esmtp_map',
            places: apps.map((a) => `${a.policy}/${a.className}`).join(', '),
            exemptInterfaces: exempt.join(', '),
          }),
        )
      } else if (e.kind === 'show-service-policy') {
        // A named map is judged by its definition when a configuration in the same evidence has it:
        // counters alone do not say whether the map allows TLS.
        const allowsTls = (map: string | null) => mapAllowsTls(ctx.evidence, map)
        const hits = e.data
          .flatMap((b) =>
            b.classes.flatMap((c) =>
              c.inspects.filter((i) => i.protocol === 'esmtp').map((i) => ({ block: b, cls: c, inspect: i })),
            ),
          )
          .filter((h) => allowsTls(h.inspect.map) !== true)
        if (hits.length === 0) continue
        const first = hits[0]!
        const defaultMap = hits.some((h) => allowsTls(h.inspect.map) === false)
        const refs = hits.flatMap((h) => [
          lineRef(e.source, h.block.line, `Service-policy: ${h.block.policy}`),
          lineRef(e.source, h.cls.line, `Class-map: ${h.cls.name}`),
          lineRef(e.source, h.inspect.line, h.inspect.text),
        ])
        out.push(
          makeFinding(this.id, 'critical', defaultMap ? 0.9 : 0.6, refs, {
            policy: first.block.policy,
            class: first.cls.name,
            map: first.inspect.map ?? '_default_esmtp_map',
            places: hits.map((h) => `${h.block.policy}/${h.cls.name}`).join(', '),
            packets: first.inspect.counters.packet ?? 0,
          }),
        )
      }
    }
    return out
  },
}
