/**
 * What the SMTP rules need from a PIX/ASA configuration: the version header, hostname, `fixup protocol smtp`
 * lines (PIX 6.x and older), service policies, policy-maps with their classes and `inspect` lines, and ESMTP
 * inspect maps with their `allow-tls` parameter. Read from the block tree, so lines keep their numbers.
 */

import { FTD_CONFIG_MARKERS } from '../../devices/ftd'
import { type SmtpInspectionBehaviour, smtpInspectSpelling } from '../../devices/smtp-inspection'
import type { PlatformFamily } from '../../devices/types'
import type { NumberedLine } from '../types'
import { parseVersion, type SoftwareVersion } from '../version'
import { type ConfigNode, type ConfigStructure, ConfigTreeBuilder } from './config-tree'

export interface FixupLine {
  protocol: string
  /** As written: `25`, `25-26`, `h225 1720`. */
  port: string
  /** False for `no fixup protocol smtp 25`. */
  enabled: boolean
  line: number
  text: string
}

export interface InspectLine {
  protocol: string
  /**
   * When the line is SMTP inspection in one of its spellings (`inspect esmtp`, FWSM's `inspect smtp`), what it does
   * to a mail dialog (src/shared/devices/smtp-inspection.ts); null for other protocols.
   */
  smtp: SmtpInspectionBehaviour | null
  /** The inspect map after the protocol (`inspect esmtp MAP`), null for the default map. */
  map: string | null
  line: number
  text: string
}

export interface PolicyClass {
  name: string
  line: number
  inspects: InspectLine[]
  /** `no inspect …` lines seen in the class (a pasted change, or an interface policy switching one off). */
  negatedInspects: InspectLine[]
}

export interface PolicyMap {
  name: string
  line: number
  classes: PolicyClass[]
}

export interface EsmtpInspectMap {
  name: string
  line: number
  /** The `allow-tls` line under `parameters`; null when absent or negated. */
  allowTls: { line: number; text: string } | null
}

export interface ServicePolicyBinding {
  policy: string
  /** `global`, or the interface name of `service-policy NAME interface IF`. */
  scope: string
  line: number
  text: string
}

export interface DeviceConfig {
  header: { platform: PlatformFamily; version: SoftwareVersion | null; line: number; text: string } | null
  hostname: { value: string; line: number } | null
  fixups: FixupLine[]
  policyMaps: PolicyMap[]
  esmtpMaps: EsmtpInspectMap[]
  /** `matches`: the class-map's `match …` lines (which traffic, e.g. `match port tcp eq 25`). */
  classMaps: { name: string; line: number; matches?: { line: number; text: string }[] }[]
  servicePolicies: ServicePolicyBinding[]
  /** Whether the block structure was read as indented, rebuilt from keywords, or could not be recovered. */
  structure: ConfigStructure
  /** Lines only an FMC/FDM-written configuration has (src/shared/devices/ftd.ts): an FTD without `show version`. */
  ftdMarkers: { line: number; text: string }[]
  firstLine: number
  lastLine: number
}

/** FTD's running-config starts `NGFW Version 7.0.1`. */
const HEADER = /^(ASA|PIX|FWSM|NGFW) Version (\S+)/i
const FIXUP = /^(no\s+)?fixup protocol (\S+)(?:\s+(.*))?$/
const INSPECT = /^(no\s+)?inspect (\S+)(?:\s+(\S+))?/

function parseFixup(node: ConfigNode): FixupLine | null {
  const m = FIXUP.exec(node.text)
  if (!m) return null
  return { protocol: m[2]!.toLowerCase(), port: (m[3] ?? '').trim(), enabled: !m[1], line: node.line, text: node.text }
}

/** Reads a `class` block; a class seen before in the same policy-map (a pasted change) continues that class. */
function parsePolicyClass(node: ConfigNode, name: string, earlier?: PolicyClass): PolicyClass {
  const cls: PolicyClass = earlier ?? { name, line: node.line, inspects: [], negatedInspects: [] }
  for (const child of node.children) {
    const m = INSPECT.exec(child.text)
    if (!m) continue
    // `inspect h323 h225` and `inspect dns preset_dns_map`: only esmtp's second word is a map name we use.
    const inspect: InspectLine = {
      protocol: m[2]!.toLowerCase(),
      smtp: smtpInspectSpelling(m[2]!)?.behaviour ?? null,
      map: m[3] ?? null,
      line: child.line,
      text: child.text,
    }
    if (m[1]) {
      cls.negatedInspects.push(inspect)
      cls.inspects = cls.inspects.filter((i) => i.protocol !== inspect.protocol)
    } else cls.inspects.push(inspect)
  }
  return cls
}

function parseEsmtpMap(node: ConfigNode, name: string): EsmtpInspectMap {
  let allowTls: EsmtpInspectMap['allowTls'] = null
  for (const child of node.children) {
    if (child.text !== 'parameters') continue
    for (const p of child.children) {
      if (/^allow-tls\b/.test(p.text)) allowTls = { line: p.line, text: p.text }
      else if (/^no allow-tls\b/.test(p.text)) allowTls = null
    }
  }
  return { name, line: node.line, allowTls }
}

/** First words of the marker lines: a cheap test before the patterns, on every top-level line. */
const MARKER_START = /^(?:ngfw|access-list|object network UM_|class-map class_snmp)/i

