/**
 * The fix half of `unmask diagnose --fix PLAN --confirm HOSTNAME`: preview, apply, verify, undo on failure, save.
 * Returns the exit code of the contract: 0 verified (and saved when --save), 1 refused before anything was sent (the
 * problem stays), 4 anything sent but not verified or not saved (the device's state must be checked).
 */
import type { RemediationRun } from '../../main/fix/remediation-run'
import type { ProbeResult, ProbeTarget } from '../../shared/probe/types'
import type { Remedy } from '../../shared/remedies/types'
import { type CliContext, EXIT, type ExitCode } from '../io'
import type { DiagnoseJson, DiagnoseOptions } from './diagnose-options'
import { printApply, printPreview, printVerify } from './diagnose-output'

export interface FixRun {
  fix: RemediationRun
  remedy: Remedy
  opts: DiagnoseOptions
  engineer: string
  hostname: string
  targets: ProbeTarget[]
  before: ProbeResult[]
}

interface Steps {
  step(name: string, params?: Record<string, string>): void
  result: DiagnoseJson
}

export async function applyFix(run: FixRun, ctx: CliContext, { step, result }: Steps): Promise<ExitCode> {
  const { t, io } = ctx
  const { fix, remedy, opts, engineer, hostname } = run
  const say = (text: string) => io.out(`${text}\n`)
  const record: NonNullable<DiagnoseJson['fix']> = { remedyId: remedy.id }
  result.fix = record
  const confirm = opts.confirm ?? ''

  step('preview', { plan: remedy.id })
  const preview = await fix.preview(remedy, { context: opts.context })
  result.previews.push({ remedyId: remedy.id, preview })
  printPreview(preview, remedy, ctx)
  if (!preview.token) {
    say(t('fix.diagnose.previewRefused'))
    return EXIT.problem
  }

  step('apply')
  say(t('fix.diagnose.confirmedByFlag', { typed: confirm, hostname, who: engineer }))
  const applied = await fix.apply({ token: preview.token, typedHostname: confirm, confirmedBy: engineer })
  record.applied = applied
  if (!printApply(applied, ctx)) return applied.refused ? EXIT.problem : EXIT.unverified

  step('verify')
  const probes = run.targets.map((target, i) => ({ target, before: run.before[i]! }))
  const verified = await fix.verify(remedy, probes)
  record.verified = verified
  printVerify(verified, ctx)
  const ok = verified.outcome === 'fixed'

  if (!ok && opts.undoOnFailure) {
    step('undo')
    say(t('fix.diagnose.undoStart'))
    const undoPreview = await fix.previewUndo({ context: opts.context })
    if ('refused' in undoPreview) say(t(`fix.refusals.${undoPreview.code}`, undoPreview.params))
    else if (undoPreview.token) {
      say(t('fix.diagnose.confirmedByFlag', { typed: confirm, hostname, who: engineer }))
      const undone = await fix.apply({ token: undoPreview.token, typedHostname: confirm, confirmedBy: engineer })
      record.undone = undone
      if (printApply(undone, ctx)) printVerify(await fix.verify(remedy, probes), ctx)
    }
  }

  step('save')
  if (!opts.save) {
    say(t('fix.diagnose.saveSkipped'))
    fix.declineSave(engineer)
    return ok ? EXIT.ok : EXIT.unverified
  }
  if (!ok) {
    say(t('fix.diagnose.saveNotVerified'))
    fix.declineSave(engineer)
    return EXIT.unverified
  }
  say(t('fix.diagnose.saveConfirmedByFlag', { who: engineer }))
  const request = fix.requestSave()
  const saved = 'refused' in request ? request : await fix.save(request.token, engineer)
  record.saved = saved
  if (saved.refused) say(t(`fix.refusals.${saved.code}`, saved.params))
  else if (saved.saved) say(t('fix.diagnose.saved'))
  else say(t('fix.diagnose.notSaved', { error: saved.error ?? '' }))
  return !saved.refused && saved.saved ? EXIT.ok : EXIT.unverified
}
