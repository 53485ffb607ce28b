/** iCalendar (RFC 5545) export of negotiations, so a visitor's calendar app holds them with a reminder. */
import { formatSlotTimes } from './slots'
import type { LiveSession } from '../live/sessions'
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
  /** Live sessions the visitor keeps in the agenda, one event each, in the same file. */
  sessions?: readonly LiveSession[]
  /** Of those, the ones their host removed: STATUS:CANCELLED, so a calendar that imported them drops them. */
  withdrawnSessions?: ReadonlySet<string>
  sessionLabels?: SessionIcsLabels
}

/** How a session reads in the file, in the visitor's language. */
export interface SessionIcsLabels {
  /** The title in the visitor's language (or the one the host gave), with its kind. */
  summary: (session: LiveSession) => string
  description: (session: LiveSession) => string
  location: (session: LiveSession) => string
  reminder: (session: LiveSession) => string
}

const ENGLISH_SESSION_LABELS: SessionIcsLabels = {
  summary: (s) => s.title.en ?? s.title['zh-CN'] ?? s.title.ko ?? '',
  description: (s) => s.description?.en ?? s.description?.['zh-CN'] ?? s.description?.ko ?? '',
  location: (s) => (s.venue.kind === 'lobby' ? 'Cloud Expo lobby' : `Cloud Expo booth ${s.venue.exhibitorId}`),
  reminder: (s) => `${s.title.en ?? s.title['zh-CN'] ?? s.title.ko ?? ''} starts in 10 minutes`,
}

/** A session's UID: its own namespace, so a session and a booking never share one. */
export function sessionIcsUid(session: Pick<LiveSession, 'id'>): string | undefined {
  const uid = `session-${session.id}@${ICS_UID_DOMAIN}`
  return /^session-[a-z0-9][a-z0-9-]{1,63}@/.test(uid) ? uid : undefined
}

function sessionEventLines(session: LiveSession, labels: SessionIcsLabels, stamp: number, withdrawn: boolean): string[] {
  const uid = sessionIcsUid(session)
  if (!uid) return []
  const description = labels.description(session)
  return [
    'BEGIN:VEVENT',
    `UID:${uid}`,
    `DTSTAMP:${icsUtc(stamp)}`,
    `DTSTART:${icsUtc(session.start)}`,
    `DTEND:${icsUtc(session.end)}`,
    `SUMMARY:${escapeIcsText(labels.summary(session))}`,
    ...(description ? [`DESCRIPTION:${escapeIcsText(description)}`] : []),
    `LOCATION:${escapeIcsText(labels.location(session))}`,
    ...(withdrawn
      ? ['STATUS:CANCELLED']
      : ['STATUS:CONFIRMED', 'BEGIN:VALARM', 'ACTION:DISPLAY', 'TRIGGER:-PT10M', `DESCRIPTION:${escapeIcsText(labels.reminder(session))}`, 'END:VALARM']),
    'END:VEVENT',
  ]
}

/**
 * What a TEXT value may not carry: C0 and C1 controls and DEL (RFC 5545 forbids them; line breaks are kept as `\n`),
 * the bidi embeddings, overrides and isolates that can make a summary read differently from what it says, and
 * lone surrogates, which have no UTF-8 form.
 */
// eslint-disable-next-line no-control-regex -- finding control characters is what this is for
const UNSAFE_TEXT = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\u202A-\u202E\u2066-\u2069]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g

/** RFC 5545 TEXT: unsafe characters dropped, tabs as spaces, then escaped, backslash first so the escapes added after it stay single. */
export function escapeIcsText(value: string): string {
  return value
    .replace(UNSAFE_TEXT, '')
    .replace(/\t/g, ' ')
    .replace(/\\/g, '\\\\')
    .replace(/;/g, '\\;')
    .replace(/,/g, '\\,')
    .replace(/\r\n|\r|\n|\u2028|\u2029/g, '\\n')
}

