/**
 * `smtp.command-masked`: a command that reached the server as X's, e.g. a bounce quoting
 * `500 5.5.1 Command unrecognized: "XXXXXXXX"`, or a server-side capture whose client line is all X's.
 */

import { MASKED_COMMAND_IN_REPLY } from '../../evidence/smtp/masks'
import type { Finding } from '../../findings'
import { lineRef, makeFinding, type Rule } from '../types'

const MASKED_CLIENT_LINE = /^X{4,}[A-Z0-9]?(\s|$)/
/**
 * A reply quoted inside a bounce's prose, as Gmail words it: `The error that the other server returned was: 500 500
 * 5.5.1 Command unrecognized: "XXXXXXXX" (state 8).` (perfectmail KB 24). The code may be doubled and `(state N)`
 * may follow; the reply then is not on a line of its own, so the transcript parser keeps it as a note.
 */
const QUOTED_REPLY =
  /\b[45]\d\d(?:\s+[45]\d\d)?\s+(?:#?[245]\.\d{1,3}\.\d{1,3}\s+)?[^"'\n]{0,80}["'`:]\s*X{4,}[A-Z0-9]?\b/

export const commandMasked: Rule = {
  id: 'smtp.command-masked',
  run(ctx) {
    const out: Finding[] = []
    const found = (source: string, hits: { line: number; text: string }[], quoted: string) => {
      const token = /X{4,}[A-Z0-9]?/.exec(quoted)?.[0] ?? ''
      const refs = hits.slice(0, 5).map((h) => lineRef(source, h.line, h.text))
      out.push(makeFinding(this.id, 'critical', 0.85, refs, { masked: token }))
    }
    for (const e of ctx.evidence) {
      if (e.kind === 'smtp-transcript') {
        const ndr = 'shape' in e && e.shape === 'ndr'
        const hits = e.lines.filter(
          (l) =>
            (l.direction === 'server' &&
              /^[45]\d\d/.test(l.text) &&
              MASKED_COMMAND_IN_REPLY.test(l.text.slice(0, 1000))) ||
            (l.direction === 'client' && MASKED_CLIENT_LINE.test(l.text)) ||
            (ndr && l.direction === 'note' && QUOTED_REPLY.test(l.text.slice(0, 1000))),
        )
        if (hits.length > 0) found(e.source, hits, hits[0]!.text)
      } else if (e.kind === 'log') {
        // Postfix delivery logs quote the remote reply: `… said: 500 5.5.1 Command unrecognized: "XXXXXXXX" …`.
        const hits = e.data.filter(
          (l) =>
            l.event === 'postfix-remote-reply' &&
            /^[45]/.test(l.detail ?? '') &&
            MASKED_COMMAND_IN_REPLY.test(l.detail ?? ''),
        )
        if (hits.length > 0) found(e.source, hits, hits[0]!.detail ?? '')
      }
    }
    return out
  },
}
