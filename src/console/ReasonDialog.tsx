/** Declining a request or cancelling a meeting: both need a reason the visitor reads (required, at most 500 characters). */
import { useId, useState, type FormEvent } from 'react'
import type { ConsoleBooking } from '../booking/api'
import { consoleApi, performChange } from './api'
import { bookingCardId, focusBookingCard } from './cardFocus'
import { describeFailure, type FailureMessage } from './failures'
import { meetingWhen } from './format'
import { useLanguage, useT } from './i18n'
import Modal from './Modal'
import { useConsoleActions } from './store'

export const REASON_MAX_LENGTH = 500

interface ReasonDialogProps {
  booking: ConsoleBooking
  action: 'decline' | 'cancel'
  onClose(): void
}

export default function ReasonDialog({ booking, action, onClose }: ReasonDialogProps) {
  const t = useT()
  const language = useLanguage()
  const actions = useConsoleActions()
  const fieldId = useId()
  const [reason, setReason] = useState('')
  const [fieldError, setFieldError] = useState<FailureMessage | null>(null)
  const [failure, setFailure] = useState<FailureMessage | null>(null)
  const [working, setWorking] = useState(false)
  const when = meetingWhen(booking, language)

  const submit = async (event: FormEvent) => {
    event.preventDefault()
    const trimmed = reason.trim()
    if (!trimmed) return setFieldError({ key: 'reason.required' })
    if (trimmed.length > REASON_MAX_LENGTH) return setFieldError({ key: 'reason.tooLong' })
    setFieldError(null)
    setFailure(null)
    setWorking(true)
    try {
      const answered = await performChange(booking.id, `${action}\n${trimmed}`, (key) => consoleApi.answer(booking.id, action, { reason: trimmed }, key))
      actions.setFeedback(booking.id, { kind: 'done', key: action === 'decline' ? 'action.declined' : 'action.cancelled' })
      onClose()
      actions.applyBooking(answered)
      focusBookingCard(booking.id)
    } catch (error) {
      const described = describeFailure(error)
      if (described.key === 'reason.required' || described.key === 'reason.tooLong') setFieldError(described)
      else setFailure(described)
      setWorking(false)
    }
  }

  const errorId = `${fieldId}-error`
  const countId = `${fieldId}-count`
  return (
    <Modal
      title={t(action === 'decline' ? 'reason.declineTitle' : 'reason.cancelTitle')}
      onClose={onClose}
      fallbackFocus={() => document.getElementById(bookingCardId(booking.id))}
    >
      <p className="console-dialog-subject">
        {when.date} · {when.time} ({when.zone}) — {booking.topic}
      </p>
      <form onSubmit={submit} noValidate>
        <div className="field">
          <label htmlFor={fieldId}>{t('reason.label')}</label>
          <textarea
            id={fieldId}
            data-autofocus
            rows={4}
            maxLength={REASON_MAX_LENGTH}
            value={reason}
            onChange={(e) => setReason(e.target.value)}
            aria-invalid={fieldError ? true : undefined}
            aria-describedby={`${countId}${fieldError ? ` ${errorId}` : ''}`}
            required
          />
          <p id={countId} className="hint">
            {t('reason.count', { count: reason.trim().length })}
          </p>
          {fieldError && (
            <p id={errorId} className="field-error">
              {t(fieldError.key, fieldError.params)}
            </p>
          )}
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
          <button type="submit" className="button-primary" disabled={working} aria-busy={working}>
            {working ? t(action === 'decline' ? 'action.declining' : 'action.cancelling') : t(action === 'decline' ? 'reason.confirmDecline' : 'reason.confirmCancel')}
          </button>
        </div>
      </form>
    </Modal>
  )
}
