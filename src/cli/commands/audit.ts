/**
 * `unmask audit DIR|FILE... [--json|--csv] [--only-affected] [--jobs N] [--max-size BYTES]`: audits a fleet of
 * configuration backups (Oxidized or RANCID folders, any file names) with the engine of `unmask analyze`, one row per
 * device, streamed as each file is done, then a summary (counts per state and version, skipped files with reasons,
 * duplicate hostnames).
 *
 * Output: a table (default); `--json` = NDJSON, one `{"type":"row",…}` line per device and a last
 * `{"type":"summary",…}` line (streamable, `jq`-friendly); `--csv` = RFC 4180 CSV with a header line on standard
 * output and the summary as text on standard error. A progress line (files done/total, rate, ETA) is drawn on standard
 * error only when it is a terminal.
 * Exit codes (io.ts EXIT): 0 no device affected, 1 affected devices found, 2 bad usage or a path that does not exist.
 * The walk, the worker threads and the engine are loaded only when the command runs.
 */
import { lstatSync } from 'node:fs'
import type { Command } from 'commander'
import type { AuditRow } from '../../shared/audit/types'
import { type CliContext, EXIT, UsageError } from '../io'
import { startProgress } from '../progress'

interface AuditOpts {
  json?: boolean
  csv?: boolean
  onlyAffected?: boolean
  jobs?: string
  maxSize?: string
  progress?: boolean
}

function parseWhole(value: string | undefined, min: number, max: number): number | null {
  if (value === undefined) return null
  if (!/^\d+$/.test(value.trim())) return Number.NaN
  const n = Number(value)
  return n >= min && n <= max ? n : Number.NaN
}

function checkPaths(ctx: CliContext, paths: string[]): void {
  for (const path of paths) {
    try {
      lstatSync(path)
    } catch (error) {
      const reason = (error as NodeJS.ErrnoException).code ?? String(error)
      throw new UsageError(ctx.t('audit.errors.notFound', { path, reason }))
    }
  }
}

async function run(ctx: CliContext, paths: string[], opts: AuditOpts): Promise<void> {
  const { t, io } = ctx
  if (opts.json && opts.csv) throw new UsageError(t('audit.errors.bothFormats'))
  const jobs = parseWhole(opts.jobs, 1, 256)
  if (Number.isNaN(jobs)) throw new UsageError(t('audit.errors.badJobs', { value: opts.jobs }))
  const maxBytes = parseWhole(opts.maxSize, 1, Number.MAX_SAFE_INTEGER)
  if (Number.isNaN(maxBytes)) throw new UsageError(t('audit.errors.badMaxSize', { value: opts.maxSize }))
  checkPaths(ctx, paths)

  const [{ runAudit }, { AUDIT_WORKER }, format, { progressFigures }] = await Promise.all([
    import('../../main/audit/pool'),
    import('../../main/audit/worker-path'),
    import('../../shared/audit/format'),
    import('../../shared/audit/progress'),
  ])
  // The house progress line (src/cli/progress.ts) draws only on a terminal; --progress forces it (tests, `script`).
  const progress = startProgress(opts.progress ? { ...io, isTTY: true } : io)
  const started = Date.now()
  let lastDraw = 0
  const draw = (done: number, total: number | null) => {
    const now = Date.now()
    // At most ten redraws a second: a fleet of small files would otherwise flood the terminal.
    if (now - lastDraw < 100 && done !== total) return
    lastDraw = now
    const { rate, eta } = progressFigures(done, total, now - started)
    progress.update(t('audit.progress', { done, total: total ?? '?', rate, eta }))
  }
  const print = (text: string) => {
    progress.done()
    io.out(text)
  }

  if (opts.csv) io.out(format.csvHeader())
  else if (!opts.json) io.out(format.tableHeader(t))
  const onRow = (row: AuditRow) => {
    if (opts.onlyAffected && !row.affected) return
    print(opts.json ? format.ndjsonRow(row) : opts.csv ? format.csvRow(row) : format.tableRow(t, row))
  }
  const summary = await runAudit({
    paths,
    workerFile: AUDIT_WORKER,
    ...(jobs !== null ? { jobs } : {}),
    ...(maxBytes !== null ? { maxBytes } : {}),
    onRow,
    ...(opts.progress !== false && (opts.progress || io.isTTY) ? { onProgress: draw } : {}),
  })
  progress.done()
  if (opts.json) io.out(format.ndjsonSummary(summary))
  else if (opts.csv) io.err(format.renderSummary(t, summary))
  else io.out(format.renderSummary(t, summary))
  ctx.exitCode = summary.affected > 0 ? EXIT.problem : EXIT.ok
}

export function registerAuditCommand(program: Command, ctx: CliContext): void {
  const { t } = ctx
  program
    .command('audit')
    .description(t('audit.description'))
    .argument('<paths...>', t('audit.paths'))
    .option('--json', t('audit.options.json'))
    .option('--csv', t('audit.options.csv'))
    .option('--only-affected', t('audit.options.onlyAffected'))
    .option('-j, --jobs <n>', t('audit.options.jobs'))
    .option('--max-size <bytes>', t('audit.options.maxSize'))
    .option('--progress', t('audit.options.progress'))
    .option('--no-progress', t('audit.options.progress'))
    .action((paths: string[], opts: AuditOpts) => run(ctx, paths, opts))
}
