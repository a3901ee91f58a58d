/**
 * `log.esa-starttls-not-supported`: the Cisco ESA logged `STARTTLS command not supported` (delivery: the peer did
 * not offer STARTTLS) or `TLS failed`. Consistent with a firewall masking STARTTLS, but not proof of one: the peer
 * may simply not offer TLS, or list it out of order.
 */
import { makeFinding, type Rule } from '../types'
import { logHits } from './log-hits'

export const esaStarttlsNotSupported: Rule = {
  id: 'log.esa-starttls-not-supported',
  run(ctx) {
    return logHits(ctx, ['esa-starttls-not-supported', 'esa-tls-failed']).map(({ hits, refs }) =>
      makeFinding(this.id, 'warning', 0.5, refs, {
        connections: hits
          .map((h) => h.connection ?? '')
          .filter(Boolean)
          .join(', '),
      }),
    )
  },
}
