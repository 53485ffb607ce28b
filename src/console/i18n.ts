/** The console's message lookup, in the language the store holds. */
import { useCallback } from 'react'
import type { Language } from '../content/schema'
import { consoleCatalogues, type ConsoleMessageKey } from './messages'
import { useConsoleStore } from './store'

export type Params = Record<string, string | number>

const numberFormats = new Map<Language, Intl.NumberFormat>()

function formatParam(language: Language, value: string | number): string {
  if (typeof value === 'string') return value
  let format = numberFormats.get(language)
  if (!format) numberFormats.set(language, (format = new Intl.NumberFormat(language)))
  return format.format(value)
}

export function translateConsole(language: Language, key: ConsoleMessageKey, params?: Params): string {
  const template = consoleCatalogues[language][key]
  if (!params) return template
  return template.replace(/\{(\w+)\}/g, (match, name: string) => (name in params ? formatParam(language, params[name]) : match))
}

export function useT() {
  const language = useConsoleStore((s) => s.language)
  return useCallback((key: ConsoleMessageKey, params?: Params) => translateConsole(language, key, params), [language])
}

export function useLanguage(): Language {
  return useConsoleStore((s) => s.language)
}
