import fc from 'fast-check'
import { DateTime } from 'luxon'
import { describe, expect, it } from 'vitest'
import { availabilitySchema, WEEKDAYS, type Availability, type Weekday } from '../../src/content/schema'
import { checkBooking, type BookingContext } from '../../src/booking/rules'
import { freeSlots } from '../../src/booking/slots'
import type { BookableExhibitor, BookingEvent, BookRequest, MeetingMode, Slot } from '../../src/booking/types'

/*
 * The slot engine checked against luxon, an independent time-zone implementation: around every transition
 * of zones with odd offsets, half-hour and midnight changes, random office hours must give exactly the slots
 * the rule allows. The rule: a range [from, to) of a date runs in real time from the first instant the wall
 * clock reads `from` (or jumps over it) to the first instant it reaches `to`, less the instants whose wall
 * clock (date and time) is outside [from, to); slots are cut from the start of each remaining piece.
 */

const MINUTE = 60_000
const DAY_MINUTES = 24 * 60
const DAY = DAY_MINUTES * MINUTE

/** A wall timestamp: minutes since 1970-01-01 00:00 on a clock that reads the zone's date and time. */
type WallAt = (ms: number) => number

const luxonOffset = (zone: string, ms: number) => DateTime.fromMillis(ms, { zone }).offset

/** luxon's wall clock, asked afresh for every instant: the oracle of the fixed cases. */
const luxonWallAt =
  (zone: string): WallAt =>
  (ms) =>
    Math.floor(ms / MINUTE) + luxonOffset(zone, ms)

interface Transition {
  at: number
  offsetAfter: number
}

/** Where luxon says a zone's offset changes in the given years: scanned day by day, then narrowed to the minute. */
function luxonTransitions(zone: string, years: readonly number[]): Transition[] {
  const transitions: Transition[] = []
  for (const year of years) {
    for (let t = Date.UTC(year, 0, 1); t < Date.UTC(year + 1, 0, 1); t += DAY) {
      const before = luxonOffset(zone, t)
      if (before === luxonOffset(zone, t + DAY)) continue
      let lo = t
      let hi = t + DAY
      while (hi - lo > MINUTE) {
        const mid = lo + Math.floor((hi - lo) / (2 * MINUTE)) * MINUTE
        if (luxonOffset(zone, mid) === before) lo = mid
        else hi = mid
      }
      transitions.push({ at: hi, offsetAfter: luxonOffset(zone, hi) })
    }
  }
  return transitions
}

/** luxon's wall clock from its transitions: the same answers as asking luxon each minute, thousands of times faster. */
function transitionWallAt(zone: string, years: readonly number[], transitions: readonly Transition[]): WallAt {
  const initial = luxonOffset(zone, Date.UTC(years[0], 0, 1))
  return (ms) => {
    let offset = initial
    for (const t of transitions) if (t.at <= ms) offset = t.offsetAfter
    return Math.floor(ms / MINUTE) + offset
  }
}

const isoDayNumber = (date: string) => DateTime.fromISO(date, { zone: 'utc' }).toMillis() / DAY
const isoDate = (dayNumber: number) => DateTime.fromMillis(dayNumber * DAY, { zone: 'utc' }).toISODate()!
const addDays = (date: string, days: number) => isoDate(isoDayNumber(date) + days)
const weekdayOf = (date: string): Weekday => WEEKDAYS[DateTime.fromISO(date, { zone: 'utc' }).weekday - 1]
const minutesOf = (hhmm: string) => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5))
const hhmm = (minutes: number) => `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`
const wallLabel = (wall: number) => `${isoDate(Math.floor(wall / DAY_MINUTES))} ${hhmm(((wall % DAY_MINUTES) + DAY_MINUTES) % DAY_MINUTES)}`

interface Range {
  from: string
  to: string
}

