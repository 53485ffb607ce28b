/** Looks up and formats catalogue messages; plain text only (React escapes it), never HTML. */
import { useCallback } from 'react'
import type { Language, LocalizedText } from '../content/schema'
import { useExpoStore } from '../state/store'
import { catalogues, fallbackLanguage, type MessageKey } from './messages'

export type Params = Record<string, string | number>

export function translate(language: Language, key: MessageKey, params?: Params): string {
  let template: string | undefined = catalogues[language][key]
  for (let lang = fallbackLanguage[language]; template === undefined && lang; lang = fallbackLanguage[lang]) {
    template = catalogues[lang][key]
  }
  template ??= catalogues['zh-CN'][key] ?? key
  if (!params) return template
  return template.replace(/\{(\w+)\}/g, (match, name: string) =>
    name in params ? formatParam(language, params[name]) : match,
  )
}

function formatParam(language: Language, value: string | number): string {
  return typeof value === 'number' ? new Intl.NumberFormat(language).format(value) : value
}

/** Content text in the visitor's language; Korean falls back to English, then Chinese. */
export function localized(text: LocalizedText, language: Language): string {
  if (language === 'ko') return text.ko ?? text.en
  return text[language]
}

export function useTranslate() {
  const language = useExpoStore((s) => s.language)
  return useCallback((key: MessageKey, params?: Params) => translate(language, key, params), [language])
}

export function useLanguage() {
  return useExpoStore((s) => s.language)
}
