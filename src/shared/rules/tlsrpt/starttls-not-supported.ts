/**
 * `tlsrpt.starttls-not-supported`: senders reported (RFC 8460) that one of our MX hosts did not offer STARTTLS. Mail
 * to that MX went in clear, or was not delivered by senders that require TLS (MTA-STS enforce, DANE). One finding per
 * MX, with the session count, the reporters, the sending MTAs and the days.
 */
import { makeFinding, type Rule } from '../types'
import { readReports, starttlsFailures } from './collect'

export const tlsrptStarttlsNotSupported: Rule = {
  id: 'tlsrpt.starttls-not-supported',
  run(ctx) {
    return starttlsFailures(readReports(ctx.tlsReports)).map((g) =>
      makeFinding(this.id, 'critical', 0.7, g.refs, {
        mx: g.mx,
        domain: g.domain,
        sessions: g.sessions,
        reporters: g.reporters.join(', ') || '-',
        senders: g.sendingIps.slice(0, 10).join(', ') || '-',
        first: g.days[0] ?? '-',
        last: g.days[g.days.length - 1] ?? '-',
      }),
    )
  },
}
