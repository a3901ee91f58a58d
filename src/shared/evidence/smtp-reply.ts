/**
 * SMTP replies and EHLO extension lists, read from transcript lines.
 *
 * API (small on purpose; the probe in src/main/smtp builds `TranscriptLine`s and calls these):
 *   parseReplies(lines)              server lines → replies (multi-line `250-…`/`250 …` joined, code, enhanced status)
 *   parseEhloReply(reply)            an EHLO reply → greeting line, extensions, and an extension misplaced on line 1
 *   parseEhloExtensions(replyLines)  the extensions alone, each with `masked` when a firewall X-ed its keyword out
 *   buildSmtpSession(transcript)     (./smtp-session.ts) commands paired with replies: what the SMTP rules read
 *
 * Masking: PIX/ASA ESMTP inspection overwrites an EHLO keyword in place, keeping its length: `250 STARTTLS`
 * arrives as `250 XXXXXXXA`. The last character is not always X, so a masked keyword is a run of X's, optionally
 * ending in one other letter or digit, and its length says which keyword it was.
 */
import { clip, type TranscriptLine } from './types'

/** One line of a reply, split after the code and its separator. */
export interface ReplyLine {
  line: number
  /** The text after `250-` / `250 `. */
  text: string
  /** The whole line as received. */
  raw: string
}

export interface SmtpReply {
  code: number
  /** `5.5.1` from `500 5.5.1 …` or `500 #5.5.1 …` (the ESA's form); null when absent. */
  enhanced: string | null
  lines: ReplyLine[]
  startLine: number
  endLine: number
  /** False when the transcript ended (or another code began) before the `code SP` last line. */
  complete: boolean
}

/** The ESMTP keywords whose masked form we can name; order = preference when several have the same length. */
export const KNOWN_EHLO_KEYWORDS = [
  'STARTTLS',
  'CHUNKING',
  'SMTPUTF8',
  '8BITMIME',
  'PIPELINING',
  'BINARYMIME',
  'AUTH',
  'SIZE',
  'DSN',
  'ENHANCEDSTATUSCODES',
  'ETRN',
  'VRFY',
  'EXPN',
  'HELP',
  'TURN',
  'ATRN',
  'DELIVERBY',
  'REQUIRETLS',
  'XEXCH50',
  'X-LINK2STATE',
  'XCLIENT',
  'XFORWARD',
  'X-EXPS',
  'LIMITS',
  'MTRK',
  'NO-SOLICITING',
] as const

export interface MaskedKeyword {
  /** The keyword this mask most likely hides (same length, not listed unmasked elsewhere); null if none fits. */
  keyword: string | null
  /** Every known keyword of that length not otherwise listed, most likely first. */
  candidates: string[]
}

export interface EhloExtension {
  /** The keyword as received, upper-cased (`STARTTLS`, `XXXXXXXA`). */
  keyword: string
  /** The rest of the line (`PLAIN LOGIN`, `14680064`). */
  params: string
  line: number
  raw: string
  masked: MaskedKeyword | null
}

export interface EhloReplyView {
  /** The `250-host.example Hello …` line, if the reply has one. */
  greeting: ReplyLine | null
  extensions: EhloExtension[]
  /** An extension found on the reply's first line, before the greeting: a server bug (RFC 5321 order). */
  extensionBeforeGreeting: EhloExtension | null
}

const REPLY_LINE = /^(\d{3})(?:([ -])(.*))?$/
const ENHANCED = /^#?([245]\.\d{1,3}\.\d{1,3})(?=\s|$|[,;:])/
const KEYWORD = /^([A-Za-z0-9][A-Za-z0-9-]*)(.*)$/
const MASK = /^X{2,}[A-Z0-9]?$/

/** Groups the server lines of a transcript into replies. Client and note lines end a reply in progress. */
export function parseReplies(lines: readonly TranscriptLine[]): SmtpReply[] {
  return repliesByFirstLine(lines).map((r) => r.reply)
}

/**
 * The replies with the transcript line each starts at: several replies can share one source line number (a client
 * log's one-line reply, a flattened dialog split back into lines), so a session pairs replies by line, not number.
 */
export function repliesByFirstLine(lines: readonly TranscriptLine[]): { reply: SmtpReply; first: TranscriptLine }[] {
  const replies: { reply: SmtpReply; first: TranscriptLine }[] = []
  let current: SmtpReply | null = null
  let first: TranscriptLine | null = null
  const close = (complete: boolean) => {
    if (current && first) {
      current.complete = complete
      replies.push({ reply: current, first })
    }
    current = null
  }
  for (const l of lines) {
    if (l.direction !== 'server') {
      close(false)
      continue
    }
    const m = REPLY_LINE.exec(clip(l.text, 1000).trim())
    if (!m) continue
    const code = Number(m[1])
    const text = m[3] ?? ''
    if (current && (current as SmtpReply).code !== code) close(false)
    if (!current) {
      const enhanced = ENHANCED.exec(text.trim())?.[1] ?? null
      current = { code, enhanced, lines: [], startLine: l.line, endLine: l.line, complete: false }
      first = l
    }
    const reply: SmtpReply = current
    reply.lines.push({ line: l.line, text, raw: l.text })
    reply.endLine = l.line
    if (m[2] !== '-') close(true)
  }
  close(false)
  return replies
}

