/**
 * The data of each case-journal event, as zod schemas. They are the one contract between the writers (src/main,
 * src/cli) and the readers (the report, the fallback diagnosis): a writer's `append(type, data)` is typed by the
 * schema's input, a reader parses with the same schema. Readers are lenient on purpose: each schema names the fields
 * someone reads or writes and ignores the rest (zod strips unknown keys), so old journals on disk still read and a
 * writer may add a field without breaking a reader. An entry whose data does not fit is not an error: the report lists
 * it in its appendix as "other".
 */
import { z } from 'zod'

const str = z.string()
const maybeStr = z.string().optional()
const params = z.record(str, z.union([str, z.number()]))

/**
 * An SMTP reply as the probe records it (`SmtpReply` of src/shared/evidence/smtp-reply.ts: lines `{ line, text, raw }`,
 * `startLine`/`endLine`). Plain string lines and `firstLine`/`lastLine` (older results) are accepted too, so a change
 * of shape degrades the report (no highlighting) rather than dropping the probe.
 */
const replyLine = z.union([str, z.object({ text: str, line: z.number().optional() })])
const reply = z
  .object({
    code: z.number(),
    lines: z.array(replyLine),
    startLine: z.number().optional(),
    endLine: z.number().optional(),
    firstLine: z.number().optional(),
    lastLine: z.number().optional(),
  })
  .transform((r) => {
    const numbers = r.lines.flatMap((l) => (typeof l === 'string' || l.line === undefined ? [] : [l.line]))
    return {
      code: r.code,
      lines: r.lines.map((l) => (typeof l === 'string' ? l : l.text)),
      firstLine: r.startLine ?? r.firstLine ?? numbers[0] ?? 0,
      lastLine: r.endLine ?? r.lastLine ?? numbers.at(-1) ?? -1,
    }
  })
/** `masked` is an object naming the hidden keyword (or null) in the evidence parser, a boolean in older results. */
const extension = z.object({ keyword: str, masked: z.unknown(), line: z.number() }).transform((e) => ({
  keyword: e.keyword,
  line: e.line,
  masked: e.masked !== null && e.masked !== undefined && e.masked !== false,
}))
const greeting = z.object({ reply, extensions: z.array(extension) })
const phase = z.enum(['dns', 'connect', 'banner', 'ehlo', 'starttls', 'tls', 'ehlo2', 'message', 'quit'])

/**
 * `probe.result`: a `ProbeResult` (src/shared/probe/types.ts, strictly checked by src/shared/probe/schema.ts). This is
 * the lenient reader of it: it keeps what the report shows and also accepts the shapes of older results.
 */
export const probeResultData = z.object({
  target: z.object({ host: str, port: z.number(), vantage: maybeStr }),
  address: maybeStr,
  startedAt: str,
  durationMs: z.number(),
  phases: z.array(z.object({ phase, startMs: z.number(), durationMs: z.number(), outcome: z.enum(['ok', 'failed']) })),
  transcript: z.array(
    z.object({ direction: z.enum(['client', 'server', 'note']), text: str, line: z.number(), atMs: z.number(), phase }),
  ),
  banner: reply.optional(),
  greeting: greeting.optional(),
  starttls: z
    .object({ advertised: z.boolean(), masked: z.boolean(), sent: z.boolean(), reply: reply.optional() })
    .optional(),
  tls: z
    .object({
      established: z.boolean(),
      protocol: maybeStr,
      cipher: maybeStr,
      verification: z.object({ trusted: z.boolean() }).optional(),
      error: maybeStr,
    })
    .optional(),
  outcome: z.enum(['completed', 'failed']),
  error: z.object({ phase: str, code: str }).optional(),
})
export type ProbeResultData = z.output<typeof probeResultData>

const evidenceRef = z.object({ source: str, startLine: z.number(), endLine: z.number(), excerpt: str })
const finding = z.object({
  id: str,
  severity: z.enum(['critical', 'warning', 'info']),
  confidence: z.number(),
  titleKey: str,
  explanationKey: str,
  params: params.optional(),
  evidence: z.array(evidenceRef),
  impactKey: maybeStr,
  recommendationKey: maybeStr,
  ease: z.enum(['easy', 'moderate', 'hard']).optional(),
})
export type FindingData = z.output<typeof finding>

