/**
 * The report's print stylesheet. A4 with margin boxes for the running header and the page numbers (Chromium ≥131 and
 * Electron ≥34 print CSS page-margin boxes), tables whose rows never split and whose header repeats on every page,
 * headings kept with what follows them. Fonts come from @font-face data: URLs, so nothing is fetched.
 */
import { cssString } from './escape'

export const REPORT_FONT_FAMILY = 'Unmask Noto Sans KR'

export interface EmbeddedFont {
  weight: 400 | 700
  /** `data:font/ttf;base64,…` */
  dataUrl: string
}

export interface PageTexts {
  header: string
  /** The page-number text around the counters: before `page`, between `page` and `pages`, after `pages`. */
  pageParts: [string, string, string]
}

export function fontFaces(fonts: readonly EmbeddedFont[]): string {
  return fonts
    .map(
      (f) =>
        `@font-face{font-family:'${REPORT_FONT_FAMILY}';font-style:normal;font-weight:${f.weight};src:url(${f.dataUrl}) format('truetype')}`,
    )
    .join('\n')
}

export function reportCss(fonts: readonly EmbeddedFont[], page: PageTexts): string {
  const [p0, p1, p2] = page.pageParts.map(cssString)
  const sans = `'${REPORT_FONT_FAMILY}', 'Noto Sans CJK KR', 'Noto Sans KR', 'Malgun Gothic', 'Apple SD Gothic Neo', sans-serif`
  const mono = `'DejaVu Sans Mono', 'Noto Sans Mono', Consolas, Menlo, monospace, '${REPORT_FONT_FAMILY}'`
  return `${fontFaces(fonts)}
@page {
  size: A4;
  margin: 18mm 15mm 17mm 15mm;
  @top-left { content: ${cssString(page.header)}; font-family: ${sans}; font-size: 7.5pt; color: #6b7280; }
  @bottom-center { content: ${p0} counter(page) ${p1} counter(pages) ${p2}; font-family: ${sans}; font-size: 8pt; color: #4b5563; }
}
@page :first { @top-left { content: none; } }
* { box-sizing: border-box; }
html { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
body { font-family: ${sans}; font-size: 9.5pt; line-height: 1.45; color: #111827; margin: 0; word-break: keep-all; overflow-wrap: anywhere; }
h1, h2, h3, h4 { break-after: avoid; page-break-after: avoid; line-height: 1.25; }
h2 { font-size: 15pt; margin: 0 0 8pt; padding-bottom: 3pt; border-bottom: 1.5pt solid #1f2937; }
h3 { font-size: 11.5pt; margin: 12pt 0 5pt; }
h4 { font-size: 10pt; margin: 9pt 0 4pt; color: #374151; }
p { margin: 0 0 6pt; }
section.chapter { break-before: page; page-break-before: always; }
section.flow { margin-top: 16pt; }
.cover { height: 240mm; display: flex; flex-direction: column; justify-content: space-between; }
.cover h1 { font-size: 24pt; margin: 30mm 0 6mm; color: #0f172a; }
.cover .subtitle { font-size: 12pt; color: #374151; max-width: 150mm; margin-bottom: 10mm; }
.cover dl { display: grid; grid-template-columns: 42mm 1fr; gap: 3mm 6mm; font-size: 11pt; }
.cover dt { color: #6b7280; }
.cover dd { margin: 0; font-weight: 700; }
.cover .confidential, .note { font-size: 8.5pt; color: #6b7280; }
.state { font-size: 12pt; font-weight: 700; padding: 6pt 9pt; border-left: 4pt solid #6b7280; background: #f3f4f6; margin-bottom: 10pt; }
.state.resolved, .state.no-problem-found { border-color: #15803d; background: #f0fdf4; }
.state.problem-found, .state.fix-failed { border-color: #b91c1c; background: #fef2f2; }
.state.fix-unverified { border-color: #b45309; background: #fffbeb; }
table { width: 100%; border-collapse: collapse; margin: 4pt 0 10pt; font-size: 8.8pt; }
thead { display: table-header-group; }
tr, .keep { break-inside: avoid; page-break-inside: avoid; }
th, td { border: 0.6pt solid #d1d5db; padding: 3pt 5pt; text-align: left; vertical-align: top; }
th { background: #f3f4f6; font-weight: 700; }
table.kv th { width: 45mm; }
table.checks td:last-child, table.checks th:last-child { width: 22mm; white-space: nowrap; }
table.halves { table-layout: fixed; }
table.halves td, table.halves th { width: 50%; }
.mono, code, pre, table.dialog td.text { font-family: ${mono}; font-size: 8pt; }
table.dialog { font-size: 8pt; }
table.dialog td { padding: 1.5pt 4pt; border-color: #e5e7eb; }
table.dialog td.n, table.dialog td.ms { width: 11mm; text-align: right; color: #6b7280; }
table.dialog td.dir { width: 8mm; text-align: center; color: #6b7280; }
table.dialog td.text { white-space: pre-wrap; word-break: break-all; }
tr.client td.text { color: #1d4ed8; }
tr.note td.text { color: #6b7280; font-style: italic; }
tr.mark-masked td { background: #fde68a; }
tr.mark-masked td.text { font-weight: 700; color: #7c2d12; }
tr.mark-rejected td { background: #fecaca; }
/* A capture line seen on one side of the firewall only (render/capture-section.ts). */
tr.mark-dropped td { background: #fee2e2; }
table.capture-lanes td.text .n, table.capture-lanes td.text .ms { color: #6b7280; font-family: ${sans}; }
tr.mark-tls td { background: #dcfce7; }
tr.mark-error td { background: #fee2e2; }
.sev { display: inline-block; padding: 0 5pt; border-radius: 3pt; font-size: 8pt; font-weight: 700; color: #fff; white-space: nowrap; }
/* A long finding title must not squeeze the severity column until its badge and heading break mid-word. */
.overview th:nth-child(2), .overview td:nth-child(2) { white-space: nowrap; }
.sev.critical { background: #b91c1c; }
.sev.warning { background: #b45309; }
.sev.info { background: #2563eb; }
.finding { border: 0.8pt solid #d1d5db; border-radius: 3pt; padding: 6pt 8pt; margin: 0 0 9pt; }
.finding h3 { margin: 0 0 4pt; }
.excerpt { margin: 3pt 0 6pt; }
.excerpt table { margin: 2pt 0; }
.ok { color: #15803d; font-weight: 700; }
.bad { color: #b91c1c; font-weight: 700; }
.redacted { background: #111827; color: #fff; border-radius: 2pt; padding: 0 2pt; font-family: ${sans}; font-size: 7.5pt; font-weight: 700; font-style: normal; }
.legend-row span { display: inline-block; margin-right: 10pt; font-size: 8pt; }
.swatch { display: inline-block; width: 9pt; height: 9pt; vertical-align: middle; margin-right: 3pt; border: 0.5pt solid #9ca3af; }
.swatch.masked { background: #fde68a; }
.swatch.rejected { background: #fecaca; }
svg.timing { max-width: 170mm; margin: 2pt 0 10pt; font-family: ${sans}; }
svg.timing text { font-size: 9px; fill: #374151; }
svg.timing text.phase { font-weight: 700; }
svg.timing rect.before { fill: #9ca3af; }
svg.timing rect.after { fill: #16a34a; }
svg.timing rect.failed { fill: #dc2626; }
ol.recommendations li { margin-bottom: 5pt; }
ul.causes li { margin-bottom: 5pt; }
table.overview td:first-child { width: 12mm; }
pre.block { white-space: pre-wrap; word-break: break-all; margin: 0; }
`
}
