/**
 * Lenient readers for the journal entries the report understands (documented in model.ts). Each schema names only the
 * fields the report uses; anything else in the entry is ignored, so the writers can grow their data freely. A
 * mismatch is not an error: the entry goes to the appendix as "other".
 */
import { z } from 'zod'

const str = z.string()
const maybeStr = z.string().optional()

export const caseCreatedData = z.object({ customer: str, site: maybeStr, engineer: maybeStr })

/**
 * An SMTP reply as the probe records it (`SmtpReply` of src/shared/evidence/smtp-reply.ts: lines `{ line, text, raw }`,
 * `startLine`/`endLine`). Plain string lines and `firstLine`/`lastLine` are accepted too, so a change of shape on the
 * probe's side degrades the report (no highlighting) rather than dropping the probe.
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

export const probeResultData = z.object({
  target: z.object({ host: str, port: z.number(), vantage: maybeStr }),
  address: maybeStr,
  startedAt: str,
  durationMs: z.number(),
  phases: z.array(
    z.object({
      phase: z.enum(['dns', 'connect', 'banner', 'ehlo', 'starttls', 'tls', 'ehlo2', 'message', 'quit']),
      startMs: z.number(),
      durationMs: z.number(),
      outcome: z.enum(['ok', 'failed']),
    }),
  ),
  transcript: z.array(
    z.object({
      direction: z.enum(['client', 'server', 'note']),
      text: str,
      line: z.number(),
      atMs: z.number(),
      phase: z.enum(['dns', 'connect', 'banner', 'ehlo', 'starttls', 'tls', 'ehlo2', 'message', 'quit']),
    }),
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
export type ProbeResultData = z.infer<typeof probeResultData>

const evidenceRef = z.object({ source: str, startLine: z.number(), endLine: z.number(), excerpt: str })
const finding = z.object({
  id: str,
  severity: z.enum(['critical', 'warning', 'info']),
  confidence: z.number(),
  titleKey: str,
  explanationKey: str,
  params: z.record(str, z.union([str, z.number()])).optional(),
  evidence: z.array(evidenceRef),
  impactKey: maybeStr,
  recommendationKey: maybeStr,
  ease: z.enum(['easy', 'moderate', 'hard']).optional(),
})
export type FindingData = z.infer<typeof finding>

const cause = z.object({
  id: str,
  confidence: z.number(),
  titleKey: str,
  explanationKey: str,
  params: z.record(str, z.union([str, z.number()])).optional(),
})
export type CauseData = z.infer<typeof cause>

/** What the engine read about a device (DeviceFacts of src/shared/evidence/facts.ts); null when unknown. */
const facts = z.object({
  platform: str.nullish(),
  version: str.nullish(),
  hostname: str.nullish(),
  model: str.nullish(),
})
export type FactsData = z.infer<typeof facts>

/** `analysis.result` (investigation service, `unmask analyze`) and `diagnosis.result` share this shape. */
export const diagnosisResultData = z.object({
  findings: z.array(finding),
  causes: z.array(cause).optional(),
  facts: facts.optional(),
})
export type DiagnosisData = z.infer<typeof diagnosisResultData>

/** `probe.comparison` (src/main/smtp/journal.ts): findings about the difference between two paths. */
export const probeComparisonData = z.object({ findings: z.array(finding) })

/** `device.evidence` (`unmask collect`): the peer, the platform and the facts read from the evidence script. */
export const deviceEvidenceData = z.object({ peer: str, platform: str.nullish(), facts: facts.optional() })

/** `device.command` (src/main/device/session-log.ts): one command of a device session with its cleaned output. */
export const deviceCommandData = z.object({ command: str, output: str })

export const deviceIdentifiedData = z.object({
  device: str,
  hostname: maybeStr,
  platform: maybeStr,
  model: maybeStr,
  version: maybeStr,
  address: maybeStr,
})

export const deviceOutputData = z.object({ device: str, command: str, output: str })
export const evidenceAddedData = z.object({ source: str, text: str, kind: maybeStr })
export const redactionMarkData = z.object({ text: str })

export const fixAppliedData = z.object({
  device: str,
  lines: z.array(str),
  undoLines: z.array(str).default([]),
  confirmedBy: maybeStr,
  confirmedAt: maybeStr,
  backupSha256: maybeStr,
  outcome: z.enum(['applied', 'failed']),
  failedLine: z.number().optional(),
  error: maybeStr,
})

export const fixVerifiedData = z.object({
  device: maybeStr,
  passed: z.boolean(),
  /** `key`/`params`/`evidence`, when the writer gives them, let the report say the check in its own language. */
  checks: z
    .array(
      z.object({
        text: str,
        passed: z.boolean(),
        key: maybeStr,
        params: z.record(str, z.union([str, z.number()])).optional(),
        evidence: maybeStr,
      }),
    )
    .default([]),
  /** `show service-policy inspect esmtp` (or `show fixup`) output before and after the change, when read. */
  countersBefore: str.nullish(),
  countersAfter: str.nullish(),
})

export const fixSavedData = z.object({ device: str, saved: z.boolean() })
export const fixUndoneData = z.object({ device: str, outcome: z.enum(['applied', 'failed']) })
