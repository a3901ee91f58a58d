/**
 * `unmask probe HOST[:PORT]|DOMAIN`: one host, the MX hosts of a domain (several at once, progress on
 * stderr), or a host compared with a second view of it (`--compare`). Text shows each transcript with
 * timings, the findings and a one-line verdict; `--json` prints everything. Exit code 1 when a probe
 * could not complete, 2 for bad usage.
 */
import type { Command } from 'commander'
import { type CaseHandle, CaseNotFoundError, CaseStore } from '../../main/cases/case-store'
import { unmaskHome } from '../../main/cases/paths'
import { recordComparison, recordProbe } from '../../main/smtp/journal'
import { type DomainPlan, planDomain } from '../../main/smtp/mx'
import type { ProbeRunOptions } from '../../main/smtp/probe'
import { type BatchProgress, DEFAULT_CONCURRENCY, probeMany } from '../../main/smtp/probe-many'
import { isMailbox } from '../../main/smtp/test-message'
import type { Translate } from '../../shared/i18n'
import { compareProbes } from '../../shared/probe/compare'
import { probeAnalysis } from '../../shared/probe/findings'
import { isIpLiteral, type ParsedTarget, parseTarget } from '../../shared/probe/target'
import { causeLines, findingLines, renderComparisonText, renderProbeText } from '../../shared/probe/text'
import {
  DEFAULT_PORT,
  DEFAULT_TIMEOUTS,
  type ProbeMode,
  type ProbeResult,
  type ProbeTarget,
  type ProbeTimeouts,
} from '../../shared/probe/types'
import { comparisonVerdict, probeVerdict } from '../../shared/probe/verdict'
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
  const main = targetOf(input, port, t)
  const compare = opts.compare === undefined ? undefined : targetOf(opts.compare, port, t)
  if (opts.implicitTls && opts.plain) throw new UsageError(t('probe.cli.conflictingModes'))
  const mode: ProbeMode = opts.implicitTls ? 'implicit-tls' : opts.plain ? 'plain' : 'starttls'
  const options = runOptions(opts, t)
  const concurrency =
    opts.concurrency === undefined ? DEFAULT_CONCURRENCY : positive(opts.concurrency, '--concurrency', t)
  const handle = opts.case === undefined ? undefined : openCase(opts.case, ctx)
  try {
    const common = { mode, ehloName: opts.ehlo }
    let targets: ProbeTarget[]
    if (compare) {
      targets = [
        { ...common, host: main.host, port: main.port, vantage: opts.vantage },
        { ...common, host: compare.host, port: compare.port, vantage: opts.compareVantage },
      ]
    } else {
      const plan = await domainPlan(main, opts, options, common)
      if (plan && !plan.implicitMx) {
        io.err(
          `${t('probe.cli.mxPlan', { domain: plan.domain, hosts: plan.mx.map((m) => `${m.exchange} (${m.priority})`).join(', ') })}\n`,
        )
      } else if (plan) io.err(`${t('probe.cli.implicitMx', { domain: plan.domain })}\n`)
      for (const u of plan?.unresolved ?? [])
        io.err(`${t('probe.cli.unresolved', { host: u.exchange, message: u.message })}\n`)
      targets = plan ? plan.targets : [{ ...common, host: main.host, port: main.port, vantage: opts.vantage }]
      if (targets.length === 0) {
        io.err(`${t('probe.cli.nothingToProbe', { domain: main.host })}\n`)
        ctx.exitCode = 1
        return
      }
    }

    const results: ProbeResult[] = new Array(targets.length)
    const streamed = compare === undefined
    for await (const progress of probeMany(targets, { ...options, concurrency })) {
      results[progress.index] = progress.result
      if (handle) recordProbe(handle, progress.result)
      if (streamed) onProgress(progress, targets, targets.length === 1, opts.json === true, ctx)
    }

    const analyses = results.map((result) => probeAnalysis([result]))
    const report: Record<string, unknown> = {
      probes: results.map((result, i) => {
        const { findings, causes } = analyses[i]!
        return { result, findings, causes, verdict: probeVerdict(result, findings) }
      }),
    }
    if (compare) {
      const comparison = compareProbes(results[0]!, results[1]!)
      const both = probeAnalysis(results)
      const findings = both.findings.filter((f) => f.id === 'smtp.path-differs')
      const verdict = comparisonVerdict(comparison)
      if (handle) recordComparison(handle, comparison, findings)
      Object.assign(report, {
        comparison,
        comparisonFindings: findings,
        comparisonCauses: both.causes,
        comparisonVerdict: verdict,
      })
      if (!opts.json) {
        for (const [i, r] of results.entries()) {
          const { findings: own, causes } = analyses[i]!
          io.out(`${i > 0 ? '\n' : ''}${renderProbeText(r, own, probeVerdict(r, own), t, causes)}`)
        }
        const lines = [...findingLines(findings, t), ...causeLines(both.causes, t)]
        io.out(`\n${lines.join('\n')}\n\n${renderComparisonText(comparison, verdict, t)}`)
      }
    }
    if (opts.json) io.out(json(report))
    if (handle) io.err(`${t('probe.cli.saved', { count: results.length + (compare ? 1 : 0), id: handle.id })}\n`)
    if (results.some((r) => r.outcome === 'failed')) ctx.exitCode = 1
  } finally {
    handle?.close()
  }
}

/** Text results are printed as each probe completes; several hosts also get a progress line on stderr. */
function onProgress(p: BatchProgress, targets: ProbeTarget[], single: boolean, asJson: boolean, ctx: CliContext): void {
  const { t, io } = ctx
  const { findings, causes } = probeAnalysis([p.result])
  const verdict = probeVerdict(p.result, findings)
  if (!asJson) io.out(`${p.done > 1 ? '\n' : ''}${renderProbeText(p.result, findings, verdict, t, causes)}`)
  if (single) return
  const target = targets[p.index]!
  const label = `${target.host}${target.address ? ` [${target.address}]` : ''}`
  io.err(
    `${t('probe.cli.progress', { done: p.done, total: p.total, target: label, verdict: t(verdict.key, verdict.params) })}\n`,
  )
}

function targetOf(input: string, port: number, t: Translate): ParsedTarget {
  const parsed = parseTarget(input, port)
  if (!parsed.ok) throw new UsageError(t('probe.cli.badTarget', { target: input }))
  return parsed.target
}

/** A bare name may be a mail domain: its MX hosts are probed. Without MX data it is probed as a host. */
async function domainPlan(
  target: ParsedTarget,
  opts: ProbeCliOptions,
  options: ProbeRunOptions,
  common: Pick<ProbeTarget, 'mode' | 'ehloName'>,
): Promise<DomainPlan | null> {
  if (target.explicitPort || isIpLiteral(target.host)) return null
  const plan = await planDomain(target.host, {
    port: target.port,
    dnsServers: options.dnsServers,
    timeoutMs: options.timeouts?.dnsMs ?? DEFAULT_TIMEOUTS.dnsMs,
    template: { ...common, vantage: opts.vantage },
  })
  return plan.ok ? plan.value : null
}

function runOptions(opts: ProbeCliOptions, t: Translate): ProbeRunOptions {
  const options: ProbeRunOptions = {}
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
