/** The catalogue in React: components translate in the visitor's current language. */
import { useCallback } from 'react'
import { useExpoStore } from '../state/store'
import { translate, type Params } from './format'
import type { MessageKey } from './messages'

export { formatNumber, localized, translate, type Params } from './format'

export function useTranslate() {
  const language = useExpoStore((s) => s.language)
  return useCallback((key: MessageKey, params?: Params) => translate(language, key, params), [language])
}

export function useLanguage() {
  return useExpoStore((s) => s.language)
}
