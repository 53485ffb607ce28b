/** The booth panel on the right: what the company makes, where it is from, how to talk to it. */
import { lazy, Suspense, useEffect, useRef, useState } from 'react'
import { bookableWindow } from '../booking/slots'
import type { Slot } from '../booking/types'
import { productLook } from '../content/products'
import type { Availability, Exhibitor } from '../content/schema'
import { bookingBackend } from '../state/bookings/bookingService'
import { describeSlotTimes } from './bookingFormat'
import { localized, useTranslate } from '../i18n/translate'
import { activeRoute } from '../state/routeSlice'
import { useExpoActions, useExpoStore } from '../state/store'
import ExhibitorLogo from './ExhibitorLogo'
import NegotiationHours from './NegotiationHours'
import BoothProgramme from './sessions/BoothProgramme'
import { countryName } from './countryName'
import { ProductPicture } from './ProductPicture'
import PanoramaButton from './PanoramaButton'

// with the live layer only: static hosting downloads none of the chat
const BoothChat = lazy(() => import('./BoothChat'))

export default function BoothPanel() {
  const t = useTranslate()
  const language = useExpoStore((s) => s.language)
  const exhibitor = useExpoStore((s) => (s.openBoothId ? s.pack?.exhibitors.find((e) => e.id === s.openBoothId) : undefined))
  const zone = useExpoStore((s) => (exhibitor ? s.pack?.zones.find((z) => z.id === exhibitor.zone) : undefined))
  const favourite = useExpoStore((s) => (exhibitor ? s.favourites.includes(exhibitor.id) : false))
  const inRoute = useExpoStore((s) =>
    exhibitor ? Boolean(activeRoute(s)?.stops.some((stop) => stop.kind === 'booth' && stop.exhibitorId === exhibitor.id)) : false,
  )
  const liveAvailable = useExpoStore((s) => s.liveAvailable)
  const inPanoramaOfZone = useExpoStore((s) => s.view === 'panorama' && s.currentZoneId === exhibitor?.zone)
  const actions = useExpoActions()
  const heading = useRef<HTMLHeadingElement>(null)
  const exhibitorId = exhibitor?.id
  const opener = useRef<HTMLElement | null>(null)
  useEffect(() => {
    // Move focus to the panel so screen readers announce it; on close, back to what opened it. Going from
    // one booth to another keeps the first opener, so Escape never lands on a control of the old panel.
    if (!exhibitorId) {
      const returnTo = opener.current
      opener.current = null
      if (returnTo && returnTo !== document.body && document.contains(returnTo)) returnTo.focus({ preventScroll: true })
      return
    }
    opener.current ??= document.activeElement as HTMLElement | null
    heading.current?.focus({ preventScroll: true })
  }, [exhibitorId])
  if (!exhibitor) return null
  const name = localized(exhibitor.name, language)
  return (
    <aside className="side-panel booth-panel" aria-labelledby="booth-panel-title">
      <header className="side-panel-header" style={{ borderTopColor: zone?.colour }}>
        <ExhibitorLogo exhibitorId={exhibitor.id} size={56} className="booth-panel-logo" />
        <div className="booth-panel-heading">
          <p className="eyebrow">
            <span className="swatch" style={{ background: zone?.colour }} aria-hidden="true" />
            {zone && localized(zone.name, language)}
          </p>
          <h2 id="booth-panel-title" tabIndex={-1} ref={heading}>
            {name}
          </h2>
          {language !== 'zh-CN' ? (
            <p className="booth-alt-name" lang="zh-CN">{exhibitor.name['zh-CN']}</p>
          ) : (
            <p className="booth-alt-name" lang="en">{exhibitor.name.en}</p>
          )}
        </div>
        <button type="button" className="icon-button" aria-label={t('booth.close')} onClick={() => actions.closeBooth()}>
          ×
        </button>
      </header>
      <div className="side-panel-body">
        {exhibitor.sample && (
          <p className="sample-mark" title={t('booth.sampleNote')}>
            <strong>{t('booth.sample')}</strong> · {t('booth.sampleNote')}
          </p>
        )}
        <dl className="facts">
          <dt>{t('booth.zone')}</dt>
          <dd>
            {zone && localized(zone.name, language)} · {t(`booth.size.${exhibitor.boothSize}`)}
            {/* not in the 360° view of that zone already: the panel sits over it */}
            {!inPanoramaOfZone && <PanoramaButton zoneId={exhibitor.zone} className="booth-panel-panorama" />}
          </dd>
          <dt>{t('booth.country')}</dt>
          <dd>{countryName(exhibitor.country, language)}</dd>
        </dl>
        <p className="booth-description">{localized(exhibitor.description, language)}</p>
        <BoothProgramme exhibitorId={exhibitor.id} />
        <h3>{t('booth.products')}</h3>
        <ul className="products">
          {exhibitor.products.map((product, index) => {
            const look = productLook(product, exhibitor.id, index)
            return (
              <li key={product.name.en}>
                <ProductPicture kind={look.kind} colour={look.colour} variant={look.variant} />
                <span>{localized(product.name, language)}</span>
              </li>
            )
          })}
        </ul>
        <h3>{t('booth.contact')}</h3>
        <dl className="facts">
          {exhibitor.contact.person && (
            <>
              <dt>{t('booth.contactPerson')}</dt>
              <dd>{exhibitor.contact.person}</dd>
            </>
          )}
          <dt>{t('booth.email')}</dt>
          <dd>
            <a href={`mailto:${exhibitor.contact.email}`}>{exhibitor.contact.email}</a>
          </dd>
          {exhibitor.contact.phone && (
            <>
              <dt>{t('booth.phone')}</dt>
              <dd>
                <a href={`tel:${exhibitor.contact.phone.replace(/[^+\d]/g, '')}`}>{exhibitor.contact.phone}</a>
              </dd>
            </>
          )}
          {exhibitor.contact.website && (
            <>
              <dt>{t('booth.website')}</dt>
              <dd>
                <a href={exhibitor.contact.website} target="_blank" rel="noopener noreferrer">
                  {exhibitor.contact.website.replace(/^https?:\/\//, '')}
                </a>
              </dd>
            </>
          )}
        </dl>
        <h3>{t('booth.negotiation')}</h3>
        <Negotiation exhibitor={exhibitor} />
        {liveAvailable && (
          <Suspense fallback={null}>
            <BoothChat exhibitor={exhibitor} />
          </Suspense>
        )}
      </div>
      <footer className="side-panel-actions">
        <button type="button" className="button-primary" onClick={() => actions.requestBooking(exhibitor.id)}>
          {t('booth.book')}
        </button>
        <button
          type="button"
          aria-pressed={inRoute}
          onClick={() => {
            if (inRoute) return
            actions.addStop({ kind: 'booth', exhibitorId: exhibitor.id })
            actions.notify({ kind: 'info', key: 'route.added', params: { name } })
          }}
        >
          {t(inRoute ? 'booth.inRoute' : 'booth.addToRoute')}
        </button>
        <button type="button" aria-pressed={favourite} onClick={() => actions.toggleFavourite(exhibitor.id)}>
          {favourite ? '★ ' : '☆ '}
          {t(favourite ? 'booth.unfavourite' : 'booth.favourite')}
        </button>
      </footer>
    </aside>
  )
}

/**
 * The exhibitor's next free time and its hours, asked for after the panel has painted so opening it never waits;
 * with a server, the hours staff keep in their console, and the next time follows others' bookings live.
 */
function Negotiation({ exhibitor }: { exhibitor: Exhibitor }) {
  const t = useTranslate()
  const language = useExpoStore((s) => s.language)
  const visitorTimeZone = useExpoStore((s) => s.visitorTimeZone)
  const bookings = useExpoStore((s) => s.bookings)
  const [next, setNext] = useState<Slot | null | undefined>(undefined)
  const [availability, setAvailability] = useState<Availability>(exhibitor.availability)
  const [version, setVersion] = useState(0)
  const exhibitorId = exhibitor.id
  useEffect(() => {
    const backend = bookingBackend()
    const stopWatching = backend.watchSlots([exhibitorId])
    const stopListening = backend.subscribe((event) => {
      if (event.type === 'slots-changed' && event.exhibitorId === exhibitorId) setVersion((v) => v + 1)
    })
    return () => {
      stopListening()
      stopWatching()
    }
  }, [exhibitorId])
  useEffect(() => {
    let current = true
    const { from, to } = bookableWindow(Date.now())
    bookingBackend()
      .freeSlots(exhibitorId, { from, to })
      .then((result) => {
        if (!current) return
        // without an answer the catalogue's hours stay shown and no next time is claimed
        setNext(result.ok ? (result.slots[0] ?? null) : undefined)
        if (result.ok && result.availability) setAvailability(result.availability)
      })
    return () => {
      current = false
    }
  }, [exhibitorId, bookings, version])
  const times = next ? describeSlotTimes(next, visitorTimeZone, language) : null
  return (
    <>
      {next === null && <p className="next-slot">{t('booth.noSlot')}</p>}
      {times && <p className="next-slot">{t('booth.nextSlot', { time: `${times.visitorDate} ${times.line}` })}</p>}
      <NegotiationHours availability={availability} />
    </>
  )
}
