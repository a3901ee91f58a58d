/**
 * `unmask diagnose --device URL --probe HOST[:PORT] [--probe-direct HOST[:PORT]] [--case DIR] [--fix PLAN --confirm
 * HOSTNAME] [--save] [--report FILE]`: probe the mail path, read the firewall, diagnose; with --fix preview, apply,
 * verify and optionally save, printing each step. Passwords come from named environment variables or a prompt on a
 * terminal, never from argv. Exit 0 when the diagnosis ran (without --fix) or the fix was verified; 1 otherwise.
 */
import { userInfo } from 'node:os'
import type { Command } from 'commander'
import { type CaseHandle, CaseNotFoundError, CaseStore } from '../../main/cases/case-store'
import { unmaskHome } from '../../main/cases/paths'
import { SessionLog } from '../../main/device/session-log'
import { analyzeSnapshot } from '../../main/fix/analysis'
import { FixSession } from '../../main/fix/fix-session'
import { probe } from '../../main/smtp/probe'
import { describeTarget, parseTarget, type Target } from '../../main/transports/target'
import { parseTarget as parseProbeTarget } from '../../shared/probe/target'
import type { ProbeTarget } from '../../shared/probe/types'
import { type CliContext, UsageError } from '../io'
import { askHidden, connect, writeReport } from './diagnose-io'
import { printApply, printPreview, printVerify, probeText } from './diagnose-output'

export interface DiagnoseOptions {
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
      await writeReport(opts, handle, home, globals, ctx)
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
    await writeReport(opts, handle, home, globals, ctx)
    say(t('fix.diagnose.caseAt', { dir: handle.dir }))
    return ok ? 0 : 1
  } finally {
    await link.close()
    log.close()
    handle.close()
  }
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
