/** My routes: build, reorder (drag or keys), name, optimise, tour and share; curated routes to start or copy. */
import { useId, useRef, useState } from 'react'
import { encodeRoute } from '../routes/shareCode'
import type { RouteStop } from '../routes/types'
import { localized, useTranslate } from '../i18n/translate'
import { useRouteOrdering } from '../state/routeOrdering'
import { activeRoute, curatedTourId } from '../state/routeSlice'
import { useExpoActions, useExpoStore } from '../state/store'
import SidePanel from './SidePanel'
import { useStopName } from './stopName'

export default function RoutePanel() {
  const t = useTranslate()
  const open = useExpoStore((s) => s.routePanelOpen)
  const pack = useExpoStore((s) => s.pack)
  const actions = useExpoActions()
  if (!open || !pack) return null
  return (
    <SidePanel id="route-panel" title={t('route.title')} className="route-panel" onClose={() => actions.setRoutePanelOpen(false)}>
      <RouteEditor />
      <CuratedRoutes />
    </SidePanel>
  )
}

function RouteEditor() {
  const t = useTranslate()
  const routes = useExpoStore((s) => s.routes)
  const route = useExpoStore(activeRoute)
  const walk = useExpoStore((s) => s.routeWalk)
  const options = useExpoStore((s) => s.routeOptions)
  const pack = useExpoStore((s) => s.pack)!
  const actions = useExpoActions()
  const stopName = useStopName()
  const ordering = useRouteOrdering()
  const [announcement, setAnnouncement] = useState('')
  const [shareLink, setShareLink] = useState<string | null>(null)
  const dragFrom = useRef<number | null>(null)
  const ids = useId()
  const stops = route?.stops ?? []

  const move = (from: number, to: number) => {
    if (to < 0 || to >= stops.length) return
    actions.moveStop(from, to)
    setAnnouncement(t('route.moved', { name: stopName(stops[from]), position: to + 1 }))
    // Keep the keyboard user on the item they moved.
    requestAnimationFrame(() => document.getElementById(`${ids}-stop-${to}`)?.focus())
  }

  const optimise = async () => {
    const before = useExpoStore.getState().routeWalk?.totalMetres
    const applied = await actions.optimiseRoute().catch(() => {
      actions.notify({ kind: 'error', key: 'route.optimiseFailed' })
      return false
    })
    const after = useExpoStore.getState().routeWalk?.totalMetres
    if (applied && before !== undefined && after !== undefined)
      actions.notify({
        kind: 'info',
        key: 'route.optimised',
        params: { before: t('route.metres', { value: Math.round(before) }), after: t('route.metres', { value: Math.round(after) }) },
      })
  }

  const share = async () => {
    if (!route) return
    const code = encodeRoute({ name: route.name || undefined, stops: route.stops }, pack.exhibitors.map((e) => e.id))
    const url = `${window.location.origin}${window.location.pathname}?route=${code}`
    setShareLink(url)
    if (typeof navigator.share === 'function') {
      await navigator.share({ title: route.name || t('route.title'), url }).catch(() => undefined)
    } else {
      await navigator.clipboard?.writeText(url).then(
        () => actions.notify({ kind: 'info', key: 'route.copied' }),
        () => undefined,
      )
    }
  }

  return (
    <section aria-labelledby={`${ids}-heading`}>
      <h3 id={`${ids}-heading`} className="visually-hidden">
        {t('route.title')}
      </h3>
      <div className="route-choose">
        <label className="field-inline">
          <span>{t('route.choose')}</span>
          <select value={route?.id ?? ''} onChange={(e) => actions.selectRoute(e.target.value)} disabled={routes.length === 0}>
            {routes.length === 0 && <option value="">{t('route.untitled')}</option>}
            {routes.map((r, i) => (
              <option key={r.id} value={r.id}>
                {r.name || t('route.newName', { number: i + 1 })}
              </option>
            ))}
          </select>
        </label>
        <button type="button" onClick={() => actions.newRoute(t('route.newName', { number: routes.length + 1 }))}>
          {t('route.new')}
        </button>
      </div>
      <div className="field">
        <label htmlFor={`${ids}-name`}>{t('route.name')}</label>
        <input
          id={`${ids}-name`}
          value={route?.name ?? ''}
          maxLength={80}
          placeholder={t('route.untitled')}
          onChange={(e) => actions.renameRoute(e.target.value)}
        />
      </div>

      {stops.length === 0 ? (
        <p>{t('route.empty')}</p>
      ) : (
        <>
          <p className="hint" id={`${ids}-hint`}>
            {t('route.dragHint')}
          </p>
          <ol className="route-stops" aria-label={t('route.stops', { count: stops.length })} aria-describedby={`${ids}-hint`}>
            {stops.map((stop, index) => (
              <li
                key={stopKey(stop)}
                id={`${ids}-stop-${index}`}
                tabIndex={0}
                draggable
                className="route-stop"
                onDragStart={(e) => {
                  dragFrom.current = index
                  e.dataTransfer.effectAllowed = 'move'
                }}
                onDragOver={(e) => e.preventDefault()}
                onDrop={(e) => {
                  e.preventDefault()
                  if (dragFrom.current !== null) move(dragFrom.current, index)
                  dragFrom.current = null
                }}
                onKeyDown={(e) => {
                  if (!e.altKey || e.target !== e.currentTarget) return
                  if (e.key === 'ArrowUp') move(index, index - 1)
                  else if (e.key === 'ArrowDown') move(index, index + 1)
                  else return
                  e.preventDefault()
                }}
              >
                <span className="route-stop-number" aria-hidden="true">
                  {index + 1}
                </span>
                <button
                  type="button"
                  className="route-stop-go"
                  onClick={() => (stop.kind === 'zone' ? actions.goToZone(stop.zoneId) : actions.openBooth(stop.exhibitorId))}
                >
                  {stopName(stop)}
                  {stop.kind === 'zone' && <small> · {t('route.zoneStop')}</small>}
                </button>
                <button type="button" className="icon-button small" aria-label={t('route.moveUp', { name: stopName(stop) })} disabled={index === 0} onClick={() => move(index, index - 1)}>
                  ↑
                </button>
                <button
                  type="button"
                  className="icon-button small"
                  aria-label={t('route.moveDown', { name: stopName(stop) })}
                  disabled={index === stops.length - 1}
                  onClick={() => move(index, index + 1)}
                >
                  ↓
                </button>
                <button type="button" className="icon-button small" aria-label={t('route.remove', { name: stopName(stop) })} onClick={() => actions.removeStop(index)}>
                  ×
                </button>
              </li>
            ))}
          </ol>
          <p className="visually-hidden" aria-live="polite">
            {announcement}
          </p>
          {walk && (
            <p className="route-summary" data-testid="route-summary">
              {t('route.summary', {
                distance: t('route.metres', { value: Math.round(walk.totalMetres) }),
                minutes: Math.max(1, Math.round(walk.estimatedMinutes)),
              })}
            </p>
          )}
          <fieldset className="route-options">
            <legend>{t('route.startFrom')}</legend>
            {(['entrance', 'here'] as const).map((startFrom) => (
              <label key={startFrom} className="radio">
                <input type="radio" name={`${ids}-start`} checked={options.startFrom === startFrom} onChange={() => actions.setRouteOptions({ startFrom })} />
                {t(startFrom === 'entrance' ? 'route.startEntrance' : 'route.startHere')}
              </label>
            ))}
            <label className="radio">
              <input type="checkbox" checked={options.returnToStart} onChange={(e) => actions.setRouteOptions({ returnToStart: e.target.checked })} />
              {t('route.returnToStart')}
            </label>
            <label className="field-inline">
              <span>{t('route.dwell')}</span>
              <input
                type="number"
                min={2}
                max={600}
                value={options.dwellSeconds}
                onChange={(e) => {
                  const seconds = Math.round(Number(e.target.value))
                  if (seconds >= 2 && seconds <= 600) actions.setRouteOptions({ dwellSeconds: seconds })
                }}
              />
            </label>
          </fieldset>
          <div className="route-actions">
            {/* Busy, not disabled, while the order is worked out: the button keeps the keyboard focus, and a second press does nothing. */}
            <button type="button" onClick={optimise} disabled={stops.length < 2} aria-disabled={ordering || undefined} aria-busy={ordering || undefined}>
              {t(ordering ? 'route.optimising' : 'route.optimise')}
            </button>
            <button
              type="button"
              className="button-primary"
              onClick={() => route && actions.startTour({ routeId: route.id, name: route.name || t('route.untitled'), stops: route.stops })}
            >
              {t('route.startTour')}
            </button>
            <button type="button" onClick={() => void share()}>
              {t('route.share')}
            </button>
            {route && (
              <button type="button" className="button-quiet" onClick={() => actions.deleteRoute(route.id)}>
                {t('route.delete')}
              </button>
            )}
          </div>
          {shareLink && (
            <div className="field">
              <label htmlFor={`${ids}-share`}>{t('route.shareLink')}</label>
              <input id={`${ids}-share`} readOnly value={shareLink} onFocus={(e) => e.target.select()} />
            </div>
          )}
        </>
      )}
    </section>
  )
}

