/**
 * `smtp.ehlo-rejected`: EHLO answered with 5xx, or with a bare `250 OK` that names no host and lists nothing. PIX
 * MailGuard refuses EHLO (`500 Unrecognized command`) or turns it into NOOP, whose reply is such a bare OK; either
 * way the client gets no extension list and so no STARTTLS. Old servers refuse EHLO too, hence a warning.
 */
import { isBareOk } from '../../evidence/smtp-reply'
import { makeFinding, type Rule, ref } from '../types'

export const ehloRejected: Rule = {
  id: 'smtp.ehlo-rejected',
  run(ctx) {
    return ctx.sessions.flatMap((s) => {
      const x = s.exchanges.find(
        (e) => e.verb === 'EHLO' && !e.inferred && !e.afterTls && e.reply && (e.reply.code >= 500 || isBareOk(e.reply)),
      )
      if (!x?.reply) return []
      const lines = [
        ...(x.command ? [{ line: x.command.line, text: x.command.text }] : []),
        ...x.reply.lines.map((l) => ({ line: l.line, text: l.raw })),
      ]
      return [
        makeFinding(this.id, 'warning', 0.6, [ref(s.source, lines)], { reply: x.reply.lines[0]!.raw.slice(0, 200) }),
      ]
    })
  },
}
