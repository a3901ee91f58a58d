/**
 * The mail-policy state as text beside the probe (`unmask probe DOMAIN`), translated: the domain's MTA-STS and TLS-RPT
 * records, then one line per MX with its DANE state and the joined verdict (verdict.ts). Pure.
 */
import type { Translate } from '../i18n'
import type { MailPolicyCheck } from './types'
import type { MxPolicyVerdict } from './verdict'

const LEVEL: Record<MxPolicyVerdict['level'], string> = {
  critical: 'CRITICAL',
  warning: 'WARNING',
  good: 'OK',
  info: 'INFO',
}

function stsLine(check: MailPolicyCheck, t: Translate): string {
  const r = check.stsRecord
  if (!r.ok)
    return 'message' in r
      ? t('findings.mailPolicy.sts.lookupFailed', { message: r.message })
      : t(`findings.mailPolicy.sts.record.${r.reason}`, { text: r.text ?? '' })
  const p = check.stsPolicy
  if (!p) return t('findings.mailPolicy.sts.record.syntax', { text: '' })
  if (!p.ok) return t('findings.mailPolicy.sts.fetchFailed', { id: r.id, url: p.url, message: p.message })
  return t('findings.mailPolicy.sts.policy', {
    id: r.id,
    mode: p.policy.mode,
    mx: p.policy.mx.join(', ') || '-',
    maxAge: p.policy.maxAge,
  })
}

function tlsrptLine(check: MailPolicyCheck, t: Translate): string {
  const r = check.tlsrpt
  if (r.ok) return t('findings.mailPolicy.tlsrpt.published', { rua: r.rua.join(', ') })
  return 'message' in r
    ? t('findings.mailPolicy.tlsrpt.lookupFailed', { message: r.message })
    : t(`findings.mailPolicy.tlsrpt.${r.reason}`, { text: r.text ?? '' })
}

function daneText(v: MxPolicyVerdict, t: Translate): string {
  if (v.dane === 'none') return t('findings.mailPolicy.dane.none')
  return t(`findings.mailPolicy.dane.${v.dane}`, {
    count: v.tlsaCount,
    dnssec: t(v.daneAuthenticated ? 'findings.mailPolicy.dane.validated' : 'findings.mailPolicy.dane.notValidated'),
  })
}

export function mxPolicyLine(v: MxPolicyVerdict, t: Translate): string {
  const listed =
    v.stsListed === null ? '' : t(v.stsListed ? 'findings.mailPolicy.mx.listed' : 'findings.mailPolicy.mx.notListed')
  return t('findings.mailPolicy.mx.line', {
    host: v.host,
    sts: `${v.sts}${listed ? ` ${listed}` : ''}`,
    dane: daneText(v, t),
    level: LEVEL[v.level],
    verdict: t(`findings.mailPolicy.verdict.${v.key}`, v.params),
  })
}

export function renderMailPolicyText(
  check: MailPolicyCheck,
  verdicts: readonly MxPolicyVerdict[],
  t: Translate,
): string {
  return [
    t('findings.mailPolicy.heading', { domain: check.domain }),
    `  ${stsLine(check, t)}`,
    `  ${tlsrptLine(check, t)}`,
    ...verdicts.map((v) => `  ${mxPolicyLine(v, t)}`),
    '',
  ].join('\n')
}
