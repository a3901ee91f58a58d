/**
 * `unmask probe HOST[:PORT]|DOMAIN`: one host, the MX hosts of a domain (several at once, progress on
 * stderr), or a host compared with a second view of it (`--compare`). Text shows each transcript with
 * timings, the findings and a one-line verdict; `--json` prints everything. Exit code 1 when a probe
 * could not complete, 2 for bad usage.
 */
import type { Command } from 'commander'
import { type CaseHandle, CaseNotFoundError, CaseStore } from '../../main/cases/case-store'
import { unmaskHome } from '../../main/cases/paths'
import type { DomainPlan } from '../../main/smtp/mx'
import { type BatchOptions, DEFAULT_CONCURRENCY } from '../../main/smtp/probe-many'
import { type AnalysedProbe, runProbeRequest } from '../../main/smtp/run'
import { isMailbox } from '../../main/smtp/test-message'
import type { Translate } from '../../shared/i18n'
import { type ParsedTarget, parseTarget } from '../../shared/probe/target'
import { causeLines, findingLines, renderComparisonText, renderProbeText } from '../../shared/probe/text'
import { DEFAULT_PORT, DEFAULT_TIMEOUTS, type ProbeTimeouts } from '../../shared/probe/types'
import { json } from '../format'
import { type CliContext, UsageError } from '../io'

interface ProbeCliOptions {
  vantage?: string
  compare?: string
  compareVantage?: string
  port?: string
  case?: string
  json?: boolean
  timeout?: string
  implicitTls?: boolean
  legacyTls?: boolean
  plain?: boolean
  ehlo?: string
  dns?: string
  concurrency?: string
  testTo?: string
  testFrom?: string
  dkim?: boolean
}

export function registerProbeCommands(program: Command, ctx: CliContext): void {
  const { t } = ctx
  program
    .command('probe')
    .description(t('probe.cli.description'))
    .argument('<target>', t('probe.cli.target'))
    .option('--vantage <name>', t('probe.cli.vantage'))
    .option('--compare <target>', t('probe.cli.compare'))
    .option('--compare-vantage <name>', t('probe.cli.compareVantage'))
    .option('--port <port>', t('probe.cli.port'))
    .option('--case <case>', t('probe.cli.case'))
    .option('--json', t('cli.options.json'))
    .option('--timeout <ms>', t('probe.cli.timeout'))
    .option('--implicit-tls', t('probe.cli.implicitTls'))
    .option('--plain', t('probe.cli.plain'))
    .option('--legacy-tls', t('probe.cli.legacyTls'))
    .option('--ehlo <name>', t('probe.cli.ehlo'))
    .option('--dns <server>', t('probe.cli.dns'))
    .option('--concurrency <n>', t('probe.cli.concurrency', { n: DEFAULT_CONCURRENCY }))
    .option('--test-to <address>', t('probe.cli.testTo'))
    .option('--test-from <address>', t('probe.cli.testFrom'))
    .option('--dkim', t('probe.cli.dkim'))
    .action((target: string, opts: ProbeCliOptions) => runProbe(target, opts, ctx))
}

