/**
 * The vantage of a fix-verification line (`fix.verify.probeOk` / `probeStillMasked`: "The probe to {{target}}
 * ({{vantage}}) …") in the reader's language: the line's params carry the vantage also as i18next `context`, so the
 * same `t(key, params)` call that renders it — in the app, the report and the CLI — picks `probeOk_direct` /
 * `probeOk_firewall` ("서버 직접" / "방화벽 경유" in Korean) for the app's two vantages, and the plain line with the
 * label as typed for any other (`unmask probe --vantage LABEL`). Sources: https://www.i18next.com/translation-function/context
 * (a missing `key_context` falls back to `key`). A vantage cannot be turned into a catalogue reference through the
 * label itself: i18next does not nest what interpolation brought in.
 * Idempotent, so the report also applies it to older journals, whose params have no context yet.
 */
const VANTAGE_KEYS = new Set(['fix.verify.probeOk', 'fix.verify.probeStillMasked'])

/** The params of a verification line with its vantage as the translation context (other keys are left alone). */
export function verifyLineParams<P extends Record<string, string | number>>(
  key: string,
  params: P,
): P | (P & { context: string }) {
  if (!VANTAGE_KEYS.has(key) || typeof params.vantage !== 'string' || params.vantage === '') return params
  return { ...params, context: params.vantage }
}
