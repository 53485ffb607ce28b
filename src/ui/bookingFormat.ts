/** Shared by the booking picker, agenda and booth panel: slot times in both zones, refusals, calendar files. */
import { bookingsToIcs, icsFileName, ICS_MIME_TYPE } from '../booking/ics'
import { formatSlotTimes } from '../booking/slots'
import type { Booking, Refusal, Slot } from '../booking/types'
import type { ContentPack, Language } from '../content/schema'
import type { MessageKey } from '../i18n/messages'
import { icsLabels, sessionIcsLabels } from '../i18n/icsLabels'
import type { LiveSession } from '../live/sessions'
import { localized, translate } from '../i18n/translate'

type SlotLike = Pick<Slot, 'start' | 'end' | 'timeZone'>

/** "10:00 your time · 17:00 Beijing" (plus the exhibitor's date when it falls on another day). */
export function describeSlotTimes(slot: SlotLike, visitorTimeZone: string, language: Language) {
  const times = formatSlotTimes(slot, visitorTimeZone, slot.timeZone, language)
  const visitor = times.visitorRepeated ? `${times.visitor} (${times.visitorOffset})` : times.visitor
  const exhibitor =
    (times.exhibitorRepeated ? `${times.exhibitor} (${times.exhibitorOffset})` : times.exhibitor) +
    (times.exhibitorDayShift !== 0 ? translate(language, 'booking.slotDayShift', { date: times.exhibitorDate }) : '')
  const sameZone = visitorTimeZone === slot.timeZone
  return {
    ...times,
    /** One line for lists; a single time when both zones agree. */
    line: sameZone
      ? `${visitor} ${times.visitorZoneLabel}`
      : translate(language, 'booking.slotTimes', { visitor, exhibitor, zone: times.exhibitorZoneLabel }),
  }
}

/** When a pending request's hold runs out, in the visitor's clock: "Tue, Dec 1, 10:00". */
export function holdLabel(holdExpiresAt: number, visitorTimeZone: string, language: Language): string {
  const times = formatSlotTimes({ start: holdExpiresAt, end: holdExpiresAt }, visitorTimeZone, visitorTimeZone, language)
  return `${times.visitorDate} ${times.visitor}`
}

export function exhibitorNameOf(pack: ContentPack, language: Language) {
  const names = new Map(pack.exhibitors.map((e) => [e.id, localized(e.name, language)]))
  return (id: string) => names.get(id) ?? id
}

/** A refusal as one sentence in the visitor's language; the clash names the booking it overlaps. */
export function describeRefusal(refusal: Refusal, language: Language, pack: ContentPack, visitorTimeZone: string): string {
  const key = `booking.refusal.${refusal.code}` as MessageKey
  switch (refusal.code) {
    case 'visitor-overlap': {
      const clash = refusal.clash
      const times = formatSlotTimes(clash, visitorTimeZone, clash.exhibitorTimeZone, language)
      return translate(language, key, {
        time: `${times.visitorDate} ${times.visitor}`,
        exhibitor: exhibitorNameOf(pack, language)(clash.exhibitorId),
        code: clash.confirmationCode,
      })
    }
    case 'exhibitor-limit':
      return translate(language, key, { limit: refusal.limit })
    case 'daily-limit':
      return translate(language, key, { limit: refusal.limit, day: refusal.day })
    case 'invalid-time-zone':
      return translate(language, key, { timeZone: refusal.timeZone })
    case 'bad-request':
      return translate(language, key, { message: refusal.message })
    default:
      return translate(language, key)
  }
}

/** Saves bookings (and the live sessions kept in the agenda) as an .ics file the visitor's calendar app imports. */
export function downloadCalendar(bookings: Booking[], pack: ContentPack, language: Language, sessions: readonly LiveSession[] = [], withdrawnSessions?: ReadonlySet<string>) {
  const exhibitorName = exhibitorNameOf(pack, language)
  const text = bookingsToIcs(bookings, {
    exhibitorName,
    venue: localized(pack.event.venue, language),
    language,
    labels: icsLabels(language),
    sessions,
    withdrawnSessions,
    sessionLabels: sessionIcsLabels(language, exhibitorName),
  })
  const url = URL.createObjectURL(new Blob([text], { type: ICS_MIME_TYPE }))
  const link = document.createElement('a')
  link.href = url
  link.download = icsFileName(bookings.length === 1 && sessions.length === 0 ? bookings[0] : undefined)
  document.body.append(link)
  link.click()
  link.remove()
  setTimeout(() => URL.revokeObjectURL(url), 10_000)
}

/** Table ids are 'table-7': visitors read "7". */
export const tableNumber = (tableId: string) => tableId.replace(/^table-/, '')
