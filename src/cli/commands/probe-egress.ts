/**
 * `unmask probe --egress [HOST,HOST…] [--egress-list FILE]`: the outbound check (issue 13 point 2). Probes the
 * given remote MX hosts (or, when none are given, the built-in list of large providers) from here at once and says
 * whether the local egress path masks STARTTLS. Loaded only when the command runs, like probe-run.ts.
 */
import { type EgressReport, runEgressCheck } from '../../main/smtp/egress'
import type { Translate } from '../../shared/i18n'
import { type EgressTarget, MAX_EGRESS_TARGETS, parseEgressList } from '../../shared/probe/egress'
import { DEFAULT_PORT } from '../../shared/probe/types'
import { json } from '../format'
import { type CliContext, EXIT, UsageError } from '../io'
import { readText } from '../read-input'

export interface EgressCliOptions {
  /** `--egress` alone: true; `--egress a,b`: the hosts. */
  egress?: boolean | string
  egressList?: string
  port?: string
  json?: boolean
  timeout?: string
  ehlo?: string
}

export async function runEgress(opts: EgressCliOptions, ctx: CliContext): Promise<void> {
  const { t, io } = ctx
  const port = opts.port === undefined ? DEFAULT_PORT : Number(opts.port)
  if (!Number.isInteger(port) || port < 1 || port > 65535) throw new UsageError(t('probe.cli.badPort'))
  const targets = await egressTargets(opts, port, ctx)
  if (targets.length > MAX_EGRESS_TARGETS)
    throw new UsageError(t('probe.egress.tooMany', { count: targets.length, max: MAX_EGRESS_TARGETS }))
  const timeout = opts.timeout === undefined ? undefined : Number(opts.timeout)
  if (timeout !== undefined && !(Number.isInteger(timeout) && timeout > 0))
    throw new UsageError(t('probe.cli.badNumber', { option: '--timeout' }))
  if (targets.length === 0 && !opts.json) io.err(`${t('probe.egress.defaultList')}\n`)
  const report = await runEgressCheck(
    { targets, ehloName: opts.ehlo, options: timeout ? { timeouts: { totalMs: timeout } } : {} },
    {
      completed: (p, progress) => {
        const verdict = t(p.verdict.key, p.verdict.params)
        const target = `${p.result.target.host}:${p.result.target.port}`
        io.err(`${t('probe.cli.progress', { done: progress.done, total: progress.total, target, verdict })}\n`)
      },
    },
  )
  io.out(opts.json ? json(report) : egressText(report, t))
  const failed = report.conclusion.counts.failed > 0
  const lost = report.conclusion.id !== 'local-path-clean' && report.conclusion.id !== 'inconclusive'
  ctx.exitCode = lost ? EXIT.problem : failed ? EXIT.connect : EXIT.ok
}

async function egressTargets(opts: EgressCliOptions, port: number, ctx: CliContext): Promise<EgressTarget[]> {
  const { t } = ctx
  const targets: EgressTarget[] = []
  if (typeof opts.egress === 'string') {
    const parsed = parseEgressList(opts.egress.split(',').join('\n'), port)
    if (parsed.errors.length > 0) throw new UsageError(t('probe.cli.badTarget', { target: parsed.errors[0]!.text }))
    targets.push(...parsed.targets)
  }
  if (opts.egressList !== undefined) {
    const parsed = parseEgressList(await readText(ctx, opts.egressList), port)
    const bad = parsed.errors[0]
    if (bad) throw new UsageError(t('probe.egress.badLine', { file: opts.egressList, line: bad.line, text: bad.text }))
    targets.push(...parsed.targets)
  }
  return targets
}

function egressText(report: EgressReport, t: Translate): string {
  const { conclusion } = report
  const width = Math.max(...conclusion.hosts.map((h) => `${h.host}:${h.port}`.length))
  const rows = conclusion.hosts.map((h) => {
    const name = `${h.host}:${h.port}`.padEnd(width)
    const view = t(`probe.egress.view.${h.view}`)
    return `  ${name}  ${view}${h.evidence ? `  (${h.evidence})` : ''}`
  })
  const params = {
    lost: conclusion.counts.masked + conclusion.counts['no-starttls'],
    reached: conclusion.hosts.length - conclusion.counts.failed,
    total: conclusion.hosts.length,
  }
  return `${t('probe.egress.heading', { count: conclusion.hosts.length })}\n${rows.join('\n')}\n\n${t(`probe.egress.conclusion.${conclusion.id}`, params)}\n`
}
