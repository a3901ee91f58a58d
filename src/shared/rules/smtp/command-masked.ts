/**
 * `smtp.command-masked`: a command that reached the server as X's, e.g. a bounce quoting
 * `500 5.5.1 Command unrecognized: "XXXXXXXX"`, or a server-side capture whose client line is all X's.
 */

import { MASKED_COMMAND_IN_REPLY } from '../../evidence/smtp/masks'
import type { Finding } from '../../findings'
import { lineRef, makeFinding, type Rule } from '../types'

const MASKED_CLIENT_LINE = /^X{4,}[A-Z0-9]?(\s|$)/

export const commandMasked: Rule = {
  id: 'smtp.command-masked',
  run(ctx) {
    const out: Finding[] = []
    for (const e of ctx.evidence) {
      if (e.kind !== 'smtp-transcript') continue
      const hits = e.lines.filter(
        (l) =>
          (l.direction === 'server' &&
            /^[45]\d\d/.test(l.text) &&
            MASKED_COMMAND_IN_REPLY.test(l.text.slice(0, 1000))) ||
          (l.direction === 'client' && MASKED_CLIENT_LINE.test(l.text)),
      )
      if (hits.length === 0) continue
      const token = /X{4,}[A-Z0-9]?/.exec(hits[0]!.text)?.[0] ?? ''
      out.push(
        makeFinding(
          this.id,
          'critical',
          0.85,
          hits.slice(0, 5).map((h) => lineRef(e.source, h.line, h.text)),
          {
            masked: token,
          },
        ),
      )
    }
    return out
  },
}
