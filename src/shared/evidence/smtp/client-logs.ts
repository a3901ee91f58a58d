/**
 * SMTP dialogs as mail clients, libraries and servers log them, turned into transcript lines. Each shape is data: a
 * line pattern whose group 1 is the tag and group 2 the payload. The tag only says the line belongs to the dialog;
 * who wrote it is read from the payload (a reply starts with its code), because the same log format is written by
 * both ends (hMailServer's SMTPD and SMTPC, Exchange's receive and send logs). Shapes, each seen in a public capture
 * (tests/fixtures/pastes/README.md):
 * - PHPMailer `SMTPDebug`: `2020-07-22 10:11:20\tSERVER -> CLIENT: 250-…` / `CLIENT -> SERVER: STARTTLS`; a
 *   multi-line reply continues on indented lines, or arrives on one line with literal `\r\n` between its lines, or
 *   (HTML debug output) with the lines run together; `SMTP INBOUND: "…"` repeats what follows and is skipped;
 * - web apps' `Got: …` / `Sent: …` (DokuWiki's SMTP plugin);
 * - PEAR Net_SMTP `DEBUG: Recv: …` / `DEBUG: Send: …`;
 * - Thunderbird's SMTP log `SMTP Response: …` / `SMTP Send: …`;
 * - hMailServer `"SENT: …"` / `"RECEIVED: …"`, MDaemon `<-- …` / `--> …`;
 * - Exchange protocol logs (CSV): `…,<,EHLO …,` and `…,>,250-…,`;
 * - hMailServer joins a multi-line reply onto one line with `[nl]` between its lines (a real SMTPC log quoted in
 *   https://github.com/Progressiverobot/hmailserver/issues/33);
 * - Outlook's troubleshooting log (`SMTP (host): <rx> 250-…` / `SMTP (host): [tx] EHLO …`) and the Outlook Express
 *   `Smtp.log` (`[rx]`/`[tx]`, Microsoft KB 155455): tags recalled from those products' logs, NOT confirmed by a
 *   public capture or a readable documentation page (tests/fixtures/pastes/README.md);
 * - Claws Mail's network log `[15:45:59] SMTP< 220-…` / `[15:45:59] ESMTP> EHLO …` (a real one:
 *   https://pastebin.com/19wtmK5a);
 * - SmarterMail's delivery log `[2017.10.07] 08:36:39 [16534] RSP: 250-…` / `… CMD: EHLO …` (a real one:
 *   https://pastebin.com/VW2bNg7T);
 * - .NET `System.Net` traces, whose dialog is a hex dump per socket read/write: ./dotnet-trace.ts.
 */
import { clip, type NumberedLine, type TranscriptLine } from '../types'
import { countDotnetDataBlocks, fromDotnetTrace } from './dotnet-trace'
import { MASKED_BANNER } from './masks'

const SHAPES: readonly RegExp[] = [
  /(?:^|[\s:])(SERVER -> CLIENT|CLIENT -> SERVER):[ \t]?(.*)$/,
  /^\s*(Got|Sent):[ \t]?(.*)$/,
  /\b(Recv|Send):[ \t](.*)$/,
  /\bSMTP (Response|Send):[ \t]?(.*)$/,
  /"(SENT|RECEIVED): (.*?)"?\s*$/,
  /(?:^|\s)(<--|-->)[ \t](.*)$/,
  /^[^,]*,(?:[^,]*,){5}(<|>),"?(.*?)"?,[^,]*$/,
  /^\[[\d:]+\] (E?SMTP[<>])[ \t]?(.*)$/,
  /^\[[\d.]+\] [\d:]+ \[\d+\] (RSP|CMD):[ \t]?(.*)$/,
  // Last: unanchored, so it is tried only once the anchored shapes have failed.
  /(<rx>|\[rx\]|\[tx\])[ \t]?(.*)$/,
]
/** Lines a client log writes about the dialog rather than of it: PHPMailer's raw echo of what follows. */
const ECHO = /\bSMTP INBOUND: "/
/**
 * The logger's own state lines, written between the lines of one reply: Thunderbird logs `SMTP entering state: 0`
 * after every response line (a real log: https://gist.github.com/nuzayats/b6f2b94fe90ee187df9c). Kept as notes they
 * would end the multi-line EHLO reply after its first line.
 */
const STATE_NOISE = /\bSMTP entering state: \d+\s*$/
/** Trailers some logs add after the payload: Apache's `, referer: URL`, a literal `\r\n`. */
const TRAILER = /(?:, referer: \S+)?\s*$/
/** Where a log wrote a line end inside one entry: a literal `\r\n` (PHPMailer), `[nl]` (hMailServer). */
const LITERAL_CRLF = /\\r\\n|\[nl\]/
const REPLY = /^(\d{3})[ -]/

/** The dialog payload of a line, when the line has one of the shapes. */
/** Something every shape above has, tested first so that ordinary lines cost one test. */
const ANY_TAG =
  /SERVER -> CLIENT|CLIENT -> SERVER|Got:|Sent:|Recv:|Send:|SMTP (?:Response|Send)|"(?:SENT|RECEIVED): |<--|-->|,[<>],|<rx>|\[[rt]x\]|SMTP[<>]|\] (?:RSP|CMD):/

export function clientLogPayload(text: string): string | null {
  const t = clip(text, 2048)
  if (!ANY_TAG.test(t) || ECHO.test(t)) return null
  for (const re of SHAPES) {
    const m = re.exec(t)
    if (m) return m[2]!.replace(TRAILER, '')
  }
  return null
}

export function countClientLogLines(lines: readonly NumberedLine[]): number {
  let n = countDotnetDataBlocks(lines)
  for (const l of lines.slice(0, 2000)) if (clientLogPayload(l.text) !== null) n++
  return n
}

/** `250-a 250-b 250 c` (lines run together by an HTML log) or `250-a\r\n250 c` (escaped) back into lines. */
function replyLines(payload: string): string[] {
  const parts = payload.split(LITERAL_CRLF).filter((p) => p.trim() !== '')
  const out: string[] = []
  for (const part of parts) {
    const code = REPLY.exec(part)?.[1]
    out.push(...(code ? part.split(new RegExp(`\\s+(?=${code}[ -])`)) : [part]))
  }
  return out.map((p) => p.trim())
}

function isServerPayload(text: string): boolean {
  return REPLY.test(text) || /^\d{3}$/.test(text) || MASKED_BANNER.test(text)
}

export function fromClientLog(lines: readonly NumberedLine[]): TranscriptLine[] {
  if (countDotnetDataBlocks(lines) > 0) return fromDotnetTrace(lines)
  const out: TranscriptLine[] = []
  let lastServer = false
  for (const l of lines) {
    if (l.text.includes('entering state') && STATE_NOISE.test(clip(l.text))) continue
    const payload = clientLogPayload(l.text)
    const bare = clip(l.text).trim()
    if (payload === null) {
      // A multi-line reply continues on indented lines without the tag.
      if (lastServer && /^\s/.test(l.text) && isServerPayload(bare)) {
        for (const text of replyLines(bare)) out.push({ direction: 'server', text, line: l.line })
      } else if (bare) {
        out.push({ direction: 'note', text: bare, line: l.line })
        lastServer = false
      }
      continue
    }
    const text = payload.trim()
    if (text === '') continue
    lastServer = isServerPayload(text)
    if (lastServer) for (const reply of replyLines(text)) out.push({ direction: 'server', text: reply, line: l.line })
    else out.push({ direction: 'client', text: text.replace(LITERAL_CRLF, '').trim(), line: l.line })
  }
  return out
}
