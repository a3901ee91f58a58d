/**
 * The fleet audit's methods on the main ↔ renderer contract (src/shared/api.ts): run over folders, read back one
 * audited file for the diagnosis panel, export the table into a case.
 */
import { z } from 'zod'
import { caseIdSchema } from '../cases'
import { fleetRowData, fleetSummaryData } from './journal'
import type { AuditRow, AuditSummary } from './types'

const path = z.string().min(1).max(4096)

/** Rows travel as the pool made them; checking 20,000 rows field by field on every call buys nothing. */
const fleetAuditSchema = z.object({
  roots: z.array(z.string()),
  rows: z.custom<AuditRow[]>((v) => Array.isArray(v)),
  summary: z.custom<AuditSummary>((v) => typeof v === 'object' && v !== null),
  unlisted: z.number(),
})

export const auditRequests = {
  /** The OS folder dialog; null when cancelled or when there is none (outside the app). */
  'audit.chooseFolder': { input: z.undefined(), output: z.string().nullable() },
  'audit.run': { input: z.object({ paths: z.array(path).min(1).max(20) }), output: fleetAuditSchema },
  'audit.read': { input: z.object({ file: path }), output: z.object({ source: z.string(), text: z.string() }) },
  'audit.export': {
    input: z.object({
      caseId: caseIdSchema,
      roots: z.array(path).max(20),
      summary: fleetSummaryData,
      rows: z.array(fleetRowData).max(20_000),
    }),
    output: z.object({ rows: z.number(), omitted: z.number() }),
  },
} as const

/** Files done of the running audit (total null while the walk is still counting), a few times a second. */
export const auditEvents = {
  'audit.progress': z.object({ done: z.number(), total: z.number().nullable() }),
} as const
