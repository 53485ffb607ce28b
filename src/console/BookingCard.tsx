/** One booking as staff see it (when, what, who, where) with the answers its state allows: the same card in the inbox and the calendar. */
import { useState } from 'react'
import type { ConsoleBooking } from '../booking/api'
import { tableNumberOf } from './tables'
import { consoleApi, performChange } from './api'
import { bookingCardId, focusBookingCard } from './cardFocus'
import { describeFailure } from './failures'
import { formatDayAndTime, formatRelative, meetingWhen } from './format'
import { useLanguage, useT } from './i18n'
import { effectiveStatus } from './inbox'
import { useConsoleActions, useConsoleStore } from './store'

interface BookingCardProps {
  booking: ConsoleBooking
  now: number
  /** h3 in the calendar's dialog, h4 under the inbox's section headings. */
  headingLevel?: 3 | 4
}

export default function BookingCard({ booking, now, headingLevel = 4 }: BookingCardProps) {
  const t = useT()
  const language = useLanguage()
  const actions = useConsoleActions()
  const feedback = useConsoleStore((s) => s.feedback[booking.id])
  const [accepting, setAccepting] = useState(false)
  const status = effectiveStatus(booking, now)
  const when = meetingWhen(booking, language)
  const Heading = headingLevel === 3 ? 'h3' : 'h4'
  const Subheading = headingLevel === 3 ? 'h4' : 'h5'
  const headingId = `${bookingCardId(booking.id)}-title`

  const accept = async () => {
    setAccepting(true)
    actions.setFeedback(booking.id, null)
    try {
      const answered = await performChange(booking.id, 'accept', (key) => consoleApi.answer(booking.id, 'accept', {}, key))
      actions.applyBooking(answered)
      actions.setFeedback(booking.id, { kind: 'done', key: 'action.accepted' })
      focusBookingCard(booking.id)
    } catch (error) {
      actions.setFeedback(booking.id, { kind: 'error', ...describeFailure(error), status: booking.status })
    } finally {
      setAccepting(false)
    }
  }

  const pendingNote =
    status === 'requested' && booking.holdExpiresAt
      ? t('card.answerBy', { time: formatDayAndTime(booking.holdExpiresAt, booking.exhibitorTimeZone, language), relative: formatRelative(booking.holdExpiresAt, now, language) })
      : status === 'proposed' && booking.holdExpiresAt
        ? t('card.visitorAnswersBy', { time: formatDayAndTime(booking.holdExpiresAt, booking.exhibitorTimeZone, language), relative: formatRelative(booking.holdExpiresAt, now, language) })
        : null
  const canCancel = status === 'confirmed' && booking.end > now

  return (
    <article id={bookingCardId(booking.id)} className={`booking-card is-${status}`} aria-labelledby={headingId} tabIndex={-1}>
      <p className="booking-card-status">
        <span className={`status-chip is-${status}`}>{t(`status.${status}`)}</span>
        {pendingNote && <span className="booking-card-deadline">{pendingNote}</span>}
      </p>
      <Heading id={headingId} className="booking-card-when">
        {when.date} · {when.time} <span className="booking-card-zone">{when.zone}</span>
      </Heading>
      {when.visitor && <p className="booking-card-visitor-clock">{t('card.visitorClock', when.visitor)}</p>}
      <p className="booking-card-topic">
        <span className="visually-hidden">{t('card.topic')}: </span>
        {booking.topic}
      </p>

      <div className="booking-card-visitor">
        <Subheading className="visually-hidden">{t('card.visitor')}</Subheading>
        {booking.profile ? (
          <dl className="booking-card-profile">
            <div>
              <dt>{t('card.profile.name')}</dt>
              <dd className="booking-card-name">{booking.profile.name}</dd>
            </div>
            <div>
              <dt>{t('card.profile.company')}</dt>
              <dd>{booking.profile.company}</dd>
            </div>
            <div>
              <dt>{t('card.profile.email')}</dt>
              <dd>
                <a href={`mailto:${booking.profile.email}`}>{booking.profile.email}</a>
              </dd>
            </div>
            {booking.profile.phone && (
              <div>
                <dt>{t('card.profile.phone')}</dt>
                <dd>
                  <a href={`tel:${booking.profile.phone.replace(/[^+\d]/g, '')}`}>{booking.profile.phone}</a>
                </dd>
              </div>
            )}
            <div>
              <dt>{t('card.profile.role')}</dt>
              <dd>{t(`card.role.${booking.profile.role}`)}</dd>
            </div>
          </dl>
        ) : (
          <p className="booking-card-private">{t('card.visitorPrivate')}</p>
        )}
      </div>

      <p className="booking-card-facts">
        <span>{t(`card.mode.${booking.mode}`)}</span>
        <span>{t('card.table', { table: tableNumberOf(booking.tableId) })}</span>
        <span>{t('card.code', { code: booking.confirmationCode })}</span>
      </p>
      {booking.originalStart !== undefined && booking.originalStart !== booking.start && (
        <p className="booking-card-note">{t('card.originally', { time: formatDayAndTime(booking.originalStart, booking.exhibitorTimeZone, language) })}</p>
      )}
      {booking.proposalMessage && status === 'proposed' && <p className="booking-card-note">{t('card.proposalMessage', { message: booking.proposalMessage })}</p>}
      {booking.declineReason && <p className="booking-card-note">{t('card.declineReason', { reason: booking.declineReason })}</p>}
      {booking.status === 'cancelled' && (
        <p className="booking-card-note">{booking.cancelledBy === 'visitor' ? t('card.cancelledByVisitor') : t('card.cancelReason', { reason: booking.cancelReason ?? '' })}</p>
      )}
      {booking.meetingUrl && status === 'confirmed' && booking.end > now && (
        <p className="booking-card-note">
          <a href={booking.meetingUrl} target="_blank" rel="noreferrer">
            {t('card.meetingLink')}
          </a>
        </p>
      )}

      {(status === 'requested' || canCancel) && (
        <div className="booking-card-actions">
          {status === 'requested' && (
            <>
              <button type="button" className="button-primary" onClick={accept} disabled={accepting} aria-busy={accepting}>
                {accepting ? t('action.accepting') : t('action.accept')}
              </button>
              <button type="button" onClick={() => actions.startAnswer({ kind: 'propose', booking })} disabled={accepting}>
                {t('action.propose')}
              </button>
              <button type="button" onClick={() => actions.startAnswer({ kind: 'decline', booking })} disabled={accepting}>
                {t('action.decline')}
              </button>
            </>
          )}
          {canCancel && (
            <button type="button" onClick={() => actions.startAnswer({ kind: 'cancel', booking })}>
              {t('action.cancel')}
            </button>
          )}
        </div>
      )}
      {feedback && (feedback.kind === 'done' || feedback.status === booking.status) && (
        <p className={feedback.kind === 'error' ? 'refusal' : 'booking-card-done'} role={feedback.kind === 'error' ? 'alert' : 'status'}>
          {t(feedback.key, feedback.params)}
        </p>
      )}
    </article>
  )
}
