/** A week of the exhibitor's meetings in its own time zone: days as columns on desktop, a day list on phones; a meeting opens its card. */
import { useCallback, useEffect, useMemo, useState } from 'react'
import type { ConsoleBooking } from '../booking/api'
import { addDays, dateInZone, wallTimeToInstant } from '../booking/timeZones'
import { MEETINGS_CSV_URL, consoleApi, type ConsoleMe } from './api'
import BookingCard from './BookingCard'
import { formatDateRange, formatIsoDate, formatTimeRange, mondayOf, timeZoneLabel } from './format'
import { useLanguage, useT } from './i18n'
import { effectiveStatus } from './inbox'
import Modal from './Modal'
import { useConsoleStore } from './store'
import { useNow } from './useNow'
import ViewHeading, { VIEW_HEADING_ID } from './ViewHeading'

type WeekData = { status: 'loading' } | { status: 'failed' } | { status: 'ready'; monday: string; bookings: ConsoleBooking[] }

const SHOWN = new Set(['requested', 'proposed', 'confirmed'])

export default function Calendar({ me }: { me: ConsoleMe }) {
  const t = useT()
  const language = useLanguage()
  const zone = me.exhibitor.availability.timeZone
  const now = useNow()
  const today = dateInZone(zone, now)
  const [monday, setMonday] = useState(() => mondayOf(today))
  const revision = useConsoleStore((s) => s.revision)
  const [week, setWeek] = useState<WeekData>({ status: 'loading' })
  const [openId, setOpenId] = useState<string | null>(null)

  const load = useCallback(async () => {
    try {
      const bookings = await consoleApi.bookings({ from: wallTimeToInstant(zone, monday, 0), to: wallTimeToInstant(zone, addDays(monday, 7), 0) })
      setWeek({ status: 'ready', monday, bookings })
    } catch {
      setWeek({ status: 'failed' })
    }
  }, [zone, monday])

  useEffect(() => {
    // a live refresh keeps the week on screen; another week shows "loading" until it arrives
    setWeek((current) => (current.status === 'ready' && current.monday === monday ? current : { status: 'loading' }))
    void load()
  }, [load, monday, revision])

  const dates = useMemo(() => Array.from({ length: 7 }, (_, i) => addDays(monday, i)), [monday])
  const meetings = useMemo(() => {
    const byDate = new Map<string, ConsoleBooking[]>(dates.map((d) => [d, []]))
    if (week.status === 'ready') {
      for (const booking of week.bookings) {
        if (!SHOWN.has(effectiveStatus(booking, now))) continue
        byDate.get(dateInZone(zone, booking.start))?.push(booking)
      }
    }
    return byDate
  }, [week, dates, zone, now])
  const all = [...meetings.values()].flat()
  const pending = all.filter((b) => effectiveStatus(b, now) !== 'confirmed').length
  const opened = week.status === 'ready' ? week.bookings.find((b) => b.id === openId) : undefined

  return (
    <>
      <ViewHeading>{t('calendar.heading')}</ViewHeading>
      <div className="calendar-toolbar">
        <div className="calendar-nav">
          <button type="button" onClick={() => setMonday(addDays(monday, -7))}>
            <span aria-hidden="true">‹ </span>
            {t('calendar.previous')}
          </button>
          <button type="button" onClick={() => setMonday(mondayOf(today))} aria-pressed={monday === mondayOf(today)}>
            {t('calendar.today')}
          </button>
          <button type="button" onClick={() => setMonday(addDays(monday, 7))}>
            {t('calendar.next')}
            <span aria-hidden="true"> ›</span>
          </button>
        </div>
        <p className="calendar-week" aria-live="polite">
          <strong>{t('calendar.week', { range: formatDateRange(dates[0], dates[6], language) })}</strong>
          <span className="hint">
            {' '}
            · {t('calendar.timeZone', { zone: timeZoneLabel(zone, language) })}
            {week.status === 'ready' && <> · {t('calendar.count', { count: all.length, pending })}</>}
          </span>
        </p>
      </div>

      {week.status === 'loading' && (
        <p role="status" className="hint">
          {t('common.loading')}
        </p>
      )}
      {week.status === 'failed' && (
        <p className="refusal" role="alert">
          {t('calendar.loadFailed')}{' '}
          <button type="button" className="button-link" onClick={() => void load()}>
            {t('common.retry')}
          </button>
        </p>
      )}
      {week.status === 'ready' && (
        <ol className="calendar-days">
          {dates.map((date) => {
            const day = meetings.get(date) ?? []
            return (
              <li key={date} className={`calendar-day${date === today ? ' is-today' : ''}${day.length === 0 ? ' is-empty' : ''}`}>
                <h3>
                  {formatIsoDate(date, language)}
                  {date === today && <span className="calendar-today-mark"> · {t('calendar.todayMark')}</span>}
                </h3>
                {day.length === 0 ? (
                  <p className="calendar-none">{t('calendar.none')}</p>
                ) : (
                  <ul>
                    {day.map((booking) => {
                      const status = effectiveStatus(booking, now)
                      return (
                        <li key={booking.id}>
                          <button type="button" className={`calendar-meeting is-${status}`} onClick={() => setOpenId(booking.id)}>
                            <span className="calendar-meeting-time">{formatTimeRange(booking.start, booking.end, zone, language)}</span>
                            {status !== 'confirmed' && <span className="status-chip is-requested">{t('calendar.pending')}</span>}
                            <span className="calendar-meeting-topic">{booking.topic}</span>
                            {booking.profile && <span className="calendar-meeting-who">{booking.profile.company || booking.profile.name}</span>}
                          </button>
                        </li>
                      )
                    })}
                  </ul>
                )}
              </li>
            )
          })}
        </ol>
      )}

      <p className="calendar-export">
        <a className="button" href={MEETINGS_CSV_URL} download>
          {t('calendar.export')}
        </a>
        <span className="hint">{t('calendar.exportHint')}</span>
      </p>

      {opened && (
        <Modal title={t('calendar.meeting')} onClose={() => setOpenId(null)} fallbackFocus={() => document.getElementById(VIEW_HEADING_ID)}>
          <BookingCard booking={opened} now={now} headingLevel={3} />
        </Modal>
      )}
    </>
  )
}
