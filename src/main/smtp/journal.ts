/** How probe results enter a case journal: one entry per result as it completes, one per comparison. */
import type { Finding } from '../../shared/findings'
import { JOURNAL } from '../../shared/journal/events'
import type { PathComparison } from '../../shared/probe/compare'
import type { ProbeResult } from '../../shared/probe/types'
import type { CaseHandle } from '../cases/case-store'

export const PROBE_RESULT_ENTRY = JOURNAL.probeResult
export const PROBE_COMPARISON_ENTRY = JOURNAL.probeComparison

export function recordProbe(handle: CaseHandle, result: ProbeResult): void {
  handle.append(PROBE_RESULT_ENTRY, result)
}

export function recordComparison(handle: CaseHandle, comparison: PathComparison, findings: readonly Finding[]): void {
  handle.append(PROBE_COMPARISON_ENTRY, { comparison, findings: [...findings] })
}
