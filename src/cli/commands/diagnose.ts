/**
 * `unmask diagnose --device URL --probe HOST[:PORT] [--probe-direct HOST[:PORT]] [--case DIR] [--fix PLAN --confirm
 * HOSTNAME] [--save] [--report FILE]`: probe the mail path, read the firewall, diagnose; with --fix preview, apply,
 * verify and optionally save, printing each step. Passwords come from named environment variables or a prompt on a
 * terminal, never from argv. Exit 0 when the diagnosis ran (without --fix) or the fix was verified; 1 otherwise.
 */
import { existsSync, statSync, writeFileSync } from 'node:fs'
import { userInfo } from 'node:os'
import { dirname, resolve } from 'node:path'
import type { Command } from 'commander'
import { type CaseHandle, CaseNotFoundError, CaseStore } from '../../main/cases/case-store'
import { unmaskHome } from '../../main/cases/paths'
import { openChannel } from '../../main/device/collect'
import { SessionLog } from '../../main/device/session-log'
import { analyzeSnapshot } from '../../main/fix/analysis'
import { type DeviceLink, openDeviceLink } from '../../main/fix/device-link'
import { FixSession } from '../../main/fix/fix-session'
import type { ApplyResult, Precheck, Preview, Refusal, VerifyResult } from '../../main/fix/types'
import { probeSummary } from '../../main/fix/verify-checks'
import { renderCaseReport, writeCaseReport } from '../../main/report/export-report'
import { findChromium } from '../../main/report/find-chromium'
import { createChromiumPrinter } from '../../main/report/pdf-chromium'
import { knownHostsFile } from '../../main/sessions/open-channel'
import { probe } from '../../main/smtp/probe'
import { TransportError } from '../../main/transports/channel'
import { HostKeyTrust } from '../../main/transports/host-key-trust'
import { describeTarget, parseTarget, type Target } from '../../main/transports/target'
import { isLanguage, type Language, languageFromLocale } from '../../shared/i18n'
import { parseTarget as parseProbeTarget } from '../../shared/probe/target'
import type { ProbeResult, ProbeTarget } from '../../shared/probe/types'
import type { Remedy } from '../../shared/remedies/types'
import { type CliContext, UsageError } from '../io'

interface DiagnoseOptions {
  device: string
  probe: string[]
  probeDirect: string[]
  case?: string
  customer?: string
  fix?: string
  confirm?: string
  save?: boolean
  undoOnFailure?: boolean
  report?: string
  passwordEnv?: string
  secretEnv?: string
  engineer?: string
  context?: string
  acceptNewHostKey?: boolean
  legacy?: boolean
}

const collect = (value: string, previous: string[]) => [...previous, value]

export function registerDiagnoseCommand(program: Command, ctx: CliContext): void {
  const k = (key: string) => ctx.t(`fix.diagnose.options.${key}`)
  program
    .command('diagnose')
    .description(ctx.t('fix.diagnose.description'))
    .requiredOption('--device <url>', k('device'))
    .option('--probe <host[:port]>', k('probe'), collect, [])
    .option('--probe-direct <host[:port]>', k('probeDirect'), collect, [])
    .option('--case <dir>', k('case'))
    .option('--customer <name>', k('customer'))
    .option('--fix <plan>', k('fix'))
    .option('--confirm <hostname>', k('confirm'))
    .option('--save', k('save'))
    .option('--undo-on-failure', k('undoOnFailure'))
    .option('--report <file>', k('report'))
    .option('--password-env <name>', k('passwordEnv'))
    .option('--secret-env <name>', k('secretEnv'))
    .option('--engineer <name>', k('engineer'))
    .option('--context <name>', k('context'))
    .option('--accept-new-host-key', k('acceptNewHostKey'))
    .option('--legacy', k('legacy'))
    .action(async (opts: DiagnoseOptions, command: Command) => {
      ctx.exitCode = await diagnose(opts, ctx, command.optsWithGlobals())
    })
}

function fromEnv(ctx: CliContext, name: string | undefined): string | undefined {
  if (!name) return undefined
  const value = ctx.io.env[name]
  if (value === undefined) throw new UsageError(ctx.t('fix.diagnose.errors.envMissing', { name }))
  return value
}

