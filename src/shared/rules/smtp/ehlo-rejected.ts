/**
 * `smtp.ehlo-rejected`: EHLO answered with 5xx. PIX MailGuard refuses EHLO (`500 Unrecognized command`), which
 * leaves the client without any extension list and so without STARTTLS. Old servers do this too, hence a warning.
 */
import { makeFinding, type Rule, ref } from '../types'

export const ehloRejected: Rule = {
  id: 'smtp.ehlo-rejected',
  run(ctx) {
    return ctx.sessions.flatMap((s) => {
      const x = s.exchanges.find((e) => e.verb === 'EHLO' && e.reply && e.reply.code >= 500 && !e.afterTls)
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
