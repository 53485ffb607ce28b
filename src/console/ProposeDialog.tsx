/** Answering a request with another time: the exhibitor's free slots by day, both clocks, and an optional message. */
import { useCallback, useEffect, useId, useMemo, useState, type FormEvent } from 'react'
import type { ConsoleBooking } from '../booking/api'
import { bookableWindow, formatSlotTimes, groupSlotsByVisitorDay } from '../booking/slots'
import type { Slot } from '../booking/types'
import { ConsoleApiError, consoleApi, performChange } from './api'
import { bookingCardId, focusBookingCard } from './cardFocus'
import { describeFailure, type FailureMessage } from './failures'
import { formatDayAndTime, formatIsoDate, formatTimeRange, timeZoneLabel } from './format'
import { useLanguage, useT } from './i18n'
import Modal from './Modal'
import { REASON_MAX_LENGTH } from './ReasonDialog'
import { useConsoleActions, useConsoleStore } from './store'

/** Refusals that mean "this time will not do": the list is refreshed so the next pick is a real one. */
const SLOT_REFUSALS = new Set(['slot-full', 'not-a-slot', 'no-table', 'too-soon', 'past', 'visitor-busy'])

export default function ProposeDialog({ booking, onClose }: { booking: ConsoleBooking; onClose(): void }) {
  const t = useT()
  const language = useLanguage()
  const actions = useConsoleActions()
  const officeZone = useConsoleStore((s) => (s.session.status === 'exhibitor' ? s.session.me.exhibitor.availability.timeZone : booking.exhibitorTimeZone))
  const ids = useId()
  const [slots, setSlots] = useState<Slot[] | null>(null)
  const [loadFailed, setLoadFailed] = useState(false)
  const [day, setDay] = useState<string | null>(null)
  const [chosen, setChosen] = useState<string | null>(null)
  const [message, setMessage] = useState('')
  const [failure, setFailure] = useState<FailureMessage | null>(null)
  const [working, setWorking] = useState(false)

  const load = useCallback(async () => {
    setLoadFailed(false)
    try {
      const free = await consoleApi.freeSlots(bookableWindow(Date.now()))
      // the time the visitor asked for is not "another time"
      setSlots(free.filter((s) => !(s.start === booking.start && s.mode === booking.mode)))
    } catch {
      setLoadFailed(true)
    }
  }, [booking.start, booking.mode])
  useEffect(() => {
    void load()
  }, [load])

  const days = useMemo(() => groupSlotsByVisitorDay(slots ?? [], officeZone), [slots, officeZone])
  const shownDay = days.find((d) => d.date === day) ?? days[0]
  const chosenSlot = slots?.find((s) => s.id === chosen) ?? null

  /** The slot on the visitor's clock, with the date when it falls on another day there. */
  const visitorClock = (slot: Slot) => {
    const times = formatSlotTimes(slot, booking.visitorTimeZone, slot.timeZone, language)
    return `${times.exhibitorDayShift !== 0 ? `${times.visitorDate} ` : ''}${times.visitor}–${times.visitorEnd} ${times.visitorZoneLabel}`
  }

  const submit = async (event: FormEvent) => {
    event.preventDefault()
    if (!chosenSlot) return setFailure({ key: 'propose.pickFirst' })
    setFailure(null)
    setWorking(true)
    const trimmed = message.trim()
    const body = { start: chosenSlot.start, end: chosenSlot.end, mode: chosenSlot.mode, ...(trimmed ? { message: trimmed } : {}) }
    try {
      const answered = await performChange(booking.id, `propose\n${chosenSlot.id}\n${trimmed}`, (key) => consoleApi.answer(booking.id, 'propose', body, key))
      actions.setFeedback(booking.id, { kind: 'done', key: 'action.proposed' })
      onClose()
      actions.applyBooking(answered)
      focusBookingCard(booking.id)
    } catch (error) {
      const described = describeFailure(error)
      setFailure(described)
      setWorking(false)
      if (error instanceof ConsoleApiError && SLOT_REFUSALS.has(error.refusal?.code ?? error.code)) void load()
    }
  }

  return (
    <Modal title={t('propose.title')} onClose={onClose} fallbackFocus={() => document.getElementById(bookingCardId(booking.id))}>
      <p className="console-dialog-subject">
        {t('propose.intro', { time: `${formatDayAndTime(booking.start, booking.exhibitorTimeZone, language)} (${timeZoneLabel(booking.exhibitorTimeZone, language)})` })}
      </p>
      <form onSubmit={submit} noValidate>
        {slots === null && !loadFailed && (
          <p role="status" className="hint">
            {t('propose.loading')}
          </p>
        )}
        {loadFailed && (
          <p className="refusal" role="alert">
            {t('propose.loadFailed')}{' '}
            <button type="button" className="button-link" onClick={() => void load()}>
              {t('common.retry')}
            </button>
          </p>
        )}
        {slots !== null && days.length === 0 && <p className="hint">{t('propose.none')}</p>}
        {shownDay && (
          <>
            <div className="field">
              <label htmlFor={`${ids}-day`}>{t('propose.day')}</label>
              <select id={`${ids}-day`} value={shownDay.date} onChange={(e) => setDay(e.target.value)} data-autofocus>
                {days.map((d) => (
                  <option key={d.date} value={d.date}>
                    {formatIsoDate(d.date, language)} ({d.slots.length})
                  </option>
                ))}
              </select>
            </div>
            <fieldset className="propose-slots">
              <legend>
                {t('propose.times')} · {timeZoneLabel(officeZone, language)}
              </legend>
              <ul>
                {shownDay.slots.map((slot) => (
                  <li key={slot.id}>
                    <label className="propose-slot">
                      <input type="radio" name={`${ids}-slot`} value={slot.id} checked={chosen === slot.id} onChange={() => setChosen(slot.id)} />
                      <span className="propose-slot-time">{formatTimeRange(slot.start, slot.end, slot.timeZone, language)}</span>
                      <span className="propose-slot-meta">
                        {t(`card.mode.${slot.mode}`)}
                        {slot.timeZone !== officeZone && ` (${timeZoneLabel(slot.timeZone, language)})`} ·{' '}
                        {t('propose.visitorTime', { time: visitorClock(slot) })}{' '}
                        · {t('propose.tablesLeft', { count: slot.tablesLeft })}
                      </span>
                    </label>
                  </li>
                ))}
              </ul>
            </fieldset>
          </>
        )}
        <div className="field">
          <label htmlFor={`${ids}-message`}>{t('propose.message')}</label>
          <textarea id={`${ids}-message`} rows={3} maxLength={REASON_MAX_LENGTH} value={message} onChange={(e) => setMessage(e.target.value)} />
        </div>
        {failure && (
          <p className="refusal" role="alert">
            {t(failure.key, failure.params)}
          </p>
        )}
        <div className="dialog-actions">
          <button type="button" onClick={onClose}>
            {t('common.close')}
          </button>
          <button type="submit" className="button-primary" disabled={working || !slots?.length} aria-busy={working}>
            {working ? t('action.proposing') : t('propose.send')}
          </button>
        </div>
      </form>
    </Modal>
  )
}
