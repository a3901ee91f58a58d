/**
 * `log.esa-starttls-not-supported`: the Cisco ESA logged `STARTTLS command not supported` (delivery: the peer did
 * not offer STARTTLS) or `TLS failed`. Consistent with a firewall masking STARTTLS, but not proof of one: the peer
 * may simply not offer TLS, or list it out of order.
 */
import type { Finding } from '../../findings'
import { lineRef, makeFinding, type Rule } from '../types'

export const esaStarttlsNotSupported: Rule = {
  id: 'log.esa-starttls-not-supported',
  run(ctx) {
    const out: Finding[] = []
    for (const e of ctx.evidence) {
      if (e.kind !== 'log') continue
      const hits = e.data.filter((l) => l.event === 'esa-starttls-not-supported' || l.event === 'esa-tls-failed')
      if (hits.length === 0) continue
      out.push(
        makeFinding(
          this.id,
          'warning',
          0.5,
          hits.slice(0, 5).map((h) => lineRef(e.source, h.line, h.text)),
          {
            connections: hits
              .map((h) => h.connection ?? '')
              .filter(Boolean)
              .join(', '),
          },
        ),
      )
    }
    return out
  },
}
