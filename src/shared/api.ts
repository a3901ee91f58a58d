/**
 * The contract between main and renderer. Every request method has an input and an output schema;
 * main validates each call's input against it (and rejects unknown methods), the preload exposes
 * exactly these names, and the renderer gets types inferred from the same schemas.
 * Later features add methods and events here.
 */
import { z } from 'zod'
import { caseIdSchema, caseMetaSchema, caseSummarySchema, journalEntrySchema } from './cases'

const none = z.undefined()

export const appInfoSchema = z.object({
  name: z.string(),
  version: z.string(),
  platform: z.string(),
})

export const caseDetailSchema = caseSummarySchema.extend({
  entries: z.array(journalEntrySchema),
  problems: z.array(z.object({ line: z.number(), kind: z.enum(['torn', 'corrupt']), excerpt: z.string() })),
  attachments: z.array(z.object({ name: z.string(), sha256: z.string(), bytes: z.number() })),
})

export const requests = {
  'app.info': { input: none, output: appInfoSchema },
  'cases.list': { input: none, output: z.array(caseSummarySchema) },
  'cases.create': { input: caseMetaSchema, output: caseSummarySchema },
  'cases.open': { input: z.object({ id: caseIdSchema }), output: caseDetailSchema },
} as const

export const events = {
  'case.entry': z.object({ caseId: caseIdSchema, entry: journalEntrySchema }),
} as const

export type RequestName = keyof typeof requests
export type RequestInput<M extends RequestName> = z.input<(typeof requests)[M]['input']>
export type RequestOutput<M extends RequestName> = z.output<(typeof requests)[M]['output']>
export type EventName = keyof typeof events
export type EventPayload<E extends EventName> = z.output<(typeof events)[E]>

export const REQUEST_CHANNEL_PREFIX = 'unmask:req:'
export const EVENT_CHANNEL_PREFIX = 'unmask:evt:'

export function isRequestName(name: unknown): name is RequestName {
  return typeof name === 'string' && Object.hasOwn(requests, name)
}

export function isEventName(name: unknown): name is EventName {
  return typeof name === 'string' && Object.hasOwn(events, name)
}

/** What the preload exposes on `window.unmask`. */
export interface UnmaskBridge {
  invoke<M extends RequestName>(method: M, input: RequestInput<M>): Promise<RequestOutput<M>>
  on<E extends EventName>(event: E, listener: (payload: EventPayload<E>) => void): () => void
}

/** The error shape main returns for a rejected or failed call, so the renderer never sees a stack. */
export interface ApiError {
  code: 'invalid-input' | 'unknown-method' | 'forbidden-sender' | 'failed'
  message: string
}
