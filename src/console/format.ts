/** Dates and times as the console shows them, through Intl in the console's language and the exhibitor's zones. */
import { formatSlotTimes, timeZoneLabel } from '../booking/slots'
import { addDays, dayNumber } from '../booking/timeZones'
import type { Language } from '../content/schema'

const formats = new Map<string, Intl.DateTimeFormat>()
function dateTimeFormat(language: Language, zone: string, options: Intl.DateTimeFormatOptions, name: string): Intl.DateTimeFormat {
  const key = `${language}|${zone}|${name}`
  let format = formats.get(key)
  if (!format) formats.set(key, (format = new Intl.DateTimeFormat(language, { ...options, timeZone: zone })))
  return format
}

const DAY_AND_TIME: Intl.DateTimeFormatOptions = { weekday: 'short', month: 'short', day: 'numeric', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }

/** e.g. "Tue, Dec 3, 14:00" in the zone given. */
export function formatDayAndTime(ms: number, zone: string, language: Language): string {
  return dateTimeFormat(language, zone, DAY_AND_TIME, 'day-time').format(ms)
}

/** e.g. "in 5 hours", "in 20 minutes", "in 2 days". */
export function formatRelative(ms: number, now: number, language: Language): string {
  const format = new Intl.RelativeTimeFormat(language, { numeric: 'auto' })
  const minutes = Math.round((ms - now) / 60_000)
  if (Math.abs(minutes) < 60) return format.format(minutes, 'minute')
  const hours = Math.round(minutes / 60)
  if (Math.abs(hours) < 48) return format.format(hours, 'hour')
  return format.format(Math.round(hours / 24), 'day')
}

export interface MeetingWhen {
  /** The exhibitor's wall clock: "Tue, Dec 3", "10:00–10:30", "Beijing". */
  date: string
  time: string
  zone: string
  /** The visitor's clock, only when it reads differently. */
  visitor?: { date: string; time: string; zone: string }
}

/** A meeting in the exhibitor's clock (the booking's own zone: the venue's on site), the visitor's beneath when it differs. */
export function meetingWhen(
  meeting: { start: number; end: number; visitorTimeZone: string; exhibitorTimeZone: string },
  language: Language,
): MeetingWhen {
  const times = formatSlotTimes(meeting, meeting.visitorTimeZone, meeting.exhibitorTimeZone, language)
  const when: MeetingWhen = { date: times.exhibitorDate, time: `${times.exhibitor}–${times.exhibitorEnd}`, zone: times.exhibitorZoneLabel }
  if (times.visitor !== times.exhibitor || times.visitorIsoDate !== times.exhibitorIsoDate) {
    when.visitor = { date: times.visitorDate, time: `${times.visitor}–${times.visitorEnd}`, zone: times.visitorZoneLabel }
  }
  return when
}

/** e.g. "10:00–10:30" in the zone given. */
export function formatTimeRange(start: number, end: number, zone: string, language: Language): string {
  const format = dateTimeFormat(language, zone, { hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }, 'time')
  return `${format.format(start)}–${format.format(end)}`
}

const atNoon = (isoDate: string) => Date.parse(`${isoDate}T12:00:00Z`)

/** A calendar date (no zone involved) as "Tue, Dec 3". */
export function formatIsoDate(isoDate: string, language: Language, options: Intl.DateTimeFormatOptions = { weekday: 'short', month: 'short', day: 'numeric' }): string {
  return new Intl.DateTimeFormat(language, { ...options, timeZone: 'UTC' }).format(atNoon(isoDate))
}

/** Two calendar dates as one range, "Dec 2 – 8, 2026", the way the language writes ranges. */
export function formatDateRange(first: string, last: string, language: Language): string {
  return new Intl.DateTimeFormat(language, { month: 'short', day: 'numeric', year: 'numeric', timeZone: 'UTC' }).formatRange(atNoon(first), atNoon(last))
}

/** The Monday of the week holding `isoDate`. */
export function mondayOf(isoDate: string): string {
  // day 0 (1970-01-01) was a Thursday
  const weekday = (dayNumber(isoDate) + 3) % 7
  return addDays(isoDate, -weekday)
}

export { timeZoneLabel }
