/** `smtp.tls-ok`: STARTTLS was accepted (220) and the TLS handshake completed: nothing masks STARTTLS on this path. */
import { makeFinding, type Rule, ref } from '../types'

export const tlsOk: Rule = {
  id: 'smtp.tls-ok',
  run(ctx) {
    return ctx.sessions.flatMap((s) => {
      const x = s.starttls
      const reply = x?.reply
      if (!x || !reply || reply.code !== 220 || !s.tls?.established) return []
      const lines = [
        ...(x.command ? [{ line: x.command.line, text: x.command.text }] : []),
        ...reply.lines.map((l) => ({ line: l.line, text: l.raw })),
      ]
      const params: Record<string, string> = {}
      if (s.tls.protocol) params.protocol = s.tls.protocol
      if (s.tls.cipher) params.cipher = s.tls.cipher
      return [makeFinding(this.id, 'info', 0.9, [ref(s.source, lines)], params)]
    })
  },
}
