/** Which language the console speaks before anyone is signed in: `?lang=`, else the browser's, else English. */
import { LANGUAGES, type Language } from '../content/schema'

export function isLanguage(value: unknown): value is Language {
  return typeof value === 'string' && (LANGUAGES as readonly string[]).includes(value)
}

/** Once signed in, the staff member's own language replaces this (see the store's `start`). */
export function initialLanguage(search: string, browserLanguages: readonly string[]): Language {
  const asked = new URLSearchParams(search).get('lang')
  if (isLanguage(asked)) return asked
  for (const tag of browserLanguages) {
    const lower = tag.toLowerCase()
    if (lower.startsWith('zh')) return 'zh-CN'
    if (lower.startsWith('ko')) return 'ko'
    if (lower.startsWith('en')) return 'en'
  }
  return 'en'
}
