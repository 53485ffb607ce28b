/** The language menu of screens that have no stored language to read (sign-in, organisers): the address keeps the choice. */
import { useId } from 'react'
import { LANGUAGES, type Language } from '../content/schema'
import { useLanguage, useT } from './i18n'
import { LANGUAGE_NAMES } from './messages'
import { useConsoleActions } from './store'

export default function LanguagePicker({ className, hideLabel }: { className?: string; hideLabel?: boolean }) {
  const t = useT()
  const language = useLanguage()
  const actions = useConsoleActions()
  const id = useId()
  const choose = (next: Language) => {
    actions.setLanguage(next)
    // a reload, or the sign-in link opened in this tab, speaks the same language
    const url = new URL(location.href)
    url.searchParams.set('lang', next)
    history.replaceState(history.state, '', `${url.pathname}${url.search}${url.hash}`)
  }
  return (
    <span className={className}>
      <label htmlFor={id} className={hideLabel ? 'visually-hidden' : undefined}>
        {t('common.language')}
      </label>
      <select id={id} value={language} onChange={(e) => choose(e.target.value as Language)}>
        {LANGUAGES.map((l) => (
          <option key={l} value={l} lang={l}>
            {LANGUAGE_NAMES[l]}
          </option>
        ))}
      </select>
    </span>
  )
}
