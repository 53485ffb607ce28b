/** The booking dialog opened by "Book a negotiation": the exhibitor's hours now; slot picking arrives with the booking issue. */
import { useEffect, useRef } from 'react'
import { localized, useTranslate } from '../i18n/translate'
import { useExpoActions, useExpoStore } from '../state/store'
import NegotiationHours from './NegotiationHours'

export default function BookingDialog() {
  const t = useTranslate()
  const language = useExpoStore((s) => s.language)
  const exhibitor = useExpoStore((s) =>
    s.bookingExhibitorId ? s.pack?.exhibitors.find((e) => e.id === s.bookingExhibitorId) : undefined,
  )
  const actions = useExpoActions()
  const closeButton = useRef<HTMLButtonElement>(null)
  const exhibitorId = exhibitor?.id
  useEffect(() => {
    if (!exhibitorId) return
    const returnTo = document.activeElement as HTMLElement | null
    closeButton.current?.focus()
    return () => returnTo?.focus?.()
  }, [exhibitorId])
  if (!exhibitor) return null
  return (
    <div className="dialog-backdrop" onClick={() => actions.closeBooking()}>
      <div className="dialog" role="dialog" aria-modal="true" aria-labelledby="booking-title" onClick={(e) => e.stopPropagation()}>
        <h2 id="booking-title">{t('booking.title', { name: localized(exhibitor.name, language) })}</h2>
        <p>{t('booking.intro')}</p>
        <NegotiationHours availability={exhibitor.availability} />
        <p>
          {t('booth.email')}: <a href={`mailto:${exhibitor.contact.email}`}>{exhibitor.contact.email}</a>
        </p>
        <button ref={closeButton} type="button" onClick={() => actions.closeBooking()}>
          {t('booking.close')}
        </button>
      </div>
    </div>
  )
}
