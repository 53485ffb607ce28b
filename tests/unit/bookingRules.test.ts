import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { availabilitySchema, eventSchema } from '../../src/content/schema'
import { BOOKING_LIMITS, checkBooking, checkCancel, compareTableIds, lowestFreeTable, validateProfile, type BookingContext } from '../../src/booking/rules'
import { freeSlots } from '../../src/booking/slots'
import type { BookRequest, Booking, BookableExhibitor, Slot, SlotRef } from '../../src/booking/types'

const event = eventSchema.parse(JSON.parse(readFileSync(join(process.cwd(), 'assets/content/wmc2021/event.json'), 'utf8')))
const MINUTE = 60_000
const HOUR = 60 * MINUTE
const DAY = 24 * HOUR
const utc = (iso: string) => Date.parse(iso)

const weekdays = (from: string, to: string) => Object.fromEntries(['mon', 'tue', 'wed', 'thu', 'fri'].map((d) => [d, [{ from, to }]]))
const makeExhibitor = (id: string, parallelTables = 2): BookableExhibitor => ({
  id,
  availability: availabilitySchema.parse({
    timeZone: 'Asia/Shanghai',
    weeklyHours: weekdays('09:00', '17:00'),
    slotMinutes: 30,
    parallelTables,
    modes: ['online', 'on-site'],
  }),
})
const hefeiChips = makeExhibitor('hefei-chips')

/** Monday 1 March 2027, 08:00 in Beijing. */
const NOW = utc('2027-03-01T00:00:00Z')
const profile = { name: 'Li Wei', company: 'Anhui Buyers Ltd', email: 'li.wei@example.com', role: 'buyer' as const }
const TABLES = ['N-10', 'N-2', 'N-1']

const slotAt = (exhibitor: BookableExhibitor, iso: string, mode: Slot['mode'] = 'online', now = NOW): Slot => {
  const start = utc(iso)
  const slot = freeSlots({ exhibitor, event, from: start, to: start + 1, now, bookings: [], includeFull: true, modes: [mode] })[0]
  if (!slot) throw new Error(`no ${mode} slot of ${exhibitor.id} at ${iso}`)
  return slot
}

const request = (slot: Slot, overrides: Partial<BookRequest> = {}): BookRequest => ({
  exhibitorId: slot.exhibitorId,
  start: slot.start,
  end: slot.end,
  mode: slot.mode,
  topic: 'Sourcing 12-inch wafers',
  profile,
  visitorTimeZone: 'Europe/Berlin',
  ...overrides,
})

/** The time of an existing booking; existing bookings need not sit on the grid of the exhibitor asked about. */
const at = (exhibitorId: string, iso: string, minutes = 30): SlotRef => ({ exhibitorId, start: utc(iso), end: utc(iso) + minutes * MINUTE, mode: 'online' })

let counter = 0
const booking = (slot: Pick<Slot, 'exhibitorId' | 'start' | 'end' | 'mode'>, overrides: Partial<Booking> = {}): Booking => ({
  ...slot,
  id: `b${++counter}`,
  visitorId: 'visitor-a',
  status: 'confirmed',
  confirmationCode: `CODE${counter}`,
  tableId: `T-${counter}`,
  topic: 'earlier talk',
  profile,
  visitorTimeZone: 'Europe/Berlin',
  exhibitorTimeZone: 'Asia/Shanghai',
  createdAt: NOW - DAY,
  ...overrides,
})

const context = (bookings: Booking[], overrides: Partial<BookingContext> = {}): BookingContext => ({
  exhibitor: hefeiChips,
  event,
  bookings,
  visitorId: 'visitor-a',
  now: NOW,
  tableIds: TABLES,
  ...overrides,
})

