/** Looks up and formats catalogue messages, for the app and the server's mails alike; plain text only, never HTML. */
import type { Language, LocalizedText } from '../content/schema'
import { catalogues, fallbackLanguage, type MessageKey } from './messages'

export type Params = Record<string, string | number>

export function translate(language: Language, key: MessageKey, params?: Params): string {
  const template = lookup(language, key)
  if (!params) return template
  return template.replace(/\{(\w+)\}/g, (match, name: string) =>
    name in params ? formatParam(language, params[name]) : match,
  )
}

/** Every catalogue is complete; the fallback chain only guards a key added without its translations. */
function lookup(language: Language, key: MessageKey): string {
  for (let lang: Language | null = language; lang; lang = fallbackLanguage[lang]) {
    const template = catalogues[lang][key]
    if (template) return template
  }
  return key
}

const numberFormats = new Map<Language, Intl.NumberFormat>()

/** Numbers in the visitor's language ("3,000", "3,000", "3,000" today, but never hand-formatted). */
export function formatNumber(language: Language, value: number): string {
  let format = numberFormats.get(language)
  if (!format) numberFormats.set(language, (format = new Intl.NumberFormat(language)))
  return format.format(value)
}

function formatParam(language: Language, value: string | number): string {
  return typeof value === 'number' ? formatNumber(language, value) : value
}

/** Content text in the visitor's language; Korean falls back to English where the content pack has no Korean. */
export function localized(text: LocalizedText, language: Language): string {
  if (language === 'ko') return text.ko ?? text.en
  return text[language]
}
