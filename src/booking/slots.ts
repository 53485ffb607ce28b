/** An exhibitor's free negotiation slots: cut from weekly office hours in the exhibitor's zone, shown in the visitor's. */
import type { Language } from '../content/schema'
import { conventionDaysBetween } from './conventionDays'
import {
  DAY,
  MINUTE,
  dateInZone,
  dayNumber,
  isoDate,
  minutesOfDay,
  wallClock,
  wallClockLabel,
  wallRangeToIntervals,
  wallTimeOfDay,
  wallTimeToInstant,
  weekdayOf,
} from './timeZones'
import { isLive, type BookableExhibitor, type BookingEvent, type BookingLike, type MeetingMode, type Slot } from './types'

/** A visitor books at least 2 hours ahead and at most 28 days ahead. */
export const BOOKING_WINDOW = { leadMinutes: 120, days: 28 } as const

const MODE_ORDER: Record<MeetingMode, number> = { online: 0, 'on-site': 1 }

export interface FreeSlotsQuery {
  exhibitor: BookableExhibitor
  event: BookingEvent
  /** Slots starting in [from, to) — further narrowed to the bookable window after `now`. */
  from: number | Date
  to: number | Date
  now: number | Date
  /** Bookings of any visitor; the exhibitor's live ones (requested, proposed, confirmed) take tables. */
  bookings: readonly BookingLike[]
  /** Adds `visitorLocal` to each slot; the slots themselves never depend on it. */
  visitorTimeZone?: string
  /** Keep full slots with `tablesLeft: 0` (the rules need them to tell "full" from "no such slot"). */
  includeFull?: boolean
  modes?: readonly MeetingMode[]
}

const toMs = (t: number | Date) => (typeof t === 'number' ? t : t.getTime())

/** The instants a slot may start in when asked at `now`: [now + lead time, now + 28 days). */
export function bookableWindow(now: number | Date): { from: number; to: number } {
  const t = toMs(now)
  return { from: t + BOOKING_WINDOW.leadMinutes * MINUTE, to: t + BOOKING_WINDOW.days * DAY }
}

function datesBetween(first: string, last: string): string[] {
  const dates: string[] = []
  for (let d = dayNumber(first); d <= dayNumber(last); d++) dates.push(isoDate(d))
  return dates
}

/**
 * Free slots of one exhibitor, sorted by start then mode. Each office-hours range is the real time whose wall
 * clock (date and time) lies in [from, to) of its date, from the first instant the clock reads `from` (or jumps
 * over it) to the first instant it reaches `to`; slots are cut in it in real time (slot length, then buffer).
 * So on the exhibitor's own DST days a range loses or gains exactly the hour the clocks skip or repeat, no slot
 * starts at a time that does not exist or reaches outside the declared hours, and the adjacent ranges of a day
 * never share or overlap a slot. When clocks go back inside a range to before its start, the range is two
 * pieces and slots start afresh in each. Online slots are cut in the exhibitor's zone on every day; on-site
 * slots in the venue's zone on convention days only. Tables left are the parallel tables less the peak of the
 * exhibitor's live bookings at any one instant of the slot (back-to-back bookings share a table), not the
 * number of bookings touching it. Full slots are left out unless `includeFull`.
 */
export function freeSlots(query: FreeSlotsQuery): Slot[] {
  const { exhibitor, event, bookings, visitorTimeZone } = query
  const availability = exhibitor.availability
  const window = bookableWindow(query.now)
  const lo = Math.max(toMs(query.from), window.from)
  const hi = Math.min(toMs(query.to), window.to)
  if (hi <= lo) return []

  const occupancy = liveOccupancy(bookings, exhibitor.id)
  const blackout = new Set(availability.blackoutDates)
  const length = availability.slotMinutes * MINUTE
  const step = length + (availability.bufferMinutes ?? 0) * MINUTE
  const slots: Slot[] = []

  for (const mode of availability.modes) {
    if (query.modes && !query.modes.includes(mode)) continue
    const zone = mode === 'online' ? availability.timeZone : event.timeZone
    const first = dateInZone(zone, lo)
    const last = dateInZone(zone, hi - 1)
    const dates = mode === 'online' ? datesBetween(first, last) : conventionDaysBetween(event, first, last)
    for (const date of dates) {
      if (blackout.has(date)) continue
      for (const range of availability.weeklyHours[weekdayOf(date)] ?? []) {
        for (const piece of wallRangeToIntervals(zone, date, minutesOfDay(range.from), minutesOfDay(range.to))) {
          for (let start = piece.start; start + length <= piece.end && start < hi; start += step) {
            if (start < lo) continue
            const end = start + length
            const tablesLeft = Math.max(0, availability.parallelTables - occupancy.peak(start, end))
            if (tablesLeft === 0 && !query.includeFull) continue
            const slot: Slot = {
              id: `${exhibitor.id}/${mode}/${start}`,
              exhibitorId: exhibitor.id,
              start,
              end,
              mode,
              tablesLeft,
              tables: availability.parallelTables,
              timeZone: zone,
              // every instant of a range reads its own date, so only the time of day needs working out
              exhibitorLocal: `${date} ${wallTimeOfDay(zone, start)}`,
            }
            if (visitorTimeZone) slot.visitorLocal = wallClockLabel(visitorTimeZone, start)
            slots.push(slot)
          }
        }
      }
    }
  }
  return slots.sort((a, b) => a.start - b.start || MODE_ORDER[a.mode] - MODE_ORDER[b.mode])
}

