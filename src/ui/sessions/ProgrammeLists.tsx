/** "Live now" and "Next" at one venue (the lobby or a booth), switching by themselves as sessions start and end. */
import { useTranslate } from '../../i18n/translate'
import { liveNow, nextUp, type LiveSession, type SessionVenue } from '../../live/sessions'
import SessionItem from './SessionItem'

/** How many upcoming sessions a venue lists; the rest follow when these have run. */
const NEXT_SHOWN = 3

export default function ProgrammeLists({ sessions, now, venue, headingLevel = 4 }: { sessions: readonly LiveSession[]; now: number; venue: SessionVenue; headingLevel?: 3 | 4 }) {
  const t = useTranslate()
  const live = liveNow(sessions, now, venue)
  const next = nextUp(sessions, now, venue).slice(0, NEXT_SHOWN)
  const Heading = headingLevel === 3 ? 'h3' : 'h4'
  if (live.length === 0 && next.length === 0) return <p className="session-none">{t('sessions.none')}</p>
  return (
    <>
      {live.length > 0 && (
        <section className="session-group is-live" aria-label={t('sessions.liveNow')}>
          <Heading>
            <span className="live-dot" aria-hidden="true" />
            {t('sessions.liveNow')}
          </Heading>
          <ul className="session-list">
            {live.map((session) => (
              <SessionItem key={session.id} session={session} />
            ))}
          </ul>
        </section>
      )}
      {next.length > 0 && (
        <section className="session-group" aria-label={t('sessions.next')}>
          <Heading>{t('sessions.next')}</Heading>
          <ul className="session-list">
            {next.map((session) => (
              <SessionItem key={session.id} session={session} />
            ))}
          </ul>
        </section>
      )}
    </>
  )
}
