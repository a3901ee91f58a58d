/**
 * `smtp.starttls-rejected`: STARTTLS answered with a 5xx "not recognized" (the ESA's `500 #5.5.1 command not
 * recognized`, Postfix's `500 5.5.2 Error: command not recognized`): the server never saw the word STARTTLS.
 */

import { replyText } from '../../evidence/smtp-reply'
import { NOT_RECOGNIZED } from '../../evidence/smtp-session'
import { makeFinding, type Rule, ref } from '../types'

export const starttlsRejected: Rule = {
  id: 'smtp.starttls-rejected',
  run(ctx) {
    return ctx.sessions.flatMap((s) => {
      const x = s.starttls
      if (!x?.reply || x.reply.code < 500 || !NOT_RECOGNIZED.test(replyText(x.reply))) return []
      const lines = [
        ...(x.command ? [{ line: x.command.line, text: x.command.text }] : []),
        ...x.reply.lines.map((l) => ({ line: l.line, text: l.raw })),
      ]
      return [
        makeFinding(this.id, 'critical', x.inferred ? 0.75 : 0.85, [ref(s.source, lines)], {
          reply: x.reply.lines[0]!.raw.slice(0, 200),
          inferred: x.inferred ? 1 : 0,
        }),
      ]
    })
  },
}
