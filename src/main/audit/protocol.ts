/** Messages between the audit pool and its worker threads (structured-clone data only). */
import type { AuditOutcome } from '../../shared/audit/row'

export interface AuditTask {
  seq: number
  file: string
  maxBytes: number
}

export interface AuditResult {
  seq: number
  outcome: AuditOutcome
}
