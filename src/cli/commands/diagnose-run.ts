/**
 * The run of `unmask diagnose` (loaded by diagnose.ts only when the command runs): probe, connect, read, diagnose,
 * preview; the fix steps are in diagnose-fix.ts. With --json the step text is not printed and one DiagnoseJson
 * object is printed at the end instead.
 */
import { userInfo } from 'node:os'
import { type CaseHandle, CaseNotFoundError, CaseStore } from '../../main/cases/case-store'
import { unmaskHome } from '../../main/cases/paths'
import { diagnoseDevice } from '../../main/fix/diagnose-device'
import { probe } from '../../main/smtp/probe'
import { describeTarget, parseDeviceTarget, type Target } from '../../main/transports/target'
import { JOURNAL } from '../../shared/journal'
import { parseTarget as parseProbeTarget } from '../../shared/probe/target'
import type { ProbeTarget } from '../../shared/probe/types'
import { json } from '../format'
import { type CliContext, EXIT, UsageError } from '../io'
import { analysisExit } from '../verdict'
import { applyFix } from './diagnose-fix'
import { askHidden, connect, writeReport } from './diagnose-io'
import type { DiagnoseJson, DiagnoseOptions } from './diagnose-options'
import { printPreview, probeText } from './diagnose-output'

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

export async function diagnose(opts: DiagnoseOptions, outer: CliContext): Promise<number> {
  // With --json the step text goes nowhere; errors still go to standard error.
  const ctx: CliContext = opts.json ? { ...outer, io: { ...outer.io, out: () => {} } } : outer
  const { t, io } = ctx
  const say = (text: string) => io.out(`${text}\n`)
  const step = (name: string, params: Record<string, string> = {}) =>
    say(`\n${t('fix.diagnose.steps.header', { step: t(`fix.diagnose.steps.${name}`, params) })}`)
  checkUsage(opts, ctx)
  let target: Target
  try {
    target = parseDeviceTarget(opts.device)
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
  const result: DiagnoseJson = { case: { id: handle.id, dir: handle.dir }, probes: [], previews: [], exitCode: 0 }
  const finish = async (code: number): Promise<number> => {
    if (code !== EXIT.usage) {
      await writeReport(opts, handle, home, ctx)
      if (opts.report) result.report = opts.report
    }
    say(t('fix.diagnose.caseAt', { dir: handle.dir }))
    result.exitCode = code
    if (opts.json) outer.io.out(json(result))
    return code
  }

  step('probe')
  const before = await Promise.all(targets.map((p) => probe(p)))
  result.probes = before
  for (const r of before) {
    handle.append(JOURNAL.probeResult, r)
    say(probeText(r, ctx))
  }

  step('connect')
  // Connect, read and diagnose: the same use case as the app's fix dialog (src/main/fix/diagnose-device.ts).
  const diagnosed = await diagnoseDevice({
    journal: handle,
    peer: device,
    transport: target.kind,
    secrets: [password, secret],
    // Every byte of the session, secrets masked, goes into the case as the raw log (attached when it closes).
    openLink: (log) => connect(target, opts, { password, secret, home, log }, ctx),
    t,
    before,
    context: opts.context,
    hooks: {
      onContext: (context, entered) =>
        say(t(entered ? 'fix.diagnose.contextEntered' : 'fix.diagnose.contextNotEntered', { context })),
      onPhase: (phase) => step(phase),
      onRead: (snapshot, link) => {
        handle.append(JOURNAL.deviceIdentified, {
          device: snapshot.hostname,
          hostname: snapshot.hostname,
          platform: snapshot.platform,
          version: snapshot.version ?? undefined,
          address: link.peer,
        })
        result.device = {
          hostname: snapshot.hostname,
          platform: snapshot.platform,
          version: snapshot.version ?? null,
          prompt: snapshot.prompt,
        }
        say(
          t('fix.diagnose.connected', {
            hostname: snapshot.hostname,
            platform: snapshot.platform,
            version: snapshot.version ?? '?',
            prompt: snapshot.prompt,
          }),
        )
        say(t('fix.diagnose.readCommands', { commands: snapshot.outputs.map((o) => o.command).join(', ') }))
      },
    },
  }).catch((error: unknown) => {
    handle.close()
    throw error
  })
  const { session: fix, link, log, snapshot, analysis } = diagnosed
  try {
    handle.append(JOURNAL.diagnosisResult, { findings: analysis.findings, causes: analysis.causes })
    result.diagnosis = {
      findings: analysis.findings,
      causes: analysis.causes,
      remedies: analysis.remedies.map((r) => ({ id: r.id, type: r.type })),
      skipped: analysis.skipped.map((s) => ({ id: s.id })),
    }
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
        result.previews.push({ remedyId: r.id, preview: p })
        printPreview(p, r, ctx)
        if (p.token) say(t('fix.diagnose.howToApply', { id: r.id, hostname: snapshot.hostname }))
      }
      return await finish(analysisExit(analysis))
    }

    const remedy = analysis.remedies.find((r) => r.id === opts.fix)
    if (!remedy) {
      const plans = analysis.remedies.map((r) => r.id).join(', ') || '-'
      io.err(`${t('fix.diagnose.errors.noSuchPlan', { plan: opts.fix, plans })}\n`)
      return await finish(EXIT.usage)
    }
    const code = await applyFix({ fix, remedy, opts, engineer, hostname: snapshot.hostname, targets, before }, ctx, {
      step,
      result,
    })
    return await finish(code)
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
