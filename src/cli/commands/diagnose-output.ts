/** How `unmask diagnose` prints each step: probe lines, the preview, the run line by line, the verification. */
import type { ApplyResult, Precheck, Preview, Refusal, VerifyResult } from '../../main/fix/types'
import { probeSummary } from '../../main/fix/verify-checks'
import type { ProbeResult } from '../../shared/probe/types'
import type { Remedy } from '../../shared/remedies/types'
import type { CliContext } from '../io'

export function probeText(r: ProbeResult, ctx: CliContext): string {
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

export function printPreview(p: Preview, remedy: Remedy, ctx: CliContext): void {
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
export function printApply(result: ApplyResult | Refusal, ctx: CliContext): boolean {
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

export function printVerify(v: VerifyResult, ctx: CliContext): void {
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
