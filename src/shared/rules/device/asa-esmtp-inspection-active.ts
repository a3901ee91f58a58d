/**
 * `asa.esmtp-inspection-active`: ESMTP inspection is live with a map that masks STARTTLS (the default map, or a
 * custom map defined without `allow-tls`), read from the effective inspection model (src/shared/inspection).
 * One finding per evidence source. `asa.esmtp-map-unknown` speaks for maps whose definition is not in the evidence.
 * `stillInspected` names interfaces with a policy of their own that does not inspect ESMTP: per-feature MPF
 * precedence leaves the global ESMTP inspection in force there (pix-asa-smtp-inspection.md §7.3).
 */
import type { EvidenceRef, Finding } from '../../findings'
import { type InspectionApplication, interfacesStillGlobal } from '../../inspection'
import { lineRef, makeFinding, type Rule } from '../types'

export function applicationRefs(a: InspectionApplication): EvidenceRef[] {
  const head =
    a.from === 'running-config'
      ? [
          lineRef(a.source, a.policyLine, `policy-map ${a.policy}`),
          lineRef(a.source, a.classLine, ` class ${a.className}`),
          lineRef(a.source, a.inspectLine, `  ${a.inspectText}`),
        ]
      : [
          lineRef(a.source, a.policyLine, `Service-policy: ${a.policy}`),
          lineRef(a.source, a.classLine, `Class-map: ${a.className}`),
          lineRef(a.source, a.inspectLine, a.inspectText),
        ]
  const binds = a.from === 'running-config' ? a.bindings.map((b) => lineRef(b.source, b.line, b.text)) : []
  return [...head, ...binds]
}

/** `25`, `25, 587`, `all`, or `?` when the class matches by access-list. */
export function portsText(apps: readonly InspectionApplication[]): string {
  const ports = apps.map((a) => a.ports)
  if (ports.includes('all')) return 'all'
  if (ports.some((p) => p === null)) return '?'
  return [...new Set(ports.flat() as number[])].sort((x, y) => x - y).join(', ')
}

export function groupBySource(apps: readonly InspectionApplication[]): InspectionApplication[][] {
  const groups = new Map<string, InspectionApplication[]>()
  for (const a of apps) groups.set(a.source, [...(groups.get(a.source) ?? []), a])
  return [...groups.values()]
}

export const asaEsmtpInspectionActive: Rule = {
  id: 'asa.esmtp-inspection-active',
  run(ctx) {
    const out: Finding[] = []
    const masking = ctx.inspection.applications.filter((a) => a.verdict === 'masks')
    const still = interfacesStillGlobal(ctx.inspection).map((p) => p.interface)
    for (const apps of groupBySource(masking)) {
      const first = apps[0]!
      const assumed = apps.every((a) => a.bindingAssumed)
      const refs = apps.flatMap(applicationRefs)
      // The same places counted by `show service-policy`: the counters are proof that the policy is applied.
      const packets = apps.find((a) => a.packets !== null)?.packets
      const fromCounters = first.from === 'show-service-policy'
      out.push(
        makeFinding(this.id, 'critical', assumed ? 0.7 : fromCounters ? 0.9 : 0.95, refs, {
          policy: first.policy,
          class: first.className,
          map: first.protocol === 'smtp' ? 'inspect smtp' : (first.map ?? '_default_esmtp_map'),
          places: apps.map((a) => `${a.policy}/${a.className}`).join(', '),
          ports: portsText(apps),
          stillInspected: first.scopes.includes('global') ? still.join(', ') : '',
          ...(packets !== undefined && packets !== null ? { packets } : {}),
        }),
      )
    }
    return out
  },
}
