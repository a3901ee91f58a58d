/**
 * `pix.no-7x-hardware`: a PIX 501 or 506/506E cannot run 7.x: "PIX Version 7.0 software can be upgraded on PIX
 * 515/515E, PIX 525, and PIX 535 platforms. This version is not currently supported on PIX 501 or PIX 506/506E
 * platforms" (Cisco Press PIX text, http://it-certification-network.blogspot.com/2008/11/software-upgrade-and-downgrade-issues.html;
 * pix-asa-smtp-inspection.md §7.4). So neither `allow-tls` (7.2(3)+) nor the duplicate-header fix can reach it: the
 * advice is replacement, not an upgrade. Read from the model in `show version` (`Hardware: PIX-501, …`).
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
