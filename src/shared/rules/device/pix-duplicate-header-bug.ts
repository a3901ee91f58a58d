/**
 * `pix.duplicate-header-bug`: software earlier than 7.2(3) with any SMTP/ESMTP inspection ends connections when it
 * misreads duplicate headers; DomainKeys/DKIM signature headers are a known trigger (Cisco 118550). Cisco documents
 * it for PIX (`basis: documented`); for ASA 7.0–7.2(2) it is an inference (`basis: inferred`, lower confidence).
 * FWSM has its own version train (1.x–4.1) and is not concerned (pix-asa-smtp-inspection.md §7.4).
 */

import { hasDuplicateHeaderBug } from '../../evidence/version'
import type { RuleId } from '../../findings'
import { makeFinding, type Rule } from '../types'

const INSPECTION: readonly RuleId[] = [
  'asa.esmtp-inspection-active',
  'pix.mailguard-active',
  'log.asa-esmtp-inspection',
]

export const pixDuplicateHeaderBug: Rule = {
  id: 'pix.duplicate-header-bug',
  run(ctx) {
    const v = ctx.facts.parsedVersion
    const platform = ctx.facts.facts.platform
    if (platform !== 'pix' && platform !== 'asa') return []
    const inspection = ctx.findings.filter((f) => INSPECTION.includes(f.id))
    if (inspection.length === 0) return []
    // `show fixup` exists only up to PIX 6.3, so an SMTP fixup without a stated version still dates the software.
    const fixupOnly = !v && inspection.some((f) => f.id === 'pix.mailguard-active')
    if (!fixupOnly && (!v || !hasDuplicateHeaderBug(v))) return []
    const documented = platform === 'pix' || fixupOnly
    const versionRef = ctx.facts.sources.version
    const refs = [...(versionRef ? [versionRef] : []), ...inspection.flatMap((f) => f.evidence.slice(0, 1))]
    const confidence = fixupOnly ? 0.6 : documented ? 0.7 : 0.45
    return [
      makeFinding(this.id, 'warning', confidence, refs, {
        version: v?.text ?? '6.x',
        basis: documented ? 'documented' : 'inferred',
      }),
    ]
  },
}