async function runProbe(input: string, opts: ProbeCliOptions, ctx: CliContext): Promise<void> {
  const { t, io } = ctx
  const port = opts.port === undefined ? DEFAULT_PORT : portOf(opts.port, t)
  const target = targetOf(input, port, t)
  const compare = opts.compare === undefined ? undefined : targetOf(opts.compare, port, t)
  if (opts.implicitTls && opts.plain) throw new UsageError(t('probe.cli.conflictingModes'))
  const options = runOptions(opts, t)
  options.concurrency =
    opts.concurrency === undefined ? DEFAULT_CONCURRENCY : positive(opts.concurrency, '--concurrency', t)
  const handle = opts.case === undefined ? undefined : openCase(opts.case, ctx)
  const asJson = opts.json === true
  try {
    let streamed = false
    let many = false
    const report = await runProbeRequest(
      {
        target,
        compare,
        vantage: opts.vantage,
        compareVantage: opts.compareVantage,
        mode: opts.implicitTls ? 'implicit-tls' : opts.plain ? 'plain' : 'starttls',
        ehloName: opts.ehlo,
        options,
      },
      {
        planned: (kind, targets, domain) => {
          streamed = kind !== 'compare'
          many = targets.length > 1
          for (const line of domain ? planLines(domain, t) : []) io.err(`${line}\n`)
        },
        completed: (probe, progress) => {
          if (streamed && !asJson) io.out(`${progress.done > 1 ? '\n' : ''}${probeText(probe, t)}`)
          if (!many) return
          const { target, address } = probe.result
          const label = address && address !== target.host ? `${target.host} [${address}]` : target.host
          const verdict = t(probe.verdict.key, probe.verdict.params)
          io.err(`${t('probe.cli.progress', { done: progress.done, total: progress.total, target: label, verdict })}\n`)
        },
      },
      handle,
    )
    if (report.probes.length === 0) {
      io.err(`${t('probe.cli.nothingToProbe', { domain: target.host })}\n`)
      ctx.exitCode = 1
      return
    }
    if (asJson) io.out(json(report))
    else if (report.comparison) {
      const c = report.comparison
      for (const [i, p] of report.probes.entries()) io.out(`${i > 0 ? '\n' : ''}${probeText(p, t)}`)
      const lines = [...findingLines(c.findings, t), ...causeLines(c.causes, t)]
      io.out(`\n${lines.join('\n')}\n\n${renderComparisonText(c.comparison, c.verdict, t)}`)
    }
    if (handle) {
      const count = report.probes.length + (report.comparison ? 1 : 0)
      io.err(`${t('probe.cli.saved', { count, id: handle.id })}\n`)
    }
    if (report.probes.some((p) => p.result.outcome === 'failed')) ctx.exitCode = 1
  } finally {
    handle?.close()
  }
}

function probeText(p: AnalysedProbe, t: Translate): string {
  return renderProbeText(p.result, p.findings, p.verdict, t, p.causes)
}

function planLines(domain: DomainPlan, t: Translate): string[] {
  const hosts = domain.mx.map((m) => `${m.exchange} (${m.priority})`).join(', ')
  return [
    domain.implicitMx
      ? t('probe.cli.implicitMx', { domain: domain.domain })
      : t('probe.cli.mxPlan', { domain: domain.domain, hosts }),
    ...domain.unresolved.map((u) => t('probe.cli.unresolved', { host: u.exchange, message: u.message })),
  ]
}

function targetOf(input: string, port: number, t: Translate): ParsedTarget {
  const parsed = parseTarget(input, port)
  if (!parsed.ok) throw new UsageError(t('probe.cli.badTarget', { target: input }))
  return parsed.target
}

function runOptions(opts: ProbeCliOptions, t: Translate): BatchOptions {
  const options: BatchOptions = {}
  if (opts.timeout !== undefined) {
    const total = positive(opts.timeout, '--timeout', t)
    const capped: Partial<ProbeTimeouts> = { totalMs: total }
    for (const key of ['dnsMs', 'connectMs', 'replyMs', 'tlsMs'] as const)
      capped[key] = Math.min(DEFAULT_TIMEOUTS[key], total)
    options.timeouts = capped
  }
  if (opts.dns !== undefined) options.dnsServers = [opts.dns]
  if (opts.legacyTls) options.tls = { legacy: true }
  if (opts.testTo !== undefined || opts.dkim) {
    if (!opts.testTo || !opts.testFrom || !isMailbox(opts.testTo) || !isMailbox(opts.testFrom))
      throw new UsageError(t('probe.cli.testNeedsFrom'))
    options.message = { from: opts.testFrom, to: opts.testTo, dkimSignature: opts.dkim === true }
  }
  return options
}

function portOf(text: string, t: Translate): number {
  const port = /^[0-9]{1,5}$/.test(text) ? Number(text) : 0
  if (port < 1 || port > 65535) throw new UsageError(t('probe.cli.badPort'))
  return port
}

function positive(text: string, option: string, t: Translate): number {
  if (!/^[0-9]{1,9}$/.test(text) || Number(text) < 1) throw new UsageError(t('probe.cli.badNumber', { option }))
  return Number(text)
}

function openCase(id: string, ctx: CliContext): CaseHandle {
  const store = new CaseStore(unmaskHome(ctx.io.env))
  try {
    return store.open(id)
  } catch (error) {
    if (error instanceof CaseNotFoundError)
      throw new UsageError(ctx.t('probe.cli.caseNotFound', { id, home: store.root }))
    throw error
  }
}
