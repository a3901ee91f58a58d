/**
 * How an ASA (or PIX 7.x) running-config decides SMTP inspection for a connection to a mail host on tcp/25 that
 * enters the firewall on one interface (`outside` for mail coming in, `inside` for the site's own mail going out).
 *
 * Per feature, not wholesale (pix-asa-smtp-inspection.md §7.3; Cisco ASA 5500 Series Configuration Guide using
 * ASDM, OL-20339-01, p.29-7: "Interface service policies take precedence over the global service policy for a
 * given feature … a global policy with FTP inspection, and an interface policy with TCP normalization, then both
 * … are applied"): the interface policy decides the flow's inspection only when it applies an inspection to it;
 * otherwise the global policy's `inspect esmtp` still applies on that interface. Since an ASA applies only one
 * of the inspections that cannot be combined to a flow (same guide, "Incompatibility of Certain Feature
 * Actions"), an interface class that claims tcp/25 with another engine also replaces the global ESMTP inspection
 * [I: inferred from those two statements, not seen in a capture]. A policy-map no `service-policy` line attaches
 * inspects nothing. In a policy-map, the first class that matches the flow and carries inspect actions decides;
 * `inspect esmtp` without a map uses `_default_esmtp_map`.
 */
import type { InspectionPolicy } from '../proxy/policy'
import { type ConfigNode, findChild } from './config-tree'
import { versionBefore } from './version'

export const DEFAULT_ESMTP_MAP = '_default_esmtp_map'
const SMTP_PORT = 25

export function asaInspectionPolicy(config: ConfigNode[], version: string, ingress = 'outside'): InspectionPolicy {
  const attached = attachedPolicyMaps(config, ingress)
  const decided = attached.interface ? policyMapDecision(config, attached.interface, version) : undefined
  if (decided) return decided
  return (attached.global ? policyMapDecision(config, attached.global, version) : undefined) ?? { kind: 'off' }
}

/** The policy-map whose counters `show service-policy` shows first: the interface's, else the global one. */
export function appliedPolicyMap(config: ConfigNode[], ingress = 'outside'): string | undefined {
  const attached = attachedPolicyMaps(config, ingress)
  return attached.interface ?? attached.global
}

function attachedPolicyMaps(config: ConfigNode[], ingress: string): { global?: string; interface?: string } {
  const found: { global?: string; interface?: string } = {}
  for (const node of config) {
    const m = /^service-policy (\S+) (global|interface (\S+))$/.exec(node.line)
    if (!m) continue
    if (m[3] === ingress) found.interface = m[1]
    if (m[2] === 'global') found.global = m[1]
  }
  return found
}

/** What one policy-map does to the flow: an inspection (ESMTP or another engine), or undefined when it has none. */
function policyMapDecision(config: ConfigNode[], name: string, version: string): InspectionPolicy | undefined {
  const policyMap = findChild(config, `policy-map ${name}`)
  if (!policyMap) return undefined
  for (const cls of policyMap.children) {
    const className = /^class (\S+)$/.exec(cls.line)?.[1]
    if (!className || !classMatchesSmtp(config, className)) continue
    const inspects = cls.children.filter((c) => c.line.startsWith('inspect '))
    const esmtp = inspects.find((c) => /^inspect esmtp(\s|$)/.test(c.line))
    // default-inspection-traffic applies each engine to its own default ports only, so a class without
    // `inspect esmtp` there leaves SMTP to later classes; an explicit match with other inspects claims the flow.
    if (!esmtp && (inspects.length === 0 || isDefaultInspectionClass(config, className))) continue
    if (!esmtp) return { kind: 'off' }
    const map = esmtp.line.split(/\s+/)[2] ?? DEFAULT_ESMTP_MAP
    return { kind: 'esmtp', map, ...mapParameters(config, map), duplicateHeaderBug: versionBefore(version, '7.2(3)') }
  }
  return undefined
}

function isDefaultInspectionClass(config: ConfigNode[], className: string): boolean {
  const classMap = findChild(config, `class-map ${className}`)
  return classMap?.children.some((m) => m.line === 'match default-inspection-traffic') ?? false
}

function classMatchesSmtp(config: ConfigNode[], className: string): boolean {
  if (className === 'class-default') return true
  const classMap = findChild(config, `class-map ${className}`)
  if (!classMap) return false
  return classMap.children.some((m) => matchCoversSmtp(config, m.line))
}

function matchCoversSmtp(config: ConfigNode[], line: string): boolean {
  if (line === 'match default-inspection-traffic' || line === 'match any') return true
  const port = /^match port tcp eq (\S+)$/.exec(line)
  if (port) return isSmtpPort(port[1]!)
  const range = /^match port tcp range (\d+) (\d+)$/.exec(line)
  if (range) return Number(range[1]) <= SMTP_PORT && SMTP_PORT <= Number(range[2])
  const acl = /^match access-list (\S+)$/.exec(line)
  if (acl) return accessListCoversSmtp(config, acl[1]!)
  return false
}

function accessListCoversSmtp(config: ConfigNode[], name: string): boolean {
  return config.some((node) => {
    const m = new RegExp(`^access-list ${escapeRegExp(name)} extended permit (\\S+) (.*)$`).exec(node.line)
    if (!m) return false
    if (m[1] === 'ip') return true
    if (m[1] !== 'tcp') return false
    const eq = /\beq (\S+)/.exec(m[2]!)
    return eq ? isSmtpPort(eq[1]!) : true
  })
}

function isSmtpPort(value: string): boolean {
  return value === 'smtp' || value === String(SMTP_PORT)
}

interface MapParameters {
  maskBanner: boolean
  allowTls: boolean
  logTls: boolean
  maskOthers: boolean
}

function mapParameters(config: ConfigNode[], map: string): MapParameters {
  if (map === DEFAULT_ESMTP_MAP) return { maskBanner: true, allowTls: false, logTls: false, maskOthers: true }
  const node = findChild(config, `policy-map type inspect esmtp ${map}`)
  const parameters = node ? findChild(node.children, 'parameters') : undefined
  const lines = parameters?.children.map((c) => c.line) ?? []
  // `match ehlo-reply-parameter others` followed by `mask` (as in the default map, CFG9) masks the others.
  const others = node ? findChild(node.children, 'match ehlo-reply-parameter others') : undefined
  return {
    maskBanner: lines.includes('mask-banner'),
    allowTls: lines.some((l) => l === 'allow-tls' || l.startsWith('allow-tls ')),
    logTls: lines.includes('allow-tls action log'),
    maskOthers: others?.children.some((c) => /^mask(\s|$)/.test(c.line)) ?? false,
  }
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
}
