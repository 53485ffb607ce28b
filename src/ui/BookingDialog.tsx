/**
 * The booking picker: a day, then a time (both clocks shown), the visitor's details once, a topic, separate
 * consent to share them, then a code. The free times refresh live when someone else takes a table.
 */
import { useEffect, useMemo, useRef, useState } from 'react'
import { bookableWindow, groupSlotsByVisitorDay } from '../booking/slots'
import { validateProfile, validateTopic } from '../booking/rules'
import type { Booking, ProfileField, Refusal, Slot, VisitorProfile } from '../booking/types'
import { VISITOR_ROLES } from '../booking/types'
import type { MessageKey } from '../i18n/messages'
import { localized, useTranslate } from '../i18n/translate'
import { bookingBackend } from '../state/bookings/bookingService'
import { useExpoActions, useExpoStore } from '../state/store'
import { describeRefusal, describeSlotTimes, downloadCalendar, holdLabel, tableNumber } from './bookingFormat'
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
  const [slotsFailed, setSlotsFailed] = useState<Refusal | null>(null)
  const [slotsVersion, setSlotsVersion] = useState(0)
  const [autoAccept, setAutoAccept] = useState(false)
  const [shareProfile, setShareProfile] = useState(false)
  const [slotTaken, setSlotTaken] = useState(false)
  const server = useExpoStore((s) => s.bookingBackendKind === 'server')
  const offline = useExpoStore((s) => s.bookingConnection === 'offline')
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

  // Free slots are asked for when the picker opens, and again whenever bookings change: the visitor's own, in
  // another tab, or anyone's with this exhibitor (the backend's slots-changed event while the picker watches it).
  useEffect(() => {
    const backend = bookingBackend()
    const stopWatching = backend.watchSlots([exhibitor.id])
    const stopListening = backend.subscribe((event) => {
      if (event.type === 'slots-changed' && event.exhibitorId === exhibitor.id) setSlotsVersion((v) => v + 1)
    })
    return () => {
      stopListening()
      stopWatching()
    }
  }, [exhibitor.id])
  useEffect(() => {
    let current = true
    bookingBackend()
      .freeSlots(exhibitor.id, { ...bookableWindow(Date.now()), visitorTimeZone })
      .then((next) => {
        if (!current) return
        if (!next.ok) {
          // the last times shown stay up; the visitor is told why they may be out of date
          setSlotsFailed(next.refusal)
          return
        }
        setSlotsFailed(null)
        setSlots(next.slots)
        setAutoAccept(next.autoAccept === true)
      })
    return () => {
      current = false
    }
  }, [exhibitor.id, visitorTimeZone, bookings, slotsVersion])
  // A time staff proposed in the chat: chosen as soon as it is among the free slots (otherwise the visitor picks)
  const proposedApplied = useRef(false)
  useEffect(() => {
    const proposed = picker.proposed
    if (!proposed || !slots || proposedApplied.current) return
    proposedApplied.current = true
    const match = slots.find((s) => s.start === proposed.start && s.end === proposed.end && s.mode === proposed.mode)
    if (match) {
      setSlot(match)
      setStep('details')
    } else setSlotTaken(true)
  }, [picker.proposed, slots])
  // The chosen time was taken by someone else while the visitor filled in the form: back to the times, saying so.
  useEffect(() => {
    if (!slots || !slot || step !== 'details' || working) return
    if (!slots.some((s) => s.id === slot.id)) {
      setSlot(null)
      setSlotTaken(true)
      setStep('pick')
    }
  }, [slots, slot, step, working])

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
      : await actions.book(slot, checkedTopic.topic, { shareProfile })
    setWorking(false)
    if (result.ok) {
      setConfirmed(result.booking)
      setStep('done')
      actions.notify({ kind: 'info', key: result.booking.status === 'requested' ? 'notice.requestSent' : 'notice.booked', params: { code: result.booking.confirmationCode } })
    } else {
      setRefusal(describeRefusal(result.refusal, language, pack, visitorTimeZone))
      if (result.refusal.code === 'invalid-profile') setFieldErrors(result.refusal.fields)
      if (['slot-full', 'not-a-slot', 'too-soon', 'past', 'no-table'].includes(result.refusal.code)) {
        setSlot(null)
        setSlotTaken(result.refusal.code === 'slot-full' || result.refusal.code === 'no-table')
        setStep('pick')
        setSlotsVersion((v) => v + 1)
      }
    }
  }

  const title = t(picker.rescheduling ? 'booking.rescheduleTitle' : 'booking.title', { name })
  const requested = confirmed?.status === 'requested'
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
            {step === 'done' ? t(requested ? 'booking.requestSentTitle' : 'booking.confirmedTitle') : title}
          </h2>
          <button type="button" className="icon-button" aria-label={t('booking.close')} onClick={close}>
            ×
          </button>
        </div>

        {!server && step !== 'done' && <p className="hint demo-note">{t('booking.demo')}</p>}
        {server && offline && step !== 'done' && (
          <p className="refusal" role="alert">
            {t('booking.offline')}
          </p>
        )}
        {step !== 'done' && <TimeZoneSelect />}
        {previous && step !== 'done' && (
          <p className="hint">{t('booking.rescheduleNote', { time: `${previous.visitorDate} ${previous.visitor}` })}</p>
        )}

        {step === 'pick' && (
          <>
            {slotTaken && (
              <p className="refusal" role="alert">
                {t('booking.slotTaken')}
              </p>
            )}
            {slotsFailed && (
              <p className="refusal" role="alert">
                {t('booking.slotsFailed', { reason: describeRefusal(slotsFailed, language, pack, visitorTimeZone) })}{' '}
                <button type="button" className="button-link" onClick={() => setSlotsVersion((v) => v + 1)}>
                  {t('booking.retry')}
                </button>
              </p>
            )}
            {slots === null && !slotsFailed && <p role="status">{t('booking.loading')}</p>}
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
                          setSlotTaken(false)
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
                <p className="hint">{t(server ? 'booking.profileNoteServer' : 'booking.profileNote')}</p>
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
            {server && !picker.rescheduling && (
              <div className="field consent">
                <input id="booking-consent" type="checkbox" checked={shareProfile} onChange={(e) => setShareProfile(e.target.checked)} aria-describedby="booking-consent-detail" />
                <label htmlFor="booking-consent">{t('booking.consent.label', { exhibitor: name })}</label>
                <p id="booking-consent-detail" className="hint">
                  {t('booking.consent.detail', { exhibitor: name, contact: exhibitor.contact.email })}
                </p>
              </div>
            )}
            {refusal && (
              <p className="refusal" role="alert">
                {refusal}
              </p>
            )}
            <div className="dialog-actions">
              <button type="submit" className="button-primary" disabled={working || (server && offline)}>
                {working
                  ? t(server && !autoAccept ? 'booking.sending' : 'booking.working')
                  : t(picker.rescheduling ? 'booking.confirmReschedule' : server && !autoAccept ? 'booking.sendRequest' : 'booking.confirm')}
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
            {requested && confirmed.holdExpiresAt !== undefined && (
              <p className="hint">
                {t('booking.requestNote', { exhibitor: name, time: holdLabel(confirmed.holdExpiresAt, visitorTimeZone, language) })}
              </p>
            )}
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
