/**
 * `asa.esmtp-map-unknown`: ESMTP inspection is applied with a custom map whose definition is not in the evidence
 * (typically `show service-policy` alone). That map may already have `allow-tls`: the verdict is "unknown", not
 * "default" (pix-asa-smtp-inspection.md §7.3). Collecting the map's definition settles it.
 */
import type { Finding } from '../../findings'
import { makeFinding, type Rule } from '../types'
import { applicationRefs, groupBySource, portsText } from './asa-esmtp-inspection-active'

export const asaEsmtpMapUnknown: Rule = {
  id: 'asa.esmtp-map-unknown',
  run(ctx) {
    const out: Finding[] = []
    for (const apps of groupBySource(ctx.inspection.applications.filter((a) => a.verdict === 'unknown'))) {
      const maps = [...new Set(apps.map((a) => a.map ?? ''))].join(', ')
      out.push(
        makeFinding(this.id, 'warning', 0.6, apps.flatMap(applicationRefs), {
          map: maps,
          places: apps.map((a) => `${a.policy}/${a.className}`).join(', '),
          ports: portsText(apps),
        }),
      )
    }
    return out
  },
}
