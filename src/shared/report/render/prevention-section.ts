/**
 * "Prevent it from happening silently again" (issue 17): after any problem the report shows, the customer learns how
 * to hear about the next one the same day — TLS-RPT, then MTA-STS `testing`, then `enforce` — with the exact records
 * and policy file and what each changes. The texts are the `advice.prevent-silent` remedy's (src/shared/remedies/
 * prevent.ts); the domain comes from TLS-RPT findings when the case has them, `example.com` (with a step saying to
 * replace it) otherwise — or, without TLS-RPT findings, the domain the case probed with its policies (mailpolicy.result),
 * whose verdicts also count as a problem when mail goes in clear or is refused.
 */
import { mailPolicyProblem } from '../../mail-policy/report-view'
import { buildPreventSilentAdvice, type MailDomain, mailDomainOf } from '../../remedies/prevent'
import type { ReportModel } from '../model'
import type { RenderContext } from './context'
import { caseText, esc } from './escape'

export function preventionSection(m: ReportModel, ctx: RenderContext): string {
  const policies = m.mailPolicy ?? []
  const problem = m.causes.length > 0 || m.findings.some((f) => f.severity !== 'info') || mailPolicyProblem(policies)
  if (!problem) return ''
  const { t } = ctx
  const advice = buildPreventSilentAdvice(mailDomain(m), [])
  // Records and the policy file are shown line for line; the domain may come from case data, so caseText.
  const lines = (text: string) => text.split('\n').map(caseText).join('<br>')
  const steps = advice.steps.map((s) => `<li>${lines(t(s.textKey, s.params))}</li>`).join('')
  return `<section class="flow" id="prevention"><h2>${esc(t(advice.titleKey, advice.params))}</h2>
<p>${caseText(t(advice.summaryKey, advice.params))}</p>
<ol class="recommendations">${steps}</ol>
<p class="note">${caseText(t(advice.impactKey, advice.params))}</p></section>`
}

/** The domain from TLS-RPT findings, else the latest domain probed with its policies (its MX hosts), else example.com. */
function mailDomain(m: ReportModel): MailDomain {
  const reported = mailDomainOf(m.findings)
  const probed = (m.mailPolicy ?? []).at(-1)
  if (reported.known || !probed || probed.mx.length === 0) return reported
  return { domain: probed.domain, mx: probed.mx.map((x) => x.host).join(', '), known: true }
}
