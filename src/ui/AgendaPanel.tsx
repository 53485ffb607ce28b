/**
 * My agenda: the visitor's negotiations by time with both clocks, code and table, and each one's state as the
 * exhibitor answers it (live); join, move, cancel, answer a proposed time, stop sharing details, export; and with
 * a server, the way to open this agenda on another device.
 */
import { lazy, Suspense, useEffect, useState } from 'react'
import { isLive, type Booking } from '../booking/types'
import { useTranslate } from '../i18n/translate'
import { bookingBackend } from '../state/bookings/bookingService'
import { useExpoActions, useExpoStore } from '../state/store'
import { describeRefusal, describeSlotTimes, downloadCalendar, exhibitorNameOf, holdLabel, tableNumber } from './bookingFormat'
import SidePanel from './SidePanel'
import AgendaSessions from './sessions/AgendaSessions'
import { useWithdrawnSessions } from './sessions/useProgramme'
import TimeZoneSelect from './TimeZoneSelect'

// with the live layer only: static hosting downloads none of the chat
const AgendaChat = lazy(() => import('./AgendaChat'))

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
  const server = useExpoStore((s) => s.bookingBackendKind === 'server')
  const connection = useExpoStore((s) => s.bookingConnection)
  const visitorTimeZone = useExpoStore((s) => s.visitorTimeZone)
  const agendaSessions = useExpoStore((s) => s.agendaSessions)
  const actions = useExpoActions()
  const now = useMinuteClock()
  const withdrawn = useWithdrawnSessions(now)
  if (!open || !pack) return null
  const sessionsAhead = agendaSessions.filter((s) => s.end > now)
  // What is still ahead, including the exhibitor's "no" (declined, cancelled, expired) with its reason: the
  // visitor must see an answer where the request was. What the visitor ended themselves, or what is over, folds away.
  const endedByVisitor = (b: Booking) => b.status === 'cancelled' && b.cancelledBy !== 'exhibitor'
  const ahead = bookings.filter((b) => b.end > now && !endedByVisitor(b) && !b.replacedBy).sort((a, b) => a.start - b.start)
  const live = ahead.filter((b) => isLive(b.status))
  // a booking moved elsewhere is told by its successor
  const closed = bookings.filter((b) => !ahead.includes(b) && !b.replacedBy).sort((a, b) => b.start - a.start)
  const synced = server ? bookingBackend().lastSynced?.() : null
  return (
    <SidePanel id="agenda" title={t('agenda.title')} className="agenda-panel" onClose={() => actions.setAgendaOpen(false)}>
      {!server && <p className="hint demo-note">{t('booking.demo')}</p>}
      {server && connection === 'offline' && (
        <p className="offline-note" role="status">
          {synced ? t('agenda.offline', { time: holdLabel(synced, visitorTimeZone, language) }) : t('agenda.offlineNever')}
        </p>
      )}
      <TimeZoneSelect />
      {bookings.length === 0 && <p>{t('agenda.empty')}</p>}
      {ahead.length > 0 && (
        <>
          <h3>{t('agenda.upcoming')}</h3>
          <ol className="agenda-list">
            {ahead.map((booking) => (
              <AgendaItem key={booking.id} booking={booking} now={now} />
            ))}
          </ol>
        </>
      )}
      <AgendaSessions />
      {(live.length > 0 || sessionsAhead.length > 0) && (
        <button type="button" onClick={() => downloadCalendar(live, pack, language, sessionsAhead, withdrawn)}>
          {t('agenda.exportAll')}
        </button>
      )}
      {closed.length > 0 && (
        <details className="agenda-past">
          <summary>{t('agenda.closed')}</summary>
          <ol className="agenda-list">
            {closed.map((booking) => (
              <AgendaItem key={booking.id} booking={booking} now={now} />
            ))}
          </ol>
        </details>
      )}
      {server && <OtherDevices />}
    </SidePanel>
  )
}

