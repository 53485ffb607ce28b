/** The booking picker: a day, then a time (both clocks shown), the visitor's details once, a topic, then a code. */
import { useEffect, useMemo, useRef, useState } from 'react'
import { bookableWindow, groupSlotsByVisitorDay } from '../booking/slots'
import { validateProfile, validateTopic } from '../booking/rules'
import type { Booking, ProfileField, Slot, VisitorProfile } from '../booking/types'
import { VISITOR_ROLES } from '../booking/types'
import type { MessageKey } from '../i18n/messages'
import { localized, useTranslate } from '../i18n/translate'
import { bookingBackend } from '../state/bookings/bookingService'
import { useExpoActions, useExpoStore } from '../state/store'
import { describeRefusal, describeSlotTimes, downloadCalendar, tableNumber } from './bookingFormat'
import TimeZoneSelect from './TimeZoneSelect'

type Step = 'pick' | 'details' | 'done'

const EMPTY_PROFILE: VisitorProfile = { name: '', company: '', email: '', phone: '', role: 'buyer' }

export default function BookingDialog() {
  const picker = useExpoStore((s) => s.bookingPicker)
  if (!picker) return null
  // Keyed so a new exhibitor or reschedule starts a fresh picker.
  return <BookingPicker key={`${picker.exhibitorId}/${picker.rescheduling?.id ?? 'new'}`} />
}

