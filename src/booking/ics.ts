/** iCalendar (RFC 5545) export of negotiations, so a visitor's calendar app holds them with a reminder. */
import { formatSlotTimes } from './slots'
import { isLive, type Booking } from './types'

export const ICS_UID_DOMAIN = 'cloud-expo.wmc2021'
export const ICS_PRODID = '-//World Manufacturing Convention//Cloud Expo 2021//EN'

/** The words of the file; English by default, the UI passes its own language's. */
export interface IcsLabels {
  summary: (exhibitorName: string) => string
  topic: string
  confirmationCode: string
  yourTime: string
  exhibitorTime: string
  table: string
  meetingLink: string
  negotiationArea: string
  reminder: (exhibitorName: string) => string
  calendarName: string
}

export const ENGLISH_ICS_LABELS: IcsLabels = {
  summary: (name) => `Negotiation with ${name}`,
  topic: 'Topic',
  confirmationCode: 'Confirmation code',
  yourTime: 'Your time',
  exhibitorTime: 'Exhibitor’s time',
  table: 'Negotiation-area table',
  meetingLink: 'Meeting link',
  negotiationArea: 'Negotiation area',
  reminder: (name) => `Negotiation with ${name} starts in 15 minutes`,
  calendarName: 'WMC 2021 Cloud Expo negotiations',
}

export interface IcsOptions {
  exhibitorName: (exhibitorId: string) => string
  /** The venue's name, for on-site meetings' location. */
  venue?: string
  /** DTSTAMP: when the file was made; defaults to now. */
  stamp?: number
  /** Language of the times in the description. */
  language?: string
  labels?: Partial<IcsLabels>
  /** Export cancelled bookings too (STATUS:CANCELLED), so a calendar that imported them can drop them. */
  includeCancelled?: boolean
}

/** RFC 5545 TEXT escaping: backslash first, so the escapes added after it stay single. */
export function escapeIcsText(value: string): string {
  return value.replace(/\\/g, '\\\\').replace(/;/g, '\\;').replace(/,/g, '\\,').replace(/\r\n|\r|\n/g, '\\n')
}

const utf8Length = (codePoint: number) => (codePoint < 0x80 ? 1 : codePoint < 0x800 ? 2 : codePoint < 0x10000 ? 3 : 4)

/** Folds a content line into chunks of at most 75 octets, never splitting a UTF-8 character. */
export function foldIcsLine(line: string): string {
  const chunks: string[] = []
  let current = ''
  let octets = 0
  let limit = 75
  for (const char of line) {
    const length = utf8Length(char.codePointAt(0)!)
    if (octets + length > limit) {
      chunks.push(current)
      current = ''
      octets = 0
      limit = 74 // continuation lines start with a space, which counts
    }
    current += char
    octets += length
  }
  chunks.push(current)
  return chunks.join('\r\n ')
}

/** UTC date-time form: 20271114T020000Z. */
export function icsUtc(ms: number): string {
  return new Date(ms).toISOString().replace(/[-:]/g, '').replace(/\.\d{3}/, '')
}

export function icsUid(booking: Pick<Booking, 'id'>): string {
  return `${booking.id}@${ICS_UID_DOMAIN}`
}

function eventLines(booking: Booking, options: IcsOptions, labels: IcsLabels, stamp: number): string[] {
  const name = options.exhibitorName(booking.exhibitorId)
  const times = formatSlotTimes(booking, booking.visitorTimeZone, booking.exhibitorTimeZone, options.language ?? 'en')
  const description = [
    `${labels.topic}: ${booking.topic}`,
    `${labels.confirmationCode}: ${booking.confirmationCode}`,
    `${labels.yourTime}: ${times.visitorDate} ${times.visitor}–${times.visitorEnd} (${booking.visitorTimeZone}, ${times.visitorOffset})`,
    `${labels.exhibitorTime}: ${times.exhibitorDate} ${times.exhibitor}–${times.exhibitorEnd} (${booking.exhibitorTimeZone}, ${times.exhibitorOffset})`,
    `${labels.table}: ${booking.tableId}`,
    ...(booking.meetingUrl ? [`${labels.meetingLink}: ${booking.meetingUrl}`] : []),
  ].join('\n')
  const location =
    booking.mode === 'online' && booking.meetingUrl
      ? booking.meetingUrl
      : [`${labels.negotiationArea} ${booking.tableId}`, options.venue].filter(Boolean).join(', ')
  // a pending request or proposal is tentative until the exhibitor (or the visitor) says yes
  const status = booking.status === 'confirmed' ? 'CONFIRMED' : isLive(booking.status) ? 'TENTATIVE' : 'CANCELLED'
  return [
    'BEGIN:VEVENT',
    `UID:${icsUid(booking)}`,
    `DTSTAMP:${icsUtc(stamp)}`,
    `DTSTART:${icsUtc(booking.start)}`,
    `DTEND:${icsUtc(booking.end)}`,
    // a cancelled export must outrank the tentative or confirmed one a calendar already holds
    `SEQUENCE:${status === 'CANCELLED' ? 2 : status === 'CONFIRMED' ? 1 : 0}`,
    `SUMMARY:${escapeIcsText(labels.summary(name))}`,
    `DESCRIPTION:${escapeIcsText(description)}`,
    `LOCATION:${escapeIcsText(location)}`,
    ...(booking.mode === 'online' && booking.meetingUrl ? [`URL:${booking.meetingUrl}`] : []),
    `STATUS:${status}`,
    'BEGIN:VALARM',
    'ACTION:DISPLAY',
    'TRIGGER:-PT15M',
    `DESCRIPTION:${escapeIcsText(labels.reminder(name))}`,
    'END:VALARM',
    'END:VEVENT',
  ]
}

/** One calendar file holding the given live bookings (and the ended ones with `includeCancelled`), in time order. */
export function bookingsToIcs(bookings: readonly Booking[], options: IcsOptions): string {
  const labels = { ...ENGLISH_ICS_LABELS, ...options.labels }
  const stamp = options.stamp ?? Date.now()
  const events = bookings
    .filter((b) => options.includeCancelled || isLive(b.status))
    .sort((a, b) => a.start - b.start)
    .flatMap((b) => eventLines(b, options, labels, stamp))
  const lines = [
    'BEGIN:VCALENDAR',
    `PRODID:${ICS_PRODID}`,
    'VERSION:2.0',
    'CALSCALE:GREGORIAN',
    'METHOD:PUBLISH',
    `X-WR-CALNAME:${escapeIcsText(labels.calendarName)}`,
    ...events,
    'END:VCALENDAR',
  ]
  return lines.map(foldIcsLine).join('\r\n') + '\r\n'
}

/** One booking as a calendar file; a cancelled one is exported as cancelled. */
export function bookingToIcs(booking: Booking, options: IcsOptions): string {
  return bookingsToIcs([booking], { ...options, includeCancelled: true })
}

/** A download name: one booking by its code, all of them by the event. */
export function icsFileName(booking?: Pick<Booking, 'confirmationCode'>): string {
  return booking ? `wmc2021-negotiation-${booking.confirmationCode}.ics` : 'wmc2021-negotiations.ics'
}

export const ICS_MIME_TYPE = 'text/calendar;charset=utf-8'