describe('booking rules', () => {
  const tenAm = slotAt(hefeiChips, '2027-03-02T02:00:00Z') // Tuesday 10:00 Beijing

  it('accepts a real free slot and seats it at the lowest-numbered free table', () => {
    const ok = checkBooking(context([]), request(tenAm))
    expect(ok).toMatchObject({ ok: true, tableId: 'N-1', slot: { start: tenAm.start, tablesLeft: 2 } })
    const n1Busy = [booking(at('seoul-batteries', '2027-03-02T02:15:00Z'), { visitorId: 'visitor-b', tableId: 'N-1' })]
    expect(checkBooking(context(n1Busy), request(tenAm))).toMatchObject({ ok: true, tableId: 'N-2' })
    expect([...TABLES].sort(compareTableIds)).toEqual(['N-1', 'N-2', 'N-10'])
  })

  it('never lets a slot hold more confirmed bookings than the exhibitor’s parallel tables', () => {
    const full = [booking(tenAm, { visitorId: 'visitor-b' }), booking(tenAm, { visitorId: 'visitor-c' })]
    expect(checkBooking(context(full), request(tenAm))).toEqual({ ok: false, refusal: { code: 'slot-full', slot: { exhibitorId: 'hefei-chips', start: tenAm.start, end: tenAm.end, mode: 'online' } } })
    // an on-site meeting at the same time takes the same staff
    const atNow = { now: utc('2027-09-01T00:00:00Z') }
    const onSite = slotAt(hefeiChips, '2027-09-20T02:00:00Z', 'on-site', atNow.now)
    const onlineTwin = slotAt(hefeiChips, '2027-09-20T02:00:00Z', 'online', atNow.now)
    const both = [booking(onlineTwin, { visitorId: 'visitor-b' }), booking(onlineTwin, { visitorId: 'visitor-c' })]
    expect(checkBooking(context(both, atNow), request(onSite))).toMatchObject({ ok: false, refusal: { code: 'slot-full' } })
  })

  it('frees a slot as soon as a booking in it is cancelled', () => {
    const oneCancelled = [booking(tenAm, { visitorId: 'visitor-b' }), booking(tenAm, { visitorId: 'visitor-c', status: 'cancelled', cancelledAt: NOW })]
    expect(checkBooking(context(oneCancelled), request(tenAm))).toMatchObject({ ok: true })
  })

  it('refuses a booking overlapping one the visitor holds with another exhibitor, naming that booking', () => {
    const elsewhere = booking(at('seoul-batteries', '2027-03-02T02:15:00Z'), { confirmationCode: 'K7PQ2M' })
    const result = checkBooking(context([elsewhere]), request(tenAm))
    expect(result).toEqual({ ok: false, refusal: { code: 'visitor-overlap', clash: elsewhere } })
    if (!result.ok && result.refusal.code === 'visitor-overlap') {
      expect([result.refusal.clash.exhibitorId, result.refusal.clash.start, result.refusal.clash.confirmationCode]).toEqual([
        'seoul-batteries',
        utc('2027-03-02T02:15:00Z'),
        'K7PQ2M',
      ])
    }
    // back to back is not an overlap
    const right = booking(at('seoul-batteries', '2027-03-02T02:30:00Z'))
    expect(checkBooking(context([right]), request(tenAm))).toMatchObject({ ok: true })
    // another visitor's booking at the same time is none of this visitor's business
    expect(checkBooking(context([{ ...elsewhere, visitorId: 'visitor-b' }]), request(tenAm))).toMatchObject({ ok: true })
  })

  it('allows at most 3 upcoming bookings with the same exhibitor', () => {
    const three = ['2027-03-03T02:00:00Z', '2027-03-04T02:00:00Z', '2027-03-05T02:00:00Z'].map((iso) => booking(slotAt(hefeiChips, iso)))
    const result = checkBooking(context(three), request(tenAm))
    expect(result).toMatchObject({ ok: false, refusal: { code: 'exhibitor-limit', limit: BOOKING_LIMITS.perExhibitor } })
    // meetings already held do not count
    const oneHeld = [{ ...three[0], start: NOW - 2 * DAY, end: NOW - 2 * DAY + 30 * MINUTE }, three[1], three[2]]
    expect(checkBooking(context(oneHeld), request(tenAm))).toMatchObject({ ok: true })
  })

  it('allows at most 10 bookings on one of the visitor’s days, counted in the visitor’s zone', () => {
    // ten half-hour meetings with ten exhibitors on Tuesday morning in Berlin (02:00–07:00 Berlin is 09:00–14:00 Beijing)
    const ten = Array.from({ length: 10 }, (_, i) => {
      const start = utc('2027-03-02T01:00:00Z') + i * 30 * MINUTE
      return booking({ exhibitorId: `other-${i}`, start, end: start + 30 * MINUTE, mode: 'online' })
    })
    const afternoon = slotAt(hefeiChips, '2027-03-02T08:00:00Z') // 16:00 Beijing, 09:00 Berlin, Tuesday in both
    expect(checkBooking(context(ten), request(afternoon))).toEqual({
      ok: false,
      refusal: { code: 'daily-limit', limit: BOOKING_LIMITS.perVisitorDay, day: '2027-03-02' },
    })
    // in Los Angeles the ten fall on Monday evening and the new one on Tuesday 00:00: another day
    const losAngeles = ten.map((b) => ({ ...b, visitorTimeZone: 'America/Los_Angeles' }))
    expect(checkBooking(context(losAngeles), request(afternoon, { visitorTimeZone: 'America/Los_Angeles' }))).toMatchObject({ ok: true })
  })

  it('accepts only real slots of the exhibitor: matching start, end and mode, within the 28-day window', () => {
    expect(checkBooking(context([]), request(tenAm, { end: tenAm.end + 15 * MINUTE }))).toEqual({ ok: false, refusal: { code: 'not-a-slot' } })
    expect(checkBooking(context([]), request(tenAm, { start: tenAm.start + 10 * MINUTE, end: tenAm.end + 10 * MINUTE }))).toEqual({ ok: false, refusal: { code: 'not-a-slot' } })
    expect(checkBooking(context([]), request(tenAm, { mode: 'on-site' }))).toEqual({ ok: false, refusal: { code: 'not-a-slot' } })
    const saturday = utc('2027-03-06T02:00:00Z')
    expect(checkBooking(context([]), request(tenAm, { start: saturday, end: saturday + 30 * MINUTE }))).toEqual({ ok: false, refusal: { code: 'not-a-slot' } })
    const farAhead = tenAm.start + 35 * DAY
    expect(checkBooking(context([]), request(tenAm, { start: farAhead, end: farAhead + 30 * MINUTE }))).toEqual({ ok: false, refusal: { code: 'not-a-slot' } })
  })

  it('refuses slots in the past and within the 2-hour lead time', () => {
    const later = { now: tenAm.start - HOUR }
    expect(checkBooking(context([], later), request(tenAm))).toEqual({ ok: false, refusal: { code: 'too-soon', earliestStart: tenAm.start + HOUR } })
    expect(checkBooking(context([], { now: tenAm.start + MINUTE }), request(tenAm))).toEqual({ ok: false, refusal: { code: 'past' } })
  })

  it('refuses when every table of the negotiation area is taken at that time', () => {
    const area = TABLES.map((tableId, i) => booking(slotAt(makeExhibitor(`x-${i}`), '2027-03-02T02:00:00Z'), { visitorId: `v-${i}`, tableId }))
    expect(checkBooking(context(area), request(tenAm))).toEqual({ ok: false, refusal: { code: 'no-table' } })
    expect(lowestFreeTable(area.slice(1), TABLES, tenAm)).toBe('N-10')
  })

  it('lets a rescheduled booking move into a time overlapping its old one', () => {
    const old = booking(at('hefei-chips', '2027-03-02T01:45:00Z'))
    expect(checkBooking(context([old]), request(tenAm))).toMatchObject({ refusal: { code: 'visitor-overlap' } })
    expect(checkBooking(context([old], { replacing: old.id }), request(tenAm))).toMatchObject({ ok: true })
  })

  it('refuses an invalid profile, topic or time zone with field-level message keys', () => {
    const bad = checkBooking(context([]), request(tenAm, { profile: { ...profile, email: 'not-an-address', name: '  ' } }))
    expect(bad).toEqual({
      ok: false,
      refusal: { code: 'invalid-profile', fields: { name: 'booking.profile.name.required', email: 'booking.profile.email.invalid' } },
    })
    expect(checkBooking(context([]), request(tenAm, { topic: '   ' }))).toEqual({ ok: false, refusal: { code: 'invalid-topic', message: 'booking.topic.required' } })
    expect(checkBooking(context([]), request(tenAm, { visitorTimeZone: 'Mars/Olympus' }))).toMatchObject({ refusal: { code: 'invalid-time-zone' } })
    expect(checkBooking(context([], { exhibitor: undefined }), request(tenAm))).toMatchObject({ refusal: { code: 'unknown-exhibitor' } })
  })
})

