/**
 * The places where ESMTP inspection is applied, as remedies need them: policy-map, class and the exact inspect
 * line. Taken from a configuration when there is one, otherwise from `show service-policy` (which also prints the
 * device's real names). Never invented: no evidence, no place.
 */
import type { Evidence } from '../evidence'
import { DEFAULT_ESMTP_MAP, liveEsmtpApplications } from '../rules/device/esmtp-applications'

export interface InspectionPlace {
  policy: string
  className: string
  /** The inspect line as configured: `inspect esmtp` or `inspect esmtp MAP`. */
  inspectText: string
  /** The custom map's name, null for the default map. */
  map: string | null
  /** Whether that custom map is in the configuration we have (and so can be edited). */
  mapInConfig: boolean
  source: string
}

export function inspectionPlaces(evidence: readonly Evidence[]): InspectionPlace[] {
  const places: InspectionPlace[] = []
  const seen = new Set<string>()
  const add = (p: InspectionPlace) => {
    const key = `${p.policy}\u0000${p.className}`
    if (seen.has(key)) return
    seen.add(key)
    places.push(p)
  }
  for (const e of evidence) {
    if (e.kind !== 'running-config') continue
    for (const a of liveEsmtpApplications(e.data)) {
      if (a.allowsTls === true) continue
      add({
        policy: a.policy,
        className: a.className,
        inspectText: a.inspect.text.replace(/\s+/g, ' ').trim(),
        map: a.inspect.map === DEFAULT_ESMTP_MAP && !a.map ? null : a.inspect.map,
        mapInConfig: a.map !== null,
        source: e.source,
      })
    }
  }
  if (places.length > 0) return places
  for (const e of evidence) {
    if (e.kind !== 'show-service-policy') continue
    for (const b of e.data) {
      for (const c of b.classes) {
        for (const i of c.inspects) {
          if (i.protocol !== 'esmtp') continue
          const map = i.map && i.map !== '_default_esmtp_map' ? i.map : null
          add({
            policy: b.policy,
            className: c.name,
            inspectText: map ? `inspect esmtp ${map}` : 'inspect esmtp',
            map,
            mapInConfig: false,
            source: e.source,
          })
        }
      }
    }
  }
  return places
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
