/**
 * Pasted SMTP conversations turned into transcript lines, keeping the pasted line numbers. Shapes:
 * - swaks: ` -> EHLO x` / `<-  250-…` (clear), ` ~> ` / `<~ ` (inside TLS), `<** ` (an error reply), `=== `/`*** ` notes;
 * - `S: 220 …` / `C: EHLO …` (also `S> `, `C> `, `>>> `/`<<< `);
 * - a raw telnet session: reply lines start with a code, the typed commands are the other lines;
 * - a bare block of reply lines, as quoted in a support article (no client side);
 * - an NDR/bounce that quotes the remote reply (`… said: 500 5.5.1 …`, `Remote Server returned '550 …'`);
 * - a client library's or mail server's debug log (PHPMailer, `Got:`/`Sent:`, Thunderbird, hMailServer, MDaemon,
 *   Exchange protocol logs): ./client-logs.ts.
 */
import { countClientLogLines, fromClientLog } from './client-logs'
import { bannerMaskVariant, MASKED_BANNER, MASKED_CONTINUATION } from './masks'

export { MASKED_BANNER }

import { clip, type NumberedLine, type SmtpTranscript, type TranscriptDirection, type TranscriptLine } from '../types'

export type TranscriptShape = 'swaks' | 'sc' | 'telnet' | 'bare' | 'ndr' | 'client-log'

export interface ParsedTranscript extends SmtpTranscript {
  shape: TranscriptShape
}

const SWAKS = /^\s*(->|<-|~>|<~|<\*\*|\*\*\*|===)\s?(.*)$/
/** `S: `, `C> `, `Server: ` … and the arrow form `<<< ` / `>>> ` (no colon). Group 1 or 2 is the tag. */
const SC = /^\s*(?:(S|C|Server|Client)\s*[:>]|(<<<|>>>))\s?(.*)$/i
const REPLY = /^\d{3}(?:[ -]|$)/
const CMAP_BANNER = /^220 SMTP\/cmap_+read/
const COMMAND = /^(X{3,}[A-Z0-9]?|STARTTLS\b|[A-Za-z]{4}\b|MAIL FROM|RCPT TO)/i
/**
 * Lines of a session that belong to neither side. Apple Mail's connection log heads every read and write with
 * `READ|WROTE <date> [kCFStreamSocketSecurityLevel…] -- host:…` (a real one: https://pastebin.com/Ys40bJP1); `READ`
 * would otherwise pass for a four-letter command and take the reply meant for the command before it.
 */
