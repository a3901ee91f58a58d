/**
 * The guided capture's creation steps, in the plan's order: the access-list form's ACLs first (configuration mode,
 * each entry journalled before it is typed, then `end`), then the capture lines (each journalled before it is
 * typed). The names are pushed into the caller's lists as soon as they are journalled, so its `finally` removes
 * whatever may exist even when a step throws. A capture line refused with the caret under `match` marks the result
 * `needsAccessList` (PIX/ASA 7.0, src/shared/capture/guided/refusal.ts).
 */
import { CONFIGURE, END } from '../../shared/capture/guided/acl-form'
import type { CapturePlan } from '../../shared/capture/guided/plan'
import { refusedMatch } from '../../shared/capture/guided/refusal'
import type { CaptureRunResult, CaptureStep } from '../../shared/capture/guided/types'

export interface CreateContext {
  plan: CapturePlan
  result: CaptureRunResult
  /** Types one line into `result.created`; false (the outcome set) when the device refused it or did not answer. */
  typed: (command: string) => Promise<boolean>
  /** Types a line outside the plan's record (leaving configuration mode after a refused entry). */
  typeQuietly: (command: string) => Promise<unknown>
  /** Writes `capture.created` for one capture or ACL entry. */
  journalCreated: (record: { kind: 'capture' | 'acl'; name: string; interface: string; command: string }) => void
  step: (step: CaptureStep, detail: string) => void
  /** The device prompt's text now (for the caret's column). */
  promptText: () => string
}

export async function createAcls(ctx: CreateContext, journalled: string[]): Promise<void> {
  const { plan, result, typed } = ctx
  const acls = plan.captures.flatMap((c) => (c.acl ? [{ ...c.acl, interface: c.interface }] : []))
  if (acls.length === 0 || !(await typed(CONFIGURE.command))) return
  outer: for (const acl of acls)
    for (const entry of acl.entries) {
      ctx.step('create', entry.command)
      ctx.journalCreated({ kind: 'acl', name: acl.name, interface: acl.interface, command: entry.command })
      if (!journalled.includes(acl.name)) journalled.push(acl.name)
      if (!(await typed(entry.command))) break outer
    }
  if (result.outcome === 'completed') await typed(END.command)
  // A refused entry leaves the session in configuration mode: back to EXEC for the removal.
  else if (result.outcome === 'failed') await ctx.typeQuietly(END.command)
}

export async function createCaptures(ctx: CreateContext, journalled: string[]): Promise<void> {
  const { plan, result } = ctx
  if (result.outcome !== 'completed') return
  for (const c of plan.captures) {
    ctx.step('create', c.line.command)
    // Before the line is typed: a cut right after still leaves the record the cleanup needs.
    ctx.journalCreated({ kind: 'capture', name: c.name, interface: c.interface, command: c.line.command })
    journalled.push(c.name)
    if (!(await ctx.typed(c.line.command))) {
      const output = result.created[result.created.length - 1]?.output ?? ''
      result.needsAccessList = plan.form === 'match' && refusedMatch(c.line.command, output, ctx.promptText())
      return
    }
  }
}
