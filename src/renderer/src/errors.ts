/**
 * Errors from main reach the renderer as text. Transport and driver errors carry a stable code and their
 * parameters (`hostKeyChanged {"host":…}`); those are shown in the user's language with every detail (both
 * fingerprints for a changed host key). Anything else is shown as it came. When main sends the typed shape
 * (`{ code, key?, params? }`, issue 15 point 2) it is read directly.
 */
import type { Translate } from '@shared/i18n'

const CODED = /^(\w+) (\{[\s\S]*\})$/

export interface ErrorParts {
  /** The i18n key that says it (`device.errors.hostKeyChanged`), when there is one. */
  key?: string
  /** The last part of the key: `hostKeyChanged`. */
  code?: string
  params: Record<string, unknown>
  text: string
}

export function errorParts(error: unknown): ErrorParts {
  const typed = error as { key?: unknown; params?: unknown; message?: unknown } | null
  const text = (error instanceof Error ? error.message : String(error)).replace(/^failed: /, '')
  if (typed && typeof typed === 'object' && typeof typed.key === 'string') {
    const params = (typed.params && typeof typed.params === 'object' ? typed.params : {}) as Record<string, unknown>
    return { key: typed.key, code: typed.key.split('.').at(-1), params, text }
  }
  const match = CODED.exec(text)
  if (!match) return { params: {}, text }
  try {
    const params = JSON.parse(match[2]!) as Record<string, unknown>
    return { key: `device.errors.${match[1]}`, code: match[1], params, text }
  } catch {
    return { params: {}, text }
  }
}

export function describeError(error: unknown, t: Translate): string {
  const { key, params, text } = errorParts(error)
  if (!key) return text
  const translated = t(key, params)
  return translated === key ? text : translated
}

/** A refused connection explains itself with what to check on the ASA, instead of a raw `ECONNREFUSED`. */
export function describeConnectError(error: unknown, t: Translate): string {
  const { code, params, text } = errorParts(error)
  const reason = String(params.reason ?? text)
  if ((code === 'connectFailed' || !code) && /ECONNREFUSED|connection refused/i.test(reason))
    return t('ui.connectHelp.refused', { peer: String(params.peer ?? '') || t('ui.connectHelp.theDevice') })
  return describeError(error, t)
}
