/**
 * `renderReportHtml(model, options)`: the whole report as ONE self-contained HTML document — inline CSS, fonts as
 * data: URLs, inline SVG, no script and a Content-Security-Policy that forbids fetching anything. Printed to PDF by
 * Electron's printToPDF in the app and by headless Chromium in the CLI (src/main/report).
 */
import type { Language } from '../../i18n'
import type { ReportModel } from '../model'
import { captureSection } from './capture-section'
import { appendixSection, changeSection, recommendationsSection, verificationSection } from './change-sections'
import { renderContext } from './context'
import { esc } from './escape'
import { fleetSection } from './fleet-section'
import { mailPolicySection } from './mail-policy-section'
import { preventionSection } from './prevention-section'
import { probesSection } from './probe-sections'
import { coverSection, findingsSection, scopeSection, summarySection } from './sections'
import { type EmbeddedFont, reportCss } from './styles'

export interface RenderOptions {
  lang: Language
  /** Noto Sans KR (400, 700) as data: URLs; without them the system's fonts are used. */
  fonts?: readonly EmbeddedFont[]
}

/** Nothing may be loaded from anywhere: styles are inline, fonts and images only from data: URLs. */
export const REPORT_CSP = "default-src 'none'; style-src 'unsafe-inline'; font-src data:; img-src data:"

const PAGE = '\u0001'
const PAGES = '\u0002'

export function renderReportHtml(model: ReportModel, options: RenderOptions): string {
  const ctx = renderContext(options.lang)
  const { t } = ctx
  // Split the translated "Page {{page}} of {{pages}}" around the two counters for the CSS margin box.
  const pageText = t('report.page', { page: PAGE, pages: PAGES })
  const [p0 = '', rest = ''] = pageText.split(PAGE)
  const [p1 = '', p2 = ''] = rest.split(PAGES)
  const css = reportCss(options.fonts ?? [], {
    header: `${t('report.docTitle')} · ${model.cover.customer} · ${model.cover.caseId}`,
    pageParts: [p0, p1, p2],
  })
  const title = `${t('report.docTitle')} — ${model.cover.customer}`
  return `<!doctype html>
<html lang="${options.lang}">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${REPORT_CSP}">
<title>${esc(title)}</title>
<style>
${css}
</style>
</head>
<body>
${coverSection(model, ctx)}
${summarySection(model, ctx)}
${scopeSection(model, ctx)}
${findingsSection(model, ctx)}
${captureSection(model, ctx)}
${probesSection(model, ctx)}
${changeSection(model, ctx)}
${verificationSection(model, ctx)}
${recommendationsSection(model, ctx)}
${mailPolicySection(model, ctx)}
${preventionSection(model, ctx)}
${fleetSection(model, ctx)}
${appendixSection(model, ctx)}
</body>
</html>
`
}
