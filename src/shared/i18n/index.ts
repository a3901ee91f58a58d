/**
 * One i18next instance per caller (CLI run, renderer, report) so that languages never leak
 * between concurrent users of the engine. Catalogues are plain objects bundled with the code.
 */
import i18next, { type TFunction } from 'i18next'
import { en } from './en'
import { ko } from './ko'

export const LANGUAGES = ['en', 'ko'] as const
export type Language = (typeof LANGUAGES)[number]
export type Translate = TFunction

export const catalogues: Record<Language, Record<string, unknown>> = { en, ko }

export function isLanguage(value: unknown): value is Language {
  return typeof value === 'string' && (LANGUAGES as readonly string[]).includes(value)
}

/** A ready-to-use translate function; synchronous because the resources are in memory. */
export function createTranslator(language: Language): Translate {
  const instance = i18next.createInstance()
  void instance.init({
    lng: language,
    fallbackLng: 'en',
    resources: { en: { translation: en }, ko: { translation: ko } },
    interpolation: { escapeValue: false },
    initAsync: false,
  })
  return instance.t.bind(instance) as Translate
}

/** Picks the user's language from locale variables (LC_ALL, LC_MESSAGES, LANG, navigator.language). */
export function languageFromLocale(...locales: Array<string | undefined>): Language {
  for (const locale of locales) {
    if (!locale) continue
    const code = locale.toLowerCase().slice(0, 2)
    if (isLanguage(code)) return code
    if (locale !== 'C' && locale !== 'POSIX') return 'en'
  }
  return 'en'
}
