/**
 * A case's report, end to end: read the case (the real CaseStore), load its text attachments, build the redacted
 * model, render the self-contained HTML with the bundled fonts, print it with the injected printer and write the
 * files. Shared by the CLI (headless Chromium) and the app (Electron printToPDF).
 */
import { createHash } from 'node:crypto'
import { existsSync, readFileSync, statSync, writeFileSync } from 'node:fs'
import { basename, join } from 'node:path'
import type { Language } from '../../shared/i18n'
import { SECRET_KINDS } from '../../shared/redaction'
import { buildReportModel, REPORT_EXPORTED_ENTRY, type ReportModel, renderReportHtml } from '../../shared/report'
import { ATTACHMENTS_DIR, CaseStore, JOURNAL_FILE } from '../cases/case-store'
import { fallbackDiagnosis } from './fallback-diagnosis'
import { loadReportFonts } from './fonts'
import type { PdfPrinter } from './printer'

/** Attachments bigger than this are named in the journal but not copied into the report. */
export const MAX_ATTACHMENT_BYTES = 1024 * 1024

export interface ReportRequest {
  /** UNMASK_HOME (the case store's home) */
  home: string
  /** Case id or case folder. */
  caseRef: string
  lang: Language
  now?: Date
  fontsDir?: string
  marks?: string[]
  /** false for the in-app preview: 16 MB of embedded fonts are only needed in the file handed over. */
  embedFonts?: boolean
}

export interface RenderedReport {
  model: ReportModel
  html: string
}

/** Reads text attachments; binary ones (NUL bytes, invalid UTF-8) and oversized ones are left out. */
function textAttachments(dir: string, names: readonly string[]): Array<{ name: string; text: string }> {
  const out: Array<{ name: string; text: string }> = []
  for (const name of names) {
    const path = join(dir, ATTACHMENTS_DIR, name)
    try {
      if (statSync(path).size > MAX_ATTACHMENT_BYTES) continue
      const bytes = readFileSync(path)
      if (bytes.includes(0)) continue
      const text = new TextDecoder('utf-8', { fatal: true }).decode(bytes)
      out.push({ name, text })
    } catch {
      // Missing or not UTF-8: the journal still lists it; the report shows what it can.
    }
  }
  return out
}

export function renderCaseReport(request: ReportRequest): RenderedReport {
  const store = new CaseStore(request.home)
  const detail = store.read(request.caseRef)
  const dir = existsSync(join(store.root, detail.id, JOURNAL_FILE)) ? join(store.root, detail.id) : request.caseRef
  const model = buildReportModel(
    {
      id: detail.id,
      customer: detail.customer,
      site: detail.site,
      engineer: detail.engineer,
      created: detail.created,
      entries: detail.entries,
      problemCount: detail.problems.length,
      attachmentTexts: textAttachments(
        dir,
        detail.attachments.map((a) => a.name),
      ),
    },
    {
      now: (request.now ?? new Date()).toISOString(),
      marks: request.marks,
      fallbackDiagnosis: fallbackDiagnosis(detail.entries),
    },
  )
  const fonts = request.embedFonts === false ? [] : loadReportFonts(request.fontsDir)
  const html = renderReportHtml(model, { lang: request.lang, fonts })
  return { model, html }
}

export interface WriteReportRequest extends ReportRequest {
  pdfPath: string
  htmlPath?: string
  printer: PdfPrinter
  /**
   * Where to record the export. The app passes the handle it already has open on the case (two writers on one journal
   * would hand out the same sequence numbers); without it a handle is opened for this one entry.
   */
  journal?: { append(type: string, data: unknown): unknown }
}

export interface WrittenReport {
  pdfBytes: number
  htmlBytes: number
  model: ReportModel
}

/**
 * Writes the PDF (and the HTML when asked), then records in the case what was handed over: a `report.exported` entry
 * with the language, the file name and the SHA-256 of each file, so a copy found later can be matched to its case.
 */
export async function writeCaseReport(request: WriteReportRequest): Promise<WrittenReport> {
  const { model, html } = renderCaseReport(request)
  if (request.htmlPath) writeFileSync(request.htmlPath, html, { mode: 0o600 })
  const pdf = await request.printer.print(html)
  writeFileSync(request.pdfPath, pdf, { mode: 0o600 })
  const handle = request.journal ? null : new CaseStore(request.home).open(request.caseRef)
  const journal = request.journal ?? handle!
  try {
    journal.append(REPORT_EXPORTED_ENTRY, {
      lang: request.lang,
      pdf: { name: basename(request.pdfPath), sha256: sha256(pdf), bytes: pdf.byteLength },
      html: request.htmlPath
        ? { name: basename(request.htmlPath), sha256: sha256(html), bytes: Buffer.byteLength(html) }
        : undefined,
      state: model.summary.state,
      redactions: SECRET_KINDS.reduce((n, k) => n + model.redactions[k], 0),
    })
  } finally {
    handle?.close()
  }
  return { pdfBytes: pdf.byteLength, htmlBytes: Buffer.byteLength(html), model }
}

function sha256(content: Uint8Array | string): string {
  return createHash('sha256').update(content).digest('hex')
}
