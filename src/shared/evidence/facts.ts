/**
 * Device facts gathered from every piece of evidence: platform, version, hostname, model, context mode and
 * failover. The first source that states a fact wins, except that `show version` beats a config header.
 */

import type { PlatformFamily } from '../devices/types'
import type { EvidenceRef } from '../findings'
import type { Evidence } from './index'
import { parseVersion, type SoftwareVersion } from './version'

export interface DeviceFacts {
  platform: PlatformFamily | null
  version: string | null
  hostname: string | null
  model: string | null
  contextMode: 'single' | 'multiple' | null
  failover: boolean | null
  /** Which unit of a failover pair the evidence came from: from a failover prompt or `show failover`. */
  failoverUnit: 'primary' | 'secondary' | null
  /** Its failover role: a standby unit passes no traffic, so its configuration says nothing about live inspection. */
  failoverRole: 'active' | 'standby' | null
  /** For FTD: the version of the ASA engine inside it. */
  asaVersion: string | null
  /** The security context the output was taken in (from a `host/context#` prompt). */
  context: string | null
  /**
   * A configuration whose indentation was lost: `recovered` when its blocks were rebuilt from their keywords, `lost`
   * when some sub-commands (an `inspect esmtp` among them, possibly) could not be placed. With `lost`, the absence of
   * an inspection in that configuration proves nothing ("structure could not be recovered", not "no inspection").
   */
  configStructure: 'recovered' | 'lost' | null
}

export interface FactsWithEvidence {
  facts: DeviceFacts
  /** Where each fact was read, by fact name. */
  sources: Partial<Record<keyof DeviceFacts, EvidenceRef>>
  /** The parsed version, for comparisons. */
  parsedVersion: SoftwareVersion | null
}

const FAILOVER_UNITS = { primary: 'primary', secondary: 'secondary' } as const
/** `show failover` states: `Active`, `Standby Ready`, `Cold Standby`, `Standby Failed`… */
const FAILOVER_ROLES = { active: 'active', standby: 'standby' } as const

function failoverWord<T extends string>(text: string, words: Record<string, T>): T | null {
  const lower = text.toLowerCase()
  for (const [word, value] of Object.entries(words)) if (new RegExp(`\\b${word}\\b`).test(lower)) return value
  return null
}

export function collectFacts(evidence: readonly Evidence[]): FactsWithEvidence {
  const facts: DeviceFacts = {
    platform: null,
    version: null,
    hostname: null,
    model: null,
    contextMode: null,
    failover: null,
    failoverUnit: null,
    failoverRole: null,
    asaVersion: null,
    context: null,
    configStructure: null,
  }
  const sources: FactsWithEvidence['sources'] = {}
  const set = <K extends keyof DeviceFacts>(
    key: K,
    value: DeviceFacts[K],
    source: string,
    line: number,
    excerpt: string,
  ) => {
    if (value === null || facts[key] !== null) return
    facts[key] = value
    sources[key] = { source, startLine: line, endLine: line, excerpt }
  }
  // show version first: it is the authoritative statement of platform and version.
  const ordered = [...evidence].sort((a, b) => Number(b.kind === 'show-version') - Number(a.kind === 'show-version'))
  for (const e of ordered) {
    // The prompt is what the device shows now (and what a fix will be typed at), so it wins over a config line.
    if ('hostname' in e && e.hostname && e.kind !== 'smtp-transcript' && e.kind !== 'unknown') {
      set('hostname', e.hostname, e.source, e.firstLine ?? 1, e.hostname)
      if (e.failover) {
        const where = e.firstLine ?? 1
        if (e.failover.unit)
          set('failoverUnit', e.failover.unit === 'pri' ? 'primary' : 'secondary', e.source, where, '')
        if (e.failover.state)
          set('failoverRole', e.failover.state === 'act' ? 'active' : 'standby', e.source, where, '')
        set('failover', true, e.source, where, '')
      }
      if (e.context) {
        set('context', e.context, e.source, e.firstLine ?? 1, `${e.hostname}/${e.context}`)
        set('contextMode', 'multiple', e.source, e.firstLine ?? 1, `${e.hostname}/${e.context}`)
      }
    }
    if (e.kind === 'show-version') {
      const d = e.data
      if (d.version) {
        set('platform', d.platform, e.source, d.version.line, d.version.value.text)
        set('version', d.version.value.text, e.source, d.version.line, d.version.value.text)
      }
      if (d.asaVersion && d.platform === 'ftd')
        set('asaVersion', d.asaVersion.value.text, e.source, d.asaVersion.line, '')
      if (d.hostname) set('hostname', d.hostname.value, e.source, d.hostname.line, d.hostname.value)
      if (d.model) set('model', d.model.value, e.source, d.model.line, d.model.value)
      if (d.contextMode) set('contextMode', d.contextMode.value, e.source, d.contextMode.line, '')
      if (d.failover) set('failover', d.failover.value, e.source, d.failover.line, '')
    } else if (e.kind === 'running-config') {
      const h = e.data.header
      if (h) {
        set('platform', h.platform, e.source, h.line, h.text)
        set('version', h.version?.text ?? null, e.source, h.line, h.text)
      }
      const marker = e.data.ftdMarkers[0]
      if (!h && marker) set('platform', 'ftd', e.source, marker.line, marker.text)
      const host = e.data.hostname
      if (host) set('hostname', host.value, e.source, host.line, `hostname ${host.value}`)
      const structure = e.data.structure
      const orphan = structure.orphans[0]
      if (orphan) set('configStructure', 'lost', e.source, orphan.line, orphan.text)
      else if (structure.state === 'recovered') set('configStructure', 'recovered', e.source, e.firstLine, '')
    } else if (e.kind === 'show-context' && e.data.contexts.length > 0) {
      set('contextMode', 'multiple', e.source, e.data.contexts[0]!.line, '')
    } else if (e.kind === 'show-failover' && e.data.enabled) {
      set('failover', e.data.enabled.value, e.source, e.data.enabled.line, '')
      const self = e.data.thisHost
      if (self && e.data.enabled.value) {
        const excerpt = `This host: ${self.value.role} - ${self.value.state}`
        set('failoverUnit', failoverWord(self.value.role, FAILOVER_UNITS), e.source, self.line, excerpt)
        set('failoverRole', failoverWord(self.value.state, FAILOVER_ROLES), e.source, self.line, excerpt)
      }
    } else if (e.kind === 'show-fixup' && e.data.length > 0) {
      // Only PIX 6.x and older have `show fixup`.
      set('platform', 'pix', e.source, e.data[0]!.line, e.data[0]!.text)
    }
  }
  // A syslog prefix names the platform too (`%FTD-session-4-…`), but less surely than device output: last.
  for (const e of evidence) {
    if (e.kind !== 'log') continue
    const named = e.data.find((l) => l.platform)
    if (named?.platform) set('platform', named.platform, e.source, named.line, named.text)
  }
  for (const s of Object.values(sources)) if (s && !s.excerpt) s.excerpt = ''
  return { facts, sources, parsedVersion: facts.version ? parseVersion(facts.version) : null }
}
