/**
 * The report's "fleet findings": the latest fleet audit exported into the case, as data for the HTML section
 * (src/shared/report/render/fleet-section.ts). Devices that need attention first; at most REPORT_ROWS rows (the case
 * keeps the whole exported table). Every text from the files goes through the case's redactor.
 */
import type { Redactor } from '../redaction'
import type { FleetFindingsData } from './journal'

export const REPORT_ROWS = 100

export interface FleetRowView {
  hostname: string
  platform: string
  version: string
  state: string
  places: string
  bugs: string
  remedy: string
  /** `file:line` of the proof. */
  where: string
  excerpt: string
  affected: boolean
}

export interface FleetView {
  at: string
  roots: string[]
  summary: FleetFindingsData['summary']
  rows: FleetRowView[]
  /** Devices of the exported table not shown here. */
  omitted: number
}

export function fleetView(
  exports: ReadonlyArray<{ entry: { at: string }; data: FleetFindingsData }>,
  redactor: Redactor,
): FleetView | undefined {
  const latest = exports.at(-1)
  if (!latest) return undefined
  const { data } = latest
  const sorted = [...data.rows].sort((a, b) => Number(b.affected) - Number(a.affected))
  const rows = sorted.slice(0, REPORT_ROWS).map(
    (r): FleetRowView => ({
      hostname: redactor.text(r.hostname ?? '?'),
      platform: r.platform ?? '?',
      version: r.version ?? '?',
      state: r.state,
      places: redactor.text(r.places.join(', ')),
      bugs: r.bugs.join(', '),
      remedy: r.remedy ?? '',
      where: redactor.text(r.proof ? `${r.file}:${r.proof.line}` : r.file),
      excerpt: r.proof ? redactor.device(r.proof.excerpt) : '',
      affected: r.affected,
    }),
  )
  return {
    at: latest.entry.at,
    roots: data.roots.map((root) => redactor.text(root)),
    summary: redactor.deep(data.summary, 'text'),
    rows,
    omitted: Math.max(0, sorted.length - rows.length) + data.omitted,
  }
}
