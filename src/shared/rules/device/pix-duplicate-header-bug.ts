/**
 * `pix.duplicate-header-bug`: PIX/ASA software earlier than 7.2(3) with any SMTP/ESMTP inspection ends
 * connections when it misreads duplicate headers; DomainKeys/DKIM signature headers are a known trigger
 * (Cisco 118550). Needs the version (show version or the config header) and an active inspection finding.
 */
import { hasDuplicateHeaderBug } from '../../evidence/version'
import { makeFinding, type Rule } from '../types'

const INSPECTION = ['asa.esmtp-inspection-active', 'pix.mailguard-active', 'log.asa-esmtp-inspection']

export const pixDuplicateHeaderBug: Rule = {
  id: 'pix.duplicate-header-bug',
  run(ctx) {
    const v = ctx.facts.parsedVersion
    const platform = ctx.facts.facts.platform
    if (platform !== 'pix' && platform !== 'asa' && platform !== 'fwsm') return []
    const inspection = ctx.findings.filter((f) => INSPECTION.includes(f.id))
    if (inspection.length === 0) return []
    // `show fixup` exists only up to PIX 6.3, so an SMTP fixup without a stated version still dates the software.
    const fixupOnly = !v && inspection.some((f) => f.id === 'pix.mailguard-active')
    if (!fixupOnly && (!v || !hasDuplicateHeaderBug(v))) return []
    const versionRef = ctx.facts.sources.version
    const refs = [...(versionRef ? [versionRef] : []), ...inspection.flatMap((f) => f.evidence.slice(0, 1))]
    return [makeFinding(this.id, 'warning', fixupOnly ? 0.6 : 0.7, refs, { version: v?.text ?? '6.x' })]
  },
}
