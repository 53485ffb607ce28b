/** The weekly hours editor: ranges per weekday, blocked dates, meeting length, break, tables, meeting types and time zone. */
import { useId, useMemo, useState, type FormEvent } from 'react'
import { WEEKDAYS, type Language, type Weekday } from '../content/schema'
import { ConsoleApiError, consoleApi, type ConsoleMe } from './api'
import { describeFailure, type FailureMessage } from './failures'
import { formatIsoDate, timeZoneLabel } from './format'
import {
  COMMON_TIME_ZONES,
  MAX_BUFFER_MINUTES,
  MAX_RANGES_A_DAY,
  MAX_TABLES,
  MEETING_MODES,
  QUARTER_HOURS,
  SLOT_LENGTHS,
  draftOf,
  nextRange,
  sameHours,
  serverErrors,
  validateHours,
  type HoursDraft,
  type HoursErrors,
} from './hoursDraft'
import { useLanguage, useT } from './i18n'
import { useConsoleActions } from './store'
import ViewHeading from './ViewHeading'

type Notice = { kind: 'saved' | 'restored' } | { kind: 'invalid' } | { kind: 'failed'; failure: FailureMessage }

/** 2024-01-01 was a Monday: a fixed week to ask Intl for the weekdays' full names. */
function weekdayLongName(day: Weekday, language: Language): string {
  return new Intl.DateTimeFormat(language, { weekday: 'long', timeZone: 'UTC' }).format(Date.UTC(2024, 0, 1 + WEEKDAYS.indexOf(day), 12))
}

function zoneOffset(zone: string, language: Language): string {
  return new Intl.DateTimeFormat(language, { timeZone: zone, timeZoneName: 'shortOffset' }).formatToParts(Date.now()).find((p) => p.type === 'timeZoneName')?.value ?? ''
}

/** The selectable times, with a value that is not on the quarter hour (from the content pack) kept as it is. */
const timeOptions = (current: string) => (QUARTER_HOURS.includes(current) ? QUARTER_HOURS : [...QUARTER_HOURS, current].sort())