function probeTargets(opts: DiagnoseOptions, ctx: CliContext): ProbeTarget[] {
  const targets: ProbeTarget[] = []
  const add = (list: string[], vantage: string) => {
    for (const value of list) {
      const parsed = parseProbeTarget(value)
      if (!parsed.ok) throw new UsageError(ctx.t('fix.diagnose.errors.badProbe', { value }))
      targets.push({ host: parsed.target.host, port: parsed.target.port, vantage })
    }
  }
  add(opts.probe, 'through')
  add(opts.probeDirect, 'direct')
  if (targets.length === 0) throw new UsageError(ctx.t('fix.diagnose.errors.noProbe'))
  return targets
}

function checkUsage(opts: DiagnoseOptions, ctx: CliContext): void {
  const e = (key: string) => new UsageError(ctx.t(`fix.diagnose.errors.${key}`))
  if (opts.confirm !== undefined && !opts.fix) throw e('confirmWithoutFix')
  if (opts.fix && !opts.confirm) throw e('fixWithoutConfirm')
  if ((opts.save || opts.undoOnFailure) && !opts.fix) throw e('saveWithoutFix')
}

async function diagnose(opts: DiagnoseOptions, ctx: CliContext, globals: { lang?: unknown }): Promise<number> {
  const { t, io } = ctx
  const say = (text: string) => io.out(`${text}\n`)
  const step = (name: string, params: Record<string, string> = {}) =>
    say(`\n${t('fix.diagnose.steps.header', { step: t(`fix.diagnose.steps.${name}`, params) })}`)
  checkUsage(opts, ctx)
  let target: Target
  try {
    target = parseTarget(opts.device)
  } catch {
    throw new UsageError(t('fix.diagnose.errors.badDevice', { value: opts.device }))
  }
  if (target.kind === 'serial') throw new UsageError(t('fix.diagnose.errors.badDevice', { value: opts.device }))
  const targets = probeTargets(opts, ctx)
  const device = describeTarget(target)
  const tty = process.stdin.isTTY === true
  let password = fromEnv(ctx, opts.passwordEnv)
  let secret = fromEnv(ctx, opts.secretEnv)
  if (password === undefined && tty) password = await askHidden(t('fix.diagnose.passwordPrompt', { device }))
  if (secret === undefined && tty && !opts.secretEnv) secret = await askHidden(t('fix.diagnose.secretPrompt'))
  if (password === undefined && target.kind === 'ssh') throw new UsageError(t('fix.diagnose.errors.noPassword'))

  const home = unmaskHome(io.env)
  const store = new CaseStore(home)
  const handle = openCase(store, opts, device, ctx)
  const engineer = opts.engineer ?? caseEngineer(store, handle) ?? userInfo().username
  say(t('fix.diagnose.caseOpened', { id: handle.id, dir: handle.dir }))

  step('probe')
  const before = await Promise.all(targets.map((p) => probe(p)))
  for (const r of before) {
    handle.append('probe.result', r)
    say(probeText(r, ctx))
  }

  step('connect')
  // Every byte of the session, secrets masked, goes into the case as the raw log (attached when it closes).
  const log = new SessionLog(handle, { peer: device, transport: target.kind, secrets: [password, secret] })
  const link = await connect(target, opts, { password, secret, home, log }, ctx).catch((error: unknown) => {
    log.close('connect failed')
    handle.close()
    throw error
  })
  try {
    const fix = new FixSession({ link, journal: handle, t })
    if (opts.context) {
      const entered = await fix.enterContext(opts.context)
      say(t(entered ? 'fix.diagnose.contextEntered' : 'fix.diagnose.contextNotEntered', { context: opts.context }))
    }
    step('read')
    const snapshot = await fix.read()
    handle.append('device.identified', {
      device: snapshot.hostname,
      hostname: snapshot.hostname,
      platform: snapshot.platform,
      version: snapshot.version ?? undefined,
      address: link.peer,
    })
    say(
      t('fix.diagnose.connected', {
        hostname: snapshot.hostname,
        platform: snapshot.platform,
        version: snapshot.version ?? '?',
        prompt: snapshot.prompt,
      }),
    )
    say(t('fix.diagnose.readCommands', { commands: snapshot.outputs.map((o) => o.command).join(', ') }))

    step('diagnose')
    const analysis = analyzeSnapshot(snapshot, before)
    handle.append('diagnosis.result', { findings: analysis.findings, causes: analysis.causes })
    if (analysis.causes.length === 0) say(t('fix.diagnose.noCause'))
    for (const c of analysis.causes)
      say(
        t('fix.diagnose.cause', { confidence: String(Math.round(c.confidence * 100)), title: t(c.titleKey, c.params) }),
      )
    for (const r of analysis.remedies)
      say(t('fix.diagnose.plan', { id: r.id, type: r.type, title: t(r.titleKey, r.params) }))
    for (const s of analysis.skipped) say(t('fix.diagnose.skipped', { id: s.id, reason: t(s.reasonKey, s.params) }))

    if (!opts.fix) {
      for (const r of analysis.remedies.filter((x) => x.type === 'change')) {
        step('preview', { plan: r.id })
        const p = await fix.preview(r, { context: opts.context })
        printPreview(p, r, ctx)
        if (p.token) say(t('fix.diagnose.howToApply', { id: r.id, hostname: snapshot.hostname }))
      }
      await report(opts, handle, home, globals, ctx)
      say(t('fix.diagnose.caseAt', { dir: handle.dir }))
      return 0
    }

    const remedy = analysis.remedies.find((r) => r.id === opts.fix)
    if (!remedy) {
      const plans = analysis.remedies.map((r) => r.id).join(', ') || '-'
      io.err(`${t('fix.diagnose.errors.noSuchPlan', { plan: opts.fix, plans })}\n`)
      say(t('fix.diagnose.caseAt', { dir: handle.dir }))
      return 1
    }
    step('preview', { plan: remedy.id })
    const preview = await fix.preview(remedy, { context: opts.context })
    printPreview(preview, remedy, ctx)
    if (!preview.token) {
      say(t('fix.diagnose.previewRefused'))
      say(t('fix.diagnose.caseAt', { dir: handle.dir }))
      return 1
    }

    step('apply')
    say(t('fix.diagnose.confirmedByFlag', { typed: opts.confirm!, hostname: snapshot.hostname, who: engineer }))
    const applied = await fix.apply({ token: preview.token, typedHostname: opts.confirm!, confirmedBy: engineer })
    if (!printApply(applied, ctx)) {
      say(t('fix.diagnose.caseAt', { dir: handle.dir }))
      return 1
    }

    step('verify')
    const probes = targets.map((target, i) => ({ target, before: before[i]! }))
    const verified = await fix.verify(remedy, probes)
    printVerify(verified, ctx)
    let ok = verified.outcome === 'fixed'

    if (!ok && opts.undoOnFailure) {
      step('undo')
      say(t('fix.diagnose.undoStart'))
      const undoPreview = await fix.previewUndo({ context: opts.context })
      if ('refused' in undoPreview) say(t(`fix.refusals.${undoPreview.code}`, undoPreview.params))
      else if (undoPreview.token) {
        say(t('fix.diagnose.confirmedByFlag', { typed: opts.confirm!, hostname: snapshot.hostname, who: engineer }))
        const undone = await fix.apply({
          token: undoPreview.token,
          typedHostname: opts.confirm!,
          confirmedBy: engineer,
        })
        if (printApply(undone, ctx)) printVerify(await fix.verify(remedy, probes), ctx)
      }
    }

    step('save')
    if (!opts.save) {
      say(t('fix.diagnose.saveSkipped'))
      fix.declineSave(engineer)
    } else if (!ok) {
      say(t('fix.diagnose.saveNotVerified'))
      fix.declineSave(engineer)
    } else {
      say(t('fix.diagnose.saveConfirmedByFlag', { who: engineer }))
      const request = fix.requestSave()
      const saved = 'refused' in request ? request : await fix.save(request.token, engineer)
      if (saved.refused) say(t(`fix.refusals.${saved.code}`, saved.params))
      else if (saved.saved) say(t('fix.diagnose.saved'))
      else say(t('fix.diagnose.notSaved', { error: saved.error ?? '' }))
      ok = !saved.refused && saved.saved
    }
    await report(opts, handle, home, globals, ctx)
    say(t('fix.diagnose.caseAt', { dir: handle.dir }))
    return ok ? 0 : 1
  } finally {
    await link.close()
    log.close()
    handle.close()
  }
}

