/**
 * Typed evidence: what the parsers make of a text (or what the probe records directly), before any rule
 * looks at it. Every piece keeps the 1-based line numbers of the text it came from, so that a finding can
 * point at the exact lines (`EvidenceRef` in ../findings.ts).
 *
 * SMTP transcripts are the shared currency between the probe (src/main/smtp) and the rules:
 *   const transcript: SmtpTranscript = { kind: 'smtp-transcript', source: 'probe:outside', lines: [...] }
 *   smtpTranscriptFindings(transcript)   // from src/shared/rules, returns Finding[]
 * The probe numbers its lines 1..n in recording order; parsers use the line numbers of the pasted text.
 */
import { splitLines } from '../text/terminal'

/** Who wrote a transcript line: the SMTP client, the server, or the recorder itself (timings, TLS results…). */
export type TranscriptDirection = 'client' | 'server' | 'note'

export interface TranscriptLine {
  direction: TranscriptDirection
  /** The line as sent or received, without CR/LF and without any transcript prefix (`S:`, `<-`…). */
  text: string
  /** 1-based line number in the source text (or recording order for a live probe). */
  line: number
}

/** Outcome of a TLS handshake, when the recorder knows it (the probe does; pasted text may say so in a note). */
export interface TlsOutcome {
  established: boolean
  protocol?: string
  cipher?: string
  /** Why it failed, in the words of the TLS library or the log. */
  error?: string
  /** Line of the note that records it, if any. */
  line?: number
}

export interface SmtpTranscript {
  kind: 'smtp-transcript'
  /** A label for the source: file name, `probe:outside`, `paste 2`… */
  source: string
  lines: TranscriptLine[]
  /** Set by a live probe; parsers of pasted text infer it from note lines instead. */
  tls?: TlsOutcome
}

/** A line of any text with its 1-based number; the common input shape of the line-oriented parsers. */
export interface NumberedLine {
  line: number
  text: string
}

/**
 * Longest stretch of a line that parsers read. Device and SMTP lines are far shorter (SMTP: 512, ASA config
 * lines: a few hundred); reading at most this much keeps every regular expression linear on hostile input.
 */
export const MAX_LINE_READ = 4096

export function clip(text: string, max = MAX_LINE_READ): string {
  return text.length > max ? text.slice(0, max) : text
}

/**
 * Splits text into numbered lines as a screen counts them (see splitLines): LF and CRLF end a line, a lone CR inside
 * a line is the pager's erase and stays for the cleaner. A final newline does not add an empty line.
 */
export function numberLines(text: string, firstLine = 1): NumberedLine[] {
  return splitLines(text).map((t, i) => ({ line: firstLine + i, text: t }))
}
