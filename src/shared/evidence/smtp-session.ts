/**
 * An SMTP transcript read as a conversation: each client command paired with the server's reply, the EHLO
 * extension list, the STARTTLS exchange and the TLS outcome. This is the input of every `smtp.*` rule.
 *
 * Pasted text often lacks the client side (a block of reply lines quoted in a support article); commands are
 * then inferred from the replies (`inferred: true`): a greeting 220, an EHLO-shaped 250 list, and a
 * "not recognized" 5xx right after an EHLO reply that masked STARTTLS (the client must have tried it).
 */
import {
  type EhloReplyView,
  looksLikeEhloReply,
  parseEhloReply,
  repliesByFirstLine,
  replyText,
  type SmtpReply,
} from './smtp-reply'
import { clip, type SmtpTranscript, type TlsOutcome, type TranscriptLine } from './types'

export interface SmtpExchange {
  /** The client line, or null when the command was inferred or the reply came unasked. */
  command: TranscriptLine | null
  /** Upper-cased verb (`EHLO`, `STARTTLS`, `XXXXXXXX` when the client side shows a masked command). */
  verb: string | null
  inferred: boolean
  reply: SmtpReply | null
  /** Whether this exchange took place after TLS was established (inside the encrypted session). */
  afterTls: boolean
}

export interface SmtpEhlo extends EhloReplyView {
  exchange: SmtpExchange
  reply: SmtpReply
}

export interface SmtpSession {
  source: string
  /** The 220 (or other) reply received before any command. */
  greeting: SmtpReply | null
  exchanges: SmtpExchange[]
  /** The first EHLO reply in clear text (the one a firewall rewrites). */
  ehlo: SmtpEhlo | null
  /** The first STARTTLS exchange, sent or inferred. */
  starttls: SmtpExchange | null
  tls: TlsOutcome | null
  /** Client lines in the transcript: false for a bare block of replies. */
  hasClientSide: boolean
  /**
   * What the first clear-text EHLO reply said about STARTTLS: `listed` (unmasked), `masked` (an X-run that can hide
   * it), `absent` (a complete reply with its greeting, listing neither: the server does not offer it, and a 5xx to
   * STARTTLS is then the server's normal answer, not masking), `unknown` (no usable EHLO reply).
   */
  starttlsOffer: 'listed' | 'masked' | 'absent' | 'unknown'
  /**
   * An X-run as long as STARTTLS and an unmasked STARTTLS in the clear-text EHLO replies of one transcript: a
   * hand-edited paste or two dialogs merged (`two-replies`), or one reply showing both (`same-reply`, which an
   * inspection with `allow-tls` that masks another 8-letter keyword also gives). Neither reading may silently win:
   * the rules report the masking with lowered confidence and this reason.
   */
  contradiction: { reason: 'same-reply' | 'two-replies'; masked: TranscriptLine; listed: TranscriptLine } | null
}

/** `XXXXXXXA`: an X-run as long as STARTTLS, as a masked EHLO line starts. */
const MASK_OF_STARTTLS_LENGTH = /^X{7}[A-Z0-9](?:\s|$)/
const STARTTLS_LINE = /^STARTTLS(?:\s|$)/i

/** The first clear-text EHLO line that passes `test`, with the index of its reply among the EHLO replies. */
function firstEhloLine(
  exchanges: readonly SmtpExchange[],
  test: (text: string) => boolean,
): { at: number; line: TranscriptLine; server: string | null } | null {
  let at = 0
  for (const e of exchanges) {
    if (e.verb !== 'EHLO' || e.afterTls || e.reply?.code !== 250) continue
    for (const l of e.reply.lines) {
      const text = l.text.trimStart()
      if (test(text)) return { at, line: { direction: 'server', text: l.raw, line: l.line }, server: serverName(e) }
    }
    at++
  }
  return null
}

/**
 * The host an EHLO reply's first line names (RFC 5321 §4.1.1.1: the reply starts with the server's domain), when it
 * is a dotted name; an ASA never masks that line. Two replies naming different hosts are two servers (a real paste of
 * two swaks runs merged, tests/fixtures/pastes/swaks_two_dialogs_merged_gmx_no_starttls_rlogin_tls_pastebin_xJJQ05YE.txt),
 * so one listing STARTTLS says nothing about the other's mask.
 */