/** An https link of plain URI characters with a host; a calendar app opens URL values as they are. */
const SAFE_URL = /^https:\/\/[A-Za-z0-9](?:[A-Za-z0-9.-]{0,252})(?::\d{1,5})?(?:[/?#][A-Za-z0-9\-._~:/?#[\]@!$&'()*+,;=%]*)?$/
const MAX_URL_LENGTH = 2048

/** The meeting link if it is a well-formed https URL, otherwise nothing: it is then left out of the file everywhere. */
export function icsMeetingUrl(url: string | undefined): string | undefined {
  return url !== undefined && url.length <= MAX_URL_LENGTH && SAFE_URL.test(url) ? url : undefined
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

/** Booking ids are UUIDs (or short test ids): letters, digits, dashes and underscores. */
const UID_PATTERN = new RegExp(`^[A-Za-z0-9][A-Za-z0-9_-]{0,63}@${ICS_UID_DOMAIN.replace(/\./g, '\\.')}$`)

/** The event's UID, or undefined when the booking's id could not form a safe one (the booking is then not exported). */
export function icsUid(booking: Pick<Booking, 'id'>): string | undefined {
  const uid = `${booking.id}@${ICS_UID_DOMAIN}`
  return UID_PATTERN.test(uid) ? uid : undefined
}

function eventLines(booking: Booking, options: IcsOptions, labels: IcsLabels, stamp: number): string[] {
  const uid = icsUid(booking)
  if (!uid) return []
  const meetingUrl = icsMeetingUrl(booking.meetingUrl)
  const name = options.exhibitorName(booking.exhibitorId)
  const times = formatSlotTimes(booking, booking.visitorTimeZone, booking.exhibitorTimeZone, options.language ?? 'en')
  const description = [
    `${labels.topic}: ${booking.topic}`,
    `${labels.confirmationCode}: ${booking.confirmationCode}`,
    `${labels.yourTime}: ${times.visitorDate} ${times.visitor}–${times.visitorEnd} (${booking.visitorTimeZone}, ${times.visitorOffset})`,
    `${labels.exhibitorTime}: ${times.exhibitorDate} ${times.exhibitor}–${times.exhibitorEnd} (${booking.exhibitorTimeZone}, ${times.exhibitorOffset})`,
    `${labels.table}: ${booking.tableId}`,
    ...(meetingUrl ? [`${labels.meetingLink}: ${meetingUrl}`] : []),
  ].join('\n')
  const location =
    booking.mode === 'online' && meetingUrl
      ? meetingUrl
      : [`${labels.negotiationArea} ${booking.tableId}`, options.venue].filter(Boolean).join(', ')
  // a pending request or proposal is tentative until the exhibitor (or the visitor) says yes
  const status = booking.status === 'confirmed' ? 'CONFIRMED' : isLive(booking.status) ? 'TENTATIVE' : 'CANCELLED'
  return [
    'BEGIN:VEVENT',
    `UID:${uid}`,
    `DTSTAMP:${icsUtc(stamp)}`,
    `DTSTART:${icsUtc(booking.start)}`,
    `DTEND:${icsUtc(booking.end)}`,
    // a cancelled export must outrank the tentative or confirmed one a calendar already holds
    `SEQUENCE:${status === 'CANCELLED' ? 2 : status === 'CONFIRMED' ? 1 : 0}`,
    `SUMMARY:${escapeIcsText(labels.summary(name))}`,
    `DESCRIPTION:${escapeIcsText(description)}`,
    `LOCATION:${escapeIcsText(location)}`,
    ...(booking.mode === 'online' && meetingUrl ? [`URL:${meetingUrl}`] : []),
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
  const sessionLabels = options.sessionLabels ?? ENGLISH_SESSION_LABELS
  const events = [
    ...bookings.filter((b) => options.includeCancelled || isLive(b.status)).map((booking) => ({ start: booking.start, lines: () => eventLines(booking, options, labels, stamp) })),
    ...(options.sessions ?? []).map((session) => ({ start: session.start, lines: () => sessionEventLines(session, sessionLabels, stamp, options.withdrawnSessions?.has(session.id) ?? false) })),
  ]
    .sort((a, b) => a.start - b.start)
    .flatMap((event) => event.lines())
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
