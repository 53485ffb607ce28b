/**
 * The plan view: the hall without WebGL, and for keyboard and screen-reader visitors. An SVG floor plan plus lists of
 * zones and booths; booth panels, booking, agenda and routes are the overlay's own, so everything works as in 3D.
 */
import { useEffect, useId, useMemo, useRef, useState, type Ref } from 'react'
import { isLive } from '../../booking/types'
import type { Exhibitor, ZoneId } from '../../content/schema'
import { localized, useTranslate } from '../../i18n/translate'
import { activeRoute } from '../../state/routeSlice'
import { useExpoActions, useExpoStore } from '../../state/store'
import { describeSlotTimes, tableNumber } from '../bookingFormat'
import { countryName } from '../countryName'
import FloorPlanSvg from './FloorPlanSvg'
import { OnlineCount, PresenceControl, ZoneLiveCount } from '../LivePresence'
import ExhibitorLogo from '../ExhibitorLogo'
import PanoramaButton from '../PanoramaButton'
import './planView.css'

/** Without the 3D walk, a guided tour cuts from stop to stop after this pause (none when motion is reduced). */
const TOUR_CUT_MS = 600

const prefersReducedMotion = () =>
  typeof window.matchMedia === 'function' && window.matchMedia('(prefers-reduced-motion: reduce)').matches

export default function PlanView() {
  const t = useTranslate()
  const webgl = useExpoStore((s) => s.webgl)
  const actions = useExpoActions()
  const hintId = useId()
  const [pointing, setPointing] = useState<string | null>(null)
  const zoneDetails = useRef<HTMLElement>(null)
  useTourCuts()

  // The loading screen waits for the 3D hall's first frame; the plan is drawn at once.
  useEffect(() => {
    if (!useExpoStore.getState().hallReady) actions.setHallReady()
  }, [actions])

  const hallAvailable = webgl !== 'unavailable' && webgl !== 'lost'
  const chooseZone = (zoneId: ZoneId) => {
    actions.goToZone(zoneId)
    zoneDetails.current?.scrollIntoView?.({ behavior: prefersReducedMotion() ? 'auto' : 'smooth', block: 'start' })
  }

  return (
    <main className="plan-view" aria-labelledby="plan-view-title">
      <div className="plan-view-inner">
        <header className="plan-view-header">
          <div className="plan-view-title-row">
            <h2 id="plan-view-title">{t('planView.title')}</h2>
            {hallAvailable && (
              <button
                type="button"
                className="plan-view-back"
                onClick={() => {
                  actions.setView('hall')
                  // This button goes with the plan: keep the keyboard on the switch in the top bar.
                  requestAnimationFrame(() => document.querySelector<HTMLElement>('[data-view-switch]')?.focus())
                }}
              >
                {t('planView.backToHall')}
              </button>
            )}
          </div>
          <p className="plan-view-intro">
            {webgl === 'unavailable' ? t('planView.webglUnavailable') : webgl === 'lost' ? t('planView.webglLost') : t('planView.intro')}
          </p>
        </header>

        <figure className="plan-figure">
          <div className="plan-figure-scroll">
            <FloorPlanSvg hintId={hintId} onPoint={setPointing} />
          </div>
          <figcaption>
            <Legend />
            <p className="plan-hint" id={hintId}>
              {t('planView.mapHint')}
            </p>
            <p className="plan-pointing" aria-hidden="true">
              {pointing ? t('planView.pointing', { name: pointing }) : '\u00a0'}
            </p>
          </figcaption>
        </figure>

        <div className="plan-lists">
          <ZoneList onChoose={chooseZone} />
          <ZoneDetails ref={zoneDetails} />
        </div>
      </div>
    </main>
  )
}

/** What the marks on the plan mean, with the route's length and time when there is one. */
function Legend() {
  const t = useTranslate()
  const walk = useExpoStore((s) => s.routeWalk)
  return (
    <ul className="plan-legend">
      <li>
        <span className="plan-legend-current" aria-hidden="true" />
        {t('zones.current')}
      </li>
      <li>
        <span className="plan-legend-route" aria-hidden="true">
          1
        </span>
        {t('planView.legendRoute')}
        {walk && (
          <>
            {' · '}
            {t('route.summary', {
              distance: t('route.metres', { value: Math.round(walk.totalMetres) }),
              minutes: Math.max(1, Math.round(walk.estimatedMinutes)),
            })}
          </>
        )}
      </li>
      <li>
        <span className="plan-legend-table" aria-hidden="true" />
        {t('planView.legendTable')}
      </li>
    </ul>
  )
}

