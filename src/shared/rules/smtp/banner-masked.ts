/**
 * `smtp.banner-masked`: the 220 greeting arrives asterisked. PIX MailGuard 5.1+ keeps `2`, `0` and spaces
 * (`220*****0*2****`), PIX 4.x and ASA `mask-banner` leave only asterisks, earlier PIX sends
 * `220 SMTP/cmap___…read`. Postfix's own test (only `2`, `0`, space, `*`) is the model.
 */

import { maskedGreetingLines } from '../../evidence/smtp/masks'
import type { Finding } from '../../findings'
import { lineRef, makeFinding, type Rule } from '../types'

export const bannerMasked: Rule = {
  id: 'smtp.banner-masked',
  run(ctx) {
    const out: Finding[] = []
    for (const e of ctx.evidence) {
      if (e.kind !== 'smtp-transcript') continue
      // The greeting judged as a whole (issue 22): continuation lines without a code count, a banner with words does not.
      const hits = maskedGreetingLines(e.lines).map((h) => ({ l: h.line, variant: h.variant }))
      if (hits.length === 0) continue
      const mailguard = hits.some((h) => h.variant === 'mailguard')
      out.push(
        makeFinding(
          this.id,
          'critical',
          0.9,
          hits.slice(0, 5).map((h) => lineRef(e.source, h.l.line, h.l.text)),
          {
            variant: mailguard ? 'mailguard' : 'asterisks',
          },
        ),
      )
    }
    return out
  },
}
