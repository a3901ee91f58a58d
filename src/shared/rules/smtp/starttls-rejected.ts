/**
 * `smtp.starttls-rejected`: STARTTLS answered with a 5xx "not recognized" (the ESA's `500 #5.5.1 command not
 * recognized`, Postfix's `500 5.5.2 Error: command not recognized`): the server never saw the word STARTTLS.
 * Servers word an unknown command differently (qmail: `502 unimplemented (#5.5.1)`); any other 5xx counts too when
 * the same session's EHLO reply showed STARTTLS masked, because then the client did not send what the server got.
 * A 5xx to STARTTLS from a server that simply does not offer it (nothing masked) is not this finding.
 */
import { replyText } from '../../evidence/smtp-reply'
import { NOT_RECOGNIZED } from '../../evidence/smtp-session'
import { makeFinding, type Rule, ref } from '../types'

export const starttlsRejected: Rule = {
  id: 'smtp.starttls-rejected',
  run(ctx) {
    return ctx.sessions.flatMap((s) => {
      const x = s.starttls
      if (!x?.reply || x.reply.code < 500) return []
      // A complete EHLO reply that lists no STARTTLS and masks nothing: the 5xx is how that server answers any
      // command it does not offer (issue 22: `Got:`/`Sent:` capture of an Exchange without TLS); starttls-missing.
      if (s.starttlsOffer === 'absent') return []
      const unrecognized = NOT_RECOGNIZED.test(replyText(x.reply))
      const maskedBefore = s.ehlo?.extensions.some((e) => e.masked?.keyword === 'STARTTLS') ?? false
      if (!unrecognized && !maskedBefore) return []
      const lines = [
        ...(x.command ? [{ line: x.command.line, text: x.command.text }] : []),
        ...x.reply.lines.map((l) => ({ line: l.line, text: l.raw })),
      ]
      const confidence = (x.inferred ? 0.75 : 0.85) - (unrecognized ? 0 : 0.1)
      return [
        makeFinding(this.id, 'critical', confidence, [ref(s.source, lines)], {
          reply: x.reply.lines[0]!.raw.slice(0, 200),
          inferred: x.inferred ? 1 : 0,
        }),
      ]
    })
  },
}
