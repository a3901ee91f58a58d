/**
 * `smtp.starttls-masked`: a masked EHLO line hides STARTTLS (`250 XXXXXXXA`), identified from the direct vantage's
 * reply, the server software's keyword order, or length alone (masked-keywords.ts). Confidence is lower when other
 * keywords of the same length (SMTPUTF8, CHUNKING) fit as well; `candidates` lists them.
 */
import { makeFinding, type Rule, ref } from '../types'
import { resolveMasks, starttlsMasks } from './masked-keywords'
import { directSessionFor } from './vantage'

export const starttlsMasked: Rule = {
  id: 'smtp.starttls-masked',
  run(ctx) {
    return ctx.sessions.flatMap((s) => {
      const hits = starttlsMasks(resolveMasks(s, directSessionFor(s, ctx)))
      // Issue 22: X-run and unmasked STARTTLS in one paste: reported, with lowered confidence and the reason.
      // One reply with both is what allow-tls inspection masking another keyword shows: smtp.keyword-masked says so.
      const c = s.contradiction?.reason === 'two-replies' ? s.contradiction : null
      if (c && hits.length === 0) {
        const lines = [c.masked, c.listed].map((l) => ({ line: l.line, text: l.text })).sort((a, b) => a.line - b.line)
        const masked = c.masked.text.replace(/^\d{3}[ -]/, '').trim()
        return [
          makeFinding(this.id, 'critical', 0.45, [ref(s.source, lines)], {
            masked,
            basis: 'contradiction',
            candidates: 'STARTTLS',
            contradiction: c.reason,
          }),
        ]
      }
      if (hits.length === 0) return []
      const best = hits.reduce((a, b) => (b.confidence > a.confidence ? b : a))
      const lines = hits.map((h) => ({ line: h.mask.extension.line, text: h.mask.extension.raw }))
      if (c) lines.push({ line: c.listed.line, text: c.listed.text })
      return [
        makeFinding(this.id, 'critical', c ? Math.min(best.confidence, 0.5) : best.confidence, [ref(s.source, lines)], {
          masked: best.mask.extension.keyword,
          basis: best.mask.basis,
          candidates: best.mask.candidates.join(', '),
          ...(c ? { contradiction: c.reason } : {}),
        }),
      ]
    })
  },
}