/** How many of an exhibitor's live bookings run at once, asked per slot. */
interface Occupancy {
  /** The most live bookings covering one instant of [start, end); intervals are half-open. */
  peak(start: number, end: number): number
}

const NO_BOOKINGS: Occupancy = { peak: () => 0 }

/** Sorts the exhibitor's live bookings once, so each slot looks only at the few that can touch it. */
function liveOccupancy(bookings: readonly BookingLike[], exhibitorId: string): Occupancy {
  const live = bookings.filter((b) => b.exhibitorId === exhibitorId && isLive(b.status) && b.start < b.end)
  if (live.length === 0) return NO_BOOKINGS
  live.sort((a, b) => a.start - b.start)
  const starts = live.map((b) => b.start)
  const longest = live.reduce((max, b) => Math.max(max, b.end - b.start), 0)
  const touching: BookingLike[] = []
  return {
    peak(start, end) {
      // a booking starting at or before start - longest has ended by start
      touching.length = 0
      for (let i = firstAbove(starts, start - longest); i < live.length && live[i].start < end; i++) {
        if (live[i].end > start) touching.push(live[i])
      }
      // the count only rises where a booking begins, so the peak is at the slot's start or one of those
      let peak = 0
      for (const probe of touching) {
        const at = Math.max(probe.start, start)
        let running = 0
        for (const b of touching) if (b.start <= at && at < b.end) running++
        if (running > peak) peak = running
      }
      return peak
    },
  }
}

/** Index of the first element greater than `value` in an ascending list. */
function firstAbove(sorted: readonly number[], value: number): number {
  let lo = 0
  let hi = sorted.length
  while (lo < hi) {
    const mid = (lo + hi) >>> 1
    if (sorted[mid] <= value) lo = mid + 1
    else hi = mid
  }
  return lo
}

/** The first free slot from now on, for the booth panel; looks a day ahead first so the common case stays cheap. */
export function nextFreeSlot(query: Omit<FreeSlotsQuery, 'from' | 'to' | 'includeFull'>): Slot | undefined {
  const now = toMs(query.now)
  const edges = [0, 2, 8, BOOKING_WINDOW.days].map((d) => now + d * DAY)
  for (let i = 0; i < edges.length - 1; i++) {
    const [slot] = freeSlots({ ...query, from: edges[i], to: edges[i + 1] })
    if (slot) return slot
  }
  return undefined
}

export interface VisitorDay {
  /** ISO date in the visitor's zone. */
  date: string
  slots: Slot[]
}

/** Slots grouped by the visitor's calendar day, days and slots in time order, for the picker's day list. */
export function groupSlotsByVisitorDay(slots: readonly Slot[], visitorTimeZone: string): VisitorDay[] {
  const days = new Map<string, Slot[]>()
  for (const slot of [...slots].sort((a, b) => a.start - b.start || MODE_ORDER[a.mode] - MODE_ORDER[b.mode])) {
    const date = dateInZone(visitorTimeZone, slot.start)
    const list = days.get(date)
    if (list) list.push(slot)
    else days.set(date, [slot])
  }
  return [...days.entries()].sort(([a], [b]) => (a < b ? -1 : 1)).map(([date, list]) => ({ date, slots: list }))
}

