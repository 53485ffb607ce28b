/** IANA time-zone arithmetic on epoch milliseconds and ISO calendar dates, built on Intl with a per-day offset cache. */

export const MINUTE = 60_000
export const HOUR = 60 * MINUTE
export const DAY = 24 * HOUR

/** ISO weekday keys in the order of `Date#getUTCDay()` (0 = Sunday). */
const WEEKDAY_BY_UTC_DAY = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'] as const

const offsetFormatters = new Map<string, Intl.DateTimeFormat>()

function offsetFormatter(zone: string): Intl.DateTimeFormat {
  let dtf = offsetFormatters.get(zone)
  if (!dtf) {
    // h23: some ICU versions print midnight as 24 with hour12: false
    dtf = new Intl.DateTimeFormat('en-US', {
      timeZone: zone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    })
    offsetFormatters.set(zone, dtf)
  }
  return dtf
}

/** The zone's UTC offset in minutes at an instant, straight from Intl (uncached). */
function rawOffsetMinutes(zone: string, ms: number): number {
  const seconds = Math.floor(ms / 1000) * 1000
  let year = 0
  let month = 0
  let day = 0
  let hour = 0
  let minute = 0
  let second = 0
  for (const part of offsetFormatter(zone).formatToParts(seconds)) {
    switch (part.type) {
      case 'year': year = Number(part.value); break
      case 'month': month = Number(part.value); break
      case 'day': day = Number(part.value); break
      case 'hour': hour = Number(part.value); break
      case 'minute': minute = Number(part.value); break
      case 'second': second = Number(part.value); break
    }
  }
  const wall = Date.UTC(year, month - 1, day, hour, minute, second)
  return Math.round((wall - seconds) / MINUTE)
}

/**
 * One UTC day of a zone: its offset at the start and, when that differs at the end, the first instant of
 * the new offset. Assumes at most one transition per UTC day, true of every zone in use since 1970.
 */
interface ZoneDay {
  offset: number
  transition?: number
  offsetAfter?: number
}

const zoneDays = new Map<string, Map<number, ZoneDay>>()

function zoneDay(zone: string, dayIndex: number): ZoneDay {
  let days = zoneDays.get(zone)
  if (!days) zoneDays.set(zone, (days = new Map()))
  let entry = days.get(dayIndex)
  if (!entry) {
    const start = dayIndex * DAY
    const offset = rawOffsetMinutes(zone, start)
    const offsetAfter = rawOffsetMinutes(zone, start + DAY)
    if (offset === offsetAfter) entry = { offset }
    else {
      // binary search to the second: transitions fall on whole seconds
      let lo = start // has `offset`
      let hi = start + DAY // has `offsetAfter`
      while (hi - lo > 1000) {
        const mid = lo + Math.floor((hi - lo) / 2000) * 1000
        if (rawOffsetMinutes(zone, mid) === offset) lo = mid
        else hi = mid
      }
      entry = { offset, transition: hi, offsetAfter }
    }
    days.set(dayIndex, entry)
  }
  return entry
}

/** The zone's UTC offset in minutes at an instant (positive east of Greenwich). */
export function offsetMinutes(zone: string, ms: number): number {
  const day = zoneDay(zone, Math.floor(ms / DAY))
  return day.transition !== undefined && ms >= day.transition ? day.offsetAfter! : day.offset
}

const knownZones = new Map<string, boolean>()

/** Whether Intl knows the zone; remembered, since building a formatter to ask costs far more than a slot. */
export function isValidTimeZone(zone: string): boolean {
  let valid = knownZones.get(zone)
  if (valid === undefined) {
    try {
      new Intl.DateTimeFormat('en', { timeZone: zone })
      valid = true
    } catch {
      valid = false
    }
    // a hostile caller could send endless made-up names: only so many are remembered
    if (knownZones.size < 1000) knownZones.set(zone, valid)
  }
  return valid
}

const pad2 = (n: number) => String(n).padStart(2, '0')

/** Wall-clock date and time of an instant in a zone, as 'YYYY-MM-DD' and 'HH:mm'. */
export function wallClock(zone: string, ms: number): { date: string; time: string } {
  const wall = new Date(ms + offsetMinutes(zone, ms) * MINUTE)
  return {
    date: `${wall.getUTCFullYear()}-${pad2(wall.getUTCMonth() + 1)}-${pad2(wall.getUTCDate())}`,
    time: `${pad2(wall.getUTCHours())}:${pad2(wall.getUTCMinutes())}`,
  }
}

/** 'YYYY-MM-DD HH:mm' of an instant in a zone. */
export function wallClockLabel(zone: string, ms: number): string {
  const { date, time } = wallClock(zone, ms)
  return `${date} ${time}`
}

/** 'HH:mm' of an instant in a zone, without building a Date: the hot path of slot generation. */
export function wallTimeOfDay(zone: string, ms: number): string {
  const minutes = Math.floor((((ms + offsetMinutes(zone, ms) * MINUTE) % DAY) + DAY) % DAY / MINUTE)
  return `${pad2(Math.floor(minutes / 60))}:${pad2(minutes % 60)}`
}

export function dateInZone(zone: string, ms: number): string {
  return wallClock(zone, ms).date
}

/** Days since 1970-01-01 of an ISO date; calendar arithmetic without any zone. */
export function dayNumber(isoDate: string): number {
  return Date.UTC(Number(isoDate.slice(0, 4)), Number(isoDate.slice(5, 7)) - 1, Number(isoDate.slice(8, 10))) / DAY
}

export function isoDate(dayNum: number): string {
  return new Date(dayNum * DAY).toISOString().slice(0, 10)
}

