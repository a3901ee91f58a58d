/**
 * One device file → one audit row, from the engine's own analysis (`analyzeTexts`, the same call `unmask analyze`
 * makes): the row only reads findings by their stable rule ids and the facts, so engine improvements flow through.
 */
import { type Analysis, analyzeTexts } from '../diagnosis'
import type { EvidenceRef, Finding } from '../findings'
import type { AuditRow, BackupLayout, EsmtpState, Proof, SkipReason } from './types'

const ACTIVE = 'asa.esmtp-inspection-active'
const MAILGUARD = 'pix.mailguard-active'
const ALLOW_TLS = 'asa.esmtp-inspection-allow-tls'
const NONE = 'device.no-smtp-inspection'
const FTD = 'ftd.managed-device'
/** Findings that speak about the device's SMTP inspection at all. */
const STATE_FINDINGS = [ACTIVE, MAILGUARD, ALLOW_TLS, NONE]
/** Evidence kinds that only a firewall prints (IOS routers print `show version` too, but never these headers). */
const DEVICE_KINDS = new Set(['running-config', 'show-version', 'show-fixup', 'show-service-policy'])

/**
 * RANCID writes `!RANCID-CONTENT-TYPE: <type>` as the first line (haussli/rancid bin/rancid.in); Oxidized's ASA model
 * comments `show version` with `! ` (ytti/oxidized lib/oxidized/model/asa.rb), so its files open with `! ` lines
 * naming the software.
 */
export function detectLayout(text: string): BackupLayout {
  const head = text.slice(0, 4096)
  if (/^[!#]RANCID-CONTENT-TYPE:/.test(head)) return 'rancid'
  if (head.startsWith('!') && /^! .*\b(Software|Firewall) Version \S+/m.test(head)) return 'oxidized'
  return 'plain'
}

function ref(f: Finding | undefined, match: RegExp): EvidenceRef | undefined {
  return f?.evidence.find((e) => match.test(e.excerpt)) ?? f?.evidence[0]
}

function proofOf(r: EvidenceRef | undefined): Proof | null {
  return r ? { line: r.startLine, excerpt: r.excerpt.trim().slice(0, 200) } : null
}

function stateOf(a: Analysis): { state: EsmtpState; places: string[]; proof: Proof | null } {
  const by = (id: string) => a.findings.find((f) => f.id === id)
  const active = by(ACTIVE)
  const mailguard = by(MAILGUARD)
  // Any live inspection without allow-tls masks STARTTLS on that path, even when another path allows TLS.
  if (active) {
    const places = String(active.params?.places ?? '')
      .split(', ')
      .filter(Boolean)
    return { state: 'active', places, proof: proofOf(ref(active, /inspect esmtp/)) }
  }
  if (mailguard) {
    const places = mailguard.evidence.map((e) => e.excerpt.trim())
    return { state: 'active', places, proof: proofOf(ref(mailguard, /fixup/)) }
  }
  const allow = by(ALLOW_TLS)
  if (allow) {
    const places = allow.evidence.filter((e) => /^\s*inspect esmtp/.test(e.excerpt)).map((e) => e.excerpt.trim())
    return { state: 'allow-tls', places, proof: proofOf(ref(allow, /allow-tls/)) }
  }
  const none = by(NONE)
  if (none) return { state: 'off', places: [], proof: proofOf(none.evidence[0]) }
  const where = a.factSources.platform ?? a.factSources.version
  return { state: 'unknown', places: [], proof: proofOf(where) }
}

/** Why the analysis of a text gives no device row, or null when it does. */
export function skipReasonOf(a: Analysis): SkipReason | null {
  if (a.findings.some((f) => STATE_FINDINGS.includes(f.id))) return null
  if (a.facts.platform !== null) return null
  return a.parts.some((p) => DEVICE_KINDS.has(p.kind)) || a.facts.hostname !== null ? 'not-firewall' : 'not-config'
}

export function rowFromAnalysis(file: string, layout: BackupLayout, a: Analysis): AuditRow {
  const { state, places, proof } = stateOf(a)
  const bugs = [...new Set(a.findings.filter((f) => f.id.endsWith('-bug')).map((f) => f.id))]
  const remedies = [...new Set(a.remedies.map((r) => r.id))]
  return {
    file,
    layout,
    hostname: a.facts.hostname,
    platform: a.facts.platform,
    version: a.facts.version,
    state,
    places,
    bugs,
    mailguard: a.findings.some((f) => f.id === MAILGUARD),
    ftd: a.facts.platform === 'ftd' || a.findings.some((f) => f.id === FTD),
    remedy: remedies[0] ?? null,
    remedies,
    proof,
    affected: state === 'active' || bugs.length > 0,
    duplicateOf: null,
  }
}

export type AuditOutcome =
  | { kind: 'row'; row: AuditRow }
  | { kind: 'skip'; file: string; reason: SkipReason; detail?: string }

/** Analyses one configuration text: a row, or the reason it is not a firewall's configuration. */
export function auditText(file: string, text: string): AuditOutcome {
  if (text.trim() === '') return { kind: 'skip', file, reason: 'empty' }
  const analysis = analyzeTexts([{ source: file, text }])
  const reason = skipReasonOf(analysis)
  if (reason) return { kind: 'skip', file, reason }
  return { kind: 'row', row: rowFromAnalysis(file, detectLayout(text), analysis) }
}