const TELNET_NOISE =
  /^(Trying |Connected to |Escape character|Connection closed|Connection to .* closed|telnet>|\S+[#>$]\s*telnet |(?:CONNECTED|READ|WROTE) .*\[kCFStreamSocketSecurityLevel)/
const NDR_REPLY = [
  /\bsaid:\s*(\d{3}[ -].*)$/i,
  /Remote Server returned '(\d{3}[ -].*?)'/i,
  /Diagnostic-Code:\s*smtp;\s*(\d{3}[ -].*)$/i,
  // Exchange 2007+ "Diagnostic information for administrators": `#< #5.5.1 smtp;502 5.5.1 Unrecognized command.> #SMTP#`.
  /#<?\s*#\d\.\d{1,3}\.\d{1,3}\s+smtp;\s*(\d{3}[ -].*?)>?\s*#SMTP#/i,
  /^\s*(\d{3}[ -]\d\.\d{1,3}\.\d{1,3}\b.*)$/,
  /^\s*(\d{3} \d{3} \d\.\d{1,3}\.\d{1,3}\b.*)$/,
]
const NDR_MARK =
  /(Delivery (has )?failed|Undeliver|Mail Delivery (Sub)?system|Diagnostic-Code:|Technical details of permanent failure|returned mail|delivery status notification|\bsaid:\s*\d{3}|Remote Server returned|the other server returned)/i

function line(direction: TranscriptDirection, text: string, n: number): TranscriptLine {
  return { direction, text, line: n }
}

function fromSwaks(lines: readonly NumberedLine[]): TranscriptLine[] {
  const out: TranscriptLine[] = []
  for (const l of lines) {
    const m = SWAKS.exec(clip(l.text))
    if (!m) continue
    const tag = m[1]!
    const text = m[2]!.trimStart()
    if (tag === '->' || tag === '~>') out.push(line('client', text, l.line))
    else if (tag === '<-' || tag === '<~' || tag === '<**') out.push(line('server', text, l.line))
    else out.push(line('note', text, l.line))
  }
  return out
}

function fromSc(lines: readonly NumberedLine[]): TranscriptLine[] {
  const out: TranscriptLine[] = []
  for (const l of lines) {
    const m = SC.exec(clip(l.text))
    if (!m) {
      if (l.text.trim()) out.push(line('note', clip(l.text).trim(), l.line))
      continue
    }
    const tag = (m[1] ?? m[2]!).toLowerCase()
    const server = tag === 's' || tag === 'server' || tag === '<<<'
    out.push(line(server ? 'server' : 'client', m[3]!, l.line))
  }
  return out
}

function isServerText(text: string): boolean {
  return REPLY.test(text) || MASKED_BANNER.test(text) || CMAP_BANNER.test(text)
}

/**
 * A reply code glued to a letter that ended the previous line (a web copy that lost the line breaks). Only the
 * codes servers send in a dialog, followed by text: `gsmtp` ids and sizes (`.289 - gsmtp`, `10240000250-`) stay whole.
 */
const GLUED_REPLY = /(?<=[A-Za-z])(?=(?:22[01]|235|25[0-2]|334|354|42[01]|45[0-4]|50[0-4]|53[05]|55[0-4])[ -]\S)/
/** A lower-case command glued to a last reply line that ends in upper case (`250 XXXBstarttls`). */
const GLUED_COMMAND = /^(\d{3} .*[A-Z0-9])(starttls|ehlo|helo|mail from:.*|rcpt to:.*|quit|rset|noop|data)$/

/**
 * A dialog flattened onto one line, as blogs quote it once the line breaks are lost
 * (`250-PIPELINING250-XXXXXXXA250 XXXBstarttls500 unrecognized command…`, tests/fixtures/pastes/README.md), split
 * back into its lines: only a line that starts with a reply code and holds another code glued to a letter.
 */
function unflatten(text: string): string[] {
  if (!REPLY.test(text) || !GLUED_REPLY.test(text)) return [text]
  return text.split(GLUED_REPLY).flatMap((part) => {
    const m = GLUED_COMMAND.exec(part)
    return m ? [m[1]!, m[2]!] : [part]
  })
}

function fromTelnet(lines: readonly NumberedLine[]): TranscriptLine[] {
  const out: TranscriptLine[] = []
  for (const l of lines)
    for (const text of unflatten(clip(l.text).trim())) out.push(...telnetLine(text, l.line, out[out.length - 1]))
  return out
}

/** One telnet-session line: a reply, a banner continuation, a typed command, or a note. */
function telnetLine(text: string, n: number, previous: TranscriptLine | undefined): TranscriptLine[] {
  if (text === '') return []
  if (isServerText(text)) return [line('server', text, n)]
  // A masked multi-line banner whose continuation lines lost their code with the rest of their text.
  if (previous?.direction === 'server' && MASKED_CONTINUATION.test(text) && bannerMaskVariant(previous.text))
    return [line('server', text, n)]
  if (TELNET_NOISE.test(text) || !COMMAND.test(text)) return [line('note', text, n)]
  return [line('client', text, n)]
}

/** Postfix appends `(in reply to … command)` to the quoted reply; it is not part of the reply. */
function withoutInReplyTo(text: string): string {
  const at = text.toLowerCase().lastIndexOf('(in reply to ')
  return (at >= 0 ? text.slice(0, at) : text).trim()
}

function fromNdr(lines: readonly NumberedLine[]): TranscriptLine[] {
  const out: TranscriptLine[] = []
  let last: TranscriptLine | null = null
  for (const l of lines) {
    const text = clip(l.text)
    // Bounces wrap a long quoted reply onto indented lines; they belong to the reply above.
    if (last && /^\s+\S/.test(text) && last.text.length < 4096) {
      last.text = withoutInReplyTo(`${last.text} ${text.trim()}`)
      continue
    }
    const quoted = NDR_REPLY.map((re) => re.exec(text)?.[1]).find((q) => q !== undefined)
    if (quoted) {
      last = line('server', withoutInReplyTo(quoted.trim().replace(/^(\d{3}) \1 /, '$1 ')), l.line)
      out.push(last)
    } else {
      last = null
      if (text.trim()) out.push(line('note', text.trim(), l.line))
    }
  }
  return out
}

/** Which shape a text has, judged by the share of lines in each form; null when it is not SMTP at all. */
export function transcriptShape(lines: readonly NumberedLine[]): TranscriptShape | null {
  if (countClientLogLines(lines) >= 2) return 'client-log'
  let swaks = 0
  let sc = 0
  let replies = 0
  let commands = 0
  let ndr = false
  for (const l of lines.slice(0, 2000)) {
    const text = l.text.length > 512 ? l.text.slice(0, 512) : l.text
    if (SWAKS.test(text) && /^\s*(->|<-|~>|<~|<\*\*)/.test(text)) swaks++
    else if (SC.test(text) && /^\s*(?:(S|C)\s*[:>]|<<<|>>>)\s?(\d{3}|[A-Za-z]{4})/i.test(text)) sc++
    else if (isServerText(text.trim())) replies++
    else if (/^(EHLO|HELO|STARTTLS|MAIL FROM|RCPT TO|QUIT|DATA|NOOP|RSET)\b/i.test(text.trim())) commands++
    if (NDR_MARK.test(text)) ndr = true
  }
  if (swaks >= 2) return 'swaks'
  if (sc >= 2) return 'sc'
  if (ndr && !commands) return 'ndr'
  if (replies > 0 && commands > 0) return 'telnet'
  if (replies > 0) return 'bare'
  return null
}

export function parseTranscriptText(
  source: string,
  lines: readonly NumberedLine[],
  shape = transcriptShape(lines) ?? 'bare',
): ParsedTranscript {
  const parsed =
    shape === 'swaks'
      ? fromSwaks(lines)
      : shape === 'sc'
        ? fromSc(lines)
        : shape === 'ndr'
          ? fromNdr(lines)
          : shape === 'client-log'
            ? fromClientLog(lines)
            : fromTelnet(lines)
  return { kind: 'smtp-transcript', source, lines: parsed, shape }
}