export function addDays(date: string, days: number): string {
  return isoDate(dayNumber(date) + days)
}

export function weekdayOf(date: string): (typeof WEEKDAY_BY_UTC_DAY)[number] {
  return WEEKDAY_BY_UTC_DAY[new Date(dayNumber(date) * DAY).getUTCDay()]
}

export function minutesOfDay(hhmm: string): number {
  return Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5))
}

/**
 * The instant a wall-clock time on a date has in a zone. A time that happens twice (clocks going back)
 * gives its first or last occurrence as asked; a time that never happens (clocks going forward) gives the
 * moment the clocks jump. For the real time a wall-clock range covers, see `wallRangeToIntervals`: on a
 * fall-back night [instant(from, 'first'), instant(to, 'last')) also holds instants outside the range.
 */
export function wallTimeToInstant(zone: string, date: string, minutes: number, occurrence: 'first' | 'last' = 'first'): number {
  // thousands of exhibitors share a few zones and office hours: remember the answers
  const key = `${zone}|${date}|${minutes}|${occurrence}`
  let instant = instants.get(key)
  if (instant === undefined) {
    if (instants.size > 50_000) instants.clear()
    instants.set(key, (instant = computeWallTimeToInstant(zone, date, minutes, occurrence)))
  }
  return instant
}

const instants = new Map<string, number>()

function computeWallTimeToInstant(zone: string, date: string, minutes: number, occurrence: 'first' | 'last'): number {
  const wall = dayNumber(date) * DAY + minutes * MINUTE
  // every offset in use lies within ±18 h, so the offsets 26 h either side bracket all candidates
  const before = offsetMinutes(zone, wall - 26 * HOUR)
  const after = offsetMinutes(zone, wall + 26 * HOUR)
  const candidates = [...new Set([before, after, offsetMinutes(zone, wall)])]
    .map((offset) => ({ offset, t: wall - offset * MINUTE }))
    .filter(({ offset, t }) => offsetMinutes(zone, t) === offset)
    .map(({ t }) => t)
    .sort((a, b) => a - b)
  if (candidates.length > 0) return occurrence === 'first' ? candidates[0] : candidates[candidates.length - 1]
  // in the gap: the jump happens between the two readings of the wall time
  return transitionBetween(zone, wall - after * MINUTE, wall - before * MINUTE)
}

/** A stretch of real time, [start, end) in epoch milliseconds. */
export interface Interval {
  start: number
  end: number
}

/**
 * The real time an office-hours range [from, to) of a date covers: from the first instant the wall clock
 * reads `from` (or jumps over it) to the first instant it reaches `to`, less the instants whose wall clock
 * (date and time) lies outside the range. Usually one interval; none when the clocks skip the whole range;
 * two when they go back inside it to a time before `from` (02:50–03:10 on a night 03:00 becomes 02:00).
 */
export function wallRangeToIntervals(zone: string, date: string, fromMinutes: number, toMinutes: number): readonly Readonly<Interval>[] {
  // cached like wallTimeToInstant: slot generation asks the same few ranges for thousands of exhibitors
  const key = `${zone}|${date}|${fromMinutes}|${toMinutes}`
  let intervals = rangeIntervals.get(key)
  if (intervals === undefined) {
    if (rangeIntervals.size > 50_000) rangeIntervals.clear()
    rangeIntervals.set(key, (intervals = computeWallRangeToIntervals(zone, date, fromMinutes, toMinutes)))
  }
  return intervals
}

const rangeIntervals = new Map<string, readonly Readonly<Interval>[]>()

function computeWallRangeToIntervals(zone: string, date: string, fromMinutes: number, toMinutes: number): readonly Interval[] {
  const open = wallTimeToInstant(zone, date, fromMinutes, 'first')
  const close = wallTimeToInstant(zone, date, toMinutes, 'first')
  const wallFrom = dayNumber(date) * DAY + fromMinutes * MINUTE
  const wallTo = dayNumber(date) * DAY + toMinutes * MINUTE
  const intervals: Interval[] = []
  // between transitions the offset is fixed, so the instants inside the range form one interval per stretch
  for (let stretchStart = open; stretchStart < close; ) {
    const stretchEnd = nextTransition(zone, stretchStart, close)
    const offset = offsetMinutes(zone, stretchStart) * MINUTE
    const start = Math.max(stretchStart, wallFrom - offset)
    const end = Math.min(stretchEnd, wallTo - offset)
    if (start < end) {
      const last = intervals[intervals.length - 1]
      // clocks jumping forward inside the range leave it one interval: no slot restarts at the jump
      if (last && last.end === start) last.end = end
      else intervals.push({ start, end })
    }
    stretchStart = stretchEnd
  }
  return intervals
}

/** The first transition in (after, until), or `until` when the offset stays the same. */
function nextTransition(zone: string, after: number, until: number): number {
  for (let dayIndex = Math.floor(after / DAY); dayIndex <= Math.floor((until - 1) / DAY); dayIndex++) {
    const { transition } = zoneDay(zone, dayIndex)
    if (transition !== undefined && transition > after && transition < until) return transition
  }
  return until
}

/** First instant in (lo, hi] whose offset differs from the offset at lo. */
function transitionBetween(zone: string, lo: number, hi: number): number {
  for (let dayIndex = Math.floor(lo / DAY); dayIndex <= Math.floor(hi / DAY); dayIndex++) {
    const { transition } = zoneDay(zone, dayIndex)
    if (transition !== undefined && transition > lo && transition <= hi) return transition
  }
  return hi
}
