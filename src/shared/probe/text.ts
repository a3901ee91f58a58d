/**
 * Probe results as terminal text (the CLI, logs): the timed transcript, phase timings, the TLS session and
 * certificate chain, the error if any, the findings with the lines that prove them, and the verdict.
 * Transcript lines are data and are shown as received; everything around them is translated.
 */
import type { RootCause } from '../diagnosis'
import type { Finding } from '../findings'
import type { Translate } from '../i18n'
import { displayWidth } from '../text/display-width'
import type { ComparisonCell, PathComparison } from './compare'
import { formatHostPort } from './target'
import type { CertificateInfo, ProbeLine, ProbeResult, TlsReport } from './types'
import type { Verdict } from './verdict'

const MARK = { client: 'C:', server: 'S:', note: '--' } as const

export function ms(value: number): string {
  return value < 10 ? `${value.toFixed(1)} ms` : `${Math.round(value)} ms`
}

/** Server and client lines exactly as recorded; the recorder's notes translated when `t` is given. */
export function transcriptLines(lines: readonly ProbeLine[], t?: Translate): string[] {
  const width = Math.max(0, ...lines.map((l) => ms(l.atMs).length))
  return lines.map((l) => {
    const text = l.note && t ? t(`probe.notes.${l.note.key}`, l.note.params) : l.text
    return `  ${`+${ms(l.atMs)}`.padStart(width + 1)}  ${MARK[l.direction]} ${text}`
  })
}

export function renderProbeText(
  result: ProbeResult,
  findings: readonly Finding[],
  verdict: Verdict,
  t: Translate,
  causes: readonly RootCause[] = [],
): string {
  const target = result.target
  const out: string[] = []
  out.push(
    t('probe.text.heading', {
      target: formatHostPort(target.host, target.port),
      mode: t(`probe.modes.${target.mode}`),
      vantage: target.vantage ?? '-',
    }),
  )
  if (result.address && result.address !== target.host)
    out.push(`  ${t('probe.text.address', { address: result.address, family: `IPv${result.family ?? 4}` })}`)
  out.push('', t('probe.text.transcript'), ...transcriptLines(result.transcript, t))
  out.push('', t('probe.text.timings'), `  ${timings(result, t)}`)
  if (result.tls) out.push('', t('probe.text.tls'), ...tlsLines(result.tls, t))
  if (result.message)
    out.push(
      '',
      t('probe.text.message', {
        outcome: t(`probe.message.${result.message.outcome}`),
        dkim: result.message.dkimSignature ? t('probe.text.yes') : t('probe.text.no'),
      }),
    )
  if (result.error)
    out.push(
      '',
      t('probe.text.error', {
        phase: t(`probe.phases.${result.error.phase}`),
        code: t(`probe.errors.${result.error.code}`),
        message: result.error.message,
      }),
    )
  out.push('', ...findingLines(findings, t), ...causeLines(causes, t))
  out.push('', t('probe.text.verdict', { verdict: t(verdict.key, verdict.params) }))
  return `${out.join('\n')}\n`
}

function timings(result: ProbeResult, t: Translate): string {
  const parts = result.phases.map((p) => {
    const failed = p.outcome === 'failed' ? ` (${t('probe.text.failedShort')})` : ''
    return `${t(`probe.phases.${p.phase}`)} ${ms(p.durationMs)}${failed}`
  })
  return `${parts.join(', ')}; ${t('probe.text.total', { duration: ms(result.durationMs) })}`
}

function tlsLines(tls: TlsReport, t: Translate): string[] {
  if (!tls.established) return [`  ${t('probe.text.tlsFailed', { error: tls.error ?? '' })}`]
  const out = [`  ${t('probe.text.session', { protocol: tls.protocol ?? '?', cipher: tls.cipher ?? '?' })}`]
  for (const [i, c] of tls.chain.entries()) out.push(...certificateLines(c, i + 1, t))
  const v = tls.verification
  if (v) {
    const trust = v.trusted ? t('probe.text.yes') : `${t('probe.text.no')} (${v.trustError ?? ''})`
    const name = v.hostnameMatches ? t('probe.text.yes') : t('probe.text.no')
    out.push(`  ${t('probe.text.verification', { trusted: trust, hostname: v.hostname, matches: name })}`)
  }
  return out
}

function certificateLines(c: CertificateInfo, n: number, t: Translate): string[] {
  const key = [c.keyType, c.keyBits ? String(c.keyBits) : '', c.curve ?? ''].filter(Boolean).join(' ')
  const flags = [c.expired ? t('probe.text.expired') : '', c.notYetValid ? t('probe.text.notYetValid') : '']
    .concat(c.selfSigned ? t('probe.text.selfSigned') : '')
    .filter(Boolean)
  return [
    `  ${t('probe.text.certificate', { n, subject: c.subject, issuer: c.issuer })}${flags.length ? ` [${flags.join(', ')}]` : ''}`,
    `    ${t('probe.text.validity', { from: c.validFrom, to: c.validTo, key })}`,
    ...(c.san.length ? [`    SAN: ${c.san.join(', ')}`] : []),
    `    SHA-256: ${c.sha256}`,
  ]
}

export function findingLines(findings: readonly Finding[], t: Translate): string[] {
  const out = [t('probe.text.findings')]
  if (findings.length === 0) out.push(`  ${t('probe.text.noFindings')}`)
  for (const f of findings) {
    out.push(
      `  [${t(`probe.severity.${f.severity}`)}] ${t(f.titleKey, f.params)} (${Math.round(f.confidence * 100)}%)  [${f.id}]`,
    )
    for (const e of f.evidence.slice(0, 6)) {
      const first = e.excerpt.split('\n')[0] ?? ''
      out.push(`      ${e.source}:${e.startLine}  ${first.length > 100 ? `${first.slice(0, 100)}…` : first}`)
    }
  }
  return out
}

export function causeLines(causes: readonly RootCause[], t: Translate): string[] {
  if (causes.length === 0) return []
  return [
    '',
    t('probe.text.causes'),
    ...causes.map((c) => `  ${t(c.titleKey, c.params)} (${Math.round(c.confidence * 100)}%)  [${c.id}]`),
  ]
}

/** The two sides in columns; rows that differ are marked with `≠`. */
export function renderComparisonText(c: PathComparison, verdict: Verdict, t: Translate): string {
  const shown = (cell: ComparisonCell | undefined) => {
    if (!cell) return '—'
    if (!cell.tls) return cell.text
    const { established, protocol, cipher, error } = cell.tls
    return established
      ? t('probe.text.tlsCellOk', { protocol: protocol ?? '?', cipher: cipher ?? '?' })
      : t('probe.text.tlsCellFailed', { error: error ?? '' })
  }
  const width = Math.min(60, Math.max(c.left.length, ...c.rows.map((r) => displayWidth(shown(r.left)))))
  const pad = (text: string) => {
    const cut = text.length > width ? `${text.slice(0, width - 1)}…` : text
    return cut + ' '.repeat(Math.max(0, width - displayWidth(cut)))
  }
  const out = [t('probe.text.comparison'), `    ${pad(c.left)}  ${c.right}`]
  for (const r of c.rows) out.push(`  ${r.same ? ' ' : '≠'} ${pad(shown(r.left))}  ${shown(r.right)}`)
  out.push('', t('probe.text.verdict', { verdict: t(verdict.key, verdict.params) }))
  return `${out.join('\n')}\n`
}