export default function HoursEditor({ me }: { me: ConsoleMe }) {
  const t = useT()
  const language = useLanguage()
  const actions = useConsoleActions()
  const ids = useId()
  const saved = useMemo(() => draftOf(me.exhibitor.availability), [me.exhibitor.availability])
  const [draft, setDraft] = useState<HoursDraft>(saved)
  const [errors, setErrors] = useState<HoursErrors>({})
  const [notice, setNotice] = useState<Notice | null>(null)
  const [saving, setSaving] = useState(false)
  const [dateToBlock, setDateToBlock] = useState('')
  const dirty = !sameHours(draft, saved)
  const dayNames = useMemo(() => Object.fromEntries(WEEKDAYS.map((d) => [d, weekdayLongName(d, language)])) as Record<Weekday, string>, [language])

  const edit = (change: (d: HoursDraft) => HoursDraft) => {
    setDraft((d) => change(d))
    setNotice(null)
  }
  const editDay = (day: Weekday, change: (ranges: HoursDraft['weeklyHours'][Weekday]) => HoursDraft['weeklyHours'][Weekday]) =>
    edit((d) => ({ ...d, weeklyHours: { ...d.weeklyHours, [day]: change(d.weeklyHours[day]) } }))

  const save = async (event: FormEvent) => {
    event.preventDefault()
    const checked = validateHours(draft)
    if (!checked.ok) {
      setErrors(checked.errors)
      setNotice({ kind: 'invalid' })
      return
    }
    setErrors({})
    setSaving(true)
    try {
      const availability = await consoleApi.saveAvailability(checked.availability)
      actions.updateMe((m) => ({ ...m, exhibitor: { ...m.exhibitor, availability } }))
      setDraft(draftOf(availability))
      setNotice({ kind: 'saved' })
    } catch (error) {
      if (error instanceof ConsoleApiError && error.code === 'invalid-body' && error.fields) {
        setErrors(serverErrors(error.fields))
        setNotice({ kind: 'invalid' })
      } else setNotice({ kind: 'failed', failure: describeFailure(error) })
    } finally {
      setSaving(false)
    }
  }

  const blockDate = () => {
    if (!/^\d{4}-\d{2}-\d{2}$/.test(dateToBlock)) return
    edit((d) => ({ ...d, blackoutDates: [...new Set([...d.blackoutDates, dateToBlock])].sort() }))
    setDateToBlock('')
  }

  const errorText = (key: string) => errors[key] && t(errors[key])
  const describedBy = (key: string) => (errors[key] ? `${ids}-${key.replace(/\./g, '-')}-error` : undefined)
  const errorLine = (field: string) =>
    errors[field] ? (
      <p id={describedBy(field)} className="field-error">
        {errorText(field)}
      </p>
    ) : null

  const zones = [...new Set([draft.timeZone, ...COMMON_TIME_ZONES])]
  const bufferChoices = [...new Set([draft.bufferMinutes, ...Array.from({ length: MAX_BUFFER_MINUTES / 5 + 1 }, (_, i) => i * 5)])].sort((a, b) => a - b)

  return (
    <>
      <ViewHeading>{t('hours.heading')}</ViewHeading>
      <p className="hours-intro">{t('hours.intro')}</p>
      <form className="hours-form" onSubmit={save} noValidate>
        <div className="field hours-zone">
          <label htmlFor={`${ids}-zone`}>{t('hours.timeZone')}</label>
          <select
            id={`${ids}-zone`}
            value={draft.timeZone}
            onChange={(e) => edit((d) => ({ ...d, timeZone: e.target.value }))}
            aria-invalid={errors.timeZone ? true : undefined}
            aria-describedby={describedBy('timeZone')}
          >
            {zones.map((zone) => (
              <option key={zone} value={zone}>
                {zone.replace(/_/g, ' ')} — {timeZoneLabel(zone, language)} ({zoneOffset(zone, language)})
              </option>
            ))}
          </select>
          {errorLine('timeZone')}
        </div>

        <fieldset className="hours-week">
          <legend>{t('hours.weekly')}</legend>
          {WEEKDAYS.map((day) => {
            const ranges = draft.weeklyHours[day]
            return (
              <fieldset key={day} className="hours-day">
                <legend>{dayNames[day]}</legend>
                {ranges.length === 0 && <p className="hours-closed">{t('hours.closed')}</p>}
                <ul className="hours-ranges">
                  {ranges.map((range, index) => {
                    const key = `weeklyHours.${day}.${index}`
                    const number = index + 1
                    return (
                      <li key={index} className={errors[key] ? 'has-error' : undefined}>
                        <div className="hours-range">
                          <label className="visually-hidden" htmlFor={`${ids}-${day}-${index}-from`}>
                            {t('hours.from', { day: dayNames[day], number })}
                          </label>
                          <select
                            id={`${ids}-${day}-${index}-from`}
                            value={range.from}
                            onChange={(e) => editDay(day, (rs) => rs.map((r, i) => (i === index ? { ...r, from: e.target.value } : r)))}
                            aria-invalid={errors[key] ? true : undefined}
                            aria-describedby={describedBy(key)}
                          >
                            {timeOptions(range.from).map((time) => (
                              <option key={time}>{time}</option>
                            ))}
                          </select>
                          <span aria-hidden="true">–</span>
                          <label className="visually-hidden" htmlFor={`${ids}-${day}-${index}-to`}>
                            {t('hours.to', { day: dayNames[day], number })}
                          </label>
                          <select
                            id={`${ids}-${day}-${index}-to`}
                            value={range.to}
                            onChange={(e) => editDay(day, (rs) => rs.map((r, i) => (i === index ? { ...r, to: e.target.value } : r)))}
                            aria-invalid={errors[key] ? true : undefined}
                            aria-describedby={describedBy(key)}
                          >
                            {timeOptions(range.to).map((time) => (
                              <option key={time}>{time}</option>
                            ))}
                          </select>
                          <button
                            type="button"
                            className="icon-button hours-remove"
                            aria-label={t('hours.remove', { day: dayNames[day], from: range.from, to: range.to })}
                            onClick={() => editDay(day, (rs) => rs.filter((_, i) => i !== index))}
                          >
                            ×
                          </button>
                        </div>
                        {errorLine(key)}
                      </li>
                    )
                  })}
                </ul>
                {errorLine(`weeklyHours.${day}`)}
                {ranges.length < MAX_RANGES_A_DAY ? (
                  <button type="button" className="button-quiet hours-add" aria-label={t('hours.add', { day: dayNames[day] })} onClick={() => editDay(day, (rs) => [...rs, nextRange(rs)])}>
                    + {t('hours.addShort')}
                  </button>
                ) : (
                  <p className="hint">{t('hours.maxRanges')}</p>
                )}
              </fieldset>
            )
          })}
        </fieldset>

        <fieldset className="hours-blocked">
          <legend>{t('hours.blocked')}</legend>
          <p className="hint">{t('hours.blockedHint')}</p>
          {draft.blackoutDates.length === 0 ? (
            <p className="hours-closed">{t('hours.blockedNone')}</p>
          ) : (
            <ul className="hours-blocked-list">
              {draft.blackoutDates.map((date) => (
                <li key={date}>
                  <span>{formatIsoDate(date, language, { weekday: 'short', year: 'numeric', month: 'short', day: 'numeric' })}</span>
                  <button
                    type="button"
                    className="icon-button small"
                    aria-label={t('hours.blockedRemove', { date })}
                    onClick={() => edit((d) => ({ ...d, blackoutDates: d.blackoutDates.filter((x) => x !== date) }))}
                  >
                    ×
                  </button>
                </li>
              ))}
            </ul>
          )}
          {errorLine('blackoutDates')}
          <div className="hours-block-add">
            <div className="field">
              <label htmlFor={`${ids}-block`}>{t('hours.blockedDate')}</label>
              <input id={`${ids}-block`} type="date" value={dateToBlock} onChange={(e) => setDateToBlock(e.target.value)} />
            </div>
            <button type="button" onClick={blockDate} disabled={!dateToBlock}>
              {t('hours.blockedAdd')}
            </button>
          </div>
        </fieldset>

        <fieldset className="hours-meetings">
          <legend>{t('hours.meetings')}</legend>
          <div className="hours-grid">
            <div className="field">
              <label htmlFor={`${ids}-length`}>{t('hours.slotLength')}</label>
              <select
                id={`${ids}-length`}
                value={draft.slotMinutes}
                onChange={(e) => edit((d) => ({ ...d, slotMinutes: Number(e.target.value) as HoursDraft['slotMinutes'] }))}
                aria-describedby={describedBy('slotMinutes')}
              >
                {SLOT_LENGTHS.map((length) => (
                  <option key={length} value={length}>
                    {t('hours.minutes', { count: length })}
                  </option>
                ))}
              </select>
              {errorLine('slotMinutes')}
            </div>
            <div className="field">
              <label htmlFor={`${ids}-buffer`}>{t('hours.buffer')}</label>
              <select
                id={`${ids}-buffer`}
                value={draft.bufferMinutes}
                onChange={(e) => edit((d) => ({ ...d, bufferMinutes: Number(e.target.value) }))}
                aria-describedby={describedBy('bufferMinutes')}
              >
                {bufferChoices.map((minutes) => (
                  <option key={minutes} value={minutes}>
                    {t('hours.minutes', { count: minutes })}
                  </option>
                ))}
              </select>
              {errorLine('bufferMinutes')}
            </div>
            <div className="field">
              <label htmlFor={`${ids}-tables`}>{t('hours.tables')}</label>
              <select
                id={`${ids}-tables`}
                value={draft.parallelTables}
                onChange={(e) => edit((d) => ({ ...d, parallelTables: Number(e.target.value) }))}
                aria-describedby={`${ids}-tables-hint${errors.parallelTables ? ` ${describedBy('parallelTables')}` : ''}`}
              >
                {Array.from({ length: MAX_TABLES }, (_, i) => i + 1).map((count) => (
                  <option key={count} value={count}>
                    {count}
                  </option>
                ))}
              </select>
              <p id={`${ids}-tables-hint`} className="hint">
                {t('hours.tablesHint')}
              </p>
              {errorLine('parallelTables')}
            </div>
          </div>
          <fieldset className="hours-modes" aria-describedby={describedBy('modes')}>
            <legend>{t('hours.modes')}</legend>
            {MEETING_MODES.map((mode) => (
              <label key={mode} className="hours-mode">
                <input
                  type="checkbox"
                  checked={draft.modes.includes(mode)}
                  onChange={(e) => edit((d) => ({ ...d, modes: MEETING_MODES.filter((m) => (m === mode ? e.target.checked : d.modes.includes(m))) }))}
                />
                {t(`hours.mode.${mode}`)}
              </label>
            ))}
            {errorLine('modes')}
          </fieldset>
        </fieldset>

        <div className="hours-actions">
          <button type="submit" className="button-primary" disabled={saving} aria-busy={saving}>
            {saving ? t('hours.saving') : t('hours.save')}
          </button>
          <button type="button" onClick={() => { setDraft(saved); setErrors({}); setNotice(null) }} disabled={!dirty || saving}>
            {t('hours.undo')}
          </button>
          <button
            type="button"
            className="button-quiet"
            onClick={() => {
              setDraft(draftOf(me.exhibitor.packAvailability))
              setErrors({})
              setNotice({ kind: 'restored' })
            }}
            disabled={saving}
          >
            {t('hours.restore')}
          </button>
          {dirty && notice?.kind !== 'invalid' && <span className="hours-dirty">{t('hours.unsaved')}</span>}
        </div>
        <div aria-live="polite">
          {notice?.kind === 'saved' && <p className="hours-saved">{t('hours.saved')}</p>}
          {notice?.kind === 'restored' && <p className="hint">{t('hours.restored')}</p>}
        </div>
        {notice?.kind === 'invalid' && (
          <p className="refusal" role="alert">
            {t('hours.invalid')}
          </p>
        )}
        {notice?.kind === 'failed' && (
          <p className="refusal" role="alert">
            {t(notice.failure.key, notice.failure.params)}
          </p>
        )}
      </form>
    </>
  )
}