/** The oracle: the rule walked in real time, one minute at a time. */
function oracleRangeSlots(wallAt: WallAt, date: string, range: Range, slotMinutes: number, bufferMinutes: number): [number, number][] {
  const wallFrom = isoDayNumber(date) * DAY_MINUTES + minutesOf(range.from)
  const wallTo = isoDayNumber(date) * DAY_MINUTES + minutesOf(range.to)
  // every offset lies within ±15 h, so the walk starts before the range and ends after it
  const walkStart = (wallFrom - 15 * 60) * MINUTE
  const walkEnd = (wallTo + 15 * 60) * MINUTE
  let open = walkStart
  while (open < walkEnd && wallAt(open) < wallFrom) open += MINUTE
  let close = open
  while (close < walkEnd && wallAt(close) < wallTo) close += MINUTE
  const pieces: [number, number][] = []
  for (let t = open; t < close; t += MINUTE) {
    const wall = wallAt(t)
    if (wall < wallFrom || wall >= wallTo) continue
    const last = pieces[pieces.length - 1]
    if (last && last[1] === t) last[1] = t + MINUTE
    else pieces.push([t, t + MINUTE])
  }
  const slots: [number, number][] = []
  for (const [start, end] of pieces) {
    for (let s = start; s + slotMinutes * MINUTE <= end; s += (slotMinutes + bufferMinutes) * MINUTE) slots.push([s, s + slotMinutes * MINUTE])
  }
  return slots
}

function oracleSlots(wallAt: WallAt, availability: Availability, dates: readonly string[], from: number, to: number): [number, number][] {
  return dates
    .flatMap((date) =>
      (availability.weeklyHours[weekdayOf(date)] ?? []).flatMap((range) =>
        oracleRangeSlots(wallAt, date, range, availability.slotMinutes, availability.bufferMinutes),
      ),
    )
    .filter(([start]) => start >= from && start < to)
    .sort((a, b) => a[0] - b[0])
}

/** A convention held in the zone itself over the three days under test, so on-site slots are cut in it too. */
const conventionAround = (zone: string, day: string): BookingEvent => ({
  startDate: addDays(day, -1),
  endDate: addDays(day, 1),
  annualOpeningDay: { month: 9, day: 20 },
  timeZone: zone,
})

const bookingRequest = (exhibitorId: string, start: number, end: number, mode: MeetingMode): BookRequest => ({
  exhibitorId,
  start,
  end,
  mode,
  topic: 'Supply contract for the next season',
  profile: { name: 'Li Wei', company: 'Anhui Buyers Ltd', email: 'li.wei@example.com', role: 'buyer' },
  visitorTimeZone: 'UTC',
})

interface Night {
  zone: string
  /** The wall date just after the transition (or any date in a zone without one). */
  day: string
  /** Wall minutes of the day where the clock jumps: the reading just before and just after the change. */
  hotMinutes: number[]
  wallAt: WallAt
}

const ZONES: readonly { zone: string; years: number[]; quietDays?: string[] }[] = [
  { zone: 'Europe/Berlin', years: [2026] },
  { zone: 'America/New_York', years: [2026] },
  { zone: 'Australia/Sydney', years: [2026] },
  { zone: 'Pacific/Chatham', years: [2026] },
  { zone: 'Australia/Lord_Howe', years: [2026] },
  // Brazil kept DST until 2019, changing clocks at midnight
  { zone: 'America/Sao_Paulo', years: [2016, 2017, 2018] },
  { zone: 'America/Santiago', years: [2026] },
  { zone: 'Asia/Shanghai', years: [2026], quietDays: ['2026-03-29', '2026-10-25'] },
  { zone: 'UTC', years: [2026], quietDays: ['2026-03-29', '2026-12-31'] },
  { zone: 'Asia/Kolkata', years: [2026], quietDays: ['2026-10-04', '2026-11-01'] },
]

const transitionsByZone = new Map(ZONES.map(({ zone, years }) => [zone, luxonTransitions(zone, years)]))

const NIGHTS: readonly Night[] = ZONES.flatMap(({ zone, years, quietDays = [] }) => {
  const transitions = transitionsByZone.get(zone)!
  const wallAt = transitionWallAt(zone, years, transitions)
  return [
    ...transitions.map(({ at }) => {
      const before = wallAt(at - MINUTE) + 1
      const after = wallAt(at)
      return {
        zone,
        day: wallLabel(after).slice(0, 10),
        hotMinutes: [before, after].map((wall) => ((wall % DAY_MINUTES) + DAY_MINUTES) % DAY_MINUTES),
        wallAt,
      }
    }),
    ...quietDays.map((day) => ({ zone, day, hotMinutes: [0, 9 * 60, 23 * 60], wallAt })),
  ]
})

