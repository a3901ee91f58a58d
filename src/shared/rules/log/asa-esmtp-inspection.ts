/**
 * `log.asa-esmtp-inspection`: the firewall's own syslog shows the ESMTP inspection engine acting: 108002–108006
 * (replaced, terminated, dropped, reset, masked, size violation) or 507003 "terminated by inspection engine" on an
 * SMTP port. Proof that ESMTP inspection is live on the device that logged it.
 */
import type { Finding } from '../../findings'
import { lineRef, makeFinding, type Rule } from '../types'

const SMTP_PORTS = new Set([25, 465, 587])

export const asaEsmtpInspectionLog: Rule = {
  id: 'log.asa-esmtp-inspection',
  run(ctx) {
    const out: Finding[] = []
    for (const e of ctx.evidence) {
      if (e.kind !== 'log') continue
      const hits = e.data.filter(
        (l) =>
          l.event === 'asa-esmtp-action' ||
          (l.event === 'asa-inspector-disconnected' && l.port !== undefined && SMTP_PORTS.has(l.port)),
      )
      if (hits.length === 0) continue
      const ids = [...new Set(hits.map((h) => h.messageId ?? ''))]
      out.push(
        makeFinding(
          this.id,
          'critical',
          0.85,
          hits.slice(0, 5).map((h) => lineRef(e.source, h.line, h.text)),
          {
            messageIds: ids.join(', '),
            count: hits.length,
          },
        ),
      )
    }
    return out
  },
}