/** Every zone as a button: choosing one makes it current and shows its booths. */
function ZoneList({ onChoose }: { onChoose(zoneId: ZoneId): void }) {
  const t = useTranslate()
  const language = useExpoStore((s) => s.language)
  const zones = useExpoStore((s) => s.pack!.zones)
  const plan = useExpoStore((s) => s.plan!)
  const currentZoneId = useExpoStore((s) => s.currentZoneId)
  const actions = useExpoActions()
  const counts = useMemo(() => {
    const byZone = new Map<string, number>()
    for (const booth of plan.booths) byZone.set(booth.zoneId, (byZone.get(booth.zoneId) ?? 0) + 1)
    return byZone
  }, [plan])
  return (
    <section className="plan-zones" aria-labelledby="plan-zones-title">
      <h3 id="plan-zones-title">{t('zones.menu')}</h3>
      <OnlineCount className="plan-online" />
      <ul>
        {zones.map((zone) => {
          const name = localized(zone.name, language)
          const count = counts.get(zone.id)
          return (
            <li key={zone.id}>
              <button
                type="button"
                className="plan-zone-button"
                aria-current={zone.id === currentZoneId ? 'location' : undefined}
                onClick={() => onChoose(zone.id)}
              >
                <span className="swatch" style={{ background: zone.colour }} aria-hidden="true" />
                <span className="plan-zone-name">
                  {name}
                  {count ? <small>{t('zones.boothCount', { count })}</small> : null}
                  <ZoneLiveCount zoneId={zone.id} className="plan-zone-live" />
                </span>
              </button>
              <PanoramaButton zoneId={zone.id} className="plan-zone-panorama" />
              {zone.id !== 'lobby' && zone.id !== 'negotiation' && (
                <button
                  type="button"
                  className="plan-zone-add"
                  aria-label={t('route.addZone', { zone: name })}
                  title={t('route.addZone', { zone: name })}
                  onClick={() => {
                    actions.addStop({ kind: 'zone', zoneId: zone.id })
                    actions.notify({ kind: 'info', key: 'route.added', params: { name } })
                  }}
                >
                  +
                </button>
              )}
            </li>
          )
        })}
      </ul>
      <PresenceControl />
    </section>
  )
}

/** The current zone: its booths as buttons (grouped by section where it has them), or what the lobby and negotiation area hold. */
function ZoneDetails({ ref }: { ref: Ref<HTMLElement> }) {
  const t = useTranslate()
  const language = useExpoStore((s) => s.language)
  const pack = useExpoStore((s) => s.pack!)
  const plan = useExpoStore((s) => s.plan!)
  const currentZoneId = useExpoStore((s) => s.currentZoneId)
  const zone = pack.zones.find((z) => z.id === currentZoneId)
  const boothIds = useMemo(() => new Set(plan.booths.filter((b) => b.zoneId === currentZoneId).map((b) => b.exhibitorId)), [plan, currentZoneId])
  const groups = useMemo(() => {
    const exhibitors = pack.exhibitors
      .filter((e) => boothIds.has(e.id))
      .sort((a, b) => localized(a.name, language).localeCompare(localized(b.name, language), language))
    const sections = zone?.sections ?? []
    if (sections.length === 0) return [{ id: 'all', title: null as string | null, exhibitors }]
    const grouped = sections.map((s) => ({ id: s.id, title: localized(s.name, language) as string | null, exhibitors: exhibitors.filter((e) => e.section === s.id) }))
    const others = exhibitors.filter((e) => !sections.some((s) => s.id === e.section))
    if (others.length > 0) grouped.push({ id: 'others', title: t('planView.otherBooths'), exhibitors: others })
    return grouped.filter((g) => g.exhibitors.length > 0)
  }, [pack, boothIds, zone, language, t])
  if (!zone) return null
  const name = localized(zone.name, language)
  return (
    <section className="plan-zone-details" aria-labelledby="plan-zone-details-title" ref={ref} style={{ borderTopColor: zone.colour }}>
      <h3 id="plan-zone-details-title">
        <span className="swatch" style={{ background: zone.colour }} aria-hidden="true" />
        {name}
      </h3>
      {zone.id === 'lobby' && <p>{t('planView.lobbyNote')}</p>}
      {zone.id === 'negotiation' && <NegotiationArea tableCount={plan.tables.length} />}
      {boothIds.size > 0 && <p className="plan-zone-count">{t('zones.boothCount', { count: boothIds.size })}</p>}
      {groups.map((group) => (
        <div key={group.id}>
          {group.title && <h4>{group.title}</h4>}
          <ul className="plan-booth-list">
            {group.exhibitors.map((exhibitor) => (
              <BoothButton key={exhibitor.id} exhibitor={exhibitor} />
            ))}
          </ul>
        </div>
      ))}
    </section>
  )
}