/** 1–3 non-overlapping ranges (adjacent ones allowed), on a 5- or 15-minute grid, often starting or ending where the clocks jump. */
const dayHours = (hotMinutes: readonly number[], grid: number): fc.Arbitrary<Range[]> => {
  const lastPoint = Math.floor((DAY_MINUTES - 1) / grid)
  const uniform = fc.integer({ min: 0, max: lastPoint })
  const nearJump = fc
    .tuple(fc.constantFrom(...hotMinutes), fc.integer({ min: -90, max: 90 }))
    .map(([hot, delta]) => Math.min(lastPoint, Math.max(0, Math.round((hot + delta) / grid))))
  return fc
    .tuple(
      fc.uniqueArray(fc.oneof({ arbitrary: uniform, weight: 1 }, { arbitrary: nearJump, weight: 2 }), { minLength: 2, maxLength: 6 }),
      fc.array(fc.boolean(), { minLength: 5, maxLength: 5 }),
      fc.integer({ min: 1, max: 3 }),
    )
    .map(([points, open, most]) => {
      const cuts = [...points].sort((a, b) => a - b).map((p) => p * grid)
      const pieces = cuts.slice(1).map((to, i) => ({ from: hhmm(cuts[i]), to: hhmm(to) }))
      const chosen = pieces.filter((_, i) => open[i]).slice(0, most)
      return chosen.length > 0 ? chosen : [pieces[0]]
    })
}

const scenario = fc.constantFrom(...NIGHTS).chain((night) =>
  fc.record({
    night: fc.constant(night),
    dayOffset: fc.constantFrom(-1, 0, 0, 1),
    availability: fc.constantFrom(5, 15).chain((grid) =>
      fc.record({
        weeklyHours: fc.record(Object.fromEntries(WEEKDAYS.map((d) => [d, dayHours(night.hotMinutes, grid)])) as Record<Weekday, fc.Arbitrary<Range[]>>),
        slotMinutes: fc.constantFrom(15, 30, 45, 60),
        bufferMinutes: fc.integer({ min: 0, max: 20 }),
      }),
    ),
    probes: fc.array(
      fc.record({
        atSlotStart: fc.boolean(),
        pick: fc.nat(),
        minute: fc.nat({ max: 3 * DAY_MINUTES - 1 }),
        second: fc.constantFrom(0, 0, 0, 30),
        minutes: fc.integer({ min: 1, max: 90 }),
        mode: fc.constantFrom<MeetingMode>('online', 'on-site'),
      }),
      { maxLength: 12 },
    ),
  }),
)

/** Runs freeSlots and the oracle for one scenario: three days around the night, asked three days ahead. */
function run(zone: string, day: string, wallAt: WallAt, raw: Pick<Availability, 'weeklyHours' | 'slotMinutes' | 'bufferMinutes'>) {
  const availability = availabilitySchema.parse({ ...raw, timeZone: zone, parallelTables: 2, modes: ['online', 'on-site'] })
  const exhibitor: BookableExhibitor = { id: 'night-owl', availability }
  const event = conventionAround(zone, day)
  const from = DateTime.fromISO(addDays(day, -1), { zone }).startOf('day').toMillis()
  const to = DateTime.fromISO(addDays(day, 2), { zone }).startOf('day').toMillis()
  const now = from - 3 * DAY
  const slots = freeSlots({ exhibitor, event, from, to, now, bookings: [] })
  const days = [-2, -1, 0, 1, 2].map((d) => addDays(day, d))
  const expected = {
    online: oracleSlots(wallAt, availability, days, from, to),
    'on-site': oracleSlots(wallAt, availability, days.slice(1, 4), from, to),
  }
  return { availability, exhibitor, event, from, to, now, slots, expected }
}

const ofMode = (slots: readonly Slot[], mode: MeetingMode) => slots.filter((s) => s.mode === mode)

