/**
 * `pix.mailguard-active`: `fixup protocol smtp PORT` is on (PIX 6.x and older). Only the seven RFC 821 commands
 * pass, EHLO is refused and the banner asterisked, so STARTTLS is never offered. `no fixup protocol smtp PORT`
 * switches it off for that port and does not trigger this rule.
 */
import { activeSmtpFixups } from '../../evidence/device/show-fixup'
import type { Finding } from '../../findings'
import { lineRef, makeFinding, type Rule } from '../types'

export const pixMailguardActive: Rule = {
  id: 'pix.mailguard-active',
  run(ctx) {
    const out: Finding[] = []
    for (const e of ctx.evidence) {
      const fixups = e.kind === 'running-config' ? e.data.fixups : e.kind === 'show-fixup' ? e.data : null
      if (!fixups) continue
      const active = activeSmtpFixups(fixups)
      if (active.length === 0) continue
      const refs = active.map((f) => lineRef(e.source, f.line, f.text))
      out.push(makeFinding(this.id, 'critical', 0.95, refs, { ports: active.map((f) => f.port || '25').join(', ') }))
    }
    return out
  },
}
