/** Language state for the renderer: one translator per language, switchable at run time. */

import { createTranslator, type Language, type Translate } from '@shared/i18n'
import { createContext, useContext } from 'react'

const translators = new Map<Language, Translate>()

export function translatorFor(language: Language): Translate {
  let t = translators.get(language)
  if (!t) {
    t = createTranslator(language)
    translators.set(language, t)
  }
  return t
}

export const I18nContext = createContext<{ t: Translate; language: Language; setLanguage: (l: Language) => void }>({
  t: translatorFor('en'),
  language: 'en',
  setLanguage: () => {},
})

export const useI18n = () => useContext(I18nContext)