/** Reads a line from the terminal without echoing it (raw mode); Ctrl-C gives up. */
function askHidden(prompt: string): Promise<string> {
  const stdin = process.stdin
  return new Promise((resolve, reject) => {
    let value = ''
    const done = (): void => {
      stdin.off('data', onData)
      stdin.setRawMode(false)
      stdin.pause()
      process.stderr.write('\n')
    }
    const onData = (chunk: Buffer): void => {
      for (const ch of chunk.toString('utf8')) {
        if (ch === '\r' || ch === '\n') {
          done()
          resolve(value)
          return
        }
        if (ch === '\u0003') {
          done()
          reject(new UsageError(prompt.trim()))
          return
        }
        if (ch === '\u007f' || ch === '\b') value = value.slice(0, -1)
        else value += ch
      }
    }
    process.stderr.write(prompt)
    stdin.setRawMode(true)
    stdin.resume()
    stdin.on('data', onData)
  })
}

function openCase(store: CaseStore, opts: DiagnoseOptions, device: string, ctx: CliContext): CaseHandle {
  if (!opts.case) return store.create({ customer: opts.customer ?? device, engineer: opts.engineer })
  try {
    return store.open(opts.case)
  } catch (error) {
    if (error instanceof CaseNotFoundError)
      throw new UsageError(ctx.t('cli.case.show.notFound', { id: opts.case, home: store.root }))
    throw error
  }
}

