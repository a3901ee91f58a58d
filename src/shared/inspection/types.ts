/**
 * The effective inspection model (DESIGN.md, "The inspection policy model (turn 2)"): built once from all the
 * evidence, it says where ESMTP inspection applies, with which map, what that map does to STARTTLS, on which
 * ports, and the lines that prove it. Rules, causes and remedies read this model instead of the raw evidence.
 *
 * MPF rules it encodes (pix-asa-smtp-inspection.md §7.3): "Interface service policies take precedence over the global
 * service policy for a given feature … if you have a global policy with FTP inspection, and an interface policy with
 * TCP normalization, then both … are applied" (ASA 5500 configuration guide OL-20339-01 p.29-7,
 * https://www.easymanua.ls/cisco/5510-asa-ssl-ipsec-vpn-edition/manual/1492195?p=607), so an interface policy overrides
 * the global one only where it inspects ESMTP too;
 * a policy-map that no `service-policy` attaches inspects nothing; `_default_esmtp_map` printed by
 * `show running-config all` is the default map; a map named but not defined in the evidence is "unknown".
 */

/** What a map does to STARTTLS: masks it (default map, or `no allow-tls`), lets it through, or not known here. */
export type MapVerdict = 'masks' | 'allows-tls' | 'unknown'

export interface ProofLine {
  source: string
  line: number
  text: string
}

export interface EsmtpMapDefinition {
  name: string
  line: number
  /** The `allow-tls` line under `parameters`; null when absent or `no allow-tls`. */
  allowTls: { line: number; text: string } | null
}

export interface InspectionApplication {
  /** The evidence it was read from. */
  source: string
  /**
   * `esmtp` (PIX 7.x/ASA/FWSM 3.1+/FTD), or FWSM's `inspect smtp`, which passes only the seven RFC 821 commands
   * (FWSM configuration guide, "SMTP and Extended SMTP Inspection"), so EHLO and with it STARTTLS never get through.
   */
  protocol: 'esmtp' | 'smtp'
  from: 'running-config' | 'show-service-policy'
  policy: string
  policyLine: number
  className: string
  classLine: number
  /** The inspect line as configured or shown (`inspect esmtp`, `inspect esmtp MAP`, `Inspect: esmtp MAP, …`). */
  inspectText: string
  inspectLine: number
  /** The custom map name; null for the system default map (bare `inspect esmtp` or `_default_esmtp_map`). */
  map: string | null
  /** The custom map's definition when the evidence has it (never set for the system default map). */
  definition: EsmtpMapDefinition | null
  verdict: MapVerdict
  /** `global` and/or interface names the binding lines attach this policy-map to. */
  scopes: string[]
  bindings: ProofLine[]
  /** A configuration fragment without any `service-policy` line: the binding is assumed, not seen. */
  bindingAssumed: boolean
  /** Interfaces whose own policy also inspects ESMTP and so replaces this global application there. */
  overriddenOn: string[]
  /** TCP ports the class matches; null when the class matches by access-list or is not in the evidence. */
  ports: number[] | 'all' | null
  /** Packet counter from `show service-policy`, when given. */
  packets: number | null
}

export interface InterfacePolicy {
  interface: string
  policy: string
  /** Whether that interface policy inspects ESMTP itself (then it replaces the global ESMTP inspection there). */
  inspectsEsmtp: boolean
  line: number
  source: string
}

export interface InspectionModel {
  /** Live applications (attached by a service-policy, or assumed attached in a fragment). */
  applications: InspectionApplication[]
  /** Policy-maps with `inspect esmtp` that no service-policy attaches: they inspect nothing. */
  unattached: { policy: string; className: string; line: number; source: string }[]
  interfacePolicies: InterfacePolicy[]
}

export const DEFAULT_ESMTP_MAP = '_default_esmtp_map'
/** The port the default inspection class (`match default-inspection-traffic`) inspects ESMTP on (CFG9). */
export const DEFAULT_ESMTP_PORT = 25
