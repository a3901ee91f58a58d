export {
  APPENDIX_MAX_LINES,
  APPENDIX_TOTAL_LINES,
  type BuildOptions,
  buildReportModel,
  type ReportCaseInput,
  type ReportJournalEntry,
} from './build-model'
export type * from './model'
export { REPORT_EXPORTED_ENTRY } from './read-journal'
export { REPORT_CSP, type RenderOptions, renderReportHtml } from './render/document'
export { type EmbeddedFont, REPORT_FONT_FAMILY } from './render/styles'
