/**
 * The main-process side of the contract as plain functions: validation and dispatch live here, free of
 * Electron, so the CLI-free tests and the e2e harness (which serves the renderer without Electron) use
 * exactly the code the app uses.
 */

import pkg from '../../package.json'
import { type ApiError, isRequestName, type RequestName, type RequestOutput, requests } from '../shared/api'
import type { CaseStore } from './cases/case-store'

export type Handlers = { [M in RequestName]: (input: unknown) => Promise<RequestOutput<M>> | RequestOutput<M> }

export interface Services {
  cases: CaseStore
  platform: string
}

export function createHandlers(services: Services): Handlers {
  return {
    'app.info': () => ({ name: 'Unmask', version: pkg.version, platform: services.platform }),
    'cases.list': () => services.cases.list(),
    'cases.create': (input) => {
      const handle = services.cases.create(requests['cases.create'].input.parse(input))
      handle.close()
      const { entries: _e, problems: _p, attachments: _a, ...summary } = services.cases.read(handle.id)
      return summary
    },
    'cases.open': (input) => services.cases.read(requests['cases.open'].input.parse(input).id),
  }
}

export type DispatchResult = { ok: true; value: unknown } | { ok: false; error: ApiError }

/** Validates the method and input against the contract, runs the handler and never throws. */
export async function dispatch(handlers: Handlers, method: unknown, input: unknown): Promise<DispatchResult> {
  if (!isRequestName(method)) return { ok: false, error: { code: 'unknown-method', message: 'unknown method' } }
  const parsed = requests[method].input.safeParse(input)
  if (!parsed.success) {
    return {
      ok: false,
      error: { code: 'invalid-input', message: parsed.error.issues.map((i) => i.message).join('; ') },
    }
  }
  try {
    return { ok: true, value: await handlers[method](parsed.data) }
  } catch (error) {
    return { ok: false, error: { code: 'failed', message: error instanceof Error ? error.message : String(error) } }
  }
}
