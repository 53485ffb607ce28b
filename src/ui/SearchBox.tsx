/** Search as a combobox: type, pick a zone or an exhibitor with mouse or keys, and the camera flies there. */
import { useDeferredValue, useId, useMemo, useState } from 'react'
import { searchCatalogue, type SearchHit } from '../content/search'
import { localized, useTranslate } from '../i18n/translate'
import { useExpoActions, useExpoStore } from '../state/store'
import ExhibitorLogo from './ExhibitorLogo'

export default function SearchBox() {
  const t = useTranslate()
  const language = useExpoStore((s) => s.language)
  const pack = useExpoStore((s) => s.pack)
  const open = useExpoStore((s) => s.searchOpen)
  const actions = useExpoActions()
  const [query, setQuery] = useState('')
  const [active, setActive] = useState(0)
  const deferredQuery = useDeferredValue(query)
  const listId = useId()
  const hits = useMemo(
    () => (pack ? searchCatalogue(pack, deferredQuery, language) : []),
    [pack, deferredQuery, language],
  )
  const zoneName = (zoneId: string) => {
    const zone = pack?.zones.find((z) => z.id === zoneId)
    return zone ? localized(zone.name, language) : zoneId
  }

  const choose = (hit: SearchHit) => {
    if (hit.kind === 'zone') actions.goToZone(hit.zone.id)
    else actions.openBooth(hit.exhibitor.id)
    actions.setSearchOpen(false)
    setQuery('')
  }

  const addToRoute = (hit: SearchHit) => {
    const name = hit.kind === 'zone' ? localized(hit.zone.name, language) : localized(hit.exhibitor.name, language)
    actions.addStop(hit.kind === 'zone' ? { kind: 'zone', zoneId: hit.zone.id } : { kind: 'booth', exhibitorId: hit.exhibitor.id })
    actions.notify({ kind: 'info', key: 'route.added', params: { name } })
  }

  const showList = open && query.trim().length > 0
  const activeHit = showList ? hits[active] : undefined
  return (
    <div className="search" role="search">
      <label htmlFor="expo-search-input" className="visually-hidden">
        {t('topbar.search')}
      </label>
      <input
        id="expo-search-input"
        type="search"
        role="combobox"
        autoComplete="off"
        aria-expanded={showList}
        aria-controls={listId}
        aria-autocomplete="list"
        aria-activedescendant={showList && hits[active] ? `${listId}-${active}` : undefined}
        placeholder={t('search.placeholder')}
        value={query}
        onChange={(e) => {
          setQuery(e.target.value)
          setActive(0)
          actions.setSearchOpen(true)
        }}
        onFocus={() => actions.setSearchOpen(true)}
        onKeyDown={(e) => {
          if (e.key === 'ArrowDown') {
            e.preventDefault()
            setActive((i) => Math.min(i + 1, hits.length - 1))
          } else if (e.key === 'ArrowUp') {
            e.preventDefault()
            setActive((i) => Math.max(i - 1, 0))
          } else if (e.key === 'Enter' && e.shiftKey && hits[active]) {
            e.preventDefault()
            addToRoute(hits[active])
          } else if (e.key === 'Enter' && hits[active]) {
            e.preventDefault()
            choose(hits[active])
          }
        }}
      />
      {showList && (
        <div className="search-popup">
        <ul id={listId} role="listbox" className="search-results" aria-label={t('search.label')}>
          {hits.length === 0 && (
            <li className="search-empty" role="presentation">
              {t('search.noResults', { query: query.trim().slice(0, 40) })}
            </li>
          )}
          {hits.map((hit, index) => (
            <li
              key={hit.kind + (hit.kind === 'zone' ? hit.zone.id : hit.exhibitor.id)}
              id={`${listId}-${index}`}
              role="option"
              aria-selected={index === active}
              className="search-hit"
              onMouseDown={(e) => e.preventDefault()}
              onClick={() => choose(hit)}
              onMouseEnter={() => setActive(index)}
            >
              {hit.kind === 'zone' ? (
                <>
                  <span className="swatch" style={{ background: hit.zone.colour }} aria-hidden="true" />
                  <span className="search-hit-name">{localized(hit.zone.name, language)}</span>
                  <span className="search-hit-meta">{t('search.zone')}</span>
                </>
              ) : (
                <>
                  <ExhibitorLogo exhibitorId={hit.exhibitor.id} size={28} className="search-hit-logo" />
                  <span className="search-hit-name">{localized(hit.exhibitor.name, language)}</span>
                  <span className="search-hit-meta">
                    {hit.matchedProduct ? `${hit.matchedProduct} · ` : ''}
                    {zoneName(hit.exhibitor.zone)}
                  </span>
                </>
              )}
            </li>
          ))}
        </ul>
        {activeHit && (
          <button type="button" className="search-add" onMouseDown={(e) => e.preventDefault()} onClick={() => addToRoute(activeHit)}>
            {t('search.addToRoute', {
              name: activeHit.kind === 'zone' ? localized(activeHit.zone.name, language) : localized(activeHit.exhibitor.name, language),
            })}
          </button>
        )}
        </div>
      )}
    </div>
  )
}
