/**
 * The shape of a stored probe result, for anyone who reads one back from outside the process that made it:
 * a case journal's `probe.result` entries (which a crash, an old version or a hand edit may have changed),
 * or a result crossing IPC. Unknown extra fields are allowed so older readers accept newer results.
 */
import { z } from 'zod'
import { NOTE_TEXTS, type NoteKey } from './notes'
import { PROBE_PHASES, type ProbeResult } from './types'

const phase = z.enum(PROBE_PHASES)

const replyLine = z.object({ line: z.number().int(), text: z.string(), raw: z.string() })
const reply = z.object({
  code: z.number().int(),
  enhanced: z.string().nullable(),
  lines: z.array(replyLine),
  startLine: z.number().int(),
  endLine: z.number().int(),
  complete: z.boolean(),
})

const extension = z.object({
  keyword: z.string(),
  params: z.string(),
  line: z.number().int(),
  raw: z.string(),
  masked: z.object({ keyword: z.string().nullable(), candidates: z.array(z.string()) }).nullable(),
})

const greeting = z.object({
  command: z.enum(['EHLO', 'HELO']),
  reply,
  ehloRefused: reply.optional(),
  extensions: z.array(extension),
  extensionBeforeGreeting: extension.optional(),
})

const certificate = z.object({
  subject: z.string(),
  issuer: z.string(),
  san: z.array(z.string()),
  serialNumber: z.string(),
  validFrom: z.string(),
  validTo: z.string(),
  expired: z.boolean(),
  notYetValid: z.boolean(),
  keyType: z.string(),
  keyBits: z.number().optional(),
  curve: z.string().optional(),
  sha256: z.string(),
  spkiSha256: z.string().optional(),
  selfSigned: z.boolean(),
})

const noteKeys = Object.keys(NOTE_TEXTS) as [NoteKey, ...NoteKey[]]

export const probeResultSchema = z.object({
  version: z.literal(1),
  target: z.object({
    host: z.string(),
    port: z.number().int().min(1).max(65535),
    mode: z.enum(['starttls', 'implicit-tls', 'plain']),
    ehloName: z.string(),
    vantage: z.string().optional(),
  }),
  address: z.string().optional(),
  family: z.union([z.literal(4), z.literal(6)]).optional(),
  startedAt: z.string(),
  durationMs: z.number(),
  phases: z.array(z.object({ phase, startMs: z.number(), durationMs: z.number(), outcome: z.enum(['ok', 'failed']) })),
  transcript: z.array(
    z.object({
      direction: z.enum(['client', 'server', 'note']),
      text: z.string(),
      line: z.number().int().positive(),
      atMs: z.number(),
      phase,
      note: z
        .object({ key: z.enum(noteKeys), params: z.record(z.string(), z.union([z.string(), z.number()])) })
        .optional(),
    }),
  ),
  banner: reply.optional(),
  greeting: greeting.optional(),
  starttls: z
    .object({
      advertised: z.boolean(),
      masked: z.boolean(),
      sent: z.boolean(),
      sentBecause: z.enum(['advertised', 'always', 'ambiguous']).optional(),
      ambiguousMasks: z.array(z.string()).optional(),
      reply: reply.optional(),
    })
    .optional(),
  tls: z
    .object({
      established: z.boolean(),
      protocol: z.string().optional(),
      cipher: z.string().optional(),
      cipherStandardName: z.string().optional(),
      chain: z.array(certificate),
      verification: z
        .object({
          trusted: z.boolean(),
          trustError: z.string().optional(),
          hostname: z.string(),
          hostnameMatches: z.boolean(),
          hostnameError: z.string().optional(),
        })
        .optional(),
      error: z.string().optional(),
    })
    .optional(),
  greetingAfterTls: greeting.optional(),
  message: z
    .object({
      outcome: z.enum(['accepted', 'rejected', 'dropped', 'not-sent']),
      dkimSignature: z.boolean(),
      reply: reply.optional(),
      lines: z.array(z.string()).optional(),
    })
    .optional(),
  quit: reply.optional(),
  outcome: z.enum(['completed', 'failed']),
  error: z
    .object({
      phase,
      code: z.enum([
        'bad-target',
        'dns-failed',
        'dns-timeout',
        'connect-refused',
        'connect-timeout',
        'connect-failed',
        'reply-timeout',
        'total-timeout',
        'closed',
        'line-too-long',
        'reply-too-long',
        'too-many-bytes',
        'not-smtp',
        'tls-failed',
        'tls-timeout',
        'aborted',
      ]),
      message: z.string(),
    })
    .optional(),
})

/** A stored result, checked; null (not an exception) when it is not one. */
export function readProbeResult(data: unknown): ProbeResult | null {
  const parsed = probeResultSchema.safeParse(data)
  return parsed.success ? parsed.data : null
}

// Compile-time check that the schema and the type describe the same thing.
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false
const schemaMatchesType: Same<z.infer<typeof probeResultSchema>, ProbeResult> = true
void schemaMatchesType
