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

/** An i18n key with its parameters: the domain lines are journaled this way, so the report renders its own language. */
export interface PolicyTextRef {
  key: string
  params: Record<string, string | number>
}

export function stsRef(check: MailPolicyCheck): PolicyTextRef {
  const r = check.stsRecord
  if (!r.ok)
    return 'message' in r
      ? { key: 'findings.mailPolicy.sts.lookupFailed', params: { message: r.message } }
      : { key: `findings.mailPolicy.sts.record.${r.reason}`, params: { text: r.text ?? '' } }
  const p = check.stsPolicy
  if (!p) return { key: 'findings.mailPolicy.sts.record.syntax', params: { text: '' } }
  if (!p.ok) return { key: 'findings.mailPolicy.sts.fetchFailed', params: { id: r.id, url: p.url, message: p.message } }
  return {
    key: 'findings.mailPolicy.sts.policy',
    params: { id: r.id, mode: p.policy.mode, mx: p.policy.mx.join(', ') || '-', maxAge: p.policy.maxAge },
  }
}

export function tlsrptRef(check: MailPolicyCheck): PolicyTextRef {
  const r = check.tlsrpt
  if (r.ok) return { key: 'findings.mailPolicy.tlsrpt.published', params: { rua: r.rua.join(', ') } }
  return 'message' in r
    ? { key: 'findings.mailPolicy.tlsrpt.lookupFailed', params: { message: r.message } }
    : { key: `findings.mailPolicy.tlsrpt.${r.reason}`, params: { text: r.text ?? '' } }
}

/** What a verdict line shows of an MX (the fields of MxPolicyVerdict the report keeps in the journal). */
export type MxPolicyShown = Pick<
  MxPolicyVerdict,
  'host' | 'stsListed' | 'tlsaCount' | 'daneAuthenticated' | 'level' | 'key' | 'params'
> & { sts: string; dane: string }

export function daneText(v: MxPolicyShown, t: Translate): string {
  if (v.dane === 'none') return t('findings.mailPolicy.dane.none')
  return t(`findings.mailPolicy.dane.${v.dane}`, {
    count: v.tlsaCount,
    dnssec: t(v.daneAuthenticated ? 'findings.mailPolicy.dane.validated' : 'findings.mailPolicy.dane.notValidated'),
  })
}

export function stsText(v: MxPolicyShown, t: Translate): string {
  const listed =
    v.stsListed === null ? '' : t(v.stsListed ? 'findings.mailPolicy.mx.listed' : 'findings.mailPolicy.mx.notListed')
  return `${v.sts}${listed ? ` ${listed}` : ''}`
}

export function verdictText(v: MxPolicyShown, t: Translate): string {
  return t(`findings.mailPolicy.verdict.${v.key}`, v.params)
}

export function mxPolicyLine(v: MxPolicyShown, t: Translate): string {
  return t('findings.mailPolicy.mx.line', {
    host: v.host,
    sts: stsText(v, t),
    dane: daneText(v, t),
    level: LEVEL[v.level],
    verdict: verdictText(v, t),
  })
}

const tr = (r: PolicyTextRef, t: Translate) => t(r.key, r.params)

export function renderMailPolicyText(
  check: MailPolicyCheck,
  verdicts: readonly MxPolicyVerdict[],
  t: Translate,
): string {
  return [
    t('findings.mailPolicy.heading', { domain: check.domain }),
    `  ${tr(stsRef(check), t)}`,
    `  ${tr(tlsrptRef(check), t)}`,
    ...verdicts.map((v) => `  ${mxPolicyLine(v, t)}`),
    '',
  ].join('\n')
}
