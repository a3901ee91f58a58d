/** Opens a case named on the command line (id or folder); a missing one is bad usage (exit 2) with the home shown. */
import { type CaseHandle, CaseNotFoundError, CaseStore } from '../main/cases/case-store'
import { unmaskHome } from '../main/cases/paths'
import { type CliContext, UsageError } from './io'

export function caseStore(ctx: CliContext): CaseStore {
  return new CaseStore(unmaskHome(ctx.io.env))
}

/** Runs `fn` and turns CaseNotFoundError into the translated "No case" usage error. */
export function withCase<T>(ctx: CliContext, store: CaseStore, id: string, fn: () => T): T {
  try {
    return fn()
  } catch (error) {
    if (error instanceof CaseNotFoundError)
      throw new UsageError(ctx.t('cli.case.show.notFound', { id, home: store.root }))
    throw error
  }
}

export function openCase(ctx: CliContext, id: string, store: CaseStore = caseStore(ctx)): CaseHandle {
  return withCase(ctx, store, id, () => store.open(id))
}
