/**
 * `smtp.starttls-missing`: a complete EHLO reply (with its greeting line) lists no STARTTLS and masks nothing.
 * The server may simply not offer TLS on this listener: by itself this is not proof of a firewall.
 */
import { isBareOk } from '../../evidence/smtp-reply'
import { makeFinding, type Rule, ref } from '../types'

export const starttlsMissing: Rule = {
  id: 'smtp.starttls-missing',
  run(ctx) {
    return ctx.sessions.flatMap((s) => {
      const ehlo = s.ehlo
      if (!ehlo?.greeting || !ehlo.reply.complete || isBareOk(ehlo.reply)) return []
      if (ehlo.extensions.some((e) => e.keyword === 'STARTTLS' || e.masked)) return []
      const lines = ehlo.reply.lines.map((l) => ({ line: l.line, text: l.raw }))
      return [makeFinding(this.id, 'info', 0.5, [ref(s.source, lines)])]
    })
  },
}