function BookingPicker() {
  const t = useTranslate()
  const language = useExpoStore((s) => s.language)
  const pack = useExpoStore((s) => s.pack)!
  const picker = useExpoStore((s) => s.bookingPicker)!
  const visitorTimeZone = useExpoStore((s) => s.visitorTimeZone)
  const savedProfile = useExpoStore((s) => s.profile)
  const bookings = useExpoStore((s) => s.bookings)
  const actions = useExpoActions()
  const exhibitor = pack.exhibitors.find((e) => e.id === picker.exhibitorId)!
  const name = localized(exhibitor.name, language)

  const [slots, setSlots] = useState<Slot[] | null>(null)
  const [day, setDay] = useState<string | null>(null)
  const [slot, setSlot] = useState<Slot | null>(null)
  const [step, setStep] = useState<Step>('pick')
  const [editingProfile, setEditingProfile] = useState(!savedProfile)
  const [profile, setProfile] = useState<VisitorProfile>(savedProfile ?? EMPTY_PROFILE)
  const [fieldErrors, setFieldErrors] = useState<Partial<Record<ProfileField | 'topic', string>>>({})
  const [topic, setTopic] = useState(picker.rescheduling?.topic ?? '')
  const [refusal, setRefusal] = useState<string | null>(null)
  const [working, setWorking] = useState(false)
  const [confirmed, setConfirmed] = useState<Booking | null>(null)
  const heading = useRef<HTMLHeadingElement>(null)

  // Free slots are computed when the picker opens, and again whenever bookings change (here or in another tab).
  useEffect(() => {
    let current = true
    bookingBackend()
      .freeSlots(exhibitor.id, { ...bookableWindow(Date.now()), visitorTimeZone })
      .then((next) => current && setSlots(next.ok ? next.slots : []))
    return () => {
      current = false
    }
  }, [exhibitor.id, visitorTimeZone, bookings])

  useEffect(() => {
    const returnTo = document.activeElement as HTMLElement | null
    heading.current?.focus()
    return () => returnTo?.focus?.()
  }, [])
  useEffect(() => heading.current?.focus(), [step])

  const days = useMemo(() => groupSlotsByVisitorDay(slots ?? [], visitorTimeZone), [slots, visitorTimeZone])
  const shownDay = days.find((d) => d.date === day) ?? days[0]
  const close = () => actions.closeBooking()

  const confirm = async () => {
    setRefusal(null)
    const errors: typeof fieldErrors = {}
    const checkedProfile = validateProfile(profile)
    if (!checkedProfile.ok) Object.assign(errors, checkedProfile.fields)
    const checkedTopic = validateTopic(topic)
    if (!checkedTopic.ok) errors.topic = checkedTopic.message
    setFieldErrors(errors)
    if (!checkedProfile.ok || !checkedTopic.ok || !slot) return
    actions.saveProfile(checkedProfile.profile)
    setEditingProfile(false)
    setWorking(true)
    const result = picker.rescheduling
      ? await actions.rescheduleBooking(picker.rescheduling.id, slot)
      : await actions.book(slot, checkedTopic.topic)
    setWorking(false)
    if (result.ok) {
      setConfirmed(result.booking)
      setStep('done')
      actions.notify({ kind: 'info', key: 'notice.booked', params: { code: result.booking.confirmationCode } })
    } else {
      setRefusal(describeRefusal(result.refusal, language, pack, visitorTimeZone))
      if (result.refusal.code === 'invalid-profile') setFieldErrors(result.refusal.fields)
      if (['slot-full', 'not-a-slot', 'too-soon', 'past', 'no-table'].includes(result.refusal.code)) setSlot(null)
    }
  }

  const title = t(picker.rescheduling ? 'booking.rescheduleTitle' : 'booking.title', { name })
  const previous = picker.rescheduling
    ? describeSlotTimes({ ...picker.rescheduling, timeZone: picker.rescheduling.exhibitorTimeZone }, visitorTimeZone, language)
    : null
  const confirmedTimes = confirmed
    ? describeSlotTimes({ ...confirmed, timeZone: confirmed.exhibitorTimeZone }, visitorTimeZone, language)
    : null
  return (
    <div className="dialog-backdrop" onClick={close}>
      <div className="dialog booking-dialog" role="dialog" aria-modal="true" aria-labelledby="booking-title" onClick={(e) => e.stopPropagation()}>
        <div className="dialog-header">
          <h2 id="booking-title" tabIndex={-1} ref={heading}>
            {step === 'done' ? t('booking.confirmedTitle') : title}
          </h2>
          <button type="button" className="icon-button" aria-label={t('booking.close')} onClick={close}>
            ×
          </button>
        </div>

        {step !== 'done' && <TimeZoneSelect />}
        {previous && step !== 'done' && (
          <p className="hint">{t('booking.rescheduleNote', { time: `${previous.visitorDate} ${previous.visitor}` })}</p>
        )}

        {step === 'pick' && (
          <>
            {slots === null && <p role="status">{t('booking.loading')}</p>}
            {slots !== null && days.length === 0 && <p role="status">{t('booking.noSlots')}</p>}
            {days.length > 0 && (
              <>
                <h3 id="booking-days">{t('booking.days')}</h3>
                <div className="day-list" role="group" aria-labelledby="booking-days">
                  {days.map((d) => {
                    const label = describeSlotTimes(d.slots[0], visitorTimeZone, language).visitorDate
                    return (
                      <button
                        key={d.date}
                        type="button"
                        aria-pressed={d.date === shownDay?.date}
                        onClick={() => setDay(d.date)}
                      >
                        <span>{label}</span>
                        <small>{t('booking.slotCount', { count: d.slots.length })}</small>
                      </button>
                    )
                  })}
                </div>
                <h3 id="booking-slots">{t('booking.slots')}</h3>
                <ul className="slot-list" aria-labelledby="booking-slots">
                  {shownDay?.slots.map((s) => (
                    <li key={s.id}>
                      <button
                        type="button"
                        className="slot-button"
                        onClick={() => {
                          setSlot(s)
                          setRefusal(null)
                          setStep('details')
                        }}
                      >
                        <span className="slot-time">{describeSlotTimes(s, visitorTimeZone, language).line}</span>
                        <span className="slot-meta">
                          {t(`booking.mode.${s.mode}`)} · {t('booking.tablesLeft', { count: s.tablesLeft })}
                        </span>
                      </button>
                    </li>
                  ))}
                </ul>
              </>
            )}
          </>
        )}

        {step === 'details' && slot && (
          <form
            className="booking-form"
            noValidate
            onSubmit={(e) => {
              e.preventDefault()
              void confirm()
            }}
          >
            <p className="chosen-slot">
              <strong>{describeSlotTimes(slot, visitorTimeZone, language).visitorDate}</strong>{' '}
              {describeSlotTimes(slot, visitorTimeZone, language).line} · {t(`booking.mode.${slot.mode}`)}{' '}
              <button type="button" className="button-link" onClick={() => setStep('pick')}>
                {t('booking.back')}
              </button>
            </p>
            {editingProfile ? (
              <fieldset>
                <legend>{t('booking.profileTitle')}</legend>
                <p className="hint">{t('booking.profileNote')}</p>
                {(['name', 'company', 'email', 'phone'] as const).map((field) => (
                  <Field
                    key={field}
                    field={field}
                    label={t(`booking.profile.${field}`)}
                    value={profile[field] ?? ''}
                    error={fieldErrors[field] ? t(fieldErrors[field] as MessageKey) : undefined}
                    type={field === 'email' ? 'email' : field === 'phone' ? 'tel' : 'text'}
                    autoComplete={field === 'name' ? 'name' : field === 'company' ? 'organization' : field === 'email' ? 'email' : 'tel'}
                    onChange={(value) => setProfile({ ...profile, [field]: value })}
                  />
                ))}
                <div className="field">
                  <label htmlFor="profile-role">{t('booking.profile.role')}</label>
                  <select id="profile-role" value={profile.role} onChange={(e) => setProfile({ ...profile, role: e.target.value as VisitorProfile['role'] })}>
                    {VISITOR_ROLES.map((role) => (
                      <option key={role} value={role}>
                        {t(`booking.role.${role}`)}
                      </option>
                    ))}
                  </select>
                </div>
              </fieldset>
            ) : (
              <p className="profile-summary">
                {profile.name} · {profile.company} · {profile.email}{' '}
                <button type="button" className="button-link" onClick={() => setEditingProfile(true)}>
                  {t('booking.profileEdit')}
                </button>
              </p>
            )}
            {!picker.rescheduling && (
              <Field
                field="topic"
                label={t('booking.topic')}
                value={topic}
                multiline
                placeholder={t('booking.topicHint')}
                error={fieldErrors.topic ? t(fieldErrors.topic as MessageKey) : undefined}
                onChange={setTopic}
              />
            )}
            {refusal && (
              <p className="refusal" role="alert">
                {refusal}
              </p>
            )}
            <div className="dialog-actions">
              <button type="submit" className="button-primary" disabled={working}>
                {working ? t('booking.working') : t(picker.rescheduling ? 'booking.confirmReschedule' : 'booking.confirm')}
              </button>
            </div>
          </form>
        )}

        {step === 'done' && confirmed && confirmedTimes && (
          <div className="booking-done">
            <p className="confirmation-code">
              {t('booking.confirmedCode')}: <strong>{confirmed.confirmationCode}</strong>
            </p>
            <p>
              {name} · {confirmedTimes.visitorDate} {confirmedTimes.line}
            </p>
            <p>
              {t(confirmed.mode === 'online' ? 'agenda.online' : 'agenda.onSite')} ·{' '}
              {t('booking.confirmedTable', { table: tableNumber(confirmed.tableId) })}
            </p>
            <div className="dialog-actions">
              <button type="button" onClick={() => downloadCalendar([confirmed], pack, language)}>
                {t('booking.addToCalendar')}
              </button>
              <button
                type="button"
                className="button-primary"
                onClick={() => {
                  close()
                  actions.setAgendaOpen(true)
                }}
              >
                {t('booking.openAgenda')}
              </button>
            </div>
          </div>
        )}
      </div>
    </div>
  )
}

interface FieldProps {
  field: string
  label: string
  value: string
  error?: string
  type?: string
  autoComplete?: string
  placeholder?: string
  multiline?: boolean
  onChange(value: string): void
}

function Field({ field, label, value, error, type = 'text', autoComplete, placeholder, multiline, onChange }: FieldProps) {
  const id = `booking-${field}`
  const props = {
    id,
    value,
    placeholder,
    'aria-invalid': error ? true : undefined,
    'aria-describedby': error ? `${id}-error` : undefined,
  }
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      {multiline ? (
        <textarea {...props} rows={2} onChange={(e) => onChange(e.target.value)} />
      ) : (
        <input {...props} type={type} autoComplete={autoComplete} onChange={(e) => onChange(e.target.value)} />
      )}
      {error && (
        <p id={`${id}-error`} className="field-error">
          {error}
        </p>
      )}
    </div>
  )
}