function caseEngineer(store: CaseStore, handle: CaseHandle): string | undefined {
  return store.read(handle.dir).engineer || undefined
}

async function connect(
  target: Exclude<Target, { kind: 'serial' }>,
  opts: DiagnoseOptions,
  secrets: { password?: string; secret?: string; home: string; log: SessionLog },
  ctx: CliContext,
): Promise<DeviceLink> {
  const { t, io } = ctx
  const device = describeTarget(target)
  const trust = new HostKeyTrust({ storeFile: knownHostsFile(secrets.home) })
  let seen = ''
  try {
    return await openDeviceLink({
      connect: () =>
        openChannel({
          target,
          credentials: { password: secrets.password },
          trust,
          legacy: opts.legacy,
          connectTimeoutMs: 20_000,
          askHostKey: async (info) => {
            seen = `${info.keyType} ${info.fingerprint}`
            if (opts.acceptNewHostKey) io.out(`${t('fix.diagnose.hostKeyAccepted', { fingerprint: seen })}\n`)
            return opts.acceptNewHostKey === true
          },
        }),
      credentials: { username: target.username, password: secrets.password, secret: secrets.secret },
      driver: { onTraffic: (event) => secrets.log.record(event) },
    })
  } catch (error) {
    if (error instanceof TransportError && (error.code === 'hostKeyUnknown' || error.code === 'hostKeyRejected'))
      throw new UsageError(t('fix.diagnose.errors.hostKeyUnknown', { device, fingerprint: seen }))
    const message = error instanceof Error ? error.message : String(error)
    throw new Error(t('fix.diagnose.errors.connect', { device, message }))
  }
}

function probeText(r: ProbeResult, ctx: CliContext): string {
  const vantage = ctx.t(r.target.vantage === 'direct' ? 'fix.diagnose.vantageDirect' : 'fix.diagnose.vantageThrough')
  return ctx.t('fix.diagnose.probeLine', {
    vantage,
    target: `${r.target.host}:${r.target.port}`,
    summary: probeSummary(r),
  })
}

function checkLine(c: Pick<Precheck, 'passed' | 'key' | 'params'>, ctx: CliContext): string {
  return ctx.t(c.passed ? 'fix.diagnose.checkPassed' : 'fix.diagnose.checkFailed', { text: ctx.t(c.key, c.params) })
}

