/**
 * `unmask analyze FILE... [--json] [--case ID]`: reads device output, transcripts and logs (`-` = standard input),
 * detects what each is, runs the rules and the diagnosis and prints the result. With `--case` each input is stored in
 * the case with its SHA-256 and the analysis is journalled, as the app does with pasted texts. Exit codes (README
 * "Exit codes"): 0 nothing wrong found, 1 a problem found, 2 an input cannot be read (missing, a folder without
 * reports, not text or gzip, too large) or no such case. The engine is loaded with `import()` when the command runs, not at start-up.
 * A plain text file is streamed into the engine in chunks (read-input.ts streamTextFile, issue 16), never held whole.
 * `--direct FILE --through FILE` label two SMTP transcripts by vantage (straight to the server, and through the
 * path) so the direct-vs-through comparison works offline; one without the other, or no input at all, exits 2.
 */
import type { Command } from 'commander'
import type { CliContext } from '../io'

export interface AnalyzeOptions {
  json?: boolean
  case?: string
  direct?: string
  through?: string
}

export function registerAnalyzeCommand(program: Command, ctx: CliContext): void {
  const { t } = ctx
  program
    .command('analyze')
    .description(t('findings.analyze.description'))
    .argument('[files...]', t('findings.analyze.files'))
    .option('--json', t('cli.options.json'))
    .option('--case <id>', t('cli.analyze.case'))
    .option('--direct <file>', t('findings.analyze.direct'))
    .option('--through <file>', t('findings.analyze.through'))
    .action(async (files: string[], opts: AnalyzeOptions) =>
      (await import('./analyze-run')).runAnalyze(ctx, files, opts),
    )
}