describe('the visitor profile', () => {
  it('needs a name, a company, an e-mail address and a role; the phone is optional', () => {
    expect(validateProfile({ ...profile, phone: '' })).toEqual({ ok: true, profile })
    expect(validateProfile({ ...profile, phone: '+86 551 6288 0000', name: '  Li Wei ' })).toEqual({
      ok: true,
      profile: { ...profile, phone: '+86 551 6288 0000' },
    })
    expect(validateProfile({})).toEqual({
      ok: false,
      fields: {
        name: 'booking.profile.name.required',
        company: 'booking.profile.company.required',
        email: 'booking.profile.email.required',
        role: 'booking.profile.role.required',
      },
    })
    expect(validateProfile({ ...profile, phone: 'call me', role: 'spy' })).toEqual({
      ok: false,
      fields: { phone: 'booking.profile.phone.invalid', role: 'booking.profile.role.required' },
    })
    for (const role of ['buyer', 'investor', 'media', 'other']) expect(validateProfile({ ...profile, role }).ok).toBe(true)
  })
})

describe('cancelling', () => {
  it('is only for the visitor’s own confirmed bookings that have not started', () => {
    const mine = booking(slotAt(hefeiChips, '2027-03-02T02:00:00Z'))
    expect(checkCancel([mine], mine.id, 'visitor-a', NOW)).toEqual({ ok: true, booking: mine })
    expect(checkCancel([mine], mine.id, 'visitor-b', NOW)).toMatchObject({ refusal: { code: 'not-found' } })
    expect(checkCancel([{ ...mine, status: 'cancelled' }], mine.id, 'visitor-a', NOW)).toMatchObject({ refusal: { code: 'already-cancelled' } })
    expect(checkCancel([mine], mine.id, 'visitor-a', mine.start)).toMatchObject({ refusal: { code: 'already-started' } })
  })
})
