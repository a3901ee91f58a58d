/**
 * `write memory`, only with the second token (asked for separately, after verification). The output must end in
 * `[OK]` with no error line; anything else is reported as not saved, with the device's words.
 */

import { JOURNAL } from '../../shared/journal/events'
import { refusal } from './refusal'
import { deviceKey, type StepContext } from './step-context'
import type { Refusal, SaveResult } from './types'

export const SAVE_COMMAND = 'write memory'

export async function runSave(ctx: StepContext, token: string, confirmedBy: string): Promise<SaveResult | Refusal> {
  const snapshot = ctx.snapshot
  const device = snapshot?.hostname ?? ''
  const refuse = (code: Refusal['code'], params: Record<string, string> = {}): Refusal => {
    ctx.journal.append(JOURNAL.fixRefused, { device, code, params, confirmedBy, step: 'save' })
    return refusal(code, params)
  }
  if (!snapshot) return refuse('saveNotConfirmed')
  const redeemed = ctx.tokens.redeem(token, deviceKey(ctx.link, snapshot))
  if (!redeemed.ok) return refuse(redeemed.code)
  if (redeemed.binding.kind !== 'save') return refuse('saveNotConfirmed')
  if (!confirmedBy.trim()) return refuse('noConfirmer')
  const at = new Date().toISOString()
  const r = await ctx.link.driver.run(SAVE_COMMAND, { timeoutMs: 120_000 })
  const ok = !r.failed && /^\s*\[OK\]\s*$/m.test(r.output)
  const result: SaveResult = {
    refused: false,
    saved: ok,
    command: SAVE_COMMAND,
    output: r.output,
    error: ok ? undefined : (r.failureText ?? 'no [OK] in the output'),
    confirmedBy,
    at,
  }
  ctx.journal.append(JOURNAL.fixSaved, {
    device,
    saved: ok,
    command: SAVE_COMMAND,
    output: r.output,
    error: result.error,
    confirmedBy,
    confirmedAt: at,
  })
  return result
}
