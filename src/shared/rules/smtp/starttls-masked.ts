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
      if (hits.length === 0) return []
      const best = hits.reduce((a, b) => (b.confidence > a.confidence ? b : a))
      const lines = hits.map((h) => ({ line: h.mask.extension.line, text: h.mask.extension.raw }))
      return [
        makeFinding(this.id, 'critical', best.confidence, [ref(s.source, lines)], {
          masked: best.mask.extension.keyword,
          basis: best.mask.basis,
          candidates: best.mask.candidates.join(', '),
        }),
      ]
    })
  },
}
