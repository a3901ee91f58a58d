/**
 * What an SMTP probe records, shared by the probe (src/main/smtp), the CLI, the renderer and the report.
 * A result is plain JSON: it goes into the case journal as `probe.result` and over IPC unchanged.
 *
 * Every field says what happened, including failures: `outcome` is `failed` with an `error` naming the
 * phase and a stable code, never an exception.
 */
import type { EhloExtension, SmtpReply } from '../evidence/smtp-reply'
import type { TranscriptLine } from '../evidence/types'
import type { ProbeNote } from './notes'

export type ProbeMode = 'starttls' | 'implicit-tls' | 'plain'

/** The steps of a probe in the order they run; `message` only when a test message was asked for. */
export const PROBE_PHASES = ['dns', 'connect', 'banner', 'ehlo', 'starttls', 'tls', 'ehlo2', 'message', 'quit'] as const
export type ProbePhase = (typeof PROBE_PHASES)[number]

export interface ProbeTarget {
  /** Host name or IP literal (IPv6 without brackets). */
  host: string
  port: number
  /** Where the probe runs from, e.g. `inside`, `outside`, `through asa1`. */
  vantage?: string
  mode?: ProbeMode
  /** Name sent with EHLO/HELO. */
  ehloName?: string
  /** Skip DNS and connect to this address (an MX lookup has already resolved it). */
  address?: string
}

export interface ProbeTimeouts {
  dnsMs: number
  connectMs: number
  /** Per reply, from the moment the command was sent until the last line of the reply. Not an idle timer. */
  replyMs: number
  tlsMs: number
  /** The whole probe, DNS to QUIT. */
  totalMs: number
}

export interface ProbeLimits {
  /** Longest line accepted from the server, in bytes, without the line ending. */
  maxLineBytes: number
  maxReplyLines: number
  /** Everything the server may send during one probe. */
  maxTotalBytes: number
}

export interface ProbeTlsOptions {
  /** Name checked against the certificate (default: the target host). Also sent as SNI unless it is an IP. */
  servername?: string
  /** Extra trusted roots (PEM), added to the bundled and system stores. */
  ca?: string[]
  /** Also speak TLS 1.0/1.1 and weak ciphers, as old mail servers need; the result still names what was used. */
  legacy?: boolean
}

/** Opt-in only: a real message to a real recipient. */
export interface ProbeTestMessage {
  from: string
  to: string
  /** Adds a `DKIM-Signature` header (not a valid signature): pre-7.2(3) PIX/ASA drop such messages. */
  dkimSignature?: boolean
  subject?: string
}

export interface ProbeOptions {
  timeouts?: Partial<ProbeTimeouts>
  limits?: Partial<ProbeLimits>
  tls?: ProbeTlsOptions
  /** Send STARTTLS once even when it is not advertised (masked or absent), to record how the path answers. */
  starttlsAlways?: boolean
  message?: ProbeTestMessage
  /** DNS servers (`ip` or `ip:port`) for this probe instead of the system resolver. */
  dnsServers?: string[]
}

export const DEFAULT_TIMEOUTS: ProbeTimeouts = {
  dnsMs: 5_000,
  connectMs: 10_000,
  replyMs: 30_000,
  tlsMs: 15_000,
  totalMs: 120_000,
}

export const DEFAULT_LIMITS: ProbeLimits = {
  maxLineBytes: 2_048,
  maxReplyLines: 100,
  maxTotalBytes: 256 * 1024,
}

export const DEFAULT_PORT = 25
export const DEFAULT_EHLO_NAME = 'unmask.invalid'

/** A transcript line with when it happened (ms since the probe started) and in which phase. */
export interface ProbeLine extends TranscriptLine {
  atMs: number
  phase: ProbePhase
  /** For the recorder's own lines: what `text` says, as a key to translate for display. */
  note?: ProbeNote
}

export interface PhaseTiming {
  phase: ProbePhase
  startMs: number
  durationMs: number
  outcome: 'ok' | 'failed'
}

