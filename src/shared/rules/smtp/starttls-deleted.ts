/**
 * `smtp.starttls-deleted`: the direct view of the server offers STARTTLS and the view through the path does not,
 * with no masked line in its place: something on the path deleted the line instead of masking it (F-Secure Internet
 * Gatekeeper removes STARTTLS, CHUNKING, BINARYMIME and PIPELINING from the EHLO reply per its manual;
 * pix-asa-smtp-inspection.md §7.5). Only a direct-vs-through comparison can show this.
 */
import type { SmtpSession } from '../../evidence/smtp-session'
import { makeFinding, type Rule, ref } from '../types'
import { directSessionFor } from './vantage'

const offers = (s: SmtpSession) => s.ehlo?.extensions.some((e) => e.keyword === 'STARTTLS' && !e.masked) === true

export const starttlsDeleted: Rule = {
  id: 'smtp.starttls-deleted',
  run(ctx) {
    return ctx.sessions.flatMap((through) => {
      const direct = directSessionFor(through, ctx)
      if (!direct || !through.ehlo || !offers(direct) || offers(through)) return []
      if (through.ehlo.extensions.some((e) => e.masked)) return []
      const offered = direct.ehlo!.extensions.find((e) => e.keyword === 'STARTTLS')!
      const missing = direct.ehlo!.extensions.filter(
        (d) => !d.masked && !through.ehlo!.extensions.some((t) => t.keyword === d.keyword),
      )
      const throughLines = through.ehlo.reply.lines.map((l) => ({ line: l.line, text: l.raw }))
      return [
        makeFinding(
          this.id,
          'critical',
          0.85,
          [ref(direct.source, [{ line: offered.line, text: offered.raw }]), ref(through.source, throughLines)],
          { left: direct.source, right: through.source, removed: missing.map((m) => m.keyword).join(', ') },
        ),
      ]
    })
  },
}
