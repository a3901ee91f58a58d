/**
 * The contract between main and renderer. Every request method has an input and an output schema;
 * main validates each call's input against it (and rejects unknown methods), the preload exposes
 * exactly these names, and the renderer gets types inferred from the same schemas.
 * Later features add methods and events here.
 */
import { z } from 'zod'
import { auditEvents, auditRequests } from './audit/api-schemas'
import type {
  CaptureProposal,
  CaptureRefusal,
  CaptureRunResult,
  CleanupProposal,
  CleanupResult,
} from './capture/guided/types'
import { caseIdSchema, caseMetaSchema, caseSummarySchema, journalEntrySchema } from './cases'
import { PLATFORM_IDS } from './devices/session-open'
import type { Analysis } from './diagnosis'
import {
  applyResultSchema,
  fixDeviceSchema,
  previewSchema,
  refusalSchema,
  saveResultSchema,
  verifyResultSchema,
} from './fix/schemas'
import { captureAddedData } from './journal/capture-evidence-schema'
import type { MailPolicyReport } from './mail-policy/verdict'
import type { PathComparison } from './probe/compare'
import { egressConclusionSchema, MAX_EGRESS_TARGETS } from './probe/egress'
import { probeResultSchema } from './probe/schema'
import { deviceProfileSchema, mailTargetSchema, profilesFileSchema } from './profiles'

const none = z.undefined()
/** Ids main hands out: a terminal session's `sessionId`, a remediation run's `fixId`. */
const uuid = z.string().uuid()
const sessionId = uuid
const fixId = uuid
const captureId = uuid
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

/** The engine's diagnosis (src/shared/diagnosis) is made in main and only read by the renderer. */
const analysisSchema = z.custom<Analysis>()

/** Opening a remediation run: the saved device profile, the case, and secrets only if not stored. */
export const fixStartRequestSchema = z.object({
  profileId: z.string().uuid(),
  caseId: caseIdSchema,
  password: z.string().max(256).optional(),
  secret: z.string().max(256).optional(),
  lang: z.enum(['en', 'ko']).default('en'),
})
export type FixStartRequest = z.output<typeof fixStartRequestSchema>

/** What opening a remediation run returns: the device as read, and the diagnosis of its live configuration. */
export const fixStartSchema = z.object({ fixId, device: fixDeviceSchema, analysis: analysisSchema })
export type FixStart = z.output<typeof fixStartSchema>

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

/** A typed confirmation phrase matches whatever dash and spacing the keyboard gave (— – - all read as one). */
export function samePhrase(typed: string, phrase: string): boolean {
  const norm = (text: string) =>
    text
      .normalize('NFKC')
      .replace(/[\u2010-\u2015-]/g, '-')
      .replace(/\s+/g, ' ')
      .trim()
      .toLowerCase()
  return norm(typed) === norm(phrase)
}

