/**
 * `device.failover-standby`: the output comes from the standby unit of a failover pair (`show failover`: `This host:
 * Secondary - Standby Ready`, or a `prompt … state` prompt ending `/stby`). "Command replication always flows from the
 * active unit to the standby unit"; "Changes made on the standby unit are not replicated to the active unit" (ASA CLI
 * configuration guide, Active/Standby failover: https://easymanua.ls/cisco/5510-asa-ssl-ipsec-vpn-edition/manual?p=362),
 * so a fix must be applied on the active unit.
 */
import type { EvidenceRef } from '../../findings'
import { lineRef, makeFinding, type Rule } from '../types'

const STANDBY_PROMPT = /(?:^|\/)stby$/i

export const deviceFailoverStandby: Rule = {
  id: 'device.failover-standby',
  run(ctx) {
    const refs: EvidenceRef[] = []
    // The failover role fact (from the prompt grammar or `show failover`), read defensively: the field is new.
    const facts = ctx.facts.facts as { failoverRole?: string | null }
    const source = (ctx.facts.sources as Partial<Record<string, EvidenceRef>>).failoverRole
    if (facts.failoverRole === 'standby' && source) refs.push(source)
    for (const e of ctx.evidence) {
      if (e.kind === 'show-failover' && e.data.thisHost && /standby/i.test(e.data.thisHost.value.state)) {
        const h = e.data.thisHost
        refs.push(lineRef(e.source, h.line, `This host: ${h.value.role} - ${h.value.state}`))
      } else if (e.kind !== 'smtp-transcript' && e.kind !== 'unknown' && e.hostname) {
        const prompt = [e.hostname, e.context].filter(Boolean).join('/')
        if (STANDBY_PROMPT.test(prompt)) refs.push(lineRef(e.source, e.firstLine ?? 1, `${prompt}#`))
      }
    }
    if (refs.length === 0 && facts.failoverRole !== 'standby') return []
    return [makeFinding(this.id, 'warning', 0.9, refs.slice(0, 3))]
  },
}
