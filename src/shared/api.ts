/**
 * The contract between main and renderer. Every request method has an input and an output schema;
 * main validates each call's input against it (and rejects unknown methods), the preload exposes
 * exactly these names, and the renderer gets types inferred from the same schemas.
 * Later features add methods and events here.
 */
import { z } from 'zod'
import { auditRequests } from './audit/api-schemas'
import { caseIdSchema, caseMetaSchema, caseSummarySchema, journalEntrySchema } from './cases'
import type { Analysis } from './diagnosis'

/** What opening a remediation run returns: the device as read, and the diagnosis of its live configuration. */
export interface FixStart {
  fixId: string
  device: { hostname: string; platform: string; version: string | null; prompt: string }
  analysis: Analysis
}

import type { PathComparison } from './probe/compare'
import type { ProbeResult } from './probe/types'
import { deviceProfileSchema, mailTargetSchema, profilesFileSchema } from './profiles'

const none = z.undefined()
const sessionId = z.string().uuid()
const MAX_TEXT = 5 * 1024 * 1024

const probeTargetSchema = z.object({
  host: z
    .string()
    .trim()
    .min(1)
    .max(253)
    .regex(/^[A-Za-z0-9.:_-]+$/, 'not a host name or address'),
  port: z.number().int().min(1).max(65_535),
  vantage: z.string().trim().min(1).max(40).optional(),
  mode: z.enum(['starttls', 'implicit-tls', 'plain']).optional(),
})

/** Probe results come back from the renderer for a combined analysis: only their outline is checked here. */
const probeResultSchema = z.custom<ProbeResult>(
  (value) =>
    typeof value === 'object' &&
    value !== null &&
    (value as { version?: unknown }).version === 1 &&
    Array.isArray((value as { transcript?: unknown }).transcript),
  'not a probe result',
)

export const appInfoSchema = z.object({
  name: z.string(),
  version: z.string(),
  platform: z.string(),
  /** Whether the OS keychain can encrypt secrets; if not, the app asks for passwords each time. */
  secretsStorable: z.boolean(),
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
  // No `cases.open`: the renderer never read a whole journal, and the raw one holds every secret (issue 14).
  'probe.run': {
    input: z.object({ targets: z.array(probeTargetSchema).min(1).max(2), caseId: caseIdSchema.optional() }),
    output: z.custom<{ results: ProbeResult[]; comparison?: PathComparison; analysis: Analysis }>(),
  },
  'analysis.run': {
    input: z.object({
      texts: z.array(z.object({ source: z.string().min(1).max(200), text: z.string().max(MAX_TEXT) })).max(20),
      probes: z.array(probeResultSchema).max(20).default([]),
      caseId: caseIdSchema.optional(),
    }),
    output: z.custom<Analysis>(),
  },
  /** Remediation: results are the fix module's own shapes (src/main/fix/types.ts), passed through as data. */
  'fix.start': {
    input: z.object({
      profileId: z.string().uuid(),
      caseId: caseIdSchema,
      password: z.string().max(256).optional(),
      secret: z.string().max(256).optional(),
      lang: z.enum(['en', 'ko']).default('en'),
    }),
    output: z.custom<FixStart>(),
  },
  'fix.preview': {
    input: z.object({ fixId: sessionId, remedyId: z.string().min(1).max(60) }),
    output: z.custom<unknown>(),
  },
  'fix.previewUndo': { input: z.object({ fixId: sessionId }), output: z.custom<unknown>() },
  'fix.apply': {
    input: z.object({
      fixId: sessionId,
      token: z.string().min(1).max(200),
      typedHostname: z.string().max(255),
      confirmedBy: z.string().trim().min(1).max(200),
    }),
    output: z.custom<unknown>(),
  },
  'fix.verify': {
    input: z.object({ fixId: sessionId, remedyId: z.string().min(1).max(60) }),
    output: z.custom<unknown>(),
  },
  'fix.requestSave': { input: z.object({ fixId: sessionId }), output: z.custom<unknown>() },
  'fix.save': {
    input: z.object({
      fixId: sessionId,
      token: z.string().min(1).max(200),
      confirmedBy: z.string().trim().min(1).max(200),
    }),
    output: z.custom<unknown>(),
  },
  'fix.declineSave': {
    input: z.object({ fixId: sessionId, confirmedBy: z.string().trim().min(1).max(200) }),
    output: z.void(),
  },
  'fix.close': { input: z.object({ fixId: sessionId }), output: z.void() },
  'report.preview': {
    input: z.object({ caseId: caseIdSchema, lang: z.enum(['en', 'ko']) }),
    output: z.object({ html: z.string() }),
  },
  'report.export': {
    input: z.object({ caseId: caseIdSchema, lang: z.enum(['en', 'ko']) }),
    output: z.object({ pdfPath: z.string(), htmlPath: z.string(), pdfBytes: z.number() }),
  },
  'profiles.list': { input: none, output: profilesFileSchema },
  'profiles.saveDevice': { input: deviceProfileSchema, output: profilesFileSchema },
  'profiles.saveMailTarget': { input: mailTargetSchema, output: profilesFileSchema },
  'profiles.remove': { input: z.object({ id: z.string().uuid() }), output: profilesFileSchema },
  /** Secrets go renderer → main only; no method ever returns one. */
  'session.open': {
    input: z.object({
      profileId: z.string().uuid(),
      password: z.string().max(256).optional(),
      secret: z.string().max(256).optional(),
      remember: z.boolean().default(false),
      caseId: caseIdSchema.optional(),
    }),
    output: z.object({ sessionId: sessionId }),
  },
  /** Runs the evidence script in that session's shell; the terminal shows every command as it runs. */
  'session.runEvidence': {
    input: z.object({ sessionId }),
    output: z.custom<{ source: string; transcript: string; platform: string; enabled: boolean; analysis: Analysis }>(),
  },
  'session.attach': { input: z.object({ sessionId }), output: z.void() },
  'session.write': { input: z.object({ sessionId, data: z.string().max(65_536) }), output: z.void() },
  'session.resize': {
    input: z.object({ sessionId, cols: z.number().int().min(2).max(1000), rows: z.number().int().min(1).max(1000) }),
    output: z.void(),
  },
  'session.ack': {
    input: z.object({ sessionId, chars: z.number().int().positive().max(10_000_000) }),
    output: z.void(),
  },
  'session.close': { input: z.object({ sessionId }), output: z.void() },
  'session.hostKeyDecision': {
    input: z.object({ requestId: z.string().uuid(), accept: z.boolean() }),
    output: z.void(),
  },
  /** Fleet audit (issue 19): src/shared/audit/api-schemas.ts. */
  ...auditRequests,
} as const

export const events = {
  'case.entry': z.object({ caseId: caseIdSchema, entry: journalEntrySchema }),
  'session.data': z.object({ sessionId, data: z.string() }),
  'session.state': z.object({
    sessionId,
    profileId: z.string(),
    state: z.enum(['connecting', 'connected', 'failed', 'closed']),
    message: z.string().optional(),
  }),
  /** One configuration line sent by a fix, as it happens. */
  'fix.line': z.object({
    fixId: sessionId,
    index: z.number(),
    command: z.string(),
    status: z.enum(['ok', 'error', 'unknown']),
  }),
  /** An unknown host key the user must accept or refuse (changed keys never ask: they fail). */
  'session.hostKey': z.object({
    requestId: z.string().uuid(),
    sessionId,
    host: z.string(),
    port: z.number(),
    keyType: z.string(),
    fingerprint: z.string(),
  }),
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
