import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { availabilitySchema, eventSchema, type Availability } from '../../src/content/schema'
import { conventionDaysBetween, conventionDaysOfYear, isConventionDay, nextConvention } from '../../src/booking/conventionDays'
import { checkBooking } from '../../src/booking/rules'
import { BOOKING_WINDOW, formatSlotTimes, freeSlots, groupSlotsByVisitorDay, nextFreeSlot } from '../../src/booking/slots'
import { wallRangeToIntervals, wallTimeToInstant } from '../../src/booking/timeZones'
import type { BookableExhibitor, BookingLike, Slot } from '../../src/booking/types'

const event = eventSchema.parse(JSON.parse(readFileSync(join(process.cwd(), 'assets/content/wmc2021/event.json'), 'utf8')))
const HOUR = 3_600_000
const DAY = 24 * HOUR
const utc = (iso: string) => Date.parse(iso)

function exhibitor(id: string, availability: Partial<Availability> & Pick<Availability, 'timeZone'>): BookableExhibitor {
  return {
    id,
    availability: availabilitySchema.parse({
      weeklyHours: everyDay('09:00', '17:00'),
      slotMinutes: 30,
      parallelTables: 2,
      modes: ['online'],
      ...availability,
    }),
  }
}

function everyDay(from: string, to: string): Availability['weeklyHours'] {
  return Object.fromEntries(['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'].map((d) => [d, [{ from, to }]]))
}