const cause = z.object({
  id: str,
  confidence: z.number(),
  titleKey: str,
  explanationKey: str,
  params: params.optional(),
})
export type CauseData = z.output<typeof cause>

/** What the engine read about a device (DeviceFacts of src/shared/evidence/facts.ts); null when unknown. */
const facts = z.object({
  platform: str.nullish(),
  version: str.nullish(),
  hostname: str.nullish(),
  model: str.nullish(),
})
export type FactsData = z.output<typeof facts>

/** `analysis.result` (investigation service) and `diagnosis.result` (`unmask diagnose`) share this shape. */
export const diagnosisResultData = z.object({
  findings: z.array(finding),
  causes: z.array(cause).optional(),
  facts: facts.optional(),
  /** The pasted sources and the remedy ids the analysis proposed (investigation service). */
  sources: z.array(str).optional(),
  remedies: z.array(str).optional(),
})
export type DiagnosisData = z.output<typeof diagnosisResultData>

/** `probe.comparison` (src/main/smtp/journal.ts): the comparison of two paths and the findings about it. */
export const probeComparisonData = z.object({ comparison: z.unknown().optional(), findings: z.array(finding) })

/** `device.evidence` (`unmask collect`, the terminal's evidence run): the peer, the platform and the facts read. */
export const deviceEvidenceData = z.object({
  peer: str,
  platform: str.nullish(),
  facts: facts.optional(),
  source: maybeStr,
  attachment: maybeStr,
  findings: z.array(z.object({ id: str, severity: str, confidence: z.number() })).optional(),
})

/** `device.command` (src/main/device/session-log.ts): one command of a device session with its cleaned output. */
export const deviceCommandData = z.object({
  command: str,
  output: str,
  stepId: maybeStr,
  context: str.nullish(),
  mode: maybeStr,
  failed: z.boolean().optional(),
  failureText: maybeStr,
  startedAt: maybeStr,
  elapsedMs: z.number().optional(),
})

/** `device.identified`: `device` is the name the engineer knows the device by (a connection profile, a hostname). */
export const deviceIdentifiedData = z.object({
  device: str,
  hostname: maybeStr,
  platform: maybeStr,
  model: maybeStr,
  version: maybeStr,
  address: maybeStr,
})

/** `device.output`: the output of one command (remediation writes it when it reads and verifies). */
export const deviceOutputData = z.object({ device: str, command: str, output: str })
/** `evidence.added`: text the engineer pasted or imported (configuration, logs, NDR). */
export const evidenceAddedData = z.object({ source: str, text: str, kind: maybeStr })
/** `redaction.mark`: a string the engineer wants removed from every export. */
export const redactionMarkData = z.object({ text: str })

export const caseCreatedData = z.object({ id: maybeStr, customer: str, site: maybeStr, engineer: maybeStr })
export const attachmentAddedData = z.object({ name: str, sha256: str, bytes: z.number() })

/**
 * A changed SSH host key replaced after the engineer verified the new one and typed the confirmation (the app's
 * changed-key dialog, issue 18 point 7): the old entry leaves Unmask's known_hosts; the new key is accepted on the
 * next connection as a first-time key.
 */
export const hostKeyReplacedData = z.object({
  host: str,
  port: z.number(),
  previous: str,
  next: str,
  removed: z.number(),
  confirmedBy: maybeStr,
})

/** Session boundaries and raw traffic (src/main/device/session-log.ts): part of the record, never shown. */
export const deviceSessionOpenedData = z.object({ peer: str, transport: str })
export const deviceSessionClosedData = z.object({
  peer: str,
  reason: maybeStr,
  raw: maybeStr,
  cleaned: maybeStr,
  rawBytes: z.number().optional(),
})
export const deviceRawData = z.object({ lines: z.array(str) })

const fileRecord = z.object({ name: str, sha256: str, bytes: z.number() })
/** `report.exported` (src/main/report/export-report.ts): what was handed over, so a copy found later can be matched. */
export const reportExportedData = z.object({
  lang: str,
  pdf: fileRecord,
  html: fileRecord.optional(),
  state: str,
  redactions: z.number(),
})