/** The reply's text lines joined with spaces, for matching phrases such as `command not recognized`. */
export function replyText(reply: SmtpReply): string {
  return reply.lines.map((l) => l.text).join(' ')
}

/** Whether a token looks like an X-ed out keyword (`XXXXXXXA`, `XXXX`). */
export function isMaskedToken(token: string): boolean {
  return token.length >= 3 && MASK.test(token) && !(KNOWN_EHLO_KEYWORDS as readonly string[]).includes(token)
}

/** Names the keyword a mask of this length hides, skipping keywords that appear unmasked in the same list. */
export function identifyMask(token: string, listed: readonly string[] = []): MaskedKeyword {
  const candidates = KNOWN_EHLO_KEYWORDS.filter((k) => k.length === token.length && !listed.includes(k))
  return { keyword: candidates[0] ?? null, candidates: [...candidates] }
}

function splitKeyword(l: ReplyLine): { keyword: string; params: string } | null {
  const m = KEYWORD.exec(l.text.trim())
  if (!m) return null
  return { keyword: m[1]!.toUpperCase(), params: m[2]!.replace(/^[^A-Za-z0-9]*\s*/, '').trim() }
}

function isKnownOrMasked(keyword: string): boolean {
  return (KNOWN_EHLO_KEYWORDS as readonly string[]).includes(keyword) || isMaskedToken(keyword)
}

/**
 * `250-XXXXXXXXXX Hello XXXXXXXXXX [XXXXXXXXXX]`: a greeting whose host names the poster replaced with X (real Claws
 * Mail log, tests/fixtures/pastes/clawsmail_network_log_redacted_x_runs_pastebin_19wtmK5a.txt). The first line of an
 * EHLO reply is always the domain (RFC 5321 §4.1.1.1) and an ASA masks EHLO keywords, never that line, and no keyword
 * takes a `Hello` phrase or an address literal as its parameter.
 */
function isRedactedGreeting(kw: { keyword: string; params: string }): boolean {
  return isMaskedToken(kw.keyword) && /\bhello\b|\bpleased\b|\[[0-9a-fA-F.:X]+\]/i.test(kw.params)
}

/** A greeting line names the host: a dotted name, an address literal, or a `Hello` phrase. */
function looksLikeGreeting(l: ReplyLine): boolean {
  const first = splitKeyword(l)
  if (first && isRedactedGreeting(first)) return true
  if (first && isKnownOrMasked(first.keyword)) return false
  return /[A-Za-z0-9-]+\.[A-Za-z0-9.-]+|\[[0-9a-fA-F.:]+\]|\bhello\b|\bpleased\b/i.test(l.text)
}

/** Extensions of the given reply lines; `masked` is set for X-runs, naming the keyword they most likely hide. */
export function parseEhloExtensions(replyLines: readonly ReplyLine[]): EhloExtension[] {
  const split = replyLines.map((l) => ({ l, kw: splitKeyword(l) }))
  const listed = split.map((s) => s.kw?.keyword ?? '').filter((k) => k && !isMaskedToken(k))
  const out: EhloExtension[] = []
  for (const { l, kw } of split) {
    if (!kw) continue
    out.push({
      keyword: kw.keyword,
      params: kw.params,
      line: l.line,
      raw: l.raw,
      masked: isMaskedToken(kw.keyword) ? identifyMask(kw.keyword, listed) : null,
    })
  }
  return out
}

/**
 * Splits an EHLO reply into its greeting and extensions. A reply whose first line is an extension and whose
 * greeting comes later is the server-bug look-alike; a reply with no greeting at all is taken as a quoted tail.
 */
export function parseEhloReply(reply: SmtpReply): EhloReplyView {
  const [first, ...rest] = reply.lines
  if (!first) return { greeting: null, extensions: [], extensionBeforeGreeting: null }
  const firstKw = splitKeyword(first)
  if (!firstKw || !isKnownOrMasked(firstKw.keyword) || isRedactedGreeting(firstKw)) {
    return { greeting: first, extensions: parseEhloExtensions(rest), extensionBeforeGreeting: null }
  }
  const greetingIndex = rest.findIndex(looksLikeGreeting)
  if (greetingIndex < 0)
    return { greeting: null, extensions: parseEhloExtensions(reply.lines), extensionBeforeGreeting: null }
  const greeting = rest[greetingIndex]!
  const others = reply.lines.filter((l) => l !== greeting)
  const extensions = parseEhloExtensions(others)
  return { greeting, extensions, extensionBeforeGreeting: extensions[0] ?? null }
}

/** `250 OK`, `250 2.0.0 Ok`: a NOOP's reply, which is what MailGuard makes of an EHLO; it names no host. */
export function isBareOk(reply: SmtpReply): boolean {
  return reply.code === 250 && reply.lines.length === 1 && /^(?:2\.0\.0\s+)?ok\.?$/i.test(reply.lines[0]!.text.trim())
}

/** True for a multi-line 250 reply whose lines (after the first) read as EHLO keywords. */
export function looksLikeEhloReply(reply: SmtpReply): boolean {
  if (reply.code !== 250) return false
  const keywords = reply.lines.map(splitKeyword).filter((k) => k && isKnownOrMasked(k.keyword))
  return keywords.length > 0 && (reply.lines.length > 1 || keywords.length === reply.lines.length)
}
