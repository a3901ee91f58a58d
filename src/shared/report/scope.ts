/** The scope of the report: the devices involved and the vantage points the mail path was probed from. */
import type { FactsData } from './entries'
import type { DeviceView, ProbeView, VantageView } from './model'
import type { ReadJournalResult } from './read-journal'

/** Devices named by identification entries, the engine's facts, collection runs and changes; merged by name. */
export function devicesOf(j: ReadJournalResult, fallbackFacts: FactsData | undefined): DeviceView[] {
  const byName = new Map<string, DeviceView>()
  const merge = (name: string, view: Omit<DeviceView, 'name'>) => {
    const defined = Object.fromEntries(Object.entries(view).filter(([, v]) => v !== undefined && v !== null))
    byName.set(name, { ...byName.get(name), ...defined, name })
  }
  const fromFacts = (f: FactsData) => ({
    hostname: f.hostname ?? undefined,
    platform: f.platform ?? undefined,
    version: f.version ?? undefined,
    model: f.model ?? undefined,
  })
  for (const d of j.diagnoses) if (d.data.facts?.hostname) merge(d.data.facts.hostname, fromFacts(d.data.facts))
  if (j.diagnoses.length === 0 && fallbackFacts?.hostname) merge(fallbackFacts.hostname, fromFacts(fallbackFacts))
  for (const c of j.collected) {
    const f = c.data.facts
    merge(f?.hostname ?? c.data.peer, {
      ...(f ? fromFacts(f) : {}),
      platform: f?.platform ?? c.data.platform ?? undefined,
    })
  }
  for (const { data } of j.identified) {
    const { device, ...rest } = data
    merge(device, rest)
  }
  for (const x of [...j.applied, ...j.outputs]) if (!byName.has(x.data.device)) merge(x.data.device, {})
  return [...byName.values()]
}

export function vantagesOf(probes: readonly ProbeView[]): VantageView[] {
  const byPath = new Map<string, VantageView>()
  for (const p of probes) {
    const v = byPath.get(p.path) ?? { label: p.vantage ?? '', target: p.target, address: p.address, probes: 0 }
    v.probes++
    byPath.set(p.path, v)
  }
  return [...byPath.values()]
}
