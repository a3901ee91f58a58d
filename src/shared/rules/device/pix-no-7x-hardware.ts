/**
 * `pix.no-7x-hardware`: a PIX 501 or 506E cannot run 7.x; 7.x needs a 515/515E/525/535 (Cisco PIX 6.x→7.0 upgrade
 * guide; pix-asa-smtp-inspection.md §7.4). So neither `allow-tls` (7.2(3)+) nor the duplicate-header fix can reach
 * it: the advice is replacement, not an upgrade. Read from the model in `show version` (`Hardware: PIX-501, …`).
 */
import { makeFinding, type Rule } from '../types'

const SMALL_PIX = /^PIX-?(501|506E?)\b/i

export const pixNo7xHardware: Rule = {
  id: 'pix.no-7x-hardware',
  run(ctx) {
    const model = ctx.facts.facts.model
    if (!model || !SMALL_PIX.test(model)) return []
    const ref = ctx.facts.sources.model
    return [makeFinding(this.id, 'warning', 0.9, ref ? [ref] : [], { model })]
  },
}