export const requests = {
  'app.info': { input: none, output: appInfoSchema },
  'cases.list': { input: none, output: z.array(caseSummarySchema) },
  'cases.create': { input: caseMetaSchema, output: caseSummarySchema },
  // No `cases.open`: the renderer never read a whole journal, and the raw one holds every secret (issue 14).
  'probe.run': {
    input: z.object({ targets: z.array(probeTargetSchema).min(1).max(2), caseId: caseIdSchema.optional() }),
    output: z.object({
      results: z.array(probeResultSchema),
      comparison: z.custom<PathComparison>().optional(),
      analysis: analysisSchema,
    }),
  },
  /** The outbound check (`unmask probe --egress`): no targets = the built-in list of large providers. */
  'probe.egress': {
    input: z.object({
      targets: z
        .array(probeTargetSchema.pick({ host: true, port: true }))
        .max(MAX_EGRESS_TARGETS)
        .default([]),
      caseId: caseIdSchema.optional(),
    }),
    output: z.object({
      defaultList: z.boolean(),
      results: z.array(probeResultSchema),
      conclusion: egressConclusionSchema,
    }),
  },
  /** A mail domain's MX hosts probed with its MTA-STS/TLS-RPT/DANE state (`unmask probe DOMAIN`, issue 17). */
  'mailPolicy.probe': {
    input: z.object({ domain: probeTargetSchema.shape.host, caseId: caseIdSchema.optional() }),
    output: z.object({
      results: z.array(probeResultSchema),
      mailPolicy: z.custom<MailPolicyReport>().nullable(),
    }),
  },
  'analysis.run': {
    input: z.object({
      texts: z.array(z.object({ source: z.string().min(1).max(200), text: z.string().max(MAX_TEXT) })).max(20),
      probes: z.array(probeResultSchema).max(20).default([]),
      caseId: caseIdSchema.optional(),
      /** Captures read in the panel (pure reader in the renderer), as the journal keeps them (issue 21). */
      captures: z.array(captureAddedData).max(8).default([]),
    }),
    output: analysisSchema,
  },
  /** The case's captures, whatever brought them (dropped file, pasted dump, guided capture): the lanes' input. */
  'capture.list': { input: z.object({ caseId: caseIdSchema }), output: z.array(captureAddedData) },
  /** Remediation: results are the fix module's own shapes (src/shared/fix/types.ts, schemas in fix/schemas.ts). */
  'fix.start': { input: fixStartRequestSchema, output: fixStartSchema },
  'fix.preview': {
    input: z.object({ fixId, remedyId: z.string().min(1).max(60) }),
    output: previewSchema,
  },
  'fix.previewUndo': { input: z.object({ fixId }), output: z.union([previewSchema, refusalSchema]) },
  'fix.apply': {
    input: z.object({
      fixId,
      token: z.string().min(1).max(200),
      typedHostname: z.string().max(255),
      confirmedBy: z.string().trim().min(1).max(200),
    }),
    output: z.union([applyResultSchema, refusalSchema]),
  },
  'fix.verify': {
    input: z.object({ fixId, remedyId: z.string().min(1).max(60) }),
    output: verifyResultSchema,
  },
  'fix.requestSave': {
    input: z.object({ fixId }),
    output: z.union([z.object({ token: z.string() }), refusalSchema]),
  },
  'fix.save': {
    input: z.object({
      fixId,
      token: z.string().min(1).max(200),
      confirmedBy: z.string().trim().min(1).max(200),
    }),
    output: z.union([saveResultSchema, refusalSchema]),
  },
  'fix.declineSave': {
    input: z.object({ fixId, confirmedBy: z.string().trim().min(1).max(200) }),
    output: z.void(),
  },
  'fix.close': { input: z.object({ fixId }), output: z.void() },
  /**
   * The guided packet capture (issue 21; src/main/capture): its own connection to a saved device, writing to the case.
   * `start` returns a removal proposal when an earlier run left captures there; `propose` returns the exact lines and
   * the one-time token that `run` spends; nothing reaches the device without it.
   */
  'capture.start': {
    input: z.object({
      profileId: z.string().uuid(),
      caseId: caseIdSchema,
      password: z.string().max(256).optional(),
      secret: z.string().max(256).optional(),
    }),
    output: z.object({ captureId, device: z.string(), cleanup: z.custom<CleanupProposal>().nullable() }),
  },
  'capture.propose': {
    input: z.object({
      captureId,
      mailHost: z.string().trim().min(7).max(15),
      direction: z.enum(['inbound', 'outbound']).default('inbound'),
      serverInterface: z.string().trim().min(1).max(48).optional(),
      clientInterface: z.string().trim().min(1).max(48).optional(),
      peerAddress: z.string().trim().min(7).max(15).optional(),
    }),
    output: z.custom<CaptureProposal>(),
  },
  'capture.run': {
    input: z.object({
      captureId,
      token: z.string().min(1).max(200),
      confirmedBy: z.string().trim().min(1).max(200),
      probe: probeTargetSchema.pick({ host: true, port: true }),
    }),
    output: z.custom<CaptureRunResult | CaptureRefusal>(),
  },
  'capture.cleanup': {
    input: z.object({ captureId, token: z.string().min(1).max(200), confirmedBy: z.string().trim().min(1).max(200) }),
    output: z.custom<CleanupResult | CaptureRefusal>(),
  },
  'capture.close': { input: z.object({ captureId }), output: z.void() },
  'report.preview': {
    input: z.object({ caseId: caseIdSchema, lang: z.enum(['en', 'ko']) }),
    output: z.object({ html: z.string() }),
  },
  'report.export': {
    input: z.object({ caseId: caseIdSchema, lang: z.enum(['en', 'ko']) }),
    output: z.object({ pdfPath: z.string(), htmlPath: z.string(), pdfBytes: z.number() }),
  },
  /**
   * Opens an exported report (or shows it in its folder) with the desktop's own handler: only a file `report.export`
   * wrote into that case's reports folder, named as it names them.
   */
  'report.reveal': {
    input: z.object({
      caseId: caseIdSchema,
      file: z.string().regex(/^unmask-report-[A-Za-z0-9_-]+\.(pdf|html)$/, 'not an exported report'),
      folder: z.boolean().default(false),
    }),
    output: z.void(),
  },
  'profiles.list': { input: none, output: profilesFileSchema },
  'profiles.saveDevice': { input: deviceProfileSchema, output: profilesFileSchema },
  'profiles.saveMailTarget': { input: mailTargetSchema, output: profilesFileSchema },
  'profiles.remove': { input: z.object({ id: z.string().uuid() }), output: profilesFileSchema },
  /** The device profiles whose password the keychain holds for their present transport, host, port and user (ids
   * only, never a secret): dialogs then do not ask for it again, also in a later run of the app. */
  'secrets.remembered': { input: none, output: z.array(z.string().uuid()) },
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
    output: z.object({
      source: z.string(),
      transcript: z.string(),
      platform: z.enum(PLATFORM_IDS),
      enabled: z.boolean(),
      analysis: analysisSchema,
    }),
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
  /**
   * Replaces a changed SSH host key after the user verified the new one: `confirmation` must be the phrase of the
   * changed-key dialog in `lang` (typed, not clicked). Removes the old key from Unmask's known_hosts (never from
   * ~/.ssh/known_hosts: those entries come back in `readOnly`) and journals it in the case.
   */
  'hostKeys.replace': {
    input: z.object({
      host: z.string().min(1).max(253),
      port: z.number().int().min(1).max(65_535),
      previous: z.string().regex(/^SHA256:[A-Za-z0-9+/]+$/),
      next: z.string().regex(/^SHA256:[A-Za-z0-9+/]+$/),
      confirmation: z.string().max(200),
      lang: z.enum(['en', 'ko']).default('en'),
      caseId: caseIdSchema.optional(),
    }),
    output: z.object({ removed: z.number(), readOnly: z.array(z.string()) }),
  },
  /** Fleet audit (issue 19): src/shared/audit/api-schemas.ts. */
  ...auditRequests,
} as const

