/**
 * `log.exchange-auth-blocked`: an Exchange queue or protocol log shows `451 5.7.3 Cannot achieve Exchange Server
 * authentication` between two Exchange servers of one organisation (Hub/Mailbox → Edge, site to site). Microsoft
 * names two causes: a firewall blocking the X-EXPS verb (KB 979175 adds X-ANONYMOUSTLS and GSSAPI), or a Receive
 * connector without Exchange Server authentication. An ASA masks every EHLO keyword its ESMTP inspection does not
 * know (`match ehlo-reply-parameter others mask`; X-EXPS is masked in the Exchange 2003 capture, evidence-sources.md
 * §2), which is the first cause; real cases: Exchange 2010 CAS → Edge across a Cisco with `inspect esmtp` in
 * global_policy (tests/fixtures/real-networks/README.md). So a warning, not proof: 0.5.
 */
import { makeFinding, type Rule } from '../types'
import { logHits } from './log-hits'

export const exchangeAuthBlocked: Rule = {
  id: 'log.exchange-auth-blocked',
  run(ctx) {
    return logHits(ctx, ['exchange-auth-failed']).map(({ hits, refs }) =>
      makeFinding(this.id, 'warning', 0.5, refs, {
        count: hits.length,
        queued: hits.some((h) => h.detail !== undefined) ? 'yes' : 'no',
      }),
    )
  },
}