function AgendaItem({ booking, now }: { booking: Booking; now: number }) {
  const t = useTranslate()
  const pack = useExpoStore((s) => s.pack)!
  const language = useExpoStore((s) => s.language)
  const visitorTimeZone = useExpoStore((s) => s.visitorTimeZone)
  const server = useExpoStore((s) => s.bookingBackendKind === 'server')
  const liveAvailable = useExpoStore((s) => s.liveAvailable)
  const actions = useExpoActions()
  const [refusal, setRefusal] = useState<string | null>(null)
  const [working, setWorking] = useState(false)
  const exhibitor = exhibitorNameOf(pack, language)(booking.exhibitorId)
  const times = describeSlotTimes({ ...booking, timeZone: booking.exhibitorTimeZone }, visitorTimeZone, language)
  const when = `${times.visitorDate} ${times.visitor}`
  const active = isLive(booking.status) && booking.end > now
  const joinable = booking.status === 'confirmed' && booking.end > now && booking.meetingUrl && now >= booking.start - JOIN_LEAD_MS

  /** Runs one of the visitor's changes; whatever happens, the buttons come back and a refusal is said. */
  const run = async (change: () => Promise<{ ok: boolean; refusal?: Parameters<typeof describeRefusal>[0] }>, onDone?: () => void) => {
    setRefusal(null)
    setWorking(true)
    try {
      const result = await change()
      if (result.ok) onDone?.()
      else if (result.refusal) setRefusal(describeRefusal(result.refusal, language, pack, visitorTimeZone))
    } finally {
      setWorking(false)
    }
  }

  const ended = !isLive(booking.status)
  return (
    <li className={`agenda-item status-${booking.status}${ended ? ' is-cancelled' : ''}`} aria-label={`${exhibitor}, ${when}`}>
      <p className="agenda-when">
        <strong>{times.visitorDate}</strong> {times.line}
      </p>
      <p className="agenda-who">{exhibitor}</p>
      {(server || ended) && <StatusLine booking={booking} />}
      <p className="agenda-meta">
        {t(booking.mode === 'online' ? 'agenda.online' : 'agenda.onSite')} · {t('agenda.table', { table: tableNumber(booking.tableId) })} ·{' '}
        {t('agenda.code', { code: booking.confirmationCode })}
      </p>
      <p className="agenda-topic">{t('agenda.topic', { topic: booking.topic })}</p>
      {liveAvailable && (
        <Suspense fallback={null}>
          <AgendaChat exhibitorId={booking.exhibitorId} exhibitorName={exhibitor} />
        </Suspense>
      )}
      {booking.status === 'proposed' && active && (
        <div className="agenda-actions">
          <button
            type="button"
            className="button-primary"
            disabled={working}
            onClick={() => run(() => actions.answerProposal(booking.id, true), () => actions.notify({ kind: 'info', key: 'agenda.proposalAccepted.notice', params: { exhibitor } }))}
          >
            {t('agenda.acceptProposal')}
          </button>
          <button
            type="button"
            disabled={working}
            onClick={() => {
              if (window.confirm(t('agenda.declineProposalConfirm', { exhibitor, time: when }))) void run(() => actions.answerProposal(booking.id, false))
            }}
          >
            {t('agenda.declineProposal')}
          </button>
        </div>
      )}
      {booking.shareProfile && active && (
        <p className="agenda-consent">
          {t('agenda.shared')}{' '}
          <button
            type="button"
            className="button-link"
            disabled={working}
            onClick={() => {
              if (window.confirm(t('agenda.withdrawConfirm', { exhibitor })))
                void run(() => actions.withdrawConsent(booking.id), () => actions.notify({ kind: 'info', key: 'agenda.withdrawn.notice', params: { exhibitor } }))
            }}
          >
            {t('agenda.withdrawConsent')}
          </button>
        </p>
      )}
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
            {booking.status !== 'proposed' && (
              <button type="button" onClick={() => actions.requestReschedule(booking)}>
                {t('agenda.reschedule')}
              </button>
            )}
            {booking.status !== 'proposed' && (
              <button
                type="button"
                disabled={working}
                onClick={() => {
                  if (!window.confirm(t('agenda.cancelConfirm', { exhibitor, time: when }))) return
                  void run(() => actions.cancelBooking(booking.id), () => actions.notify({ kind: 'info', key: 'agenda.cancelled.notice', params: { exhibitor } }))
                }}
              >
                {t('agenda.cancel')}
              </button>
            )}
            <button type="button" onClick={() => downloadCalendar([booking], pack, language)}>
              {t('agenda.export')}
            </button>
          </>
        )}
      </div>
    </li>
  )
}

