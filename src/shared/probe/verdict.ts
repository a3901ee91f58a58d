/**
 * The one-line verdict of a probe or a comparison, as an i18n key (`probe.verdict.<id>`) with parameters:
 * the first thing an engineer reads, so it names the most telling fact, and the findings carry the rest.
 */
import type { Finding } from '../findings'
import type { PathComparison } from './compare'
import type { ProbeResult } from './types'

export type VerdictId =
  | 'failed'
  | 'tls-failed'
  | 'message-dropped'
  | 'refused'
  | 'starttls-masked'
  | 'keywords-masked'
  | 'esmtp-blocked'
  | 'tls-ok'
  | 'tls-untrusted'
  | 'plain-only'
  | 'starttls-refused'
  | 'no-starttls'
  | 'paths-differ'
  | 'paths-same'

export interface Verdict {
  id: VerdictId
  level: 'good' | 'warning' | 'bad'
  key: string
  params: Record<string, string>
}

const STARTTLS_MASKED = ['smtp.starttls-masked']
/**
 * The path rewrites SMTP, but no masked line was identified as STARTTLS: other keywords masked (an 8-letter mask
 * may be SMTPUTF8 or CHUNKING, §7.2), or the STARTTLS command X-ed. Whether the server offers TLS is then open.
 */
const REWRITING = ['smtp.starttls-rejected', 'smtp.command-masked', 'smtp.keyword-masked']
const ESMTP_BLOCKED = ['smtp.banner-masked', 'smtp.ehlo-rejected']

function verdict(id: VerdictId, level: Verdict['level'], params: Record<string, string> = {}): Verdict {
  return { id, level, key: `probe.verdict.${id}`, params }
}

export function probeVerdict(result: ProbeResult, findings: readonly Finding[]): Verdict {
  const has = (ids: string[]) => findings.some((f) => ids.includes(f.id))
  if (result.message?.outcome === 'dropped')
    return verdict('message-dropped', 'bad', { dkim: result.message.dkimSignature ? 'DKIM-Signature' : '-' })
  if (result.outcome === 'failed' && result.error) {
    if (result.error.phase === 'tls') return verdict('tls-failed', 'bad', { error: result.error.message })
    return verdict('failed', 'bad', { phase: result.error.phase, code: result.error.code })
  }
  if (result.banner && result.banner.code !== 220)
    return verdict('refused', 'bad', { reply: result.banner.lines[0]?.raw ?? '' })
  if (has(STARTTLS_MASKED)) return verdict('starttls-masked', 'bad')
  if (has(REWRITING)) return verdict('keywords-masked', 'bad')
  if (has(ESMTP_BLOCKED)) return verdict('esmtp-blocked', 'bad')
  const tls = result.tls
  if (tls?.established) {
    const v = tls.verification
    if (v?.trusted && v.hostnameMatches) return verdict('tls-ok', 'good', { protocol: tls.protocol ?? '' })
    const reason = !v?.trusted ? (v?.trustError ?? 'UNVERIFIED') : (v.hostnameError ?? 'hostname')
    return verdict('tls-untrusted', 'warning', { protocol: tls.protocol ?? '', reason })
  }
  if (result.target.mode === 'plain') return verdict('plain-only', 'warning')
  const reply = result.starttls?.reply
  if (result.starttls?.sent && reply && reply.code !== 220)
    return verdict('starttls-refused', 'bad', { reply: reply.lines[0]?.raw ?? '' })
  return verdict('no-starttls', 'bad')
}

export function comparisonVerdict(comparison: PathComparison): Verdict {
  if (comparison.differences.length === 0)
    return verdict('paths-same', 'good', { left: comparison.left, right: comparison.right })
  return verdict('paths-differ', 'bad', {
    left: comparison.left,
    right: comparison.right,
    count: String(comparison.differences.length),
  })
}
