/**
 * The guided capture's journal events (src/main/capture, issue 21). The two dumps read back are `capture.added`
 * entries (capture-evidence-schema.ts); these are the device-change trail around them:
 * - `capture.planned`: the exact lines shown to the engineer (the token itself is a capability: never written);
 * - `capture.refused`: a run refused (token, platform, session), nothing typed;
 * - `capture.created`: written BEFORE a capture line is typed, so a connection cut right after still leaves a record
 *   of what may exist on the device (the cleanup on reconnect reads it); `kind: 'acl'` for each access-list entry of
 *   the access-list form (PIX/ASA 7.0), `name` then being the ACL's (the cleanup removes the whole ACL);
 * - `capture.removed`: a `no capture NAME` typed, in the run's finally or in a later cleanup, with what the device said
 *   and whether `show capture` still lists it;
 * - `capture.outcome`: the run's outcome (probe, read-back, removal), for the report's appendix and the panel.
 * Lenient like every journal schema: unknown fields are ignored.
 */
import { z } from 'zod'

const str = z.string()
const maybeStr = z.string().optional()

/** Which device: the session's peer (`ssh://user@host:port`) and its hostname. */
const device = { device: str, peer: str }

export const capturePlannedData = z.object({
  ...device,
  runId: str,
  direction: z.enum(['inbound', 'outbound']),
  host: z.object({ real: str, mapped: str }),
  lines: z.array(str),
  readBack: z.array(str),
  removal: z.array(str),
  linesSha256: str,
  /** `access-list`: the plan adds ACLs to the running-config (never saved). Absent in older journals: `match`. */
  form: z.enum(['match', 'access-list']).default('match'),
})

export const captureRefusedData = z.object({
  ...device,
  code: str,
  params: z.record(str, str).default({}),
  confirmedBy: maybeStr,
})

/** What a created/removed record is about: a capture, or one of our access-lists (the access-list form). */
const kind = z.enum(['capture', 'acl']).default('capture')

export const captureCreatedData = z.object({
  ...device,
  kind,
  runId: str,
  name: str,
  interface: str,
  command: str,
  confirmedBy: str,
})

export const captureRemovedData = z.object({
  ...device,
  kind,
  runId: maybeStr,
  name: str,
  /** `removed`: typed and `show capture` no longer lists it; `absent`: it was not there; else failed / unknown. */
  outcome: z.enum(['removed', 'absent', 'failed', 'unknown']),
  output: z.string().default(''),
  /** `run`: the run's own finally; `cleanup`: a later session removing what a cut run left behind. */
  during: z.enum(['run', 'cleanup']),
  confirmedBy: maybeStr,
})

export const captureOutcomeData = z.object({
  ...device,
  runId: str,
  outcome: z.enum(['completed', 'failed', 'lost']),
  error: maybeStr,
  probe: z.object({ ok: z.boolean(), summary: str }).nullable(),
  captures: z.array(z.object({ name: str, interface: str, side: str, bytes: z.number(), truncated: z.boolean() })),
  removed: z.array(str),
  leftOnDevice: z.array(str),
  confirmedBy: str,
  /** The device refused `capture … match` (caret under `match`): a new proposal in the access-list form can run. */
  needsAccessList: z.boolean().default(false),
})

export type CapturePlannedData = z.input<typeof capturePlannedData>
export type CaptureCreatedData = z.output<typeof captureCreatedData>
export type CaptureRemovedData = z.output<typeof captureRemovedData>
export type CaptureOutcomeData = z.input<typeof captureOutcomeData>
