/**
 * `unmask report --case DIR --lang ko|en --out FILE.pdf [--html FILE.html] [--chromium PATH]`: the customer report of
 * a case as PDF (headless Chromium, found automatically or given), and optionally the same self-contained HTML.
 * Exit codes: 0 written, 2 a missing case, a missing output folder or no browser, 5 the print failed. Only the
 * options live here: report-run.ts (with playwright-core, about 0.3 s to load) comes in when the command runs.
 */
import type { Command } from 'commander'
import type { CliContext } from '../io'
import type { ReportOptions } from './report-run'

export function registerReportCommands(program: Command, ctx: CliContext): void {
  const { t } = ctx
  program
    .command('report')
    .description(t('report.cli.description'))
    .requiredOption('--case <dir>', t('report.cli.case'))
    .requiredOption('--out <file.pdf>', t('report.cli.out'))
    .option('--html <file.html>', t('report.cli.html'))
    .option('--chromium <path>', t('report.cli.chromium'))
    .option('--json', t('cli.options.json'))
    .action(async (opts: ReportOptions) => {
      const { writeReport } = await import('./report-run')
      await writeReport(opts, ctx)
    })
}
