/** What every section renderer needs: the translator and date formatting for the report's language. */
import { createTranslator, type Language } from '../../i18n'

export type Tr = (key: string, params?: Record<string, string | number>) => string

export interface RenderContext {
  lang: Language
  t: Tr
  /** An ISO time as `2026-11-28 14:05 UTC`, so the report reads the same everywhere. */
  date(iso: string): string
}

export function renderContext(lang: Language): RenderContext {
  const translate = createTranslator(lang)
  const t: Tr = (key, params) => String(translate(key, params as never))
  // ISO-like and in UTC: unambiguous in both languages and independent of the ICU data of the runtime.
  const date = (iso: string) => {
    const d = new Date(iso)
    return Number.isNaN(d.getTime()) ? iso : `${d.toISOString().slice(0, 16).replace('T', ' ')} UTC`
  }
  return { lang, t, date }
}
