/**
 * Two views of one mail path side by side (typically straight to the server and through the firewall),
 * aligned line by line: banner, EHLO reply, each extension (a masked keyword sits on the row of the keyword
 * it hides, found from the other side's unmasked reply: align-extensions.ts), the reply to STARTTLS and the
 * TLS outcome. `differences` keeps only what proves a rewrite: a banner masked on one side, EHLO refused,
 * STARTTLS offered on one side only (masked, or its line deleted as some mail gateways do, §7.5), any
 * extension masked on one side, different STARTTLS replies, TLS on one side only. Everything else (a
 * banner's clock, a SIZE value) is shown but not counted.
 */
import { bannerMaskVariant } from '../evidence/smtp/masks'
import { buildSmtpSession, type SmtpSession } from '../evidence/smtp-session'
import type { TlsOutcome } from '../evidence/types'
import { alignExtensions } from './align-extensions'
import { probeSource, probeTranscript } from './transcript'
import type { ProbeResult } from './types'

export type ComparisonAspect = 'banner' | 'ehlo' | 'extension' | 'starttls' | 'tls'

export interface ComparisonCell {
  text: string
  /** Transcript line on that side; absent for the TLS outcome, which is not a line. */
  line?: number
  /** The TLS outcome itself, for a translated display of the `tls` row. */
  tls?: TlsOutcome
}

export interface ComparisonRow {
  aspect: ComparisonAspect
  /** Extension keyword (unmasked name) for extension rows; the aspect otherwise. */
  key: string
  left?: ComparisonCell
  right?: ComparisonCell
  same: boolean
}

export type DifferenceKind =
  | 'banner-masked'
  | 'ehlo-refused'
  | 'starttls-advertised'
  | 'extension-masked'
  | 'starttls-reply'
  | 'tls-outcome'

export interface PathDifference {
  kind: DifferenceKind
  /** The rows that show it. */
  keys: string[]
  /**
   * For `starttls-advertised`: how the side without STARTTLS lost it — its line `masked` (X-ed in place, as PIX/ASA
   * inspection does) or `deleted` (no line at all, as gateways such as F-Secure Internet Gatekeeper do, §7.5).
   * Absent when the other side has no EHLO extensions to compare with.
   */
  how?: 'masked' | 'deleted'
}

export interface PathComparison {
  left: string
  right: string
  rows: ComparisonRow[]
  differences: PathDifference[]
}

export function compareProbes(left: ProbeResult, right: ProbeResult): PathComparison {
  const [l, r] = [probeSource(left), probeSource(right)]
  const rightSource = l === r ? `${r} (2)` : r
  return compareSessions(
    buildSmtpSession(probeTranscript(left, l)),
    buildSmtpSession(probeTranscript(right, rightSource)),
  )
}

export function compareSessions(left: SmtpSession, right: SmtpSession): PathComparison {
  const rows: ComparisonRow[] = []
  const differences: PathDifference[] = []
  const row = (aspect: ComparisonAspect, key: string, a?: ComparisonCell, b?: ComparisonCell) => {
    const r: ComparisonRow = { aspect, key, left: a, right: b, same: a?.text === b?.text }
    rows.push(r)
    return r
  }

  const banner = [left, right].map((s) => firstLine(s.greeting?.lines))
  row('banner', 'banner', banner[0], banner[1])
  const masks = banner.map((b) => (b ? bannerMaskVariant(b.text) : null))
  if (banner[0] && banner[1] && (masks[0] === null) !== (masks[1] === null))
    differences.push({ kind: 'banner-masked', keys: ['banner'] })

  const ehlo = [left, right].map(ehloExchange)
  row('ehlo', 'ehlo', firstLine(ehlo[0]?.reply?.lines), firstLine(ehlo[1]?.reply?.lines))
  const refused = ehlo.map((x) => (x?.reply ? x.reply.code >= 500 : null))
  if (refused[0] !== null && refused[1] !== null && refused[0] !== refused[1])
    differences.push({ kind: 'ehlo-refused', keys: ['ehlo'] })

  const extensions = alignExtensions(left.ehlo?.extensions ?? [], right.ehlo?.extensions ?? [])
  for (const [key, a, b] of extensions) {
    row('extension', key, a && { text: a.raw, line: a.line }, b && { text: b.raw, line: b.line })
  }
  if (left.ehlo && right.ehlo) {
    const offers = [left, right].map((s) => s.ehlo!.extensions.some((e) => e.keyword === 'STARTTLS' && !e.masked))
    if (offers[0] !== offers[1]) {
      const row = extensions.find(([key, a, b]) => key === 'STARTTLS' && (offers[0] ? a && !a.masked : b && !b.masked))
      const lost = row ? (offers[0] ? row[2] : row[1]) : undefined
      differences.push({ kind: 'starttls-advertised', keys: ['STARTTLS'], how: lost?.masked ? 'masked' : 'deleted' })
    }
    const maskedKeys = extensions
      .filter(([, a, b]) => a && b && (a.masked === null) !== (b.masked === null))
      .map(([key]) => key)
    if (maskedKeys.length > 0) differences.push({ kind: 'extension-masked', keys: maskedKeys })
  }

  const starttls = [left, right].map((s) => firstLine(s.starttls?.reply?.lines))
  row('starttls', 'starttls', starttls[0], starttls[1])
  const codes = [left, right].map((s) => s.starttls?.reply?.code)
  if (codes[0] !== undefined && codes[1] !== undefined && (codes[0] === 220) !== (codes[1] === 220))
    differences.push({ kind: 'starttls-reply', keys: ['starttls'] })

  const tls = [left, right].map(tlsCell)
  row('tls', 'tls', tls[0], tls[1])
  const established = [left, right].map((s) => s.tls?.established === true)
  if (established[0] !== established[1]) differences.push({ kind: 'tls-outcome', keys: ['tls'] })

  return { left: left.source, right: right.source, rows, differences }
}

function firstLine(lines: ReadonlyArray<{ line: number; raw: string }> | undefined): ComparisonCell | undefined {
  const first = lines?.[0]
  return first ? { text: first.raw, line: first.line } : undefined
}

function ehloExchange(s: SmtpSession) {
  return s.exchanges.find((x) => x.verb === 'EHLO' && !x.afterTls) ?? null
}

function tlsCell(s: SmtpSession): ComparisonCell | undefined {
  if (!s.tls) return undefined
  const tls = { ...s.tls }
  if (!tls.established) return { text: `failed: ${tls.error ?? ''}`.trim(), tls }
  return { text: ['established', tls.protocol, tls.cipher].filter(Boolean).join(' '), tls }
}
