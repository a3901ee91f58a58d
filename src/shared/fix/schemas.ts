/**
 * The fix results as zod schemas, so the IPC contract (src/shared/api.ts) states what each `fix.*` method returns
 * instead of passing `unknown` through. Each schema is checked against its interface in types.ts at compile time
 * (the `Same` checks at the end): a field added to one and not the other does not compile.
 */
import { z } from 'zod'
import { PLATFORM_IDS } from '../devices/session-open'
import { probeResultSchema } from '../probe/schema'
import type { CliMode, CommandLine, RemedyId } from '../remedies/types'
import type {
  ApplyResult,
  DeviceSnapshot,
  Precheck,
  Preview,
  Refusal,
  RefusalCode,
  SaveResult,
  SentLine,
  SnapshotPlatform,
  VerifyResult,
} from './types'

const str = z.string()
const strParams = z.record(str, str)

const CLI_MODES = ['enable', 'config', 'config-pmap', 'config-pmap-c', 'config-pmap-p', 'flexconfig'] as const
const cliMode = z.enum(CLI_MODES) satisfies z.ZodType<CliMode>
/** Remedy ids are the remedies module's union; on the wire they are checked as text. */
const remedyId = z.custom<RemedyId>((v) => typeof v === 'string' && v.length > 0 && v.length <= 60, 'not a remedy id')
const commandLine = z.object({ mode: cliMode, command: str })
const platform = z.enum([...PLATFORM_IDS, 'unknown']) satisfies z.ZodType<SnapshotPlatform>

const REFUSAL_CODES = [
  'tokenUnknown',
  'tokenUsed',
  'tokenExpired',
  'tokenWrongDevice',
  'hostnameMismatch',
  'configChanged',
  'noConfirmer',
  'notPrivileged',
  'saveNotConfirmed',
  'nothingApplied',
  'sessionLost',
  'notVerified',
] as const satisfies readonly RefusalCode[]

export const refusalSchema = z.object({ refused: z.literal(true), code: z.enum(REFUSAL_CODES), params: strParams })

export const precheckSchema = z.object({
  id: z.enum(['privilege', 'platform', 'context', 'failover', 'target', 'changeType']),
  passed: z.boolean(),
  key: str,
  params: strParams,
})

export const previewSchema = z.object({
  plan: z.object({
    kind: z.enum(['apply', 'undo']),
    remedyId,
    lines: z.array(commandLine),
    undo: z.array(commandLine),
    impactKey: str,
    params: strParams,
  }),
  device: z.object({
    hostname: str,
    platform,
    version: str.nullable(),
    context: str.nullable(),
    prompt: str,
  }),
  checks: z.array(precheckSchema),
  token: str.nullable(),
  linesHash: str,
  configHash: str,
  issuedAt: str,
  expiresAt: str.nullable(),
})

const sentLine = z.object({
  index: z.number(),
  mode: cliMode,
  command: str,
  promptBefore: str,
  promptAfter: str.nullable(),
  output: str,
  status: z.enum(['ok', 'error', 'unknown']),
  failureText: str.optional(),
  startedAt: str,
  elapsedMs: z.number(),
})

export const applyResultSchema = z.object({
  refused: z.literal(false),
  kind: z.enum(['apply', 'undo']),
  outcome: z.enum(['applied', 'failed', 'unknown']),
  sent: z.array(sentLine),
  notSent: z.array(commandLine),
  failedLine: z.number().optional(),
  error: str.optional(),
  backup: z.object({ attachment: str.nullable(), sha256: str, bytes: z.number() }),
  confirmedBy: str,
  confirmedAt: str,
  leftConfigWith: z.array(str),
  recovered: z
    .object({
      reconnected: z.boolean(),
      delta: z.object({ added: z.array(str), removed: z.array(str) }).nullable(),
      error: str.optional(),
    })
    .optional(),
})

const probeTarget = z.object({
  host: str,
  port: z.number(),
  vantage: str.optional(),
  mode: z.enum(['starttls', 'implicit-tls', 'plain']).optional(),
  ehloName: str.optional(),
  address: str.optional(),
})

export const verifyResultSchema = z.object({
  outcome: z.enum(['fixed', 'not-fixed', 'partial']),
  checks: z.array(z.object({ id: str, passed: z.boolean(), key: str, params: strParams, evidence: str })),
  probes: z.array(
    z.object({
      target: probeTarget,
      before: probeResultSchema.nullable(),
      after: probeResultSchema,
      passed: z.boolean(),
      differences: z.array(str),
    }),
  ),
  readBack: z.array(z.object({ command: str, output: str })),
  counters: z.object({ before: str.nullable(), after: str.nullable() }),
  at: str,
})

export const saveResultSchema = z.object({
  refused: z.literal(false),
  saved: z.boolean(),
  command: str,
  output: str,
  error: str.optional(),
  confirmedBy: str,
  at: str,
})

/** What opening a remediation run returns: the run's id and the device as read (the analysis is added in api.ts). */
export const fixDeviceSchema = z.object({ hostname: str, platform, version: str.nullable(), prompt: str })
export type FixDevice = z.infer<typeof fixDeviceSchema>

// Compile-time checks that each schema and its interface describe the same thing.
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false
const checks: [
  Same<z.infer<typeof refusalSchema>, Refusal>,
  Same<z.infer<typeof precheckSchema>, Precheck>,
  Same<z.infer<typeof previewSchema>, Preview>,
  Same<z.infer<typeof sentLine>, SentLine>,
  Same<z.infer<typeof applyResultSchema>, ApplyResult>,
  Same<z.infer<typeof verifyResultSchema>, VerifyResult>,
  Same<z.infer<typeof saveResultSchema>, SaveResult>,
  Same<z.infer<typeof commandLine>, CommandLine>,
  Same<FixDevice, Pick<DeviceSnapshot, 'hostname' | 'platform' | 'version' | 'prompt'>>,
] = [true, true, true, true, true, true, true, true, true]
void checks