describe('the transitions the property test runs around, found by luxon', () => {
  it('include half-hour, 45-minute-zone and midnight changes', () => {
    const localDays = (zone: string) => NIGHTS.filter((n) => n.zone === zone && transitionsByZone.get(zone)!.length > 0).map((n) => n.day)
    expect(localDays('Europe/Berlin')).toEqual(['2026-03-29', '2026-10-25'])
    expect(localDays('Pacific/Chatham')).toEqual(['2026-04-05', '2026-09-27'])
    expect(localDays('America/Sao_Paulo')).toEqual(['2016-02-20', '2016-10-16', '2017-02-18', '2017-10-15', '2018-02-17', '2018-11-04'])
    expect(NIGHTS.find((n) => n.zone === 'America/Sao_Paulo' && n.day === '2016-10-16')!.hotMinutes).toEqual([0, 60])
    expect(NIGHTS.find((n) => n.zone === 'Australia/Lord_Howe' && n.day === '2026-04-05')!.hotMinutes).toEqual([120, 90])
    for (const zone of ['Asia/Shanghai', 'UTC', 'Asia/Kolkata']) expect(transitionsByZone.get(zone)).toEqual([])
  })

  it('give the wall clock luxon gives, minute by minute, on each transition night', () => {
    for (const night of NIGHTS.filter((n) => transitionsByZone.get(n.zone)!.length > 0)) {
      const direct = luxonWallAt(night.zone)
      const start = DateTime.fromISO(night.day, { zone: night.zone }).toMillis() - 6 * 60 * MINUTE
      for (let t = start; t < start + 36 * 60 * MINUTE; t += 5 * MINUTE) expect(night.wallAt(t)).toBe(direct(t))
    }
  })
})

describe('free slots around every time-zone transition (property, checked against luxon)', () => {
  it('stay inside the declared hours, are unique, never overlap, match the oracle, and are exactly what checkBooking accepts', () => {
    fc.assert(
      fc.property(scenario, ({ night, dayOffset, availability: hours, probes }) => {
        const day = addDays(night.day, dayOffset)
        const { availability, exhibitor, event, now, from, slots, expected } = run(night.zone, day, night.wallAt, hours)

        // (1) every minute of every slot reads a wall time (date and time) inside one of the ranges of the slot's date
        for (const slot of slots) {
          const date = wallLabel(night.wallAt(slot.start)).slice(0, 10)
          expect(slot.exhibitorLocal).toBe(wallLabel(night.wallAt(slot.start)))
          const dayStart = isoDayNumber(date) * DAY_MINUTES
          const ranges = availability.weeklyHours[weekdayOf(date)] ?? []
          for (let t = slot.start; t < slot.end; t += MINUTE) {
            const wall = night.wallAt(t)
            const inside = ranges.some((r) => wall >= dayStart + minutesOf(r.from) && wall < dayStart + minutesOf(r.to))
            if (!inside) throw new Error(`${slot.id} reaches ${wallLabel(wall)}, outside the hours of ${date}: ${JSON.stringify(ranges)}`)
          }
        }

        // (2) no slot id twice
        expect(new Set(slots.map((s) => s.id)).size).toBe(slots.length)

        for (const mode of ['online', 'on-site'] as const) {
          const own = ofMode(slots, mode)
          // (3) the slots of one mode follow each other without overlapping
          for (let i = 1; i < own.length; i++) expect(own[i].start).toBeGreaterThanOrEqual(own[i - 1].end)
          // (5) and are exactly the oracle's
          expect(own.map((s) => [s.start, s.end])).toEqual(expected[mode])
        }

        // (4) checkBooking accepts the slots (a sample, it is the slow part) and refuses any other time
        const context: BookingContext = { exhibitor, event, bookings: [], visitorId: 'visitor-a', now, tableIds: ['table-1'] }
        const sample = slots.filter((_, i) => i % Math.max(1, Math.ceil(slots.length / 8)) === 0)
        for (const slot of sample) expect(checkBooking(context, bookingRequest(exhibitor.id, slot.start, slot.end, slot.mode)).ok).toBe(true)
        const isSlot = (start: number, end: number, mode: MeetingMode) => slots.some((s) => s.start === start && s.end === end && s.mode === mode)
        for (const probe of probes) {
          const start =
            probe.atSlotStart && slots.length > 0 ? slots[probe.pick % slots.length].start : from + probe.minute * MINUTE + probe.second * 1000
          const end = start + probe.minutes * MINUTE
          if (isSlot(start, end, probe.mode)) continue
          expect(checkBooking(context, bookingRequest(exhibitor.id, start, end, probe.mode))).toEqual({ ok: false, refusal: { code: 'not-a-slot' } })
        }
      }),
      { seed: 20261025, numRuns: 500 },
    )
  }, 20_000)
})