function CuratedRoutes() {
  const t = useTranslate()
  const language = useExpoStore((s) => s.language)
  const curated = useExpoStore((s) => s.pack?.routes ?? [])
  const actions = useExpoActions()
  if (curated.length === 0) return null
  return (
    <section className="curated-routes" aria-labelledby="curated-routes-title">
      <h3 id="curated-routes-title">{t('route.curated')}</h3>
      <ul>
        {curated.map((route) => {
          const title = localized(route.title, language)
          return (
            <li key={route.id} className="curated-route">
              <h4>{title}</h4>
              <p className="hint">{localized(route.description, language)}</p>
              <p className="hint">{t('route.stops', { count: route.stops.length })}</p>
              <div className="route-actions">
                <button
                  type="button"
                  className="button-primary"
                  aria-label={t('route.startTourOf', { name: title })}
                  onClick={() => actions.startTour({ routeId: curatedTourId(route), name: title, stops: route.stops })}
                >
                  {t('route.startTour')}
                </button>
                <button
                  type="button"
                  aria-label={t('route.copyOf', { name: title })}
                  onClick={() => {
                    actions.saveRouteCopy({ name: title, stops: route.stops, copiedFrom: route.id })
                    actions.notify({ kind: 'info', key: 'route.copiedCurated', params: { name: title } })
                  }}
                >
                  {t('route.copy')}
                </button>
              </div>
            </li>
          )
        })}
      </ul>
    </section>
  )
}

const stopKey = (stop: RouteStop) => (stop.kind === 'zone' ? `zone:${stop.zoneId}` : `booth:${stop.exhibitorId}`)
