/**
 * `unmask report --case DIR --lang ko|en --out FILE.pdf [--html FILE.html] [--chromium PATH]`: the customer report of
 * a case as PDF (headless Chromium, found automatically or given), and optionally the same self-contained HTML.
 * A missing case, a missing output folder or no browser is bad usage (exit 2); a failed print is exit 1.
 */
import { existsSync, statSync } from 'node:fs'
import { dirname, resolve } from 'node:path'
import type { Command } from 'commander'
import { CaseNotFoundError } from '../../main/cases/case-store'
import { unmaskHome } from '../../main/cases/paths'
import { writeCaseReport } from '../../main/report/export-report'
import { findChromium } from '../../main/report/find-chromium'
import { createChromiumPrinter } from '../../main/report/pdf-chromium'
import { isLanguage, type Language, languageFromLocale } from '../../shared/i18n'
import { SECRET_KINDS } from '../../shared/redaction'
import { type CliContext, UsageError } from '../io'

interface ReportOptions {
  case: string
  out: string
  html?: string
  chromium?: string
}

function reportLanguage(globals: { lang?: unknown }, env: NodeJS.ProcessEnv): Language {
  if (isLanguage(globals.lang)) return globals.lang
  if (isLanguage(env.UNMASK_LANG)) return env.UNMASK_LANG
  return languageFromLocale(env.LC_ALL, env.LC_MESSAGES, env.LANG)
}

function checkWritable(path: string, ctx: CliContext): string {
  const full = resolve(path)
  const dir = dirname(full)
  if (!existsSync(dir) || !statSync(dir).isDirectory())
    throw new UsageError(ctx.t('report.cli.noFolder', { path: full }))
  return full
}

export function registerReportCommands(program: Command, ctx: CliContext): void {
  const { t, io } = ctx
  program
    .command('report')
    .description(t('report.cli.description'))
    .requiredOption('--case <dir>', t('report.cli.case'))
    .requiredOption('--out <file.pdf>', t('report.cli.out'))
    .option('--html <file.html>', t('report.cli.html'))
    .option('--chromium <path>', t('report.cli.chromium'))
    .action(async (opts: ReportOptions, command: Command) => {
      const lang = reportLanguage(command.optsWithGlobals(), io.env)
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
      const printer = createChromiumPrinter({ executablePath: browser.path })
      try {
        const written = await writeCaseReport({ home, caseRef: opts.case, lang, pdfPath, htmlPath, printer })
        const redacted = SECRET_KINDS.reduce((n, k) => n + written.model.redactions[k], 0)
        io.out(`${t('report.cli.written', { path: pdfPath, bytes: written.pdfBytes })}\n`)
        if (htmlPath) io.out(`${t('report.cli.writtenHtml', { path: htmlPath, bytes: written.htmlBytes })}\n`)
        io.out(`${t('report.cli.redacted', { count: redacted })}\n`)
      } catch (error) {
        if (error instanceof CaseNotFoundError)
          throw new UsageError(t('report.cli.caseNotFound', { case: opts.case, home }))
        throw error
      } finally {
        await printer.close()
      }
    })
}
