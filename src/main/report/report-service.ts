/**
 * "Export report" in the app: the same export as `unmask report`, written into the case folder's
 * reports/ with a timestamped name. The printer is injected: Electron's printToPDF in the app, headless
 * Chromium in the e2e harness.
 */
import { mkdirSync } from 'node:fs'
import { join } from 'node:path'
import type { Language } from '../../shared/i18n'
import type { CaseStore } from '../cases/case-store'
import { renderCaseReport, writeCaseReport } from './export-report'
import type { PdfPrinter } from './printer'

export class ReportService {
  constructor(
    private readonly home: string,
    private readonly cases: CaseStore,
    private readonly printer: () => PdfPrinter,
    private readonly fontsDir?: string,
  ) {}

  /** The report as it would be exported now (redacted), without embedded fonts, for the preview pane. */
  preview(caseId: string, lang: Language): { html: string } {
    const detail = this.cases.read(caseId)
    return { html: renderCaseReport({ home: this.home, caseRef: detail.id, lang, embedFonts: false }).html }
  }

  async export(caseId: string, lang: Language): Promise<{ pdfPath: string; htmlPath: string; pdfBytes: number }> {
    const detail = this.cases.read(caseId)
    const dir = join(this.cases.root, detail.id, 'reports')
    mkdirSync(dir, { recursive: true, mode: 0o700 })
    const stamp = new Date().toISOString().replace(/[:.]/g, '-')
    const pdfPath = join(dir, `unmask-report-${stamp}-${lang}.pdf`)
    const htmlPath = join(dir, `unmask-report-${stamp}-${lang}.html`)
    const printer = this.printer()
    try {
      const written = await writeCaseReport({
        home: this.home,
        caseRef: detail.id,
        lang,
        pdfPath,
        htmlPath,
        printer,
        fontsDir: this.fontsDir,
      })
      return { pdfPath, htmlPath, pdfBytes: written.pdfBytes }
    } finally {
      await printer.close()
    }
  }
}
