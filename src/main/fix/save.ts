/**
 * `write memory`, only with the second token (asked for separately, after verification). The output must end in
 * `[OK]` with no error line; anything else is reported as not saved, with the device's words.
 */
import type { FixSession } from './fix-session'
import { refusal } from './fix-session'
import type { Refusal, SaveResult } from './types'

export const SAVE_COMMAND = 'write memory'

export async function runSave(session: FixSession, token: string, confirmedBy: string): Promise<SaveResult | Refusal> {
  const snapshot = session.snapshot
  const device = snapshot?.hostname ?? ''
  const refuse = (code: Refusal['code'], params: Record<string, string> = {}): Refusal => {
    session.journal.append('fix.refused', { device, code, params, confirmedBy, step: 'save' })
    return refusal(code, params)
  }
  if (!snapshot) return refuse('saveNotConfirmed')
  const redeemed = session.tokens.redeem(token, session.deviceKey(snapshot))
  if (!redeemed.ok) return refuse(redeemed.code)
  if (redeemed.binding.kind !== 'save') return refuse('saveNotConfirmed')
  if (!confirmedBy.trim()) return refuse('noConfirmer')
  const at = new Date().toISOString()
  const r = await session.link.driver.run(SAVE_COMMAND, { timeoutMs: 120_000 })
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
  session.journal.append('fix.saved', {
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
