/**
 * What the reply to a STARTTLS sent despite an ambiguous EHLO reply proves (issue 13 point 3). A masked 8-letter
 * keyword may be STARTTLS, SMTPUTF8 or CHUNKING (pix-asa-smtp-inspection.md §7.2); the server's answer to the
 * command itself tells them apart, as far as the path lets the command through:
 * - `220`: the server offers TLS and the path let the command through;
 * - `502`/`454`/"not implemented"/"TLS not available": the server knows STARTTLS and has no TLS (Debian Postfix with
 *   `smtpd_tls_security_level = none` says `502 5.5.1 Error: command not implemented`, tests/main/smtp);
 * - `500` "not recognized"/"unrecognized": the verb did not arrive as STARTTLS — an inspecting path X-ed it (§1.3),
 *   so this view cannot say whether the server has TLS; only a direct probe can;
 * - anything else (a bare `250 OK` is MailGuard's NOOP, §7.4): the command was turned into something else.
 */
import type { SmtpReply } from '../evidence/smtp-reply'
import type { ProbeStarttls } from './types'

export type StarttlsProof = 'tls-offered' | 'tls-not-offered' | 'command-masked' | 'command-rewritten'

export function starttlsProof(reply: SmtpReply): StarttlsProof {
  const text = reply.lines.map((l) => l.text).join(' ')
  if (reply.code === 220) return 'tls-offered'
  if (reply.code === 454 || reply.code === 502 || /not implemented|tls not available/i.test(text))
    return 'tls-not-offered'
  if (reply.code === 500 || /not recogni[sz]ed|unrecognized/i.test(text)) return 'command-masked'
  return 'command-rewritten'
}

/** Masked EHLO keywords that could hide STARTTLS: 8 characters long, or named as a candidate by the parser. */
export function ambiguousMasks(
  extensions: ReadonlyArray<{ keyword: string; masked: { candidates: string[] } | null }>,
) {
  return extensions
    .filter((e) => e.masked && (e.keyword.length === 8 || e.masked.candidates.includes('STARTTLS')))
    .map((e) => e.keyword)
}

/** Why the probe sends STARTTLS, or null when it should not. */
export function starttlsReason(
  starttls: Pick<ProbeStarttls, 'advertised' | 'ambiguousMasks'>,
  sendUnadvertised: boolean,
): ProbeStarttls['sentBecause'] | null {
  if (starttls.advertised) return 'advertised'
  if (sendUnadvertised) return 'always'
  return (starttls.ambiguousMasks?.length ?? 0) > 0 ? 'ambiguous' : null
}
