/**
 * Where ESMTP inspection is applied in a configuration: every (policy-map, class) with `inspect esmtp [MAP]`,
 * the service-policy bindings that make that policy-map live (global or per interface), and whether the map used
 * allows TLS. Shared by the rules and by the remedies, which must name exactly these policy-maps and classes.
 */
import type {
  DeviceConfig,
  EsmtpInspectMap,
  InspectLine,
  ServicePolicyBinding,
} from '../../evidence/device/device-config'

export const DEFAULT_ESMTP_MAP = '_default_esmtp_map'

export interface EsmtpApplication {
  policy: string
  policyLine: number
  className: string
  classLine: number
  inspect: InspectLine
  /** The service-policy lines that use this policy-map; empty when none (then the inspection is not live). */
  bindings: ServicePolicyBinding[]
  /** The custom inspect map, when `inspect esmtp MAP` names one that is in the configuration. */
  map: EsmtpInspectMap | null
  /** true: the map has `allow-tls`; false: default map or a map without it; null: a map not in this text. */
  allowsTls: boolean | null
  /** True when the text has no service-policy line at all (a fragment): the binding is assumed, not seen. */
  bindingAssumed: boolean
}

export function esmtpApplications(config: DeviceConfig): EsmtpApplication[] {
  const out: EsmtpApplication[] = []
  const noBindingsInText = config.servicePolicies.length === 0
  for (const policy of config.policyMaps) {
    const bindings = config.servicePolicies.filter((b) => b.policy === policy.name)
    for (const cls of policy.classes) {
      for (const inspect of cls.inspects) {
        if (inspect.protocol !== 'esmtp') continue
        const map = inspect.map ? (config.esmtpMaps.find((m) => m.name === inspect.map) ?? null) : null
        // `_default_esmtp_map` named explicitly is still the default map (`no allow-tls`).
        const isDefault = inspect.map === null || inspect.map === DEFAULT_ESMTP_MAP
        const allowsTls = map ? map.allowTls !== null : isDefault ? false : null
        out.push({
          policy: policy.name,
          policyLine: policy.line,
          className: cls.name,
          classLine: cls.line,
          inspect,
          bindings,
          map,
          allowsTls,
          bindingAssumed: noBindingsInText,
        })
      }
    }
  }
  return out
}

/** Applications that are live (bound by a service-policy, or assumed so in a fragment). */
export function liveEsmtpApplications(config: DeviceConfig): EsmtpApplication[] {
  return esmtpApplications(config).filter((a) => a.bindings.length > 0 || a.bindingAssumed)
}

/** Interfaces whose own service-policy carries no ESMTP inspection: traffic there is not inspected for SMTP. */
export function exemptInterfaces(config: DeviceConfig): string[] {
  const withEsmtp = new Set(esmtpApplications(config).map((a) => a.policy))
  return config.servicePolicies.filter((b) => b.scope !== 'global' && !withEsmtp.has(b.policy)).map((b) => b.scope)
}