function serverName(e: SmtpExchange): string | null {
  const first = e.reply?.lines[0]?.text.trim().split(/\s+/)[0] ?? ''
  return /^[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+\.?$/.test(first) ? first.toLowerCase().replace(/\.$/, '') : null
}

function contradiction(exchanges: readonly SmtpExchange[]): SmtpSession['contradiction'] {
  // Plain string tests, the listed STARTTLS first: most transcripts have none, and some hold thousands of replies.
  const listed = firstEhloLine(exchanges, (t) => (t.charCodeAt(0) | 32) === 115 && STARTTLS_LINE.test(t))
  if (!listed) return null
  const masked = firstEhloLine(exchanges, (t) => t.charCodeAt(0) === 88 && MASK_OF_STARTTLS_LENGTH.test(t))
  if (!masked) return null
  if (masked.at !== listed.at && masked.server && listed.server && masked.server !== listed.server) return null
  return { reason: masked.at === listed.at ? 'same-reply' : 'two-replies', masked: masked.line, listed: listed.line }
}

function starttlsOffer(ehlo: SmtpEhlo | null): SmtpSession['starttlsOffer'] {
  if (!ehlo) return 'unknown'
  if (ehlo.extensions.some((e) => e.keyword === 'STARTTLS')) return 'listed'
  if (ehlo.extensions.some((e) => e.masked?.candidates.includes('STARTTLS'))) return 'masked'
  return ehlo.greeting && ehlo.reply.complete && !ehlo.extensions.some((e) => e.masked) ? 'absent' : 'unknown'
}

export const NOT_RECOGNIZED = /not\s+recogni[sz]ed|unrecogni[sz]ed|unknown\s+command|command\s+unknown|syntax error/i
const TLS_OK_NOTE = /\bTLS\b.*\b(started|established|negotiated|succe\w*|ok)\b|\bSSL\b.*\bestablished\b|New, TLSv1/i
const TLS_FAIL_NOTE = /\b(TLS|SSL)\b.*\b(fail\w*|error|alert|abort\w*|reset)\b|handshake failure/i

function verbOf(text: string): string {
  return (text.trim().split(/\s+/)[0] ?? '').toUpperCase()
}

function tlsFromNotes(lines: readonly TranscriptLine[]): TlsOutcome | null {
  for (const l of lines) {
    if (l.direction !== 'note') continue
    const text = clip(l.text, 1000)
    if (TLS_FAIL_NOTE.test(text)) return { established: false, error: text.trim(), line: l.line }
    if (TLS_OK_NOTE.test(text)) return { established: true, line: l.line }
  }
  return null
}

function inferVerb(reply: SmtpReply, previous: SmtpExchange | undefined, isFirst: boolean): string | null {
  if (isFirst && reply.code === 220) return null
  if (looksLikeEhloReply(reply)) return 'EHLO'
  if (previous?.verb === 'EHLO' && previous.reply && reply.code >= 500 && NOT_RECOGNIZED.test(replyText(reply))) {
    const view = parseEhloReply(previous.reply)
    if (view.extensions.some((e) => e.masked?.keyword === 'STARTTLS')) return 'STARTTLS'
  }
  return null
}

/** Pairs commands with replies in order (pipelined commands queue up), then picks out EHLO and STARTTLS. */
export function buildSmtpSession(transcript: SmtpTranscript): SmtpSession {
  const replyAt = new Map(repliesByFirstLine(transcript.lines).map((r) => [r.first, r.reply]))
  const tls = transcript.tls ?? tlsFromNotes(transcript.lines)
  const pending: SmtpExchange[] = []
  const exchanges: SmtpExchange[] = []
  let greeting: SmtpReply | null = null
  let afterTls = false
  let sawAnything = false
  const taken = new Set<SmtpReply>()
  for (const l of transcript.lines) {
    if (l.direction === 'note') {
      const text = clip(l.text, 1000)
      if (TLS_OK_NOTE.test(text) && !TLS_FAIL_NOTE.test(text)) afterTls = true
      continue
    }
    if (l.direction === 'client') {
      const exchange: SmtpExchange = { command: l, verb: verbOf(l.text), inferred: false, reply: null, afterTls }
      exchanges.push(exchange)
      pending.push(exchange)
      sawAnything = true
      continue
    }
    const reply = replyAt.get(l)
    // A client log can put a whole multi-line reply on one source line: the reply is taken once.
    if (!reply || taken.has(reply)) continue
    taken.add(reply)
    const asked = pending.shift()
    if (asked) asked.reply = reply
    else if (!sawAnything && reply.code === 220) greeting = reply
    else {
      const verb = inferVerb(reply, exchanges[exchanges.length - 1], !sawAnything)
      exchanges.push({ command: null, verb, inferred: verb !== null, reply, afterTls })
    }
    sawAnything = true
  }
  const ehloExchange = exchanges.find((e) => e.verb === 'EHLO' && !e.afterTls && e.reply && e.reply.code === 250)
  const ehlo = ehloExchange?.reply
    ? { ...parseEhloReply(ehloExchange.reply), exchange: ehloExchange, reply: ehloExchange.reply }
    : null
  return {
    source: transcript.source,
    greeting,
    exchanges,
    ehlo,
    starttls: exchanges.find((e) => e.verb === 'STARTTLS') ?? null,
    tls,
    hasClientSide: transcript.lines.some((l) => l.direction === 'client'),
    starttlsOffer: starttlsOffer(ehlo),
    contradiction: contradiction(exchanges),
  }
}
