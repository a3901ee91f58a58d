/**
 * The run of `unmask probe`, moved out of probe.ts so that it loads only when the command runs; its exit code follows
 * the contract of io.ts (3 a probe could not complete, 1 a problem found, 0 clean).
 */
import { type CaseHandle, CaseNotFoundError, CaseStore } from '../../main/cases/case-store'
import { unmaskHome } from '../../main/cases/paths'
import { finishMailPolicy, type MailPolicyReport, startMailPolicy } from '../../main/mail-policy/probe-domain'
import type { DomainPlan } from '../../main/smtp/mx'
import type { BatchOptions } from '../../main/smtp/probe-many'
import { type AnalysedProbe, runProbeRequest } from '../../main/smtp/run'
import { isMailbox } from '../../main/smtp/test-message'
import type { Translate } from '../../shared/i18n'
import { DEFAULT_CONCURRENCY } from '../../shared/probe/concurrency'
import { type ParsedTarget, parseTarget } from '../../shared/probe/target'
import { causeLines, findingLines, renderComparisonText, renderProbeText } from '../../shared/probe/text'
import { DEFAULT_PORT, DEFAULT_TIMEOUTS, type ProbeTimeouts } from '../../shared/probe/types'
import { json } from '../format'
import { type CliContext, EXIT, UsageError } from '../io'
import { startProgress } from '../progress'
import { analysisExit } from '../verdict'
import { type MailPolicyCliOptions, mailPolicyOptions, mailPolicyText } from './probe-mail-policy'

export interface ProbeCliOptions extends MailPolicyCliOptions {
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

export async function runProbe(input: string, opts: ProbeCliOptions, ctx: CliContext): Promise<void> {
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
  // Issue 17: a domain's MTA-STS/TLS-RPT/DANE state, looked up while its MX hosts are probed.
  const lab = await mailPolicyOptions(opts, ctx)
  let policy: ReturnType<typeof startMailPolicy> | undefined
  try {
    let streamed = false
    let many = false
    // Many MX hosts: one line on a terminal with how far it got and the time (nothing when piped or --json).
    const line = startProgress(io, { json: asJson })
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
          if (domain) policy = startMailPolicy(domain, options.dnsServers, options.timeouts?.totalMs, lab)
          for (const plan of domain ? planLines(domain, t) : []) io.err(`${plan}\n`)
          if (many) line.update(t('cli.progress.probing', { count: targets.length }))
        },
        completed: (probe, progress) => {
          line.clear()
          if (streamed && !asJson) io.out(`${progress.done > 1 ? '\n' : ''}${probeText(probe, t)}`)
          if (!many) return
          const { target, address } = probe.result
          const label = address && address !== target.host ? `${target.host} [${address}]` : target.host
          const verdict = t(probe.verdict.key, probe.verdict.params)
          line.update(t('probe.cli.progress', { done: progress.done, total: progress.total, target: label, verdict }))
        },
      },
      handle,
    ).finally(() => line.done())
    if (report.probes.length === 0) {
      io.err(`${t('probe.cli.nothingToProbe', { domain: target.host })}\n`)
      ctx.exitCode = EXIT.connect
      return
    }
    const mailPolicy: MailPolicyReport | undefined = policy
      ? await policy.then((check) => finishMailPolicy(check, report.probes, handle))
      : undefined
    if (asJson) io.out(json(mailPolicy ? { ...report, mailPolicy } : report))
    else if (mailPolicy) io.out(`\n${mailPolicyText(mailPolicy, t)}`)
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
    // The exit-code contract (README "Exit codes"): 3 when a probe could not complete, else 1 when any probe or the
    // comparison found a problem (STARTTLS masked or missing), else 0.
    const judged = [...report.probes, ...(report.comparison ? [report.comparison] : [])].map(analysisExit)
    if (report.probes.some((p) => p.result.outcome === 'failed')) ctx.exitCode = EXIT.connect
    else {
      // A policy that makes compliant senders refuse delivery is a problem of its own (exit 1); "in clear" is the
      // probe's own verdict already, and a server without STARTTLS keeps its exit code.
      const policyProblem = mailPolicy?.verdicts.some((v) => v.level === 'critical')
      ctx.exitCode = judged.includes(EXIT.problem) || policyProblem ? EXIT.problem : EXIT.ok
    }
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
