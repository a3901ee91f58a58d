/** Case data shapes shared by the case store (main), the CLI, the renderer and the report. */
import { z } from 'zod'

export const CASE_FIELD_MAX = 200

const field = z.string().trim().min(1).max(CASE_FIELD_MAX)

export const caseMetaSchema = z.object({
  customer: field,
  site: field.optional(),
  engineer: field.optional(),
})
export type CaseMeta = z.infer<typeof caseMetaSchema>

/** Case ids are folder names: date, time, a slug of the customer and a random suffix. */
export const caseIdSchema = z.string().regex(/^[0-9]{8}-[0-9]{6}-[a-z0-9-]{0,40}-?[0-9a-f]{6}$/, 'not a case id')

export const caseSummarySchema = z.object({
  id: caseIdSchema,
  customer: z.string(),
  site: z.string().optional(),
  engineer: z.string().optional(),
  created: z.string(),
})
export type CaseSummary = z.infer<typeof caseSummarySchema>

export const journalEntrySchema = z.object({
  seq: z.number().int().nonnegative(),
  at: z.string(),
  type: z.string().min(1).max(80),
  data: z.unknown(),
})
export type JournalEntry = z.infer<typeof journalEntrySchema>

/** A journal line that could not be read back; `torn` means it is the unterminated last line. */
export interface JournalProblem {
  line: number
  kind: 'torn' | 'corrupt'
  excerpt: string
}

export const attachmentSchema = z.object({
  name: z.string(),
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
  bytes: z.number().int().nonnegative(),
})
export type Attachment = z.infer<typeof attachmentSchema>

export interface CaseDetail extends CaseSummary {
  entries: JournalEntry[]
  problems: JournalProblem[]
  attachments: Attachment[]
}

/** Lowercase ASCII slug for folder names; Hangul and other scripts collapse to nothing. */
export function slugify(text: string, max = 24): string {
  return text
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, max)
    .replace(/-+$/g, '')
}
