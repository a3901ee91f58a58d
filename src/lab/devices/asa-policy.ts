/**
 * How an ASA (or PIX 7.x) running-config decides SMTP inspection for a connection to the mail host on tcp/25:
 * the interface policy on `outside` wins over the global one; in the policy-map, the first class that matches the
 * flow and carries inspect actions decides; `inspect esmtp` without a map uses `_default_esmtp_map`.
 */
import type { InspectionPolicy } from '../proxy/policy'
import { type ConfigNode, findChild } from './config-tree'
import { versionBefore } from './version'

export const DEFAULT_ESMTP_MAP = '_default_esmtp_map'
const SMTP_PORT = 25

export function asaInspectionPolicy(config: ConfigNode[], version: string): InspectionPolicy {
  const applied = appliedPolicyMap(config)
  if (!applied) return { kind: 'off' }
  const policyMap = findChild(config, `policy-map ${applied}`)
  if (!policyMap) return { kind: 'off' }
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
  return { kind: 'off' }
}

export function appliedPolicyMap(config: ConfigNode[]): string | undefined {
  let global: string | undefined
  for (const node of config) {
    const m = /^service-policy (\S+) (global|interface (\S+))$/.exec(node.line)
    if (!m) continue
    if (m[3] === 'outside') return m[1]
    if (m[2] === 'global') global = m[1]
  }
  return global
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

function mapParameters(config: ConfigNode[], map: string): { maskBanner: boolean; allowTls: boolean; logTls: boolean } {
  if (map === DEFAULT_ESMTP_MAP) return { maskBanner: true, allowTls: false, logTls: false }
  const node = findChild(config, `policy-map type inspect esmtp ${map}`)
  const parameters = node ? findChild(node.children, 'parameters') : undefined
  const lines = parameters?.children.map((c) => c.line) ?? []
  return {
    maskBanner: lines.includes('mask-banner'),
    allowTls: lines.some((l) => l === 'allow-tls' || l.startsWith('allow-tls ')),
    logTls: lines.includes('allow-tls action log'),
  }
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
}
