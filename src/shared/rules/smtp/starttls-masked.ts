/** `smtp.starttls-masked`: the EHLO reply lists a run of X's where STARTTLS would be (`250 XXXXXXXA`). */
import { makeFinding, type Rule, ref } from '../types'

export const starttlsMasked: Rule = {
  id: 'smtp.starttls-masked',
  run(ctx) {
    return ctx.sessions.flatMap((s) => {
      const masked = s.ehlo?.extensions.filter((e) => e.masked?.keyword === 'STARTTLS') ?? []
      if (masked.length === 0) return []
      const lines = masked.map((e) => ({ line: e.line, text: e.raw }))
      return [makeFinding(this.id, 'critical', 0.9, [ref(s.source, lines)], { masked: masked[0]!.keyword })]
    })
  },
}
