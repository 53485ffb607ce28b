/**
 * My agenda's live sessions: the ones the visitor added, by time, with where they run; ended ones fold away, and
 * one its host removed says so.
 */
import { useTranslate } from '../../i18n/translate'
import { sessionText, type LiveSession } from '../../live/sessions'
import { useExpoActions, useExpoStore } from '../../state/store'
import { useSessionVenue, useSessionWhen } from './SessionItem'
import { useProgrammeNow, useWithdrawnSessions } from './useProgramme'
import './sessions.css'

export default function AgendaSessions() {
  const t = useTranslate()
  const saved = useExpoStore((s) => s.agendaSessions)
  const now = useProgrammeNow(saved)
  const withdrawn = useWithdrawnSessions(now)
  if (saved.length === 0) return null
  const ahead = saved.filter((s) => s.end > now)
  const ended = saved.filter((s) => s.end <= now)
  return (
    <section className="agenda-sessions" aria-labelledby="agenda-sessions-title">
      <h3 id="agenda-sessions-title">{t('sessions.agendaTitle')}</h3>
      {ahead.length > 0 && (
        <ol className="agenda-list">
          {ahead.map((session) => (
            <AgendaSession key={session.id} session={session} live={session.start <= now && !withdrawn.has(session.id)} withdrawn={withdrawn.has(session.id)} />
          ))}
        </ol>
      )}
      {ended.length > 0 && (
        <details className="agenda-past">
          <summary>{t('sessions.ended')}</summary>
          <ol className="agenda-list">
            {ended.map((session) => (
              <AgendaSession key={session.id} session={session} live={false} withdrawn={false} />
            ))}
          </ol>
        </details>
      )}
    </section>
  )
}

function AgendaSession({ session, live, withdrawn }: { session: LiveSession; live: boolean; withdrawn: boolean }) {
  const t = useTranslate()
  const language = useExpoStore((s) => s.language)
  const where = useSessionVenue(session)
  const actions = useExpoActions()
  const title = sessionText(session.title, language)
  const when = useSessionWhen(session)
  const venue = session.venue
  return (
    <li className="agenda-item agenda-session" aria-label={`${title.text}, ${withdrawn ? `${t('sessions.withdrawn')}, ` : ''}${when}`}>
      <p className="agenda-when">
        {withdrawn && <span className="status-chip status-cancelled">{t('sessions.withdrawn')}</span>}
        {live && (
          <span className="status-chip session-live">
            <span className="live-dot" aria-hidden="true" />
            {t('sessions.liveNow')}
          </span>
        )}{' '}
        {when}
      </p>
      <p className="agenda-who" lang={title.language}>
        {t(`sessions.kind.${session.kind}`)} · {title.text}
      </p>
      <p className="agenda-meta">{where}</p>
      <div className="agenda-actions">
        {!withdrawn && (
          <button type="button" onClick={() => (venue.kind === 'booth' ? actions.openBooth(venue.exhibitorId) : actions.goToZone('lobby'))}>
            {t('sessions.goThere')}
          </button>
        )}
        <button type="button" onClick={() => actions.toggleAgendaSession(session)}>
          {t('sessions.remove')}
        </button>
      </div>
    </li>
  )
}
