/**
 * The language a page opens in, before any script runs: the server writes it into the HTML shell (`lang` and
 * `<title>`), and the app starts from the same choice. Pure TypeScript, shared by app and server.
 */
import { LANGUAGES, type Language } from '../content/schema'
import { translate } from './format'

/** The first of ours among language tags in order of preference (`en-GB` is English, `zh-TW` Chinese); Chinese when none is. */
export function languageOfTags(tags: readonly string[]): Language {
  for (const tag of tags) {
    const lower = tag.trim().toLowerCase()
    if (lower.startsWith('zh')) return 'zh-CN'
    if (lower.startsWith('en')) return 'en'
    if (lower.startsWith('ko')) return 'ko'
  }
  return 'zh-CN'
}

/** An Accept-Language header's tags by preference (q-values, then order), without the refused ones (q=0). */
export function acceptedLanguageTags(header: string | undefined): string[] {
  if (!header) return []
  return header
    .split(',')
    .slice(0, 32)
    .map((part, index) => {
      const [tag, ...parameters] = part.trim().split(';')
      const q = parameters.map((p) => /^\s*q\s*=\s*([01](?:\.\d{0,3})?)\s*$/.exec(p)?.[1]).find((value) => value !== undefined)
      return { tag: tag.trim(), q: q === undefined ? 1 : Number(q), index }
    })
    .filter(({ tag, q }) => tag !== '' && tag !== '*' && q > 0)
    .sort((a, b) => b.q - a.q || a.index - b.index)
    .map(({ tag }) => tag)
}

/** The page's language: `?lang=` when it names one of ours, else the browser's Accept-Language. */
export function pageLanguage(langParameter: string | null, acceptLanguage: string | undefined): Language {
  if (langParameter && (LANGUAGES as readonly string[]).includes(langParameter)) return langParameter as Language
  return languageOfTags(acceptedLanguageTags(acceptLanguage))
}

/** The document's title: the app's name in the language, with the convention's name in the other script. */
export function pageTitle(language: Language): string {
  const title = translate(language, 'app.title')
  return language === 'zh-CN' ? `${title} · WMC 2021` : `${title} · 2021世界制造业大会`
}