/** Where the booking stands, in words: waiting (until when), proposed instead of what, declined or cancelled and why. */
function StatusLine({ booking }: { booking: Booking }) {
  const t = useTranslate()
  const language = useExpoStore((s) => s.language)
  const visitorTimeZone = useExpoStore((s) => s.visitorTimeZone)
  const reason = booking.declineReason ?? (booking.cancelledBy === 'exhibitor' ? booking.cancelReason : undefined)
  const original =
    booking.status === 'proposed' && booking.originalStart !== undefined && booking.originalEnd !== undefined
      ? describeSlotTimes({ start: booking.originalStart, end: booking.originalEnd, timeZone: booking.exhibitorTimeZone }, visitorTimeZone, language)
      : null
  const label =
    booking.status === 'requested'
      ? t('agenda.status.requested', { time: booking.holdExpiresAt ? holdLabel(booking.holdExpiresAt, visitorTimeZone, language) : '' })
      : booking.status === 'cancelled'
        ? t(booking.cancelledBy === 'exhibitor' ? 'agenda.status.cancelledByExhibitor' : 'agenda.status.cancelled')
        : t(`agenda.status.${booking.status}`)
  return (
    <div className="agenda-status">
      <p>
        <span className={`status-chip status-${booking.status}`}>{label}</span>
      </p>
      {original && <p>{t('agenda.proposedInstead', { time: `${original.visitorDate} ${original.visitor}` })}</p>}
      {booking.status === 'proposed' && booking.proposalMessage && <p>{t('agenda.proposalMessage', { message: booking.proposalMessage })}</p>}
      {reason && <p>{t('agenda.reason', { reason })}</p>}
    </div>
  )
}

/** With a server: a private link, or a one-time link by mail, opens this agenda on the visitor's other devices. */
function OtherDevices() {
  const t = useTranslate()
  const language = useExpoStore((s) => s.language)
  const pack = useExpoStore((s) => s.pack)!
  const visitorTimeZone = useExpoStore((s) => s.visitorTimeZone)
  const savedEmail = useExpoStore((s) => s.profile?.email ?? '')
  const [link, setLink] = useState<string | null>(null)
  const [copied, setCopied] = useState(false)
  const [email, setEmail] = useState(savedEmail)
  const [sentTo, setSentTo] = useState<string | null>(null)
  const [failure, setFailure] = useState<string | null>(null)
  const [working, setWorking] = useState(false)
  const account = bookingBackend().account
  if (!account) return null
  const fail = (refusal: Parameters<typeof describeRefusal>[0]) => setFailure(t('account.failed', { reason: describeRefusal(refusal, language, pack, visitorTimeZone) }))
  return (
    <section className="other-devices" aria-labelledby="other-devices-title">
      <h3 id="other-devices-title">{t('account.title')}</h3>
      <p className="hint">{t('account.privateLinkIntro')}</p>
      {link && (
        <div className="field">
          <label htmlFor="private-link">{t('account.privateLinkLabel')}</label>
          <div className="copy-row">
            <input id="private-link" readOnly value={link} onFocus={(e) => e.currentTarget.select()} />
            <button
              type="button"
              onClick={() =>
                void navigator.clipboard?.writeText(link).then(
                  () => setCopied(true),
                  () => setCopied(false),
                )
              }
            >
              {copied ? t('account.copied') : t('account.copy')}
            </button>
          </div>
        </div>
      )}
      <button
        type="button"
        disabled={working}
        onClick={async () => {
          setFailure(null)
          setWorking(true)
          const result = await account.privateLink()
          setWorking(false)
          if (result.ok) {
            setLink(result.url)
            setCopied(false)
          } else fail(result.refusal)
        }}
      >
        {t(link ? 'account.privateLinkReplace' : 'account.privateLinkCreate')}
      </button>
      <form
        className="mail-link"
        onSubmit={async (e) => {
          e.preventDefault()
          setFailure(null)
          setWorking(true)
          const result = await account.mailSignInLink(email.trim())
          setWorking(false)
          if (result.ok) setSentTo(email.trim())
          else fail(result.refusal)
        }}
      >
        <p className="hint">{t('account.mailIntro')}</p>
        <div className="field">
          <label htmlFor="mail-link-email">{t('account.mailLabel')}</label>
          <input id="mail-link-email" type="email" autoComplete="email" required value={email} onChange={(e) => setEmail(e.target.value)} />
        </div>
        <button type="submit" disabled={working || email.trim() === ''}>
          {t('account.mailSend')}
        </button>
      </form>
      {sentTo && <p role="status">{t('account.mailSent', { email: sentTo })}</p>}
      {failure && (
        <p className="refusal" role="alert">
          {failure}
        </p>
      )}
    </section>
  )
}
