/**
 * Errors from main reach the renderer as text. Transport and driver errors carry a stable code and their
 * parameters (`hostKeyChanged {"host":…}`); those are shown in the user's language with every detail (both
 * fingerprints for a changed host key). Anything else is shown as it came.
 */
import type { Translate } from '@shared/i18n'

const CODED = /^(\w+) (\{[\s\S]*\})$/

export function describeError(error: unknown, t: Translate): string {
  const text = (error instanceof Error ? error.message : String(error)).replace(/^failed: /, '')
  const match = CODED.exec(text)
  if (!match) return text
  const key = `device.errors.${match[1]}`
  let params: Record<string, unknown>
  try {
    params = JSON.parse(match[2]!) as Record<string, unknown>
  } catch {
    return text
  }
  const translated = t(key, params)
  return translated === key ? text : translated
}