export const events = {
  ...auditEvents,
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
    fixId,
    index: z.number(),
    command: z.string(),
    status: z.enum(['ok', 'error', 'unknown']),
  }),
  /** A guided capture's step as it starts (create, probe, read, remove). */
  'capture.step': z.object({
    captureId,
    step: z.enum(['create', 'probe', 'read', 'remove']),
    detail: z.string(),
  }),
  /**
   * An unknown host key the user must accept or refuse (changed keys never ask: they fail). Asked for a terminal
   * session (`sessionId`) or for a remediation run's own connection (`fixId`).
   */
  'session.hostKey': z.object({
    requestId: z.string().uuid(),
    sessionId: sessionId.optional(),
    fixId: fixId.optional(),
    host: z.string(),
    port: z.number(),
    keyType: z.string(),
    fingerprint: z.string(),
  }),
} as const

export type RequestName = keyof typeof requests
export type RequestInput<M extends RequestName> = z.input<(typeof requests)[M]['input']>
export type RequestOutput<M extends RequestName> = z.output<(typeof requests)[M]['output']>
/** A request's input after main has parsed it (defaults filled in): what a handler receives. */
export type RequestParsed<M extends RequestName> = z.output<(typeof requests)[M]['input']>
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

export const API_ERROR_CODES = ['invalid-input', 'unknown-method', 'forbidden-sender', 'failed'] as const

/**
 * The error main returns for a rejected or failed call, so the renderer never sees a stack and never parses text:
 * a failure with a stable code (transport, driver) carries the i18n `key` (`device.errors.hostKeyChanged`) and the
 * `params` that fill it; `message` is plain text for logs and for failures without a key.
 */
export const apiErrorSchema = z.object({
  code: z.enum(API_ERROR_CODES),
  key: z.string().optional(),
  params: z.record(z.string(), z.union([z.string(), z.number()])).optional(),
  message: z.string(),
})
export type ApiError = z.output<typeof apiErrorSchema>

/** What the bridge throws for an ApiError: an Error (for stacks and `instanceof`) that carries the typed fields. */
export class ApiCallError extends Error {
  readonly code: ApiError['code']
  readonly key?: string
  readonly params?: Record<string, string | number>

  constructor(error: ApiError) {
    // The text keeps the old `code: message` form for logs and for readers that only see the message.
    super(`${error.code}: ${error.message}`)
    this.name = 'ApiCallError'
    this.code = error.code
    this.key = error.key
    this.params = error.params
  }
}
