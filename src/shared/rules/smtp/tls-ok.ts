/**
 * `smtp.tls-ok`: STARTTLS was accepted (220) and the TLS handshake completed: nothing masks STARTTLS on this path
 * for this port. The verdict names its port: inspection is per class and port (`inspection_default` covers TCP/25
 * only), so a clean 587 or 465 says nothing about 25 (pix-asa-smtp-inspection.md §7.3).
 */
import type { SmtpSession } from '../../evidence/smtp-session'
import { makeFinding, type Rule, ref } from '../types'

/** The port from a probe label (`probe:mx.example:587`, `probe:[::1]:2525`) or a recorder note; `?` when unsaid. */
export function sessionPort(session: SmtpSession, notes: readonly string[]): string {
  const fromSource = /:(\d{1,5})(?:\s\(\d+\))?$/.exec(session.source)?.[1]
  if (fromSource) return fromSource
  for (const n of notes) {
    const m = /\bport (\d{1,5})\b|\[[^\]]+\]:(\d{1,5})\b|^(?:Trying|Connected to) \S+?:(\d{1,5})\b/i.exec(
      n.slice(0, 300),
    )
    if (m) return m[1] ?? m[2] ?? m[3]!
  }
  return '?'
}

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
      const notes = ctx.evidence.flatMap((e) =>
        e.kind === 'smtp-transcript' && e.source === s.source
          ? e.lines.filter((l) => l.direction === 'note').map((l) => l.text)
          : [],
      )
      const params: Record<string, string> = { port: sessionPort(s, notes) }
      if (s.tls.protocol) params.protocol = s.tls.protocol
      if (s.tls.cipher) params.cipher = s.tls.cipher
      return [makeFinding(this.id, 'info', 0.9, [ref(s.source, lines)], params)]
    })
  },
}
