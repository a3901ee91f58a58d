/**
 * Remediation's journal events (src/main/fix), as zod schemas: the audit trail (`fix.preview`, `fix.refused`,
 * `fix.backup`, `fix.line`, `fix.recovered`) and the change the report shows (`fix.applied`, `fix.verified`,
 * `fix.saved`, `fix.undone`). Lenient like every journal schema (schemas.ts): unknown fields are ignored.
 */
import { z } from 'zod'

const str = z.string()
const maybeStr = z.string().optional()
const params = z.record(str, z.union([str, z.number()]))

const configDelta = z.object({ added: z.array(str), removed: z.array(str) })
const recovered = z.object({ reconnected: z.boolean(), delta: configDelta.nullable(), error: maybeStr })

/** `fix.preview`: the plan shown to the engineer with its checks (the token itself is a capability: never written). */
export const fixPreviewData = z.object({
  device: str,
  kind: z.enum(['apply', 'undo']),
  remedyId: str,
  lines: z.array(str),
  modes: z.array(str),
  undoLines: z.array(str),
  checks: z.array(z.object({ id: str, passed: z.boolean(), key: str, params: z.record(str, str) })),
  allowed: z.boolean(),
  linesSha256: str,
  configSha256: str,
})

/** `fix.refused`: a step refused (token, hostname, confirmer, changed configuration), with who asked. */
export const fixRefusedData = z.object({
  device: str,
  code: str,
  params: z.record(str, str),
  confirmedBy: str,
  step: z.literal('save').optional(),
})

/** `fix.backup`: the running-config saved (attachment + SHA-256) before the first line of a plan went out. */
export const fixBackupData = z.object({
  device: str,
  kind: z.enum(['apply', 'undo']),
  attachment: str.nullable(),
  sha256: str,
  bytes: z.number(),
  confirmedBy: str,
  confirmedAt: str,
})

/** `fix.line`: one configuration line as it went out (a SentLine of src/shared/fix/types.ts). */
export const fixLineData = z.object({
  device: str,
  kind: z.enum(['apply', 'undo']),
  index: z.number(),
  mode: str,
  command: str,
  promptBefore: str,
  promptAfter: str.nullable(),
  output: str,
  status: z.enum(['ok', 'error', 'unknown']),
  failureText: maybeStr,
  startedAt: str,
  elapsedMs: z.number(),
})

/** `fix.recovered`: after a lost connection, what a new session found compared with the backup. */
export const fixRecoveredData = recovered.extend({ device: str, configSha256: maybeStr })

/**
 * `fix.applied`: `lines` are exactly the configuration lines sent, in order; `backupSha256` is the SHA-256 of the
 * running-config saved before the first line; `failedLine` is a 1-based index into `lines`.
 */
export const fixAppliedData = z.object({
  device: str,
  planId: maybeStr,
  remedyId: maybeStr,
  lines: z.array(str),
  undoLines: z.array(str).default([]),
  confirmedBy: maybeStr,
  confirmedAt: maybeStr,
  backupSha256: maybeStr,
  backupAttachment: str.nullish(),
  outcome: z.enum(['applied', 'failed']),
  state: z.enum(['applied', 'failed', 'unknown']).optional(),
  failedLine: z.number().optional(),
  error: maybeStr,
  notSent: z.array(str).optional(),
  recovered: recovered.optional(),
})

export const fixVerifiedData = z.object({
  device: maybeStr,
  passed: z.boolean(),
  outcome: z.enum(['fixed', 'not-fixed', 'partial']).optional(),
  /** `key`/`params`/`evidence`, when the writer gives them, let the report say the check in its own language. */
  checks: z
    .array(z.object({ text: str, passed: z.boolean(), key: maybeStr, params: params.optional(), evidence: maybeStr }))
    .default([]),
  /** The journal `seq` of the probes re-run after the change (they are `probe.result` entries too). */
  probeSeqs: z.array(z.number()).optional(),
  /** `show service-policy inspect esmtp` (or `show fixup`) output before and after the change, when read. */
  countersBefore: str.nullish(),
  countersAfter: str.nullish(),
})

/** `fix.saved`: `write memory` run (saved: true) or declined (saved: false, no command). */
export const fixSavedData = z.object({
  device: str,
  saved: z.boolean(),
  command: maybeStr,
  output: maybeStr,
  error: maybeStr,
  confirmedBy: maybeStr,
  confirmedAt: maybeStr,
})

export const fixUndoneData = z.object({
  device: str,
  remedyId: maybeStr,
  lines: z.array(str).optional(),
  outcome: z.enum(['applied', 'failed']),
  state: z.enum(['applied', 'failed', 'unknown']).optional(),
  error: maybeStr,
  confirmedBy: maybeStr,
  confirmedAt: maybeStr,
  backupSha256: maybeStr,
  recovered: recovered.optional(),
})
