/** The landing view: requests waiting for an answer (the most urgent first), proposals waiting for the visitor, recent answers. */
import { useMemo } from 'react'
import type { ConsoleBooking } from '../booking/api'
import BookingCard from './BookingCard'
import { useT } from './i18n'
import { inboxSections } from './inbox'
import type { ConsoleMessageKey } from './messages'
import { useConsoleActions, useConsoleStore } from './store'
import { useNow } from './useNow'
import ViewHeading from './ViewHeading'

export default function Inbox() {
  const t = useT()
  const now = useNow()
  const { bookings, failed } = useConsoleStore((s) => s.inbox)
  const actions = useConsoleActions()
  const sections = useMemo(() => inboxSections(bookings ?? [], now), [bookings, now])

  return (
    <>
      <ViewHeading>{t('inbox.heading')}</ViewHeading>
      {bookings === null && !failed && (
        <p role="status" className="hint">
          {t('common.loading')}
        </p>
      )}
      {failed && (
        <p className="refusal" role="alert">
          {t('inbox.loadFailed')}{' '}
          <button type="button" className="button-link" onClick={() => void actions.refreshInbox()}>
            {t('common.retry')}
          </button>
        </p>
      )}
      {bookings !== null && (
        <>
          <InboxSection id="waiting" title="inbox.waiting" empty="inbox.waitingNone" bookings={sections.waiting} now={now} count />
          <InboxSection id="proposed" title="inbox.proposed" empty="inbox.proposedNone" hint="inbox.proposedHint" bookings={sections.proposed} now={now} />
          <InboxSection id="recent" title="inbox.recent" empty="inbox.recentNone" bookings={sections.recent} now={now} />
        </>
      )}
    </>
  )
}

interface InboxSectionProps {
  id: string
  title: ConsoleMessageKey
  empty: ConsoleMessageKey
  hint?: ConsoleMessageKey
  bookings: ConsoleBooking[]
  now: number
  /** Shows how many there are beside the title. */
  count?: boolean
}

function InboxSection({ id, title, empty, hint, bookings, now, count }: InboxSectionProps) {
  const t = useT()
  const headingId = `inbox-${id}`
  return (
    <section className={`inbox-section inbox-${id}`} aria-labelledby={headingId}>
      <h3 id={headingId}>
        {t(title)}
        {count && bookings.length > 0 && <span className="inbox-count"> ({bookings.length})</span>}
      </h3>
      {bookings.length === 0 ? (
        <p className="inbox-empty">{t(empty)}</p>
      ) : (
        <>
          {hint && <p className="hint">{t(hint)}</p>}
          <ul className="card-list">
            {bookings.map((booking) => (
              <li key={booking.id}>
                <BookingCard booking={booking} now={now} />
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  )
}
