/**
 * `log.postfix-pix-workaround`: Postfix logged `enabling PIX workarounds` because the remote banner consisted only
 * of `2`, `0`, spaces and asterisks. Postfix then turns ESMTP off for that session (`disable_esmtp`), so it never
 * even tries STARTTLS: a PIX/ASA masking the banner sits in front of that host.
 */
import type { Finding } from '../../findings'
import { lineRef, makeFinding, type Rule } from '../types'

export const postfixPixWorkaround: Rule = {
  id: 'log.postfix-pix-workaround',
  run(ctx) {
    const out: Finding[] = []
    for (const e of ctx.evidence) {
      if (e.kind !== 'log') continue
      const hits = e.data.filter((l) => l.event === 'postfix-pix-workaround')
      if (hits.length === 0) continue
      const hosts = [...new Set(hits.map((h) => h.host ?? ''))].filter(Boolean)
      out.push(
        makeFinding(
          this.id,
          'warning',
          0.85,
          hits.slice(0, 5).map((h) => lineRef(e.source, h.line, h.text)),
          {
            hosts: hosts.join(', '),
            workarounds: hits[0]!.detail ?? '',
          },
        ),
      )
    }
    return out
  },
}
