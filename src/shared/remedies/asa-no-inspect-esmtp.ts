/**
 * `asa.no-inspect-esmtp`: remove `inspect esmtp` under every policy-map/class where it is applied (the support
 * article's fix). The undo puts back the exact line that was there, map name included.
 */
import type { InspectionPlace } from './places'
import { type CommandLine, type Remedy, remedyTexts } from './types'

export function placeCommands(place: InspectionPlace, inner: string[]): CommandLine[] {
  return [
    { mode: 'config', command: `policy-map ${place.policy}` },
    { mode: 'config-pmap', command: `class ${place.className}` },
    ...inner.map((command): CommandLine => ({ mode: 'config-pmap-c', command })),
    { mode: 'config-pmap-c', command: 'exit' },
    { mode: 'config-pmap', command: 'exit' },
  ]
}

export function wrapConfig(lines: CommandLine[]): CommandLine[] {
  return [{ mode: 'enable', command: 'configure terminal' }, ...lines, { mode: 'config', command: 'end' }]
}

export function buildNoInspectEsmtp(places: InspectionPlace[], target: Remedy['target'], causes: string[]): Remedy {
  const where = places.map((p) => `${p.policy}/${p.className}`).join(', ')
  return {
    id: 'asa.no-inspect-esmtp',
    type: 'change',
    ...remedyTexts('asa.no-inspect-esmtp'),
    params: { places: where },
    causes,
    commands: wrapConfig(places.flatMap((p) => placeCommands(p, [`no ${p.inspectText}`]))),
    undo: wrapConfig(places.flatMap((p) => placeCommands(p, [p.inspectText]))),
    verify: [
      ...places.map((p) => ({
        textKey: 'remedies.verify.noInspectLine',
        params: { policy: p.policy, class: p.className },
        command: `show running-config policy-map ${p.policy}`,
      })),
      { textKey: 'remedies.verify.servicePolicyEmpty', command: 'show service-policy inspect esmtp' },
      { textKey: 'remedies.verify.probeTls' },
    ],
    steps: [],
    target,
  }
}
