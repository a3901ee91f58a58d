/**
 * Builds the effective inspection model from every piece of evidence: configurations first (they define maps
 * and classes), then `show service-policy` (what the device reports as applied, with counters). The same
 * policy/class seen in both is one application.
 */
import { smtpInspectSpelling } from '../devices/smtp-inspection'
import type { Evidence } from '../evidence'
import type { DeviceConfig } from '../evidence/device/device-config'
import { classPorts } from './ports'
import {
  DEFAULT_ESMTP_MAP,
  type EsmtpMapDefinition,
  type InspectionApplication,
  type InspectionModel,
  type InterfacePolicy,
  type MapVerdict,
} from './types'

type Configs = ReadonlyArray<{ source: string; data: DeviceConfig }>

/** `inspect esmtp`, or FWSM's `inspect smtp` (no map, no allow-tls: it masks STARTTLS by design): the spellings are data. */
const isSmtp = (protocol: string) => smtpInspectSpelling(protocol) !== null

/** A custom map's definition in any configuration of the evidence; never the system default map. */
function definitionOf(map: string | null, configs: Configs): EsmtpMapDefinition | null {
  if (map === null) return null
  for (const c of configs) {
    const found = c.data.esmtpMaps.find((m) => m.name === map)
    if (found) return found
  }
  return null
}

function verdictOf(map: string | null, definition: EsmtpMapDefinition | null): MapVerdict {
  if (map === null) return 'masks'
  if (!definition) return 'unknown'
  return definition.allowTls ? 'allows-tls' : 'masks'
}

/** `inspect esmtp _default_esmtp_map` (as `show running-config all` prints it) is the bare `inspect esmtp`. */
function customMap(name: string | null): string | null {
  return name === null || name === DEFAULT_ESMTP_MAP ? null : name
}

function fromConfigs(configs: Configs, model: InspectionModel): void {
  const datas = configs.map((c) => c.data)
  for (const { source, data } of configs) {
    const fragment = data.servicePolicies.length === 0
    for (const b of data.servicePolicies) {
      if (b.scope === 'global') continue
      const policy = data.policyMaps.find((p) => p.name === b.policy)
      const inspectsEsmtp = policy?.classes.some((c) => c.inspects.some((i) => isSmtp(i.protocol))) ?? false
      model.interfacePolicies.push({ interface: b.scope, policy: b.policy, inspectsEsmtp, line: b.line, source })
    }
    for (const policy of data.policyMaps) {
      const bindings = data.servicePolicies.filter((b) => b.policy === policy.name)
      for (const cls of policy.classes) {
        for (const inspect of cls.inspects) {
          if (!isSmtp(inspect.protocol)) continue
          if (bindings.length === 0 && !fragment) {
            model.unattached.push({ policy: policy.name, className: cls.name, line: policy.line, source })
            continue
          }
          const map = inspect.protocol === 'smtp' ? null : customMap(inspect.map)
          const definition = definitionOf(map, configs)
          model.applications.push({
            source,
            protocol: inspect.protocol === 'smtp' ? 'smtp' : 'esmtp',
            from: 'running-config',
            policy: policy.name,
            policyLine: policy.line,
            className: cls.name,
            classLine: cls.line,
            inspectText: inspect.text.replace(/\s+/g, ' ').trim(),
            inspectLine: inspect.line,
            map,
            definition,
            verdict: verdictOf(map, definition),
            scopes: bindings.map((b) => b.scope),
            bindings: bindings.map((b) => ({ source, line: b.line, text: b.text })),
            bindingAssumed: fragment,
            overriddenOn: [],
            ports: classPorts(cls.name, datas),
            packets: null,
          })
        }
      }
    }
  }
}

function fromServicePolicy(evidence: readonly Evidence[], configs: Configs, model: InspectionModel): void {
  const datas = configs.map((c) => c.data)
  for (const e of evidence) {
    if (e.kind !== 'show-service-policy') continue
    for (const block of e.data) {
      const esmtp = block.classes.flatMap((c) =>
        c.inspects.filter((i) => i.protocol === 'esmtp').map((i) => ({ c, i })),
      )
      if (block.scope !== 'global' && !model.interfacePolicies.some((p) => p.interface === block.scope))
        model.interfacePolicies.push({
          interface: block.scope,
          policy: block.policy,
          inspectsEsmtp: esmtp.length > 0,
          line: block.line,
          source: e.source,
        })
      for (const { c, i } of esmtp) {
        const packets = i.counters.packet ?? null
        const known = model.applications.find((a) => a.policy === block.policy && a.className === c.name)
        if (known) {
          known.packets ??= packets
          continue
        }
        const map = i.protocol === 'smtp' ? null : customMap(i.map)
        const definition = definitionOf(map, configs)
        model.applications.push({
          source: e.source,
          protocol: i.protocol === 'smtp' ? 'smtp' : 'esmtp',
          from: 'show-service-policy',
          policy: block.policy,
          policyLine: block.line,
          className: c.name,
          classLine: c.line,
          inspectText: i.text,
          inspectLine: i.line,
          map,
          definition,
          verdict: verdictOf(map, definition),
          scopes: [block.scope],
          bindings: [{ source: e.source, line: block.line, text: `Service-policy: ${block.policy}` }],
          bindingAssumed: false,
          overriddenOn: [],
          ports: classPorts(c.name, datas),
          packets,
        })
      }
    }
  }
}

export function buildInspectionModel(evidence: readonly Evidence[]): InspectionModel {
  const model: InspectionModel = { applications: [], unattached: [], interfacePolicies: [] }
  const configs = evidence.flatMap((e) => (e.kind === 'running-config' ? [{ source: e.source, data: e.data }] : []))
  fromConfigs(configs, model)
  fromServicePolicy(evidence, configs, model)
  // Per-feature precedence: an interface policy replaces the global ESMTP inspection only if it inspects ESMTP too.
  const overriding = model.interfacePolicies.filter((p) => p.inspectsEsmtp).map((p) => p.interface)
  for (const a of model.applications) if (a.scopes.includes('global')) a.overriddenOn = [...new Set(overriding)]
  return model
}

/** Applications that mask STARTTLS or may (a map not in the evidence). */
export function maskingApplications(model: InspectionModel): InspectionApplication[] {
  return model.applications.filter((a) => a.verdict !== 'allows-tls')
}

/** Interface policies that do not inspect ESMTP: the global ESMTP inspection still applies there (per feature). */
export function interfacesStillGlobal(model: InspectionModel): InterfacePolicy[] {
  return model.interfacePolicies.filter((p) => !p.inspectsEsmtp)
}