export interface ProbeGreeting {
  command: 'EHLO' | 'HELO'
  reply: SmtpReply
  /** Set when EHLO was refused and HELO was tried after it. */
  ehloRefused?: SmtpReply
  /** Parsed by the evidence parser (masked keywords flagged there). */
  extensions: EhloExtension[]
  /** An extension listed before the greeting line: a server bug that some clients punish. */
  extensionBeforeGreeting?: EhloExtension
}

export interface ProbeStarttls {
  advertised: boolean
  /** Some EHLO keyword is masked (STARTTLS is the usual victim). */
  masked: boolean
  sent: boolean
  /**
   * Why it was sent: `advertised`; `always` (sent unadvertised, the default); `ambiguous` (the caller switched
   * sending unadvertised off, but a masked line could hide STARTTLS — an 8-letter mask could as well be SMTPUTF8 or
   * CHUNKING, §7.2 — so the probe sends it anyway and the reply decides).
   */
  sentBecause?: 'advertised' | 'always' | 'ambiguous'
  /** The masked keywords (as received) that could hide STARTTLS. */
  ambiguousMasks?: string[]
  reply?: SmtpReply
}

export interface CertificateInfo {
  subject: string
  issuer: string
  san: string[]
  serialNumber: string
  validFrom: string
  validTo: string
  /** At the time of the probe. */
  expired: boolean
  notYetValid: boolean
  keyType: string
  keyBits?: number
  curve?: string
  sha256: string
  /** SHA-256 of the SubjectPublicKeyInfo (hex), for DANE `x 1 1` TLSA records (src/shared/mail-policy/dane.ts). */
  spkiSha256?: string
  selfSigned: boolean
}

export interface TlsVerification {
  /** Chain verifies against the bundled + system roots (+ any extra `ca`). */
  trusted: boolean
  /** OpenSSL's code, e.g. `CERT_HAS_EXPIRED`, `DEPTH_ZERO_SELF_SIGNED_CERT`. */
  trustError?: string
  hostname: string
  hostnameMatches: boolean
  hostnameError?: string
}

export interface TlsReport {
  established: boolean
  protocol?: string
  cipher?: string
  cipherStandardName?: string
  /** Leaf first. */
  chain: CertificateInfo[]
  verification?: TlsVerification
  error?: string
}

export type TestMessageOutcome = 'accepted' | 'rejected' | 'dropped' | 'not-sent'

export interface ProbeMessageReport {
  outcome: TestMessageOutcome
  dkimSignature: boolean
  /** The reply that decided the outcome (for `dropped`: none). */
  reply?: SmtpReply
  /** The message as sent (headers and body, before the final `.`). */
  lines?: string[]
}

export type ProbeErrorCode =
  | 'bad-target'
  | 'dns-failed'
  | 'dns-timeout'
  | 'connect-refused'
  | 'connect-timeout'
  | 'connect-failed'
  | 'reply-timeout'
  | 'total-timeout'
  | 'closed'
  | 'line-too-long'
  | 'reply-too-long'
  | 'too-many-bytes'
  | 'not-smtp'
  | 'tls-failed'
  | 'tls-timeout'
  | 'aborted'

export interface ProbeError {
  phase: ProbePhase
  code: ProbeErrorCode
  /** Words of the system or library, for the engineer; the UI translates `code`. */
  message: string
}

export interface ProbeResult {
  version: 1
  target: Required<Pick<ProbeTarget, 'host' | 'port' | 'mode' | 'ehloName'>> & { vantage?: string }
  address?: string
  family?: 4 | 6
  startedAt: string
  durationMs: number
  phases: PhaseTiming[]
  transcript: ProbeLine[]
  banner?: SmtpReply
  greeting?: ProbeGreeting
  starttls?: ProbeStarttls
  tls?: TlsReport
  /** EHLO after the TLS handshake. */
  greetingAfterTls?: ProbeGreeting
  message?: ProbeMessageReport
  quit?: SmtpReply
  outcome: 'completed' | 'failed'
  error?: ProbeError
}
