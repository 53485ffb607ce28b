/** The booth panel's sessions: what runs at this booth now and next; nothing at all when the booth has none. */
import { useTranslate } from '../../i18n/translate'
import { atVenue } from '../../live/sessions'
import ProgrammeLists from './ProgrammeLists'
import { useProgramme, useProgrammeNow } from './useProgramme'
import './sessions.css'

export default function BoothProgramme({ exhibitorId }: { exhibitorId: string }) {
  const t = useTranslate()
  const venue = { kind: 'booth' as const, exhibitorId }
  const sessions = atVenue(useProgramme(), venue)
  const now = useProgrammeNow(sessions)
  if (!sessions.some((s) => s.end > now)) return null
  return (
    <div className="booth-programme">
      <h3>{t('sessions.boothTitle')}</h3>
      <ProgrammeLists sessions={sessions} now={now} venue={venue} />
    </div>
  )
}
