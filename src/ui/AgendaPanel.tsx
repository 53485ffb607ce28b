/** My agenda: the visitor's negotiations by time, with both clocks, code, table, join, move, cancel and export. */
import { useEffect, useState } from 'react'
import type { Booking } from '../booking/types'
import { useTranslate } from '../i18n/translate'
import { useExpoActions, useExpoStore } from '../state/store'
import { describeRefusal, describeSlotTimes, downloadCalendar, exhibitorNameOf, tableNumber } from './bookingFormat'
import SidePanel from './SidePanel'
import TimeZoneSelect from './TimeZoneSelect'

/** The table offers "join" from this long before the start until the end. */
const JOIN_LEAD_MS = 10 * 60_000

/** Re-renders every half minute so "join" appears on time without a clock in the store. */
function useMinuteClock() {
  const [now, setNow] = useState(() => Date.now())
  useEffect(() => {
    const timer = window.setInterval(() => setNow(Date.now()), 30_000)
    return () => window.clearInterval(timer)
  }, [])
  return now
}

export default function AgendaPanel() {
  const t = useTranslate()
  const open = useExpoStore((s) => s.agendaOpen)
  const bookings = useExpoStore((s) => s.bookings)
  const pack = useExpoStore((s) => s.pack)
  const language = useExpoStore((s) => s.language)
  const actions = useExpoActions()
  const now = useMinuteClock()
  if (!open || !pack) return null
  const upcoming = bookings.filter((b) => b.status === 'confirmed' && b.end > now).sort((a, b) => a.start - b.start)
  const past = bookings.filter((b) => !upcoming.includes(b) && !b.replacedBy).sort((a, b) => b.start - a.start)
  return (
    <SidePanel id="agenda" title={t('agenda.title')} className="agenda-panel" onClose={() => actions.setAgendaOpen(false)}>
      <TimeZoneSelect />
      {bookings.length === 0 && <p>{t('agenda.empty')}</p>}
      {upcoming.length > 0 && (
        <>
          <h3>{t('agenda.upcoming')}</h3>
          <ol className="agenda-list">
            {upcoming.map((booking) => (
              <AgendaItem key={booking.id} booking={booking} now={now} />
            ))}
          </ol>
          <button type="button" onClick={() => downloadCalendar(upcoming, pack, language)}>
            {t('agenda.exportAll')}
          </button>
        </>
      )}
      {past.length > 0 && (
        <details className="agenda-past">
          <summary>{t('agenda.past')}</summary>
          <ol className="agenda-list">
            {past.map((booking) => (
              <AgendaItem key={booking.id} booking={booking} now={now} />
            ))}
          </ol>
        </details>
      )}
    </SidePanel>
  )
}

function AgendaItem({ booking, now }: { booking: Booking; now: number }) {
  const t = useTranslate()
  const pack = useExpoStore((s) => s.pack)!
  const language = useExpoStore((s) => s.language)
  const visitorTimeZone = useExpoStore((s) => s.visitorTimeZone)
  const actions = useExpoActions()
  const [refusal, setRefusal] = useState<string | null>(null)
  const exhibitor = exhibitorNameOf(pack, language)(booking.exhibitorId)
  const times = describeSlotTimes({ ...booking, timeZone: booking.exhibitorTimeZone }, visitorTimeZone, language)
  const active = booking.status === 'confirmed' && booking.end > now
  const joinable = active && booking.meetingUrl && now >= booking.start - JOIN_LEAD_MS
  return (
    <li className={`agenda-item${booking.status === 'cancelled' ? ' is-cancelled' : ''}`} aria-label={`${exhibitor}, ${times.visitorDate} ${times.visitor}`}>
      <p className="agenda-when">
        <strong>{times.visitorDate}</strong> {times.line}
      </p>
      <p className="agenda-who">{exhibitor}</p>
      <p className="agenda-meta">
        {t(booking.mode === 'online' ? 'agenda.online' : 'agenda.onSite')} · {t('agenda.table', { table: tableNumber(booking.tableId) })} ·{' '}
        {t('agenda.code', { code: booking.confirmationCode })}
        {booking.status === 'cancelled' && <> · {t('agenda.cancelled')}</>}
      </p>
      <p className="agenda-topic">{t('agenda.topic', { topic: booking.topic })}</p>
      {refusal && (
        <p className="refusal" role="alert">
          {refusal}
        </p>
      )}
      <div className="agenda-actions">
        {joinable && (
          <a className="button button-primary" href={booking.meetingUrl} target="_blank" rel="noopener noreferrer">
            {t('agenda.join')}
          </a>
        )}
        <button type="button" onClick={() => actions.openBooth(booking.exhibitorId)}>
          {t('agenda.goToBooth')}
        </button>
        {active && (
          <>
            <button type="button" onClick={() => actions.goToTable(booking.tableId)}>
              {t('agenda.goToTable')}
            </button>
            <button type="button" onClick={() => actions.requestReschedule(booking)}>
              {t('agenda.reschedule')}
            </button>
            <button
              type="button"
              onClick={async () => {
                if (!window.confirm(t('agenda.cancelConfirm', { exhibitor, time: `${times.visitorDate} ${times.visitor}` }))) return
                const result = await actions.cancelBooking(booking.id)
                if (result.ok) actions.notify({ kind: 'info', key: 'agenda.cancelled.notice', params: { exhibitor } })
                else setRefusal(describeRefusal(result.refusal, language, pack, visitorTimeZone))
              }}
            >
              {t('agenda.cancel')}
            </button>
            <button type="button" onClick={() => downloadCalendar([booking], pack, language)}>
              {t('agenda.export')}
            </button>
          </>
        )}
      </div>
    </li>
  )
}
