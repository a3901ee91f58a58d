/**
 * From pasted text to typed evidence: split a terminal session into parts, name each part's kind and run the
 * matching parser. Every evidence item keeps the source label and the line range it came from.
 */
import type { FailoverTag } from '../devices/types'
import { type EvidenceKind, kindOfPart, type PartHead, readLines, splitSession } from './detect'
import type { FixupLine } from './device/device-config'
import { type DeviceConfig, readDeviceConfig } from './device/device-config'
import { parseShowContext, type ShowContext } from './device/show-context'
import { parseShowFailover, type ShowFailover } from './device/show-failover'
import { parseShowFixup } from './device/show-fixup'
import { parseShowServicePolicy, type ServicePolicyBlock } from './device/show-service-policy'
import { parseShowVersion, type ShowVersion } from './device/show-version'
import { type LogEntry, parseLogLines } from './logs/log-lines'
import { type ParsedTranscript, parseTranscriptText } from './smtp/transcript-text'
import type { NumberedLine, SmtpTranscript } from './types'

export interface Base {
  source: string
  firstLine: number
  lastLine: number
  /** The command typed at the prompt that produced this output, when the text was a terminal session. */
  command: string | null
  hostname: string | null
  /** Security context from the prompt (`fw/ctx1#`), when the device runs in multiple-context mode. */
  context: string | null
  /** Failover unit/state from the prompt (`fw/pri/act#`). */
  failover: FailoverTag | null
}

export type TranscriptEvidence = (ParsedTranscript | (SmtpTranscript & { shape: 'probe' })) & Partial<Base>
export type ShowVersionEvidence = Base & { kind: 'show-version'; data: ShowVersion }
export type ConfigEvidence = Base & { kind: 'running-config'; data: DeviceConfig }
export type FixupEvidence = Base & { kind: 'show-fixup'; data: FixupLine[] }
export type ServicePolicyEvidence = Base & { kind: 'show-service-policy'; data: ServicePolicyBlock[] }
export type ContextEvidence = Base & { kind: 'show-context'; data: ShowContext }
export type FailoverEvidence = Base & { kind: 'show-failover'; data: ShowFailover }
export type LogEvidence = Base & { kind: 'log'; data: LogEntry[] }
export type UnknownEvidence = Base & { kind: 'unknown' }

export type Evidence =
  | TranscriptEvidence
  | ShowVersionEvidence
  | ConfigEvidence
  | FixupEvidence
  | ServicePolicyEvidence
  | ContextEvidence
  | FailoverEvidence
  | LogEvidence
  | UnknownEvidence

export interface InputText {
  source: string
  text: string
}

/** One part of an input and what it was taken for (shown to the user so a misdetection is visible). */
export interface DetectedPart {
  source: string
  kind: EvidenceKind
  command: string | null
  firstLine: number
  lastLine: number
}

/** Runs the parser of a part's kind on its lines. */
export function parsePart(source: string, kind: EvidenceKind, lines: NumberedLine[], base: Base): Evidence {
  switch (kind) {
    case 'smtp-transcript':
      return { ...parseTranscriptText(source, lines), ...base }
    case 'ndr':
      return { ...parseTranscriptText(source, lines, 'ndr'), ...base }
    case 'show-version':
      return { ...base, kind, data: parseShowVersion(lines) }
    case 'running-config':
      return { ...base, kind, data: readDeviceConfig(lines) }
    case 'show-fixup':
      return { ...base, kind, data: parseShowFixup(lines) }
    case 'show-service-policy':
      return { ...base, kind, data: parseShowServicePolicy(lines) }
    case 'show-context':
      return { ...base, kind, data: parseShowContext(lines) }
    case 'show-failover':
      return { ...base, kind, data: parseShowFailover(lines) }
    case 'log':
      return { ...base, kind, data: parseLogLines(lines) }
    default:
      return { ...base, kind: 'unknown' }
  }
}

/**
 * The fields every evidence item of a part carries: where it starts (its prompt line, or its first line) and ends
 * (its last line with text), and what the prompt said. `firstOutput` is the part's first output line.
 */
export function partBase(source: string, head: PartHead, firstOutput: number, lastLine: number): Base {
  return {
    source,
    firstLine: head.promptLine ?? firstOutput,
    lastLine,
    command: head.command,
    hostname: head.hostname,
    context: head.context,
    failover: head.failover,
  }
}

/** The part as shown to the user. */
export function detectedPart(base: Base, kind: EvidenceKind): DetectedPart {
  const { source, command, firstLine, lastLine } = base
  return { source, kind, command, firstLine, lastLine }
}

export function parseEvidence(input: InputText): { parts: DetectedPart[]; evidence: Evidence[] } {
  const parts: DetectedPart[] = []
  const evidence: Evidence[] = []
  for (const part of splitSession(readLines(input.text))) {
    const kind = kindOfPart(part)
    const base = partBase(input.source, part, part.lines[0]!.line, part.lines[part.lines.length - 1]!.line)
    parts.push(detectedPart(base, kind))
    evidence.push(parsePart(input.source, kind, part.lines, base))
  }
  return { parts, evidence }
}

export type { EvidenceKind } from './detect'
export { detectKind, splitSession } from './detect'
