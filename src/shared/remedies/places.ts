/**
 * The places where ESMTP inspection masks STARTTLS, as remedies need them: policy-map, class and the exact inspect
 * line, read from the effective inspection model (src/shared/inspection). Never invented: no evidence, no place.
 * The system default map (bare `inspect esmtp`, or `inspect esmtp _default_esmtp_map` as `show running-config all`
 * prints it) is never a place to edit: remedies put a map of their own in its stead.
 */
import type { Evidence } from '../evidence'
import { buildInspectionModel, type InspectionModel } from '../inspection'

export interface InspectionPlace {
  policy: string
  className: string
  /** The inspect line as configured: `inspect esmtp` or `inspect esmtp MAP`. */
  inspectText: string
  /** The custom map's name, null for the system default map. */
  map: string | null
  /** Whether that custom map is defined in the evidence (and so can be edited). */
  mapInConfig: boolean
  source: string
}

export function inspectionPlaces(
  evidence: readonly Evidence[],
  model: InspectionModel = buildInspectionModel(evidence),
): InspectionPlace[] {
  // A configuration's own lines are what a fix is typed against; `show service-policy` only when there is none.
  const live = model.applications.filter((a) => a.verdict !== 'allows-tls')
  const fromConfig = live.filter((a) => a.from === 'running-config')
  return (fromConfig.length > 0 ? fromConfig : live).map((a) => ({
    policy: a.policy,
    className: a.className,
    // `inspect esmtp _default_esmtp_map` (show run all) is stored as the bare line: the same plan for both inputs.
    inspectText: a.protocol === 'smtp' ? 'inspect smtp' : a.map ? `inspect esmtp ${a.map}` : 'inspect esmtp',
    map: a.map,
    mapInConfig: a.definition !== null,
    source: a.source,
  }))
}

/** All names used in the configurations, so that a new map name never collides with one. */
export function namesInConfig(evidence: readonly Evidence[]): Set<string> {
  const names = new Set<string>()
  for (const e of evidence) {
    if (e.kind !== 'running-config') continue
    for (const p of e.data.policyMaps) names.add(p.name)
    for (const m of e.data.esmtpMaps) names.add(m.name)
    for (const c of e.data.classMaps) names.add(c.name)
  }
  return names
}
