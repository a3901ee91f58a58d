/**
 * `asa.allow-tls-map`: keep ESMTP inspection but let STARTTLS through, with `allow-tls action log` in an ESMTP
 * inspect map (ASA/PIX 7.2(3)+, 8.0(3)+). A custom map already in the configuration gets the parameter; otherwise a
 * new map (a name not used in the configuration) replaces the default map in every place inspection is applied.
 * The new map keeps the default map's size and recipient limits but deliberately not `mask-banner`: Postfix takes
 * an asterisked banner for a PIX and turns ESMTP, and with it STARTTLS, off.
 */
import { placeCommands, wrapConfig } from './asa-no-inspect-esmtp'
import type { InspectionPlace } from './places'
import { type CommandLine, type Remedy, remedyTexts } from './types'

export const NEW_MAP_NAME = 'UNMASK_ESMTP_TLS'

function freeName(taken: ReadonlySet<string>): string {
  if (!taken.has(NEW_MAP_NAME)) return NEW_MAP_NAME
  for (let i = 2; ; i++) if (!taken.has(`${NEW_MAP_NAME}_${i}`)) return `${NEW_MAP_NAME}_${i}`
}

function newMapLines(name: string): CommandLine[] {
  const match = (criterion: string, action: string): CommandLine[] => [
    { mode: 'config-pmap', command: `match ${criterion}` },
    { mode: 'config-pmap-c', command: action },
    { mode: 'config-pmap-c', command: 'exit' },
  ]
  return [
    { mode: 'config', command: `policy-map type inspect esmtp ${name}` },
    { mode: 'config-pmap', command: 'parameters' },
    { mode: 'config-pmap-p', command: 'allow-tls action log' },
    { mode: 'config-pmap-p', command: 'exit' },
    ...match('cmd line length gt 512', 'drop-connection log'),
    ...match('cmd RCPT count gt 100', 'drop-connection log'),
    ...match('header line length gt 998', 'drop-connection log'),
    { mode: 'config-pmap', command: 'exit' },
  ]
}

function editMapLines(name: string, parameter: string): CommandLine[] {
  return [
    { mode: 'config', command: `policy-map type inspect esmtp ${name}` },
    { mode: 'config-pmap', command: 'parameters' },
    { mode: 'config-pmap-p', command: parameter },
    { mode: 'config-pmap-p', command: 'exit' },
    { mode: 'config-pmap', command: 'exit' },
  ]
}

export function buildAllowTlsMap(
  places: InspectionPlace[],
  taken: ReadonlySet<string>,
  target: Remedy['target'],
  causes: string[],
): Remedy {
  const customMaps = [...new Set(places.filter((p) => p.map && p.mapInConfig).map((p) => p.map!))]
  const defaultPlaces = places.filter((p) => !p.map)
  const name = freeName(taken)
  const commands: CommandLine[] = []
  const undo: CommandLine[] = []
  for (const map of customMaps) {
    commands.push(...editMapLines(map, 'allow-tls action log'))
    undo.push(...editMapLines(map, 'no allow-tls'))
  }
  if (defaultPlaces.length > 0) {
    commands.push(...newMapLines(name))
    for (const p of defaultPlaces) {
      commands.push(...placeCommands(p, [`no ${p.inspectText}`, `inspect esmtp ${name}`]))
      undo.push(...placeCommands(p, [`no inspect esmtp ${name}`, p.inspectText]))
    }
    undo.push({ mode: 'config', command: `no policy-map type inspect esmtp ${name}` })
  }
  const maps = [...customMaps, ...(defaultPlaces.length > 0 ? [name] : [])]
  return {
    id: 'asa.allow-tls-map',
    type: 'change',
    ...remedyTexts('asa.allow-tls-map'),
    params: {
      places: places.map((p) => `${p.policy}/${p.className}`).join(', '),
      maps: maps.join(', '),
      newMap: defaultPlaces.length > 0 ? name : '',
    },
    causes,
    commands: wrapConfig(commands),
    undo: wrapConfig(undo),
    verify: [
      ...maps.map((m) => ({
        textKey: 'remedies.verify.allowTlsLine',
        params: { map: m },
        command: `show running-config policy-map type inspect esmtp ${m}`,
      })),
      { textKey: 'remedies.verify.serviceTlsMap', command: 'show service-policy inspect esmtp' },
      { textKey: 'remedies.verify.syslog108007' },
      { textKey: 'remedies.verify.probeTls' },
    ],
    steps: [],
    target,
  }
}

/** Places whose map cannot be edited here: a custom map that is not in the configuration we were given. */
export function placesWithUnknownMap(places: InspectionPlace[]): InspectionPlace[] {
  return places.filter((p) => p.map && !p.mapInConfig)
}