describe('free slots on fixed transition nights match luxon asked minute by minute', () => {
  const cases: { name: string; zone: string; day: string; hours: Range[]; slotMinutes: 15 | 30 | 45 | 60; bufferMinutes?: number }[] = [
    { name: 'Berlin fall-back, hours ending as the repeated hour begins', zone: 'Europe/Berlin', day: '2026-10-25', hours: [{ from: '00:00', to: '02:00' }], slotMinutes: 30 },
    { name: 'Berlin fall-back, adjacent ranges meeting at 02:00', zone: 'Europe/Berlin', day: '2026-10-25', hours: [{ from: '00:00', to: '02:00' }, { from: '02:00', to: '04:00' }], slotMinutes: 30 },
    { name: 'Berlin fall-back, adjacent ranges meeting at 02:30, 10-minute buffer', zone: 'Europe/Berlin', day: '2026-10-25', hours: [{ from: '01:00', to: '02:30' }, { from: '02:30', to: '04:00' }], slotMinutes: 30, bufferMinutes: 10 },
    { name: 'Berlin fall-back, a range the clocks go back into (02:50–03:10)', zone: 'Europe/Berlin', day: '2026-10-25', hours: [{ from: '02:50', to: '03:10' }], slotMinutes: 15 },
    { name: 'Berlin spring-forward, a range starting in the skipped hour', zone: 'Europe/Berlin', day: '2026-03-29', hours: [{ from: '02:30', to: '04:00' }], slotMinutes: 15 },
    { name: 'New York fall-back, ranges around the repeated 01:00', zone: 'America/New_York', day: '2026-11-01', hours: [{ from: '00:30', to: '01:30' }, { from: '01:30', to: '03:00' }], slotMinutes: 15, bufferMinutes: 5 },
    { name: 'Sydney fall-back, a range ending inside the repeated hour', zone: 'Australia/Sydney', day: '2026-04-05', hours: [{ from: '01:00', to: '02:30' }, { from: '02:45', to: '05:00' }], slotMinutes: 45 },
    { name: 'Chatham fall-back at 03:45, 45-minute offsets', zone: 'Pacific/Chatham', day: '2026-04-05', hours: [{ from: '02:30', to: '03:15' }, { from: '03:15', to: '04:30' }], slotMinutes: 15 },
    { name: 'Lord Howe half-hour fall-back', zone: 'Australia/Lord_Howe', day: '2026-04-05', hours: [{ from: '01:00', to: '01:45' }, { from: '01:45', to: '03:00' }], slotMinutes: 15 },
    { name: 'São Paulo fall-back at midnight, the last hour of Saturday twice', zone: 'America/Sao_Paulo', day: '2018-02-17', hours: [{ from: '22:00', to: '23:30' }, { from: '23:30', to: '23:55' }], slotMinutes: 15 },
    { name: 'São Paulo spring-forward at midnight, Sunday starting at 01:00', zone: 'America/Sao_Paulo', day: '2018-11-04', hours: [{ from: '00:00', to: '00:45' }, { from: '00:45', to: '02:00' }], slotMinutes: 15 },
    { name: 'Santiago fall-back at midnight', zone: 'America/Santiago', day: '2026-04-04', hours: [{ from: '22:30', to: '23:45' }], slotMinutes: 30 },
  ]

  it.each(cases)('$name', ({ zone, day, hours, slotMinutes, bufferMinutes = 0 }) => {
    const weeklyHours = { [weekdayOf(day)]: hours }
    const { slots, expected } = run(zone, day, luxonWallAt(zone), { weeklyHours, slotMinutes, bufferMinutes })
    expect(expected.online.length).toBeGreaterThan(0)
    for (const mode of ['online', 'on-site'] as const) expect(ofMode(slots, mode).map((s) => [s.start, s.end])).toEqual(expected[mode])
  })
})
