export { type BuildOptions, buildReportModel, type ReportCaseInput, type ReportJournalEntry } from './build-model'
export type * from './model'
export { REPORT_CSP, type RenderOptions, renderReportHtml } from './render/document'
export { type EmbeddedFont, REPORT_FONT_FAMILY } from './render/styles'
