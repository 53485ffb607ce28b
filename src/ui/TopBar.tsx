/** The slim top bar: event title, search, language, route and help. */
import { useState } from 'react'
import { LANGUAGES, type Language } from '../content/schema'
import { localized, useTranslate } from '../i18n/translate'
import { isLive } from '../booking/types'
import { isNews } from '../state/agendaSeen'
import { activeRoute } from '../state/routeSlice'
import { useExpoActions, useExpoStore } from '../state/store'
import SearchBox from './SearchBox'
import ViewSwitch from './planView/ViewSwitch'
import { EnterVrButton } from './EnterVrButton'

const LANGUAGE_NAMES: Record<Language, string> = { 'zh-CN': '中文', en: 'English', ko: '한국어' }

export default function TopBar() {
  const t = useTranslate()
  const language = useExpoStore((s) => s.language)
  const eventName = useExpoStore((s) => s.pack?.event.name)
  const stopCount = useExpoStore((s) => activeRoute(s)?.stops.length ?? 0)
  const agendaOpen = useExpoStore((s) => s.agendaOpen)
  const routePanelOpen = useExpoStore((s) => s.routePanelOpen)
  const upcomingCount = useExpoStore((s) => s.bookings.filter((b) => isLive(b.status) && b.end > Date.now()).length)
  // the exhibitor's answers (and holds that ran out) since the visitor last looked
  const newsCount = useExpoStore((s) => s.bookings.filter((b) => isNews(b, s.agendaSeen)).length)
  const ready = useExpoStore((s) => s.load.status === 'ready')
  const actions = useExpoActions()
  const zoneMenuOpen = useExpoStore((s) => s.zoneMenuOpen)
  const [menuOpen, setMenuOpen] = useState(false)
  // On phones the actions fold into one menu; a choice closes it again.
  const closeMenuAfter = (action: () => void) => () => {
    action()
    setMenuOpen(false)
  }
  return (
    <header className="topbar">
      <div className="topbar-title">
        <span className="topbar-logo" aria-hidden="true" />
        <div>
          <h1>{t('app.title')}</h1>
          <p>{eventName ? localized(eventName, language) : t('app.subtitle')}</p>
        </div>
      </div>
      {ready && <SearchBox />}
      <button
        type="button"
        className="topbar-menu-button icon-button"
        aria-expanded={menuOpen}
        aria-controls="topbar-actions"
        aria-label={t('topbar.menu')}
        onClick={() => setMenuOpen(!menuOpen)}
      >
        ☰
      </button>
      <div id="topbar-actions" className={`topbar-actions${menuOpen ? ' is-open' : ''}`}>
        {ready && (
          <button type="button" className="button-quiet topbar-zones" aria-pressed={zoneMenuOpen} onClick={closeMenuAfter(() => actions.setZoneMenuOpen(!zoneMenuOpen))}>
            {t('zones.menu')}
          </button>
        )}
        <label className="topbar-language">
          <span className="visually-hidden">{t('topbar.language')}</span>
          <select
            value={language}
            aria-label={t('topbar.language')}
            onChange={(e) => actions.setLanguage(e.target.value as Language)}
          >
            {LANGUAGES.map((lang) => (
              <option key={lang} value={lang} lang={lang}>
                {LANGUAGE_NAMES[lang]}
              </option>
            ))}
          </select>
        </label>
        {ready && (
          <button
            type="button"
            className="button-quiet"
            aria-pressed={agendaOpen}
            onClick={closeMenuAfter(() => actions.setAgendaOpen(!agendaOpen))}
          >
            {t('agenda.open')}
            {newsCount > 0 ? (
              <span className="badge badge-news">{t('agenda.updates', { count: newsCount })}</span>
            ) : (
              upcomingCount > 0 && <span className="badge">{upcomingCount}</span>
            )}
          </button>
        )}
        {ready && (
          <button type="button" className="button-quiet" aria-pressed={routePanelOpen} onClick={closeMenuAfter(() => actions.setRoutePanelOpen(!routePanelOpen))}>
            {t('topbar.routes')}
            {stopCount > 0 && <span className="badge">{stopCount}</span>}
          </button>
        )}
        {ready && <ViewSwitch className="button-quiet" />}
        {ready && <EnterVrButton className="button-quiet" onDone={() => setMenuOpen(false)} />}
        <button type="button" className="button-quiet" onClick={closeMenuAfter(() => actions.setHelpOpen(true))}>
          {t('topbar.help')}
        </button>
      </div>
    </header>
  )
}