function printPreview(p: Preview, remedy: Remedy, ctx: CliContext): void {
  const { t, io } = ctx
  const say = (text: string) => io.out(`${text}\n`)
  say(t('fix.diagnose.lines'))
  for (const l of p.plan.lines) say(`  ${l.mode.padEnd(14)} ${l.command}`)
  say(t('fix.diagnose.undoLines'))
  for (const l of p.plan.undo) say(`  ${l.mode.padEnd(14)} ${l.command}`)
  say(t('fix.diagnose.impact', { text: t(remedy.impactKey, remedy.params) }))
  for (const c of p.checks) say(checkLine(c, ctx))
}

/** Prints the run line by line; true when every line went in. */
function printApply(result: ApplyResult | Refusal, ctx: CliContext): boolean {
  const { t, io } = ctx
  const say = (text: string) => io.out(`${text}\n`)
  if (result.refused) {
    say(t(`fix.refusals.${result.code}`, result.params))
    return false
  }
  say(t('fix.diagnose.backup', { file: result.backup.attachment ?? '', sha256: result.backup.sha256 }))
  for (const l of result.sent) {
    const params = { prompt: l.promptBefore, command: l.command, error: l.failureText ?? '' }
    say(
      t(
        l.status === 'ok'
          ? 'fix.diagnose.lineOk'
          : l.status === 'error'
            ? 'fix.diagnose.lineError'
            : 'fix.diagnose.lineUnknown',
        params,
      ),
    )
  }
  if (result.leftConfigWith.length) say(t('fix.diagnose.leftConfig', { lines: result.leftConfigWith.join(', ') }))
  const last = String(result.sent.filter((l) => l.status === 'ok').length)
  const line = String(result.failedLine ?? '')
  if (result.outcome === 'applied') say(t('fix.outcomes.applied', { count: String(result.sent.length) }))
  else say(t(`fix.outcomes.${result.outcome}`, { line, last, error: result.error ?? '' }))
  const r = result.recovered
  if (r?.reconnected && r.delta) {
    say(t('fix.outcomes.recovered', { added: String(r.delta.added.length), removed: String(r.delta.removed.length) }))
    for (const a of r.delta.added) say(`  + ${a}`)
    for (const d of r.delta.removed) say(`  - ${d}`)
  } else if (r) say(t('fix.outcomes.notRecovered', { error: r.error ?? '' }))
  return result.outcome === 'applied'
}

function printVerify(v: VerifyResult, ctx: CliContext): void {
  const { t, io } = ctx
  const say = (text: string) => io.out(`${text}\n`)
  for (const c of v.checks) {
    say(checkLine(c, ctx))
    if (c.evidence) for (const line of c.evidence.split('\n')) say(`         ${line}`)
  }
  if (v.counters.after) {
    say(t('fix.diagnose.counters'))
    for (const line of v.counters.after.trimEnd().split('\n')) say(`  ${line}`)
  }
  say(t('fix.diagnose.outcome', { outcome: t(`fix.outcomes.${v.outcome}`) }))
}

async function report(
  opts: DiagnoseOptions,
  handle: CaseHandle,
  home: string,
  globals: { lang?: unknown },
  ctx: CliContext,
): Promise<void> {
  if (!opts.report) return
  const { t, io } = ctx
  io.out(`\n${t('fix.diagnose.steps.header', { step: t('fix.diagnose.steps.report') })}\n`)
  const file = resolve(opts.report)
  if (!existsSync(dirname(file)) || !statSync(dirname(file)).isDirectory())
    throw new UsageError(t('report.cli.noFolder', { path: file }))
  const env = io.env
  const lang: Language = isLanguage(globals.lang)
    ? globals.lang
    : isLanguage(env.UNMASK_LANG)
      ? env.UNMASK_LANG
      : languageFromLocale(env.LC_ALL, env.LC_MESSAGES, env.LANG)
  const request = { home, caseRef: handle.dir, lang }
  if (!/\.pdf$/i.test(file)) {
    writeFileSync(file, renderCaseReport(request).html, { mode: 0o600 })
  } else {
    const browser = findChromium({ env })
    if (!browser.ok) {
      io.out(`${t('fix.diagnose.reportUnavailable')}\n`)
      return
    }
    const printer = createChromiumPrinter({ executablePath: browser.path })
    try {
      await writeCaseReport({ ...request, pdfPath: file, printer })
    } finally {
      await printer.close()
    }
  }
  io.out(`${t('fix.diagnose.reportWritten', { file })}\n`)
}
