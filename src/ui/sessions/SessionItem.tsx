/** One live session in a list: kind, title (in its own language), when in the visitor's clock, where, and "Add to agenda". */
import { formatSlotTimes } from '../../booking/slots'
import { localized, useTranslate } from '../../i18n/translate'
import { sessionText, type LiveSession } from '../../live/sessions'
import { useExpoActions, useExpoStore } from '../../state/store'

/** "Tue, Dec 1, 10:00–11:00", or for a session the source dates only by day, its days in the event's zone. */
export function useSessionWhen(session: LiveSession): string {
  const t = useTranslate()
  const language = useExpoStore((s) => s.language)
  const visitorTimeZone = useExpoStore((s) => s.visitorTimeZone)
  const eventTimeZone = useExpoStore((s) => s.pack?.event.timeZone ?? 'Asia/Shanghai')
  if (session.precision === 'days') {
    const days = new Intl.DateTimeFormat(language, { timeZone: eventTimeZone, year: 'numeric', month: 'short', day: 'numeric' })
    // the end is the midnight after the last day
    const dates = session.end - session.start <= 86_400_000 ? days.format(session.start) : days.formatRange(session.start, session.end - 1)
    return t('sessions.convention', { dates })
  }
  const times = formatSlotTimes(session, visitorTimeZone, visitorTimeZone, language)
  return `${times.visitorDate} ${times.visitor}–${times.visitorEnd} ${times.visitorZoneLabel}`
}

/** Where a session runs, as the visitor reads it: "In the lobby", or "At <booth>" with the exhibitor's name in their language. */
export function useSessionVenue(session: LiveSession): string {
  const t = useTranslate()
  const language = useExpoStore((s) => s.language)
  const boothName = useExpoStore((s) => {
    const venue = session.venue
    if (venue.kind !== 'booth') return null
    const exhibitor = s.pack?.exhibitors.find((e) => e.id === venue.exhibitorId)
    return exhibitor ? localized(exhibitor.name, language) : venue.exhibitorId
  })
  return boothName === null ? t('sessions.inLobby') : t('sessions.atBooth', { name: boothName })
}

export default function SessionItem({ session, showVenue = false, canAdd = true }: { session: LiveSession; showVenue?: boolean; canAdd?: boolean }) {
  const t = useTranslate()
  const language = useExpoStore((s) => s.language)
  const inAgenda = useExpoStore((s) => s.agendaSessions.some((saved) => saved.id === session.id))
  const where = useSessionVenue(session)
  const actions = useExpoActions()
  const title = sessionText(session.title, language)
  const description = session.description ? sessionText(session.description, language) : null
  const when = useSessionWhen(session)
  return (
    <li className="session-item" aria-label={`${title.text}, ${when}`}>
      <p className="session-meta">
        <span className={`session-kind kind-${session.kind}`}>{t(`sessions.kind.${session.kind}`)}</span> <span className="session-when">{when}</span>
      </p>
      <p className="session-title" lang={title.language}>
        {title.text}
      </p>
      {showVenue && <p className="session-venue">{where}</p>}
      {description && (
        <p className="session-description" lang={description.language}>
          {description.text}
        </p>
      )}
      {canAdd && (
        <button
          type="button"
          className="session-add"
          aria-pressed={inAgenda}
          onClick={() => {
            actions.toggleAgendaSession(session)
            // at the agenda's limit nothing changed, and the store has said why
            const nowIn = useExpoStore.getState().agendaSessions.some((saved) => saved.id === session.id)
            if (nowIn !== inAgenda) actions.notify({ kind: 'info', key: nowIn ? 'sessions.addedNotice' : 'sessions.removedNotice', params: { title: title.text } })
          }}
        >
          {inAgenda ? `✓ ${t('sessions.inAgenda')}` : t('sessions.add')}
        </button>
      )}
    </li>
  )
}
