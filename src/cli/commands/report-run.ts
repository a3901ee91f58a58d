/** The run of `unmask report` (loaded when the command runs): find Chromium, render, print, say what was written. */
import { existsSync, statSync } from 'node:fs'
import { dirname, resolve } from 'node:path'
import { CaseNotFoundError } from '../../main/cases/case-store'
import { unmaskHome } from '../../main/cases/paths'
import { writeCaseReport } from '../../main/report/export-report'
import { findChromium } from '../../main/report/find-chromium'
import { createChromiumPrinter } from '../../main/report/pdf-chromium'
import type { Language } from '../../shared/i18n'
import { SECRET_KINDS } from '../../shared/redaction'
import { json } from '../format'
import { type CliContext, UsageError } from '../io'
import { startProgress } from '../progress'

export interface ReportOptions {
  case: string
  out: string
  html?: string
  chromium?: string
  json?: boolean
}

/** `unmask report --json`: the files written, with their sizes, and how many secrets were masked. */
export interface ReportJson {
  pdf: { path: string; bytes: number }
  html?: { path: string; bytes: number }
  redacted: number
  lang: Language
}

/** The absolute path of an output file whose folder exists; otherwise bad usage. */
export function checkWritable(path: string, ctx: CliContext): string {
  const full = resolve(path)
  const dir = dirname(full)
  if (!existsSync(dir) || !statSync(dir).isDirectory())
    throw new UsageError(ctx.t('report.cli.noFolder', { path: full }))
  return full
}

export async function writeReport(opts: ReportOptions, ctx: CliContext): Promise<void> {
  const { t, io } = ctx
  const lang = ctx.lang
  const pdfPath = checkWritable(opts.out, ctx)
  const htmlPath = opts.html ? checkWritable(opts.html, ctx) : undefined
  const home = unmaskHome(io.env)
  const browser = findChromium({ explicit: opts.chromium, env: io.env })
  if (!browser.ok) {
    throw new UsageError(
      browser.reason === 'explicit-missing'
        ? t('report.cli.chromiumMissing', { path: browser.tried[0] })
        : t('report.cli.noChromium', { tried: browser.tried.join(', ') }),
    )
  }
  const progress = startProgress(io, opts)
  progress.update(t('cli.progress.report', { file: pdfPath }))
  const printer = createChromiumPrinter({ executablePath: browser.path })
  try {
    const written = await writeCaseReport({ home, caseRef: opts.case, lang, pdfPath, htmlPath, printer })
    progress.done()
    const redacted = SECRET_KINDS.reduce((n, k) => n + written.model.redactions[k], 0)
    if (opts.json) {
      const body: ReportJson = { pdf: { path: pdfPath, bytes: written.pdfBytes }, redacted, lang }
      if (htmlPath) body.html = { path: htmlPath, bytes: written.htmlBytes }
      return io.out(json(body))
    }
    io.out(`${t('report.cli.written', { path: pdfPath, bytes: written.pdfBytes })}\n`)
    if (htmlPath) io.out(`${t('report.cli.writtenHtml', { path: htmlPath, bytes: written.htmlBytes })}\n`)
    io.out(`${t('report.cli.redacted', { count: redacted })}\n`)
  } catch (error) {
    if (error instanceof CaseNotFoundError)
      throw new UsageError(t('report.cli.caseNotFound', { case: opts.case, home }))
    throw error
  } finally {
    progress.done()
    await printer.close()
  }
}