/** One booth in the list: name, size and country; its route stop number and favourite mark when it has them. */
function BoothButton({ exhibitor }: { exhibitor: Exhibitor }) {
  const t = useTranslate()
  const language = useExpoStore((s) => s.language)
  const open = useExpoStore((s) => s.openBoothId === exhibitor.id)
  const favourite = useExpoStore((s) => s.favourites.includes(exhibitor.id))
  const stopIndex = useExpoStore((s) => activeRoute(s)?.stops.findIndex((stop) => stop.kind === 'booth' && stop.exhibitorId === exhibitor.id) ?? -1)
  const actions = useExpoActions()
  return (
    <li>
      <button type="button" className="plan-booth-button" aria-pressed={open} onClick={() => actions.openBooth(exhibitor.id)}>
        <ExhibitorLogo exhibitorId={exhibitor.id} size={36} />
        <span className="plan-booth-text">
          <span className="plan-booth-name">
            {favourite && <span aria-hidden="true">★ </span>}
            {localized(exhibitor.name, language)}
          </span>
          <span className="plan-booth-meta">
            {t(`booth.size.${exhibitor.boothSize}`)} · {countryName(exhibitor.country, language)}
            {stopIndex >= 0 && <> · {t('planView.stop', { number: stopIndex + 1 })}</>}
          </span>
        </span>
      </button>
    </li>
  )
}

/** The negotiation area: how many tables, and the visitor's upcoming meetings at them. */
function NegotiationArea({ tableCount }: { tableCount: number }) {
  const t = useTranslate()
  const language = useExpoStore((s) => s.language)
  const pack = useExpoStore((s) => s.pack!)
  const bookings = useExpoStore((s) => s.bookings)
  const visitorTimeZone = useExpoStore((s) => s.visitorTimeZone)
  const actions = useExpoActions()
  const upcoming = useMemo(
    () => bookings.filter((b) => isLive(b.status) && b.end > Date.now() && b.tableId !== '').sort((a, b) => a.start - b.start),
    [bookings],
  )
  return (
    <>
      <p>{t('planView.negotiationNote', { count: tableCount })}</p>
      {upcoming.length > 0 && (
        <>
          <h4>{t('planView.yourTables')}</h4>
          <ul className="plan-meetings">
            {upcoming.map((booking) => {
              const exhibitor = pack.exhibitors.find((e) => e.id === booking.exhibitorId)
              const times = describeSlotTimes({ ...booking, timeZone: booking.exhibitorTimeZone }, visitorTimeZone, language)
              return (
                <li key={booking.id}>
                  <strong>{t('agenda.table', { table: tableNumber(booking.tableId) })}</strong> · {exhibitor ? localized(exhibitor.name, language) : booking.exhibitorId} ·{' '}
                  {times.visitorDate} {times.visitor}
                </li>
              )
            })}
          </ul>
        </>
      )}
      <button type="button" onClick={() => actions.setAgendaOpen(true)}>
        {t('agenda.open')}
      </button>
    </>
  )
}

/** A guided tour walks through the 3D hall; on the plan it cuts to each stop, whose dwell then runs as usual. */
function useTourCuts() {
  const walkingTo = useExpoStore((s) => (s.guidedTour?.status === 'walking' ? `${s.guidedTour.routeId}#${s.guidedTour.stopIndex}` : null))
  const actions = useExpoActions()
  useEffect(() => {
    if (!walkingTo) return
    const timer = window.setTimeout(() => actions.tourArrived(), prefersReducedMotion() ? 0 : TOUR_CUT_MS)
    return () => window.clearTimeout(timer)
  }, [walkingTo, actions])
}
