/** The mail path in one word for the header, from the latest probe run. */
import type { ProbeResult } from '@shared/probe/types'

export type PathStatus = 'masked' | 'encrypted' | 'plain' | 'failed' | 'changed'

/** Masked anywhere wins: that is the fault. Then a failure; then whether every path reached TLS. */
export function pathStatus(results: readonly ProbeResult[]): PathStatus {
  if (results.some((r) => r.starttls?.masked)) return 'masked'
  if (results.some((r) => r.outcome === 'failed')) return 'failed'
  return results.every((r) => r.tls?.established) ? 'encrypted' : 'plain'
}