const formatters = new Map<string, Intl.DateTimeFormat>()
function formatter(language: string, zone: string, kind: 'time' | 'date' | 'offset' | 'zone'): Intl.DateTimeFormat {
  const key = `${language}|${zone}|${kind}`
  let dtf = formatters.get(key)
  if (!dtf) {
    const options: Intl.DateTimeFormatOptions =
      kind === 'time'
        ? { hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }
        : kind === 'date'
          ? { weekday: 'short', month: 'short', day: 'numeric' }
          : kind === 'offset'
            ? { timeZoneName: 'shortOffset' }
            : { timeZoneName: 'shortGeneric' }
    dtf = new Intl.DateTimeFormat(language, { ...options, timeZone: zone })
    formatters.set(key, dtf)
  }
  return dtf
}

const zoneNamePart = (dtf: Intl.DateTimeFormat, ms: number) =>
  dtf.formatToParts(ms).find((p) => p.type === 'timeZoneName')?.value ?? ''

/** Names people use for the zones most exhibitors keep ("Beijing time", not "China Standard Time"). */
const ZONE_LABELS: Record<string, Record<Language, string>> = {
  'Asia/Shanghai': { 'zh-CN': '北京时间', en: 'Beijing', ko: '베이징' },
  'Asia/Seoul': { 'zh-CN': '首尔时间', en: 'Seoul', ko: '서울' },
  UTC: { 'zh-CN': 'UTC', en: 'UTC', ko: 'UTC' },
}

/** A short human label for a zone: the city in English, ICU's generic name ("德国时间", "뉴욕 시간") elsewhere. */
export function timeZoneLabel(zone: string, language: string): string {
  const known = ZONE_LABELS[zone]?.[language as Language]
  if (known) return known
  if (language === 'en' || language.startsWith('en-')) return zone.slice(zone.lastIndexOf('/') + 1).replace(/_/g, ' ')
  return zoneNamePart(formatter(language, zone, 'zone'), Date.now())
}

export interface SlotTimes {
  /** 'HH:mm' in the visitor's zone, e.g. '10:00'. */
  visitor: string
  visitorEnd: string
  /** Localised short date in the visitor's zone, e.g. 'Sun, Mar 14'. */
  visitorDate: string
  visitorIsoDate: string
  /** e.g. 'GMT-4'; worth showing when `visitorRepeated`. */
  visitorOffset: string
  /** The visitor's wall clock shows this time twice that night (clocks going back). */
  visitorRepeated: boolean
  visitorZoneLabel: string
  exhibitor: string
  exhibitorEnd: string
  exhibitorDate: string
  exhibitorIsoDate: string
  exhibitorOffset: string
  exhibitorRepeated: boolean
  /** The exhibitor's calendar day minus the visitor's: -1, 0 or 1 ("+1 day"). */
  exhibitorDayShift: number
  exhibitorZoneLabel: string
}

function repeatedWallTime(zone: string, ms: number): boolean {
  const { date, time } = wallClock(zone, ms)
  const minutes = minutesOfDay(time)
  return wallTimeToInstant(zone, date, minutes, 'first') !== wallTimeToInstant(zone, date, minutes, 'last')
}

/**
 * Both clocks of a slot, e.g. "10:00 your time · 17:00 Beijing". Pass `slot.timeZone` as the exhibitor's
 * zone to show the wall clock the meeting is held in (the venue's on site).
 */
export function formatSlotTimes(
  slot: Pick<Slot, 'start' | 'end'>,
  visitorTimeZone: string,
  exhibitorTimeZone: string,
  language: string,
): SlotTimes {
  const side = (zone: string) => ({
    time: formatter(language, zone, 'time').format(slot.start),
    end: formatter(language, zone, 'time').format(slot.end),
    date: formatter(language, zone, 'date').format(slot.start),
    iso: dateInZone(zone, slot.start),
    offset: zoneNamePart(formatter(language, zone, 'offset'), slot.start),
    repeated: repeatedWallTime(zone, slot.start),
  })
  const v = side(visitorTimeZone)
  const e = side(exhibitorTimeZone)
  return {
    visitor: v.time,
    visitorEnd: v.end,
    visitorDate: v.date,
    visitorIsoDate: v.iso,
    visitorOffset: v.offset,
    visitorRepeated: v.repeated,
    visitorZoneLabel: timeZoneLabel(visitorTimeZone, language),
    exhibitor: e.time,
    exhibitorEnd: e.end,
    exhibitorDate: e.date,
    exhibitorIsoDate: e.iso,
    exhibitorOffset: e.offset,
    exhibitorRepeated: e.repeated,
    exhibitorDayShift: dayNumber(e.iso) - dayNumber(v.iso),
    exhibitorZoneLabel: timeZoneLabel(exhibitorTimeZone, language),
  }
}
