/** The hours editor's working copy of an availability, its validation by the content schema, and field messages by path. */
import { WEEKDAYS, availabilitySchema, type Availability, type Weekday } from '../content/schema'
import type { ConsoleMessageKey } from './messages'

export type MeetingMode = Availability['modes'][number]
export const MEETING_MODES: readonly MeetingMode[] = ['online', 'on-site']
export const SLOT_LENGTHS = [15, 30, 45, 60] as const
export const MAX_RANGES_A_DAY = 4
export const MAX_TABLES = 10
export const MAX_BUFFER_MINUTES = 60

export interface HoursRange {
  from: string
  to: string
}

/** Every weekday present (an empty list is a closed day), so the form never has to ask whether a day exists. */
export interface HoursDraft {
  timeZone: string
  weeklyHours: Record<Weekday, HoursRange[]>
  blackoutDates: string[]
  slotMinutes: Availability['slotMinutes']
  bufferMinutes: number
  parallelTables: number
  modes: MeetingMode[]
}

export function draftOf(availability: Availability): HoursDraft {
  return {
    timeZone: availability.timeZone,
    weeklyHours: Object.fromEntries(WEEKDAYS.map((day) => [day, (availability.weeklyHours[day] ?? []).map((r) => ({ ...r }))])) as Record<Weekday, HoursRange[]>,
    blackoutDates: [...availability.blackoutDates].sort(),
    slotMinutes: availability.slotMinutes,
    bufferMinutes: availability.bufferMinutes ?? 0,
    parallelTables: availability.parallelTables,
    modes: MEETING_MODES.filter((m) => availability.modes.includes(m)),
  }
}

/** The availability the server takes: closed days left out, as the content pack writes them. */
export function availabilityOf(draft: HoursDraft): Availability {
  const weeklyHours: Availability['weeklyHours'] = {}
  for (const day of WEEKDAYS) if (draft.weeklyHours[day].length > 0) weeklyHours[day] = draft.weeklyHours[day].map((r) => ({ ...r }))
  return {
    timeZone: draft.timeZone,
    weeklyHours,
    slotMinutes: draft.slotMinutes,
    bufferMinutes: draft.bufferMinutes,
    parallelTables: draft.parallelTables,
    blackoutDates: [...draft.blackoutDates],
    modes: [...draft.modes],
  }
}

export const sameHours = (a: HoursDraft, b: HoursDraft) => JSON.stringify(availabilityOf(a)) === JSON.stringify(availabilityOf(b))

/** Field messages keyed by a form path: `weeklyHours.mon.0` (a range), `weeklyHours.mon` (a day), `blackoutDates`, `modes`… */
export type HoursErrors = Record<string, ConsoleMessageKey>

/** A schema path (from zod, or the server's `fields` without their `availability.` prefix) as a form path and its message. */
export function fieldError(path: readonly (string | number)[]): [string, ConsoleMessageKey] {
  const [field, day, index, end] = path.map(String)
  switch (field) {
    case 'weeklyHours':
      if (index === undefined) return [`weeklyHours.${day}`, 'hours.error.tooMany']
      // the schema puts a reversed range on its `to`, an overlap on the range itself
      return [`weeklyHours.${day}.${index}`, end === 'to' || end === 'from' ? 'hours.error.order' : 'hours.error.overlap']
    case 'modes':
      return ['modes', 'hours.error.modes']
    case 'timeZone':
      return ['timeZone', 'hours.error.timeZone']
    case 'blackoutDates':
      return ['blackoutDates', 'hours.error.date']
    case 'bufferMinutes':
      return ['bufferMinutes', 'hours.error.buffer']
    case 'parallelTables':
      return ['parallelTables', 'hours.error.tables']
    case 'slotMinutes':
      return ['slotMinutes', 'hours.error.slot']
    default:
      return [field ?? 'form', 'hours.error.other']
  }
}

export function validateHours(draft: HoursDraft): { ok: true; availability: Availability } | { ok: false; errors: HoursErrors } {
  const parsed = availabilitySchema.safeParse(availabilityOf(draft))
  if (parsed.success) return { ok: true, availability: parsed.data }
  return { ok: false, errors: errorsFrom(parsed.error.issues.map((issue) => issue.path as (string | number)[])) }
}

/** The server's `fields` of a refused save ("availability.weeklyHours.mon.0" → message) as form errors. */
export function serverErrors(fields: Record<string, string>): HoursErrors {
  return errorsFrom(Object.keys(fields).map((key) => key.replace(/^availability\./, '').split('.')))
}

function errorsFrom(paths: (string | number)[][]): HoursErrors {
  const errors: HoursErrors = {}
  for (const path of paths) {
    const [key, message] = fieldError(path)
    errors[key] ??= message
  }
  return errors
}

/** Times of day in 15-minute steps, 00:00 to 23:45. */
export const QUARTER_HOURS: readonly string[] = Array.from({ length: 96 }, (_, i) => `${String(Math.floor(i / 4)).padStart(2, '0')}:${String((i % 4) * 15).padStart(2, '0')}`)

const minutes = (hhmm: string) => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5))
const hhmm = (total: number) => `${String(Math.floor(total / 60)).padStart(2, '0')}:${String(total % 60).padStart(2, '0')}`

/** A sensible next range for a day: office hours on a closed day, else an hour after the last range ends. */
export function nextRange(ranges: readonly HoursRange[]): HoursRange {
  if (ranges.length === 0) return { from: '09:00', to: '17:00' }
  const lastEnd = Math.max(...ranges.map((r) => minutes(r.to)))
  const from = Math.min(lastEnd + 60, 22 * 60)
  return { from: hhmm(from), to: hhmm(Math.min(from + 120, 23 * 60 + 45)) }
}

/** Common zones of exhibitors and their offices, with the current one always among them. */
export const COMMON_TIME_ZONES = [
  'Asia/Shanghai',
  'Asia/Hong_Kong',
  'Asia/Taipei',
  'Asia/Seoul',
  'Asia/Tokyo',
  'Asia/Singapore',
  'Asia/Bangkok',
  'Asia/Kolkata',
  'Asia/Dubai',
  'Europe/Moscow',
  'Europe/Istanbul',
  'Europe/Berlin',
  'Europe/Paris',
  'Europe/Amsterdam',
  'Europe/Zurich',
  'Europe/Rome',
  'Europe/Madrid',
  'Europe/London',
  'America/Sao_Paulo',
  'America/New_York',
  'America/Chicago',
  'America/Denver',
  'America/Los_Angeles',
  'Australia/Sydney',
  'Pacific/Auckland',
  'UTC',
] as const
