/**
 * `ftd.managed-device`: the device is Firepower Threat Defense. Its configuration belongs to FMC or FDM: a change
 * typed at the CLI is not supported and is overwritten at the next deployment, so fixes go through FlexConfig.
 */
import { makeFinding, type Rule } from '../types'

export const ftdManagedDevice: Rule = {
  id: 'ftd.managed-device',
  run(ctx) {
    if (ctx.facts.facts.platform !== 'ftd') return []
    const where = ctx.facts.sources.platform ?? ctx.facts.sources.version
    return [makeFinding(this.id, 'warning', 0.95, where ? [where] : [], { version: ctx.facts.facts.version ?? '' })]
  },
}
