/**
 * The case-journal data of a fleet audit exported into a case (event `JOURNAL.fleetFindings`, src/shared/journal):
 * the summary and the rows of the table as the engineer filtered it. Lenient like every journal schema: unknown keys
 * are stripped, so a later row field does not make older readers drop the entry.
 */
import { z } from 'zod'
import { ESMTP_STATES } from './types'

/** Rows a case keeps per export; a larger table is cut and the cut counted (`omitted`). */
export const MAX_JOURNAL_ROWS = 5000

const str = z.string()
const nullableStr = str.nullable()
const counts = z.record(str, z.number())

export const fleetRowData = z.object({
  file: str,
  layout: z.enum(['rancid', 'oxidized', 'plain']).default('plain'),
  hostname: nullableStr,
  platform: nullableStr,
  version: nullableStr,
  state: z.enum(ESMTP_STATES),
  places: z.array(str).default([]),
  bugs: z.array(str).default([]),
  mailguard: z.boolean(),
  ftd: z.boolean(),
  remedy: nullableStr,
  proof: z.object({ line: z.number(), excerpt: str }).nullable(),
  affected: z.boolean(),
  duplicateOf: nullableStr.default(null),
})

export const fleetSummaryData = z.object({
  files: z.number(),
  devices: z.number(),
  affected: z.number(),
  byState: counts,
  byVersion: counts,
  bugs: counts.default({}),
  mailguard: z.number(),
  ftd: z.number(),
  skipped: counts,
  duplicates: z.array(z.object({ hostname: str, files: z.array(str) })).default([]),
})

export const fleetFindingsData = z.object({
  /** The folders or files the audit was run on. */
  roots: z.array(str),
  summary: fleetSummaryData,
  rows: z.array(fleetRowData).max(MAX_JOURNAL_ROWS),
  /** Rows of the table left out of this entry (beyond MAX_JOURNAL_ROWS). */
  omitted: z.number().int().min(0).default(0),
})

export type FleetRowData = z.output<typeof fleetRowData>
export type FleetFindingsData = z.output<typeof fleetFindingsData>