const oracleFormats = new Map<string, Intl.DateTimeFormat>()
function oracleFormat(zone: string, kind: 'clock' | 'offset'): Intl.DateTimeFormat {
  const key = `${zone}|${kind}`
  let dtf = oracleFormats.get(key)
  if (!dtf) {
    dtf =
      kind === 'clock'
        ? new Intl.DateTimeFormat('en-CA', { timeZone: zone, hourCycle: 'h23', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit' })
        : new Intl.DateTimeFormat('en', { timeZone: zone, timeZoneName: 'longOffset' })
    oracleFormats.set(key, dtf)
  }
  return dtf
}

/** Independent oracle: what a clock in the zone shows, straight from Intl. */
function intlWallClock(zone: string, ms: number): string {
  const parts = Object.fromEntries(oracleFormat(zone, 'clock').formatToParts(ms).map((p) => [p.type, p.value]))
  return `${parts.year}-${parts.month}-${parts.day} ${parts.hour}:${parts.minute}`
}

function intlOffsetMinutes(zone: string, ms: number): number {
  const name = oracleFormat(zone, 'offset').formatToParts(ms).find((p) => p.type === 'timeZoneName')!.value
  const m = /GMT(?:([+-])(\d\d):(\d\d))?/.exec(name)!
  return m[1] ? (m[1] === '-' ? -1 : 1) * (Number(m[2]) * 60 + Number(m[3])) : 0
}

/** The local dates in a year on which a zone's UTC offset changes, found by scanning hour by hour with Intl. */
function transitionDates(zone: string, year: number): string[] {
  const dates: string[] = []
  let previous = intlOffsetMinutes(zone, Date.UTC(year, 0, 1))
  for (let t = Date.UTC(year, 0, 1) + HOUR; t < Date.UTC(year + 1, 0, 1); t += HOUR) {
    const offset = intlOffsetMinutes(zone, t)
    if (offset !== previous) dates.push(intlWallClock(zone, t).slice(0, 10))
    previous = offset
  }
  return dates
}

const VISITOR_ZONES = ['UTC', 'Asia/Shanghai', 'America/New_York', 'Europe/Berlin', 'Australia/Lord_Howe'] as const

/** Open round the clock in Beijing (15-minute slots up to 23:45), so every visitor night has slots. */
const roundTheClock = exhibitor('round-the-clock', {
  timeZone: 'Asia/Shanghai',
  weeklyHours: everyDay('00:00', '23:45'),
  slotMinutes: 15,
})

function slotsAround(ex: BookableExhibitor, day: string, visitorTimeZone?: string, bookings: BookingLike[] = []): Slot[] {
  const now = utc(`${day}T00:00:00Z`) - 3 * DAY
  return freeSlots({ exhibitor: ex, event, from: now, to: now + BOOKING_WINDOW.days * DAY, now, bookings, visitorTimeZone })
}

const visitorLabels = (slots: Slot[], zone: string, fromIso: string, toIso: string) =>
  slots
    .filter((s) => s.start >= utc(fromIso) && s.start < utc(toIso))
    .map((s) => formatSlotTimes(s, zone, s.timeZone, 'en').visitor)

describe('the DST transition days used below', () => {
  it('are where Intl puts them in 2026 and 2027', () => {
    expect(transitionDates('America/New_York', 2026)).toEqual(['2026-03-08', '2026-11-01'])
    expect(transitionDates('America/New_York', 2027)).toEqual(['2027-03-14', '2027-11-07'])
    expect(transitionDates('Europe/Berlin', 2026)).toEqual(['2026-03-29', '2026-10-25'])
    expect(transitionDates('Europe/Berlin', 2027)).toEqual(['2027-03-28', '2027-10-31'])
    expect(transitionDates('Australia/Lord_Howe', 2026)).toEqual(['2026-04-05', '2026-10-04'])
    expect(transitionDates('Australia/Lord_Howe', 2027)).toEqual(['2027-04-04', '2027-10-03'])
    expect(transitionDates('Asia/Shanghai', 2027)).toEqual([])
    expect(transitionDates('UTC', 2027)).toEqual([])
  })
})

describe('free slots seen from visitor time zones on their DST transition days', () => {
  const transitionDays = [
    ...['America/New_York', 'Europe/Berlin', 'Australia/Lord_Howe'].flatMap((zone) => [
      ...transitionDates(zone, 2026),
      ...transitionDates(zone, 2027),
    ]),
  ]

  it.each(transitionDays)('offers the same instants in every visitor zone around %s, none missing, doubled or shifted', (day) => {
    // the three days around the change, asked for three days ahead
    const from = utc(`${day}T00:00:00Z`) - DAY
    const query = { exhibitor: roundTheClock, event, from, to: from + 3 * DAY, now: from - 2 * DAY, bookings: [] }
    const reference = freeSlots(query)
    // 95 fifteen-minute slots a Beijing day
    expect(reference.length).toBeGreaterThanOrEqual(3 * 95 - 2)
    const lastStart = reference[reference.length - 1].start
    for (const zone of VISITOR_ZONES) {
      const seen = freeSlots({ ...query, visitorTimeZone: zone })
      const starts = seen.map((s) => s.start)
      expect(starts).toEqual(reference.map((s) => s.start))
      expect(new Set(starts).size).toBe(seen.length)
      // every 15 real minutes, except where Beijing's 23:45–24:00 is closed: nothing moved in absolute time
      const gaps = starts.slice(1).map((t, i) => t - starts[i])
      expect(gaps.filter((g) => g !== 15 * 60_000).every((g) => g === 30 * 60_000)).toBe(true)
      expect(seen.map((s) => s.visitorLocal)).toEqual(starts.map((t) => intlWallClock(zone, t)))
      expect(seen.map((s) => s.exhibitorLocal)).toEqual(starts.map((t) => intlWallClock('Asia/Shanghai', t)))
      expect(seen.every((s) => s.end - s.start === 15 * 60_000 && s.exhibitorLocal.slice(11) < '23:45')).toBe(true)
      // grouping by the visitor's day keeps every slot exactly once, under the day its clock shows
      const days = groupSlotsByVisitorDay(seen, zone)
      expect(days.flatMap((d) => d.slots).map((s) => s.start)).toEqual(starts)
      expect(days.flatMap((d) => d.slots.map(() => d.date))).toEqual(starts.map((t) => intlWallClock(zone, t).slice(0, 10)))
      expect(starts[starts.length - 1]).toBe(lastStart)
    }
  })

  it('skips the hour New York clocks jump over, without losing a slot (2027-03-14)', () => {
    const slots = slotsAround(roundTheClock, '2027-03-14', 'America/New_York')
    // 05:00Z–08:00Z: 00:00 EST … 01:45 EST, then 03:00 EDT … 03:45 EDT, twelve slots as in every other 3 h
    expect(visitorLabels(slots, 'America/New_York', '2027-03-14T05:00:00Z', '2027-03-14T08:00:00Z')).toEqual([
      '00:00', '00:15', '00:30', '00:45', '01:00', '01:15', '01:30', '01:45', '03:00', '03:15', '03:30', '03:45',
    ])
  })

  it('shows the hour New York repeats twice, told apart by the offset (2027-11-07)', () => {
    const slots = slotsAround(roundTheClock, '2027-11-07', 'America/New_York').filter(
      (s) => s.start >= utc('2027-11-07T05:00:00Z') && s.start < utc('2027-11-07T07:00:00Z'),
    )
    const times = slots.map((s) => formatSlotTimes(s, 'America/New_York', s.timeZone, 'en'))
    expect(times.map((t) => t.visitor)).toEqual(['01:00', '01:15', '01:30', '01:45', '01:00', '01:15', '01:30', '01:45'])
    expect(times.map((t) => t.visitorOffset)).toEqual([...Array(4).fill('GMT-4'), ...Array(4).fill('GMT-5')])
    expect(times.every((t) => t.visitorRepeated)).toBe(true)
    expect(formatSlotTimes({ start: utc('2027-11-07T08:00:00Z'), end: utc('2027-11-07T08:15:00Z') }, 'America/New_York', 'Asia/Shanghai', 'en').visitorRepeated).toBe(false)
  })

  it('follows Berlin clocks forward and back (2027-03-28, 2027-10-31)', () => {
    expect(visitorLabels(slotsAround(roundTheClock, '2027-03-28', 'Europe/Berlin'), 'Europe/Berlin', '2027-03-28T00:30:00Z', '2027-03-28T01:30:00Z')).toEqual([
      '01:30', '01:45', '03:00', '03:15',
    ])
    expect(visitorLabels(slotsAround(roundTheClock, '2027-10-31', 'Europe/Berlin'), 'Europe/Berlin', '2027-10-31T00:30:00Z', '2027-10-31T01:30:00Z')).toEqual([
      '02:30', '02:45', '02:00', '02:15',
    ])
  })

  it('handles Lord Howe’s half-hour shifts (2027-04-04 back, 2027-10-03 forward)', () => {
    // 02:00 LHDT becomes 01:30 LHST at 15:00Z: the half hour 01:30–02:00 happens twice
    const back = slotsAround(roundTheClock, '2027-04-04', 'Australia/Lord_Howe')
    const backTimes = back
      .filter((s) => s.start >= utc('2027-04-03T14:30:00Z') && s.start < utc('2027-04-03T15:30:00Z'))
      .map((s) => formatSlotTimes(s, 'Australia/Lord_Howe', s.timeZone, 'en'))
    expect(backTimes.map((t) => t.visitor)).toEqual(['01:30', '01:45', '01:30', '01:45'])
    expect(backTimes.map((t) => t.visitorOffset)).toEqual(['GMT+11', 'GMT+11', 'GMT+10:30', 'GMT+10:30'])
    // 02:00 LHST becomes 02:30 LHDT at 15:30Z: no clock time in between, no slot lost
    const forward = slotsAround(roundTheClock, '2027-10-03', 'Australia/Lord_Howe')
    expect(visitorLabels(forward, 'Australia/Lord_Howe', '2027-10-02T15:00:00Z', '2027-10-02T15:45:00Z')).toEqual(['01:30', '01:45', '02:30'])
    // the Lord Howe day of the change has 24.5 h and holds 24.5 h of slots, less Beijing's 23:45–24:00 gap
    const day = groupSlotsByVisitorDay(back, 'Australia/Lord_Howe').find((d) => d.date === '2027-04-04')!
    expect(day.slots.length).toBe(24.5 * 4 - 1)
  })
})

describe('an exhibitor whose own office hours cross its DST change', () => {
  const berlin = exhibitor('night-shift-berlin', {
    timeZone: 'Europe/Berlin',
    weeklyHours: { sun: [{ from: '01:00', to: '04:00' }], mon: [{ from: '01:00', to: '04:00' }] },
    slotMinutes: 30,
  })
  const localTimes = (day: string) =>
    slotsAround(berlin, day)
      .filter((s) => s.exhibitorLocal.startsWith(day))
      .map((s) => s.exhibitorLocal.slice(11))

  it('is open one real hour less in spring, and no slot starts at a time that does not exist', () => {
    expect(localTimes('2027-03-21')).toEqual(['01:00', '01:30', '02:00', '02:30', '03:00', '03:30'])
    expect(localTimes('2027-03-28')).toEqual(['01:00', '01:30', '03:00', '03:30'])
    const spring = slotsAround(berlin, '2027-03-28').filter((s) => s.exhibitorLocal.startsWith('2027-03-28'))
    expect(spring.map((s) => s.start - spring[0].start)).toEqual([0, 0.5, 1, 1.5].map((h) => h * HOUR))
  })

  it('is open one real hour more in autumn, each slot once and 30 real minutes apart', () => {
    const autumn = slotsAround(berlin, '2027-10-31').filter((s) => s.exhibitorLocal.startsWith('2027-10-31'))
    expect(autumn.map((s) => s.exhibitorLocal.slice(11))).toEqual(['01:00', '01:30', '02:00', '02:30', '02:00', '02:30', '03:00', '03:30'])
    expect(autumn.map((s) => s.start - autumn[0].start)).toEqual([0, 0.5, 1, 1.5, 2, 2.5, 3, 3.5].map((h) => h * HOUR))
    for (const slot of autumn) expect(intlWallClock('Europe/Berlin', slot.start)).toBe(slot.exhibitorLocal)
  })

  it('opens at the jump when its hours start inside the skipped hour', () => {
    const late = exhibitor('late-opener', { timeZone: 'Europe/Berlin', weeklyHours: { sun: [{ from: '02:30', to: '04:00' }] } })
    expect(slotsAround(late, '2027-03-28').filter((s) => s.exhibitorLocal.startsWith('2027-03-28')).map((s) => s.exhibitorLocal.slice(11))).toEqual([
      '03:00', '03:30',
    ])
    expect(wallTimeToInstant('Europe/Berlin', '2027-03-28', 150)).toBe(utc('2027-03-28T01:00:00Z'))
  })

  it('reads a repeated wall time as its first or last occurrence, as asked', () => {
    expect(wallTimeToInstant('America/New_York', '2027-11-07', 90, 'first')).toBe(utc('2027-11-07T05:30:00Z'))
    expect(wallTimeToInstant('America/New_York', '2027-11-07', 90, 'last')).toBe(utc('2027-11-07T06:30:00Z'))
    expect(wallTimeToInstant('Australia/Lord_Howe', '2027-04-04', 105, 'last')).toBe(utc('2027-04-03T15:15:00Z'))
    expect(wallTimeToInstant('Asia/Shanghai', '2027-11-07', 90, 'last')).toBe(utc('2027-11-06T17:30:00Z'))
  })

  it('keeps every slot of every day within the office hours, on the exhibitor’s clock', () => {
    for (const day of ['2027-03-28', '2027-10-31']) {
      for (const slot of slotsAround(berlin, day)) {
        const time = intlWallClock('Europe/Berlin', slot.start).slice(11)
        expect(time >= '01:00' && time < '04:00').toBe(true)
        expect(intlWallClock('Europe/Berlin', slot.end - 1).slice(11) < '04:00').toBe(true)
      }
    }
  })
})

describe('office hours on a fall-back night (Berlin, 25 October 2026: 03:00 CEST becomes 02:00 CET at 01:00Z)', () => {
  const night = '2026-10-25'
  const sundayNight = (ranges: { from: string; to: string }[], more: Partial<Availability> = {}) =>
    exhibitor('berlin-night-desk', { timeZone: 'Europe/Berlin', weeklyHours: { sun: ranges }, ...more })
  const slotsOfTheNight = (ex: BookableExhibitor) => slotsAround(ex, night).filter((s) => s.exhibitorLocal.startsWith(night))
  /** Local time with the offset, so the two 02:30s of the night can be told apart. */
  const labelled = (slots: Slot[]) =>
    slots.map((s) => `${intlWallClock('Europe/Berlin', s.start).slice(11)} ${intlOffsetMinutes('Europe/Berlin', s.start) === 120 ? 'CEST' : 'CET'}`)

  it('never offers a slot outside the declared hours on a fall-back night', () => {
    const slots = slotsOfTheNight(sundayNight([{ from: '00:00', to: '02:00' }]))
    expect(labelled(slots)).toEqual(['00:00 CEST', '00:30 CEST', '01:00 CEST', '01:30 CEST'])
    expect(slots.map((s) => s.start)).toEqual(['2026-10-24T22:00:00Z', '2026-10-24T22:30:00Z', '2026-10-24T23:00:00Z', '2026-10-24T23:30:00Z'].map(utc))
    for (const slot of slots) expect(intlWallClock('Europe/Berlin', slot.end - 1).slice(11) < '02:00').toBe(true)
  })

  it('refuses a booking at 02:30 CEST when the hours end at 02:00', () => {
    const ex = sundayNight([{ from: '00:00', to: '02:00' }])
    const now = utc(`${night}T00:00:00Z`) - 3 * DAY
    const request = (iso: string) => ({
      exhibitorId: ex.id,
      start: utc(iso),
      end: utc(iso) + 30 * 60_000,
      mode: 'online' as const,
      topic: 'Night-shift maintenance contracts',
      profile: { name: 'Li Wei', company: 'Anhui Buyers Ltd', email: 'li.wei@example.com', role: 'buyer' as const },
      visitorTimeZone: 'Asia/Shanghai',
    })
    const context = { exhibitor: ex, event, bookings: [], visitorId: 'visitor-a', now, tableIds: ['table-1'] }
    expect(checkBooking(context, request('2026-10-25T00:30:00Z'))).toEqual({ ok: false, refusal: { code: 'not-a-slot' } })
    expect(checkBooking(context, request('2026-10-25T00:00:00Z'))).toEqual({ ok: false, refusal: { code: 'not-a-slot' } })
    expect(checkBooking(context, request('2026-10-24T23:30:00Z'))).toMatchObject({ ok: true })
  })

  it('offers each slot once when two adjacent ranges meet at the repeated hour', () => {
    const slots = slotsOfTheNight(sundayNight([{ from: '00:00', to: '02:00' }, { from: '02:00', to: '04:00' }]))
    expect(new Set(slots.map((s) => s.id)).size).toBe(slots.length)
    expect(labelled(slots)).toEqual([
      '00:00 CEST', '00:30 CEST', '01:00 CEST', '01:30 CEST', '02:00 CEST', '02:30 CEST', '02:00 CET', '02:30 CET', '03:00 CET', '03:30 CET',
    ])
    // five real hours, one slot every 30 real minutes
    expect(slots.map((s) => s.start - slots[0].start)).toEqual(Array.from({ length: 10 }, (_, i) => i * 30 * 60_000))
  })

  it('never lets the slots of adjacent ranges overlap, with a buffer, when the border is a repeated time', () => {
    const slots = slotsOfTheNight(sundayNight([{ from: '01:00', to: '02:30' }, { from: '02:30', to: '04:00' }], { bufferMinutes: 10 }))
    expect(labelled(slots)).toEqual(['01:00 CEST', '01:40 CEST', '02:30 CEST', '02:30 CET', '03:10 CET'])
    for (let i = 1; i < slots.length; i++) expect(slots[i].start).toBeGreaterThanOrEqual(slots[i - 1].end)
  })

  it('splits a range the clocks go back into, before its start, into two pieces and cuts slots in each (02:50–03:10)', () => {
    // 02:50–02:59 CEST, then 02:00–02:49 CET is outside the range, then 02:50–03:09 CET
    expect(wallRangeToIntervals('Europe/Berlin', night, 170, 190)).toEqual([
      { start: utc('2026-10-25T00:50:00Z'), end: utc('2026-10-25T01:00:00Z') },
      { start: utc('2026-10-25T01:50:00Z'), end: utc('2026-10-25T02:10:00Z') },
    ])
    const slots = slotsOfTheNight(sundayNight([{ from: '02:50', to: '03:10' }], { slotMinutes: 15 }))
    // the 10-minute CEST piece holds no 15-minute slot; the CET piece holds one
    expect(labelled(slots)).toEqual(['02:50 CET'])
    const wider = slotsOfTheNight(sundayNight([{ from: '02:40', to: '03:20' }], { slotMinutes: 15 }))
    expect(labelled(wider)).toEqual(['02:40 CEST', '02:40 CET', '02:55 CET'])
  })
})

describe('slot generation', () => {
  const beijing = exhibitor('beijing-office', {
    timeZone: 'Asia/Shanghai',
    weeklyHours: { mon: [{ from: '09:00', to: '12:00' }, { from: '14:00', to: '17:00' }], tue: [{ from: '09:00', to: '12:00' }] },
    slotMinutes: 45,
    bufferMinutes: 15,
  })

  it('cuts office hours into slot length plus buffer, in the exhibitor’s zone', () => {
    const now = utc('2027-03-01T00:00:00Z') // Monday 08:00 in Beijing
    const slots = freeSlots({ exhibitor: beijing, event, from: now, to: now + 2 * DAY, now: now - DAY, bookings: [] })
    expect(slots.map((s) => s.exhibitorLocal)).toEqual([
      '2027-03-01 09:00', '2027-03-01 10:00', '2027-03-01 11:00', '2027-03-01 14:00', '2027-03-01 15:00', '2027-03-01 16:00',
      '2027-03-02 09:00', '2027-03-02 10:00', '2027-03-02 11:00',
    ])
    expect(slots.every((s) => s.end - s.start === 45 * 60_000 && s.mode === 'online' && s.timeZone === 'Asia/Shanghai')).toBe(true)
  })

  it('offers nothing in the past or starting within the 2-hour lead time', () => {
    const now = utc('2027-03-01T01:00:00Z') // Monday 09:00 in Beijing
    const slots = freeSlots({ exhibitor: beijing, event, from: now - DAY, to: now + DAY, now, bookings: [] })
    expect(slots[0].exhibitorLocal).toBe('2027-03-01 11:00') // exactly 2 h ahead is allowed
    expect(slots.every((s) => s.start >= now + 2 * HOUR)).toBe(true)
    const aMinuteLater = freeSlots({ exhibitor: beijing, event, from: now, to: now + DAY, now: now + 60_000, bookings: [] })
    expect(aMinuteLater[0].exhibitorLocal).toBe('2027-03-01 14:00')
  })

  it('opens 28 days ahead and no further', () => {
    const now = utc('2027-03-01T00:00:00Z')
    const slots = freeSlots({ exhibitor: beijing, event, from: now, to: now + 60 * DAY, now, bookings: [] })
    expect(slots.every((s) => s.start < now + 28 * DAY)).toBe(true)
    expect(slots[slots.length - 1].exhibitorLocal).toBe('2027-03-23 11:00') // the last Tuesday inside the window
  })

  it('skips blackout dates', () => {
    const closed = exhibitor('closed-for-spring-festival', {
      timeZone: 'Asia/Shanghai',
      blackoutDates: ['2027-02-08', '2027-02-09', '2027-02-10', '2027-02-11'],
      modes: ['online', 'on-site'],
    })
    const now = utc('2027-02-01T00:00:00Z')
    const dates = new Set(freeSlots({ exhibitor: closed, event, from: now, to: now + 28 * DAY, now, bookings: [] }).map((s) => s.exhibitorLocal.slice(0, 10)))
    expect(dates.has('2027-02-07')).toBe(true)
    for (const d of ['2027-02-08', '2027-02-09', '2027-02-10', '2027-02-11']) expect(dates.has(d)).toBe(false)
    expect(dates.has('2027-02-12')).toBe(true)
  })

  it('counts confirmed bookings against parallel tables, leaves full slots out and frees cancelled ones', () => {
    const now = utc('2027-03-01T00:00:00Z')
    const start = utc('2027-03-01T06:00:00Z') // 14:00 Beijing
    const query = { exhibitor: { ...beijing, availability: { ...beijing.availability, parallelTables: 2 } }, event, from: start, to: start + 1, now }
    const booking = (status: 'confirmed' | 'cancelled', exhibitorId = 'beijing-office'): BookingLike => ({ exhibitorId, start, end: start + 45 * 60_000, status })
    expect(freeSlots({ ...query, bookings: [] })[0].tablesLeft).toBe(2)
    expect(freeSlots({ ...query, bookings: [booking('confirmed'), booking('confirmed', 'someone-else')] })[0].tablesLeft).toBe(1)
    expect(freeSlots({ ...query, bookings: [booking('confirmed'), booking('confirmed')] })).toEqual([])
    expect(freeSlots({ ...query, bookings: [booking('confirmed'), booking('confirmed')], includeFull: true })[0].tablesLeft).toBe(0)
    expect(freeSlots({ ...query, bookings: [booking('confirmed'), booking('cancelled')] })[0].tablesLeft).toBe(1)
  })

  it('counts tables left as the peak of simultaneous bookings, so two back-to-back bookings take one table', () => {
    // Kathmandu is UTC+05:45: the online grid (07:00 there) falls at x:15 and x:45 Beijing, the on-site grid at x:00 and x:30
    const kathmandu = exhibitor('kathmandu-looms', { timeZone: 'Asia/Kathmandu', weeklyHours: everyDay('07:00', '12:00'), modes: ['online', 'on-site'] })
    const now = utc('2027-09-01T00:00:00Z')
    const onSite = (iso: string, minutes = 30, status: BookingLike['status'] = 'confirmed'): BookingLike => ({
      exhibitorId: 'kathmandu-looms', start: utc(iso), end: utc(iso) + minutes * 60_000, status,
    })
    const quarterPastTen = utc('2027-09-20T02:15:00Z') // 10:15–10:45 Beijing, online
    const tablesLeftAt = (bookings: BookingLike[]) =>
      freeSlots({ exhibitor: kathmandu, event, from: quarterPastTen, to: quarterPastTen + 1, now, bookings, includeFull: true, modes: ['online'] })[0].tablesLeft
    // 10:00–10:30 and 10:30–11:00 on site: never both at once, so one of the two tables stays free throughout
    expect(tablesLeftAt([onSite('2027-09-20T02:00:00Z'), onSite('2027-09-20T02:30:00Z')])).toBe(1)
    // a third booking alongside one of them makes two at once
    expect(tablesLeftAt([onSite('2027-09-20T02:00:00Z'), onSite('2027-09-20T02:30:00Z'), onSite('2027-09-20T02:40:00Z', 10)])).toBe(0)
    // half-open: a booking ending as the slot starts, or starting as it ends, takes nothing from it
    expect(tablesLeftAt([onSite('2027-09-20T01:45:00Z'), onSite('2027-09-20T02:45:00Z')])).toBe(2)
    // only live bookings count, and never below zero
    expect(tablesLeftAt([onSite('2027-09-20T02:00:00Z', 60, 'declined'), onSite('2027-09-20T02:00:00Z', 60, 'expired')])).toBe(2)
    expect(tablesLeftAt([1, 2, 3].map(() => onSite('2027-09-20T02:00:00Z', 60, 'requested')))).toBe(0)
  })

  it('finds the next free slot for the booth panel, even weeks ahead', () => {
    const now = utc('2027-03-01T00:00:00Z')
    const blackoutDates = Array.from({ length: 12 }, (_, i) => new Date(now + i * DAY).toISOString().slice(0, 10))
    const away = exhibitor('away', { timeZone: 'Asia/Shanghai', blackoutDates })
    expect(nextFreeSlot({ exhibitor: away, event, now, bookings: [] })?.exhibitorLocal).toBe('2027-03-13 09:00')
    expect(nextFreeSlot({ exhibitor: beijing, event, now, bookings: [] })).toEqual(freeSlots({ exhibitor: beijing, event, from: now, to: now + 28 * DAY, now, bookings: [] })[0])
    const alwaysAway = exhibitor('always-away', { timeZone: 'Asia/Shanghai', blackoutDates: Array.from({ length: 30 }, (_, i) => new Date(now + i * DAY).toISOString().slice(0, 10)) })
    expect(nextFreeSlot({ exhibitor: alwaysAway, event, now, bookings: [] })).toBeUndefined()
  })
})

describe('on-site slots', () => {
  const both = exhibitor('at-the-venue', { timeZone: 'Asia/Shanghai', modes: ['online', 'on-site'] })
  const onSite = (now: number, ex = both) =>
    freeSlots({ exhibitor: ex, event, from: now, to: now + 28 * DAY, now, bookings: [] }).filter((s) => s.mode === 'on-site')

  it('appear only on the convention days inside the window (20–23 September from 2022 on)', () => {
    const dates = new Set(onSite(utc('2027-09-01T00:00:00Z')).map((s) => s.exhibitorLocal.slice(0, 10)))
    expect([...dates]).toEqual(['2027-09-20', '2027-09-21', '2027-09-22', '2027-09-23'])
    expect(onSite(utc('2026-12-01T00:00:00Z'))).toEqual([])
    expect(new Set(onSite(utc('2021-11-01T00:00:00Z')).map((s) => s.exhibitorLocal.slice(0, 10)))).toEqual(
      new Set(['2021-11-19', '2021-11-20', '2021-11-21', '2021-11-22']),
    )
  })

  it('sit beside the online slots of the same time, sharing the exhibitor’s tables', () => {
    const slots = freeSlots({ exhibitor: both, event, from: utc('2027-09-20T01:00:00Z'), to: utc('2027-09-20T02:00:00Z'), now: utc('2027-09-01T00:00:00Z'), bookings: [] })
    expect(slots.map((s) => `${s.exhibitorLocal} ${s.mode}`)).toEqual(['2027-09-20 09:00 online', '2027-09-20 09:00 on-site', '2027-09-20 09:30 online', '2027-09-20 09:30 on-site'])
  })

  it('keep the venue’s hours for an exhibitor from another zone', () => {
    const seoul = exhibitor('korea-pavilion-guest', { timeZone: 'Asia/Seoul', modes: ['online', 'on-site'] })
    const slots = onSite(utc('2027-09-01T00:00:00Z'), seoul)
    expect(slots.length).toBeGreaterThan(0)
    for (const s of slots) {
      expect(s.timeZone).toBe('Asia/Shanghai')
      const time = intlWallClock('Asia/Shanghai', s.start).slice(11)
      expect(time >= '09:00' && time < '17:00').toBe(true)
    }
  })

  it('are never offered by an online-only exhibitor', () => {
    expect(onSite(utc('2027-09-01T00:00:00Z'), exhibitor('online-only', { timeZone: 'Asia/Shanghai' }))).toEqual([])
  })
})

describe('convention days', () => {
  it('are 19–22 November in 2021 and four days from 20 September each year after', () => {
    expect(conventionDaysOfYear(event, 2021)).toEqual(['2021-11-19', '2021-11-20', '2021-11-21', '2021-11-22'])
    expect(conventionDaysOfYear(event, 2022)).toEqual(['2022-09-20', '2022-09-21', '2022-09-22', '2022-09-23'])
    expect(conventionDaysOfYear(event, 2027)).toEqual(['2027-09-20', '2027-09-21', '2027-09-22', '2027-09-23'])
    expect(conventionDaysOfYear(event, 2020)).toEqual([])
  })

  it('are listed between two dates, across years, both ends included', () => {
    expect(conventionDaysBetween(event, '2021-11-20', '2022-09-20')).toEqual(['2021-11-20', '2021-11-21', '2021-11-22', '2022-09-20'])
    expect(conventionDaysBetween(event, '2026-10-01', '2027-08-31')).toEqual([])
    expect(isConventionDay(event, '2027-09-23')).toBe(true)
    expect(isConventionDay(event, '2027-09-24')).toBe(false)
  })

  it('name the edition running or coming next, for "on-site talks open on …"', () => {
    expect(nextConvention(event, '2021-01-01')[0]).toBe('2021-11-19')
    expect(nextConvention(event, '2026-12-01')[0]).toBe('2027-09-20')
    expect(nextConvention(event, '2027-09-22')[0]).toBe('2027-09-20')
    expect(nextConvention(event, '2027-09-24')[0]).toBe('2028-09-20')
  })
})

describe('slot times for the visitor', () => {
  const slot = { start: utc('2027-03-15T09:00:00Z'), end: utc('2027-03-15T09:30:00Z') }

  it('reads "10:00 your time · 17:00 Beijing" for a visitor in Berlin', () => {
    const en = formatSlotTimes(slot, 'Europe/Berlin', 'Asia/Shanghai', 'en')
    expect([en.visitor, en.exhibitor, en.exhibitorZoneLabel, en.visitorEnd]).toEqual(['10:00', '17:00', 'Beijing', '10:30'])
    expect(en.visitorDate).toBe('Mon, Mar 15')
    expect(formatSlotTimes(slot, 'Europe/Berlin', 'Asia/Shanghai', 'zh-CN').exhibitorZoneLabel).toBe('北京时间')
    const ko = formatSlotTimes(slot, 'Europe/Berlin', 'Asia/Shanghai', 'ko')
    expect([ko.visitor, ko.exhibitor, ko.exhibitorZoneLabel]).toEqual(['10:00', '17:00', '베이징'])
  })

  it('says when the exhibitor’s day is already the next one', () => {
    const early = { start: utc('2027-03-15T01:00:00Z'), end: utc('2027-03-15T01:30:00Z') }
    const t = formatSlotTimes(early, 'America/New_York', 'Asia/Shanghai', 'en')
    expect([t.visitorIsoDate, t.visitor, t.exhibitorIsoDate, t.exhibitor, t.exhibitorDayShift]).toEqual(['2027-03-14', '21:00', '2027-03-15', '09:00', 1])
  })
})
