/**
 * "Mail policies of DOMAIN" (issue 17): for each domain probed with its policies, the MTA-STS and TLS-RPT lines, then
 * one row per MX with what its probe saw of STARTTLS beside the MTA-STS mode, the DANE state and the joined verdict.
 * The texts are the CLI's (src/shared/mail-policy/text.ts), so the report says what `unmask probe DOMAIN` printed.
 */
import { createTranslator } from '../../i18n'
import { daneText, stsText, verdictText } from '../../mail-policy/text'
import type { ReportModel } from '../model'
import type { RenderContext } from './context'
import { caseText, esc } from './escape'
import { table } from './sections'

const LEVEL_KEY = {
  critical: 'report.findings.severity.critical',
  warning: 'report.findings.severity.warning',
  info: 'report.findings.severity.info',
  good: 'report.verification.passed',
} as const

export function mailPolicySection(m: ReportModel, ctx: RenderContext): string {
  const views = m.mailPolicy ?? []
  if (views.length === 0) return ''
  const { t } = ctx
  // The CLI's line helpers take the catalogue's own translator.
  const tr = createTranslator(ctx.lang)
  const head = ['MX', t('report.scope.starttls'), 'MTA-STS', 'DANE', t('report.verification.result')].map(esc)
  const parts = views.map((v) => {
    const rows = v.mx.map((mx) => [
      caseText(mx.probe ? mx.probe.target : mx.host),
      esc(mx.probe ? t(`report.starttls.${mx.probe.starttls}`) : t('report.scope.notProbed')),
      caseText(stsText(mx, tr)),
      caseText(daneText(mx, tr)),
      `<span class="sev ${mx.level}">${esc(t(LEVEL_KEY[mx.level]))}</span> ${caseText(verdictText(mx, tr))}`,
    ])
    return `<h3>${caseText(v.domain)} · ${esc(ctx.date(v.at))}</h3>
<p>${caseText(t(v.sts.key, v.sts.params))}<br>${caseText(t(v.tlsrpt.key, v.tlsrpt.params))}</p>
${table(head, rows)}`
  })
  const domains = [...new Set(views.map((v) => v.domain))].join(', ')
  return `<section class="chapter" id="mail-policy"><h2>${caseText(t('findings.mailPolicy.heading', { domain: domains }))}</h2>
${parts.join('\n')}</section>`
}