function isFtdMarker(node: ConfigNode): boolean {
  if (!MARKER_START.test(node.text)) return false
  if (node.text.startsWith('access-list') && !node.text.includes('CSM_FW_ACL_') && !node.text.includes(' advanced '))
    return false
  return FTD_CONFIG_MARKERS.some(
    (m) => m.line.test(node.text) && (!m.child || node.children.some((c) => m.child!.test(c.text))),
  )
}

/** The first words of the top-level commands readDeviceConfig reads (fixup lines may start with `no`). */
const READ_FIRST_WORDS = new Set(['hostname', 'fixup', 'no', 'policy-map', 'class-map', 'service-policy'])

function firstWord(text: string): string {
  const space = text.search(/\s/)
  return space === -1 ? text : text.slice(0, space)
}

/**
 * Reads a configuration line by line (the CLI streams a large file through it): each top-level block is read as the
 * tree builder completes it and then dropped, so only what the SMTP rules use is kept, not a node per line.
 */
export class DeviceConfigReader {
  private readonly config: DeviceConfig = {
    header: null,
    hostname: null,
    fixups: [],
    policyMaps: [],
    esmtpMaps: [],
    classMaps: [],
    servicePolicies: [],
    structure: { state: 'indented', recovered: 0, orphans: [] },
    ftdMarkers: [],
    firstLine: 1,
    lastLine: 1,
  }
  private readonly tree = new ConfigTreeBuilder((root) => readBlock(this.config, root))

  push(line: NumberedLine): void {
    this.tree.push(line.line, line.text)
  }

  /** The configuration read; `firstLine`/`lastLine` are the part's first line and its last line with text. */
  end(firstLine: number, lastLine: number): DeviceConfig {
    const config = this.config
    config.structure = this.tree.end()
    config.firstLine = firstLine
    config.lastLine = lastLine
    return config
  }
}

export function readDeviceConfig(lines: readonly NumberedLine[]): DeviceConfig {
  const reader = new DeviceConfigReader()
  for (const line of lines) reader.push(line)
  return reader.end(lines[0]?.line ?? 1, lines[lines.length - 1]?.line ?? 1)
}

/** One top-level block, complete with everything under it. */
function readBlock(config: DeviceConfig, node: ConfigNode): void {
  const text = node.text
  if (isFtdMarker(node)) config.ftdMarkers.push({ line: node.line, text })
  const header = HEADER.exec(text)
  if (header && !config.header) {
    const word = header[1]!.toLowerCase()
    const platform = (word === 'ngfw' ? 'ftd' : word) as PlatformFamily
    config.header = { platform, version: parseVersion(header[2]!), line: node.line, text }
    return
  }
  // Most top-level lines (access-list, object, interface…) are none of the commands read below: look at the first
  // word before splitting, so a 100,000-line configuration does not allocate a word array per line.
  if (!READ_FIRST_WORDS.has(firstWord(text))) return
  const w = text.split(/\s+/)
  if (w[0] === 'hostname' && w[1]) config.hostname = { value: w[1], line: node.line }
  else if (/^(no\s+)?fixup /.test(text)) {
    const fixup = parseFixup(node)
    if (fixup) config.fixups.push(fixup)
  } else if (w[0] === 'policy-map' && w[1] === 'type' && w[2] === 'inspect' && w[3] === 'esmtp' && w[4]) {
    config.esmtpMaps.push(parseEsmtpMap(node, w[4]))
  } else if (w[0] === 'policy-map' && w[1] && w[1] !== 'type') {
    readPolicyMap(config, node, w[1])
  } else if (w[0] === 'class-map' && w[1] && w[1] !== 'type') {
    const matches = node.children
      .filter((c) => c.text.startsWith('match '))
      .map((c) => ({ line: c.line, text: c.text }))
    config.classMaps.push({ name: w[1], line: node.line, matches })
  } else if (w[0] === 'service-policy' && w[1] && (w[2] === 'global' || (w[2] === 'interface' && w[3]))) {
    config.servicePolicies.push({ policy: w[1], scope: w[2] === 'global' ? 'global' : w[3]!, line: node.line, text })
  } else if (w[0] === 'no' && w[1] === 'service-policy' && w[2]) {
    const scope = w[3] === 'global' ? 'global' : (w[4] ?? '')
    config.servicePolicies = config.servicePolicies.filter((s) => !(s.policy === w[2] && s.scope === scope))
  }
}

function readPolicyMap(config: DeviceConfig, node: ConfigNode, name: string): void {
  let policy = config.policyMaps.find((p) => p.name === name)
  if (!policy) {
    policy = { name, line: node.line, classes: [] }
    config.policyMaps.push(policy)
  }
  for (const c of node.children) {
    if (!c.text.startsWith('class ')) continue
    const className = c.text.slice('class '.length).trim()
    const earlier = policy.classes.find((x) => x.name === className)
    const cls = parsePolicyClass(c, className, earlier)
    if (!earlier) policy.classes.push(cls)
  }
}

/** Whether this text carries any configuration the SMTP rules read. */
export function hasSmtpRelevantConfig(config: DeviceConfig): boolean {
  return config.fixups.length > 0 || config.policyMaps.length > 0 || config.servicePolicies.length > 0
}
