/** Sorting and filtering of the fleet table, kept out of the component so it is tested on its own. */
import type { AuditRow, EsmtpState } from '@shared/audit/types'

export type SortKey = 'hostname' | 'platform' | 'version' | 'state' | 'remedy' | 'file'
export type SortDir = 'ascending' | 'descending'

export interface FleetFilter {
  text: string
  state: EsmtpState | 'all'
  onlyAffected: boolean
}

/** Most urgent first when sorting by state. */
const STATE_ORDER: Record<EsmtpState, number> = { active: 0, unknown: 1, 'allow-tls': 2, off: 3 }

/** `9.8(4)10` sorts after `9.8(4)2` and before `9.10(1)`: numbers compare as numbers. */
const collator = new Intl.Collator('en', { numeric: true, sensitivity: 'base' })

function value(row: AuditRow, key: SortKey): string {
  if (key === 'remedy') return row.remedy ?? ''
  if (key === 'state') return String(STATE_ORDER[row.state])
  return (key === 'file' ? row.file : row[key]) ?? ''
}

export function sortRows(rows: readonly AuditRow[], key: SortKey, dir: SortDir): AuditRow[] {
  const sign = dir === 'ascending' ? 1 : -1
  return [...rows].sort(
    (a, b) => sign * collator.compare(value(a, key), value(b, key)) || collator.compare(a.file, b.file),
  )
}

export function filterRows(rows: readonly AuditRow[], filter: FleetFilter): AuditRow[] {
  const needle = filter.text.trim().toLowerCase()
  return rows.filter(
    (r) =>
      (!filter.onlyAffected || r.affected) &&
      (filter.state === 'all' || r.state === filter.state) &&
      (!needle ||
        [r.hostname, r.platform, r.version, r.file, r.remedy, ...r.places, ...r.bugs].some((v) =>
          v?.toLowerCase().includes(needle),
        )),
  )
}
