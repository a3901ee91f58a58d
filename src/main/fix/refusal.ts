/** A refused step as data (never an exception): the caller shows `fix.refusals.<code>` with the params. */
import type { Refusal, RefusalCode } from './types'

export function refusal(code: RefusalCode, params: Record<string, string> = {}): Refusal {
  return { refused: true, code, params }
}
