import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it, vi } from 'vitest'
import { availabilitySchema, eventSchema } from '../../src/content/schema'
import { BOOKINGS_STORAGE_KEY, LocalBookingBackend, negotiationTableIds, type LocalBookingBackendOptions, type StorageProblem } from '../../src/state/bookings/localBackend'
import { CONFIRMATION_ALPHABET } from '../../src/booking/codes'
import { createInProcessLocks, createMemoryStorageArea, type AsyncBookingStorage, type LockManagerLike, type MemoryStorageArea } from '../../src/state/bookings/storage'
import type { StoredBookingV1 } from '../../src/state/bookings/storedBookings'
import type { BookRequest, Booking, BookableExhibitor, Slot, SlotRange } from '../../src/booking/types'

const event = eventSchema.parse(JSON.parse(readFileSync(join(process.cwd(), 'assets/content/wmc2021/event.json'), 'utf8')))
const MINUTE = 60_000
const DAY = 24 * 60 * MINUTE
const utc = (iso: string) => Date.parse(iso)
/** Monday 1 March 2027, 08:00 in Beijing. */
const NOW = utc('2027-03-01T00:00:00Z')

const weekdays = (from: string, to: string) => Object.fromEntries(['mon', 'tue', 'wed', 'thu', 'fri'].map((d) => [d, [{ from, to }]]))
const makeExhibitor = (id: string, parallelTables: number): BookableExhibitor => ({
  id,
  availability: availabilitySchema.parse({ timeZone: 'Asia/Shanghai', weeklyHours: weekdays('09:00', '17:00'), slotMinutes: 30, parallelTables, modes: ['online', 'on-site'] }),
})
const EXHIBITORS = [makeExhibitor('hefei-chips', 2), makeExhibitor('seoul-batteries', 1), makeExhibitor('yrd-robots', 3)]
const profile = { name: 'Anna Schmidt', company: 'Rhein Invest GmbH', email: 'anna@example.com', role: 'investor' as const }

let ids = 0
function tab(area: MemoryStorageArea, overrides: Partial<LocalBookingBackendOptions> = {}) {
  const problems: StorageProblem[] = []
  const backend = new LocalBookingBackend({
    exhibitors: EXHIBITORS,
    event,
    tableIds: negotiationTableIds(8),
    storage: area.tab(),
    locks: createInProcessLocks(),
    now: () => NOW,
    newId: () => `id-${++ids}`,
    onStorageProblem: (p) => problems.push(p),
    ...overrides,
  })
  return { backend, problems }
}

const TUESDAY_10 = utc('2027-03-02T02:00:00Z') // 10:00 in Beijing
const slot = (exhibitorId: string, start = TUESDAY_10, mode: Slot['mode'] = 'online') => ({ exhibitorId, start, end: start + 30 * MINUTE, mode })
const request = (exhibitorId: string, start = TUESDAY_10, overrides: Partial<BookRequest> = {}): BookRequest => ({
  ...slot(exhibitorId, start),
  topic: 'Series B for a robot-arm maker',
  profile,
  visitorTimeZone: 'Europe/Berlin',
  ...overrides,
})

async function confirmed(promise: Promise<{ ok: true; booking: Booking } | { ok: false }>): Promise<Booking> {
  const result = await promise
  if (!result.ok) throw new Error(`refused: ${JSON.stringify(result)}`)
  return result.booking
}

const stored = (area: MemoryStorageArea) => JSON.parse(area.snapshot()[BOOKINGS_STORAGE_KEY])
async function slotsOf(backend: LocalBookingBackend, exhibitorId: string, range: SlotRange): Promise<Slot[]> {
  const result = await backend.freeSlots(exhibitorId, range)
  if (!result.ok) throw new Error(`no slots: ${result.refusal.code}`)
  return result.slots
}

const flush = () => new Promise((resolve) => setTimeout(resolve, 0))

describe('LocalBookingBackend', () => {
  it('confirms a booking with a readable code, a negotiation-area table and a meeting link, and keeps it', async () => {
    const area = createMemoryStorageArea()
    const { backend } = tab(area)
    const booking = await confirmed(backend.book(request('hefei-chips')))
    expect(booking).toMatchObject({ status: 'confirmed', tableId: 'N-01', exhibitorTimeZone: 'Asia/Shanghai', visitorTimeZone: 'Europe/Berlin' })
    expect(booking.confirmationCode).toMatch(new RegExp(`^[${CONFIRMATION_ALPHABET}]{6}$`))
    expect(booking.meetingUrl).toBe(`https://meet.example.com/wmc-${booking.confirmationCode.toLowerCase()}`)
    expect(await backend.myBookings()).toEqual([booking])
    expect(stored(area)).toMatchObject({ version: 2, visitorId: booking.visitorId, bookings: [booking] })
    // a fresh backend on the same storage (a reload) sees it too
    expect(await tab(area).backend.myBookings()).toEqual([booking])
  })

  it('gives on-site meetings a table but no meeting link', async () => {
    const { backend } = tab(createMemoryStorageArea(), { now: () => utc('2027-09-01T00:00:00Z') })
    const start = utc('2027-09-20T02:00:00Z')
    const booking = await confirmed(backend.book({ ...request('hefei-chips', start), mode: 'on-site' }))
    expect(booking.meetingUrl).toBeUndefined()
    expect(booking.tableId).toBe('N-01')
  })

  it('shows free slots with the tables left, and frees a slot at once when a booking is cancelled', async () => {
    const { backend } = tab(createMemoryStorageArea())
    const range = { from: TUESDAY_10, to: TUESDAY_10 + 1, visitorTimeZone: 'Europe/Berlin' }
    // March has no convention days, so online only
    expect((await slotsOf(backend, 'seoul-batteries', range)).map((s) => [s.mode, s.tablesLeft, s.visitorLocal])).toEqual([
      ['online', 1, '2027-03-02 03:00'],
    ])
    const booking = await confirmed(backend.book(request('seoul-batteries')))
    expect(await slotsOf(backend, 'seoul-batteries', range)).toEqual([])
    const cancelled = await backend.cancel(booking.id)
    expect(cancelled).toMatchObject({ ok: true, booking: { id: booking.id, status: 'cancelled', cancelledAt: NOW } })
    expect((await slotsOf(backend, 'seoul-batteries', range))[0].tablesLeft).toBe(1)
    expect(await backend.cancel(booking.id)).toMatchObject({ ok: false, refusal: { code: 'already-cancelled' } })
    expect(await backend.cancel('no-such-booking')).toMatchObject({ ok: false, refusal: { code: 'not-found' } })
    expect(await backend.freeSlots('no-such-exhibitor', range)).toEqual({ ok: false, refusal: { code: 'unknown-exhibitor', exhibitorId: 'no-such-exhibitor' } })
  })

  it('reschedules atomically: the old booking is cancelled in the same step the new one is confirmed', async () => {
    const area = createMemoryStorageArea()
    const { backend } = tab(area)
    const old = await confirmed(backend.book(request('hefei-chips')))
    const later = TUESDAY_10 + 30 * MINUTE
    const result = await backend.reschedule(old.id, slot('hefei-chips', later))
    if (!result.ok) throw new Error(JSON.stringify(result))
    expect(result.previous).toMatchObject({ id: old.id, status: 'cancelled', replacedBy: result.booking.id })
    expect(result.booking).toMatchObject({ start: later, status: 'confirmed', replaces: old.id, topic: old.topic, profile: old.profile })
    expect((await backend.myBookings()).map((b) => [b.id, b.status])).toEqual([
      [old.id, 'cancelled'],
      [result.booking.id, 'confirmed'],
    ])
  })

  it('keeps the old booking untouched when the new slot is refused', async () => {
    const area = createMemoryStorageArea()
    const { backend } = tab(area)
    const old = await confirmed(backend.book(request('hefei-chips')))
    // two other visitors take both of Hefei Chips' tables at 11:00
    const eleven = TUESDAY_10 + 60 * MINUTE
    for (const visitorId of ['someone-else', 'a-third-visitor']) await confirmed(tab(area, { visitorId }).backend.book(request('hefei-chips', eleven)))
    const before = area.snapshot()[BOOKINGS_STORAGE_KEY]
    expect(await backend.reschedule(old.id, slot('hefei-chips', eleven))).toMatchObject({ ok: false, refusal: { code: 'slot-full' } })
    expect(await backend.reschedule(old.id, slot('hefei-chips', TUESDAY_10 + 10 * MINUTE))).toMatchObject({ ok: false, refusal: { code: 'not-a-slot' } })
    expect(area.snapshot()[BOOKINGS_STORAGE_KEY]).toBe(before)
    expect(await backend.myBookings()).toEqual([old])
  })

  it('keeps a rescheduled booking with its exhibitor: a slot of another exhibitor is refused and nothing is written', async () => {
    const area = createMemoryStorageArea()
    const { backend } = tab(area)
    const old = await confirmed(backend.book(request('hefei-chips')))
    const before = area.snapshot()[BOOKINGS_STORAGE_KEY]
    // free, bookable and not clashing: only the exhibitor is wrong
    const elsewhere = slot('yrd-robots', TUESDAY_10 + 60 * MINUTE)
    expect((await slotsOf(backend, 'yrd-robots', { from: elsewhere.start, to: elsewhere.start + 1 })).map((s) => s.start)).toContain(elsewhere.start)
    expect(await backend.reschedule(old.id, elsewhere)).toEqual({ ok: false, refusal: { code: 'other-exhibitor', exhibitorId: 'hefei-chips' } })
    expect(area.snapshot()[BOOKINGS_STORAGE_KEY]).toBe(before)
    expect(await backend.myBookings()).toEqual([old])
    // the same time with its own exhibitor still moves
    expect(await backend.reschedule(old.id, slot('hefei-chips', elsewhere.start))).toMatchObject({ ok: true, booking: { exhibitorId: 'hefei-chips', start: elsewhere.start } })
  })

  it('refuses a clash across exhibitors, naming the booking it clashes with', async () => {
    const { backend } = tab(createMemoryStorageArea())
    const first = await confirmed(backend.book(request('hefei-chips')))
    expect(await backend.book(request('yrd-robots'))).toEqual({ ok: false, refusal: { code: 'visitor-overlap', clash: first } })
  })

  it('refuses a booking beyond the 28-day window', async () => {
    const { backend } = tab(createMemoryStorageArea())
    expect(await backend.book(request('hefei-chips', TUESDAY_10 + 35 * DAY))).toMatchObject({ refusal: { code: 'not-a-slot' } })
  })

  it('serialises every write through the lock', async () => {
    const inner = createInProcessLocks()
    const names: string[] = []
    const locks: LockManagerLike = { request: (name, callback) => (names.push(name), inner.request(name, callback)) }
    const { backend } = tab(createMemoryStorageArea(), { locks })
    const booking = await confirmed(backend.book(request('hefei-chips')))
    await backend.reschedule(booking.id, slot('hefei-chips', TUESDAY_10 + 30 * MINUTE))
    await backend.cancel('whatever')
    expect(names).toEqual([`${BOOKINGS_STORAGE_KEY}:lock`, `${BOOKINGS_STORAGE_KEY}:lock`, `${BOOKINGS_STORAGE_KEY}:lock`])
  })
})

describe('stored bookings', () => {
  const v1Booking: StoredBookingV1 = {
    id: 'old-1',
    exhibitorId: 'hefei-chips',
    date: '2027-03-03',
    time: '10:00',
    minutes: 30,
    timeZone: 'Asia/Shanghai',
    code: 'H7KM2P',
    table: 'N-04',
    topic: 'Chip packaging',
    status: 'booked',
    profile,
    bookedAt: '2027-02-20T09:00:00.000Z',
  }

  it('migrates the older version: wall-clock strings become instants, every old meeting was online', async () => {
    const area = createMemoryStorageArea()
    const raw = JSON.stringify({ version: 1, bookings: [v1Booking, { ...v1Booking, id: 'old-2', status: 'cancelled', date: '2027-03-04', code: 'Q3RT8W' }] })
    area.seed(BOOKINGS_STORAGE_KEY, raw)
    const { backend, problems } = tab(area)
    const bookings = await backend.myBookings()
    expect(bookings).toHaveLength(2)
    expect(bookings[0]).toMatchObject({
      id: 'old-1',
      start: utc('2027-03-03T02:00:00Z'),
      end: utc('2027-03-03T02:30:00Z'),
      mode: 'online',
      status: 'confirmed',
      confirmationCode: 'H7KM2P',
      tableId: 'N-04',
      meetingUrl: 'https://meet.example.com/wmc-h7km2p',
      createdAt: utc('2027-02-20T09:00:00Z'),
    })
    expect(bookings[1]).toMatchObject({ id: 'old-2', status: 'cancelled' })
    expect(problems).toEqual([])
    // written back as version 2, the original kept aside
    expect(stored(area)).toMatchObject({ version: 2, visitorId: bookings[0].visitorId })
    const backups = Object.entries(area.snapshot()).filter(([key]) => key.startsWith(`${BOOKINGS_STORAGE_KEY}:v1:`))
    expect(backups.map(([, value]) => value)).toEqual([raw])
    // migrated bookings keep their rules: the visitor cannot double-book the migrated time
    expect(await backend.book(request('yrd-robots', utc('2027-03-03T02:00:00Z')))).toMatchObject({ ok: false, refusal: { code: 'visitor-overlap', clash: { id: 'old-1' } } })
  })

  it('sets corrupted data aside under a backup key, reports it and goes on without crashing', async () => {
    const area = createMemoryStorageArea()
    area.seed(BOOKINGS_STORAGE_KEY, '{"version":2,"bookings":[{"id":')
    const { backend, problems } = tab(area)
    expect(await backend.myBookings()).toEqual([])
    expect(problems).toHaveLength(1)
    const problem = problems[0]
    if (problem.kind !== 'corrupted') throw new Error(`unexpected ${problem.kind}`)
    expect(problem).toMatchObject({ reason: 'not-json', kept: 0, dropped: 0 })
    expect(area.snapshot()[problem.backupKey]).toBe('{"version":2,"bookings":[{"id":')
    await confirmed(backend.book(request('hefei-chips')))
    expect(area.snapshot()[problem.backupKey]).toBe('{"version":2,"bookings":[{"id":')
    expect(problems).toHaveLength(1)
  })

  it('keeps the readable bookings of a partly damaged store and never overwrites an earlier backup', async () => {
    const area = createMemoryStorageArea()
    const good = await confirmed(tab(area).backend.book(request('hefei-chips')))
    const damaged = JSON.stringify({ ...stored(area), bookings: [good, { id: 'broken', start: 'yesterday' }] })
    area.seed(BOOKINGS_STORAGE_KEY, damaged)
    const earlierBackupKey = `${BOOKINGS_STORAGE_KEY}:backup:${new Date(NOW).toISOString()}`
    area.seed(earlierBackupKey, 'an earlier backup')
    const { backend, problems } = tab(area)
    expect(await backend.myBookings()).toEqual([good])
    expect(problems).toEqual([{ kind: 'corrupted', backupKey: `${earlierBackupKey}#2`, reason: 'unreadable-bookings', kept: 1, dropped: 1 }])
    expect(area.snapshot()[earlierBackupKey]).toBe('an earlier backup')
    expect(area.snapshot()[`${earlierBackupKey}#2`]).toBe(damaged)
  })

  it('does not write over data from a newer version of the app', async () => {
    const area = createMemoryStorageArea()
    const newer = JSON.stringify({ version: 3, bookings: [{ anything: true }] })
    area.seed(BOOKINGS_STORAGE_KEY, newer)
    const { backend, problems } = tab(area)
    expect(await backend.myBookings()).toEqual([])
    expect(await backend.book(request('hefei-chips'))).toMatchObject({ ok: false, refusal: { code: 'storage-unavailable' } })
    expect(area.snapshot()[BOOKINGS_STORAGE_KEY]).toBe(newer)
    expect(problems).toEqual([{ kind: 'newer-version', version: 3 }])
  })

  it('does not write over a newer version whose document has another shape: the version is read first', async () => {
    const area = createMemoryStorageArea()
    const newer = JSON.stringify({ version: 3, meetings: { byVisitor: {} } })
    area.seed(BOOKINGS_STORAGE_KEY, newer)
    const { backend, problems } = tab(area)
    expect(await backend.book(request('hefei-chips'))).toMatchObject({ ok: false, refusal: { code: 'storage-unavailable' } })
    expect(area.snapshot()).toEqual({ [BOOKINGS_STORAGE_KEY]: newer })
    expect(problems).toEqual([{ kind: 'newer-version', version: 3 }])
  })

  it.each([
    ['a javascript: meeting link', { meetingUrl: 'javascript:alert(1)' }],
    ['an http meeting link', { meetingUrl: 'http://meet.example.com/wmc-h7km2p' }],
    ['an id that is markup', { id: '<img src=x onerror=alert(1)>' }],
    ['an exhibitor id that is a path', { exhibitorId: '../../admin' }],
    ['a forged confirmation code', { confirmationCode: 'ABC1L0' }],
    ['an unknown time zone', { visitorTimeZone: 'Mars/Olympus' }],
  ])('checks stored bookings on read: one with %s is set aside, the others kept', async (_, tampering) => {
    const area = createMemoryStorageArea()
    const { backend } = tab(area, { visitorId: 'alice' })
    const [good, victim] = [await confirmed(backend.book(request('hefei-chips'))), await confirmed(backend.book(request('yrd-robots', TUESDAY_10 + 60 * MINUTE)))]
    const tampered = JSON.stringify({ ...stored(area), bookings: [good, { ...victim, ...tampering }] })
    area.seed(BOOKINGS_STORAGE_KEY, tampered)
    const reader = tab(area, { visitorId: 'alice' })
    expect((await reader.backend.myBookings()).map((b) => b.id)).toEqual([good.id])
    expect(reader.problems).toMatchObject([{ kind: 'corrupted', kept: 1, dropped: 1 }])
    expect(Object.values(area.snapshot())).toContain(tampered)
  })

  it('reports a full storage quota and leaves the stored bookings as they were', async () => {
    const roomy = createMemoryStorageArea()
    const first = await confirmed(tab(roomy).backend.book(request('hefei-chips')))
    const raw = roomy.snapshot()[BOOKINGS_STORAGE_KEY]
    // room for what is stored plus a little, not for another booking
    const area = createMemoryStorageArea({ quotaBytes: (BOOKINGS_STORAGE_KEY.length + raw.length) * 2 + 600 })
    area.seed(BOOKINGS_STORAGE_KEY, raw)
    const { backend, problems } = tab(area)
    const before = area.snapshot()
    const result = await backend.book(request('yrd-robots', TUESDAY_10 + 60 * MINUTE, { topic: 'x'.repeat(400) }))
    expect(result).toEqual({ ok: false, refusal: { code: 'storage-full' } })
    expect(problems).toEqual([{ kind: 'quota' }])
    expect(area.snapshot()).toEqual(before)
    expect(await backend.myBookings()).toEqual([first])
  })

  it('reports storage that cannot be read at all', async () => {
    const area = createMemoryStorageArea()
    const storage = { ...area.tab(), getItem: () => { throw new DOMException('denied', 'SecurityError') } }
    const { backend, problems } = tab(area, { storage })
    expect(await backend.myBookings()).toEqual([])
    expect(await backend.book(request('hefei-chips'))).toMatchObject({ ok: false, refusal: { code: 'storage-unavailable' } })
    expect(problems[0]).toMatchObject({ kind: 'unavailable' })
  })
})

describe('two tabs over one storage', () => {
  it('see each other’s bookings at once', async () => {
    const area = createMemoryStorageArea()
    const a = tab(area).backend
    const b = tab(area).backend
    const seenByB = vi.fn()
    const stop = b.subscribe(seenByB)
    const booking = await confirmed(a.book(request('hefei-chips')))
    await flush()
    expect(seenByB).toHaveBeenLastCalledWith({ type: 'my-bookings', bookings: [booking] })
    await a.cancel(booking.id)
    await flush()
    expect(seenByB).toHaveBeenLastCalledWith({ type: 'my-bookings', bookings: [expect.objectContaining({ id: booking.id, status: 'cancelled' })] })
    stop()
  })

  it('hear of their own writes through subscribe too', async () => {
    const { backend } = tab(createMemoryStorageArea())
    const listener = vi.fn()
    backend.subscribe(listener)
    const booking = await confirmed(backend.book(request('hefei-chips')))
    expect(listener).toHaveBeenCalledWith({ type: 'my-bookings', bookings: [booking] })
  })

  it('racing for the last table of a slot: exactly one wins', async () => {
    const area = createMemoryStorageArea()
    const locks = createInProcessLocks() // one browser: both tabs share its lock manager
    // hefei-chips staffs 2 tables; another visitor already holds one at 10:00
    await confirmed(tab(area, { locks, visitorId: 'carol' }).backend.book(request('hefei-chips')))
    const alice = tab(area, { locks, visitorId: 'alice' }).backend
    const bob = tab(area, { locks, visitorId: 'bob' }).backend
    const results = await Promise.all([alice.book(request('hefei-chips')), bob.book(request('hefei-chips'))])
    expect(results.filter((r) => r.ok)).toHaveLength(1)
    expect(results.find((r) => !r.ok)).toMatchObject({ refusal: { code: 'slot-full' } })
    const inSlot = stored(area).bookings.filter((b: Booking) => b.start === TUESDAY_10 && b.status === 'confirmed')
    expect(inSlot).toHaveLength(2)
  })

  it('racing with the browser’s default lock: still exactly one wins', async () => {
    const area = createMemoryStorageArea()
    await confirmed(tab(area, { locks: undefined, visitorId: 'carol' }).backend.book(request('hefei-chips')))
    const racers = ['alice', 'bob', 'dave'].map((visitorId) => tab(area, { locks: undefined, visitorId }).backend)
    const results = await Promise.all(racers.map((r) => r.book(request('hefei-chips'))))
    expect(results.filter((r) => r.ok)).toHaveLength(1)
  })

  it('cannot together double-book the visitor', async () => {
    const area = createMemoryStorageArea()
    const locks = createInProcessLocks()
    const first = tab(area, { locks }).backend
    const second = tab(area, { locks }).backend
    const results = await Promise.all([first.book(request('hefei-chips')), second.book(request('yrd-robots'))])
    const winner = results.find((r) => r.ok)
    expect(results.filter((r) => r.ok)).toHaveLength(1)
    if (!winner?.ok) throw new Error('no winner')
    expect(results.find((r) => !r.ok)).toEqual({ ok: false, refusal: { code: 'visitor-overlap', clash: winner.booking } })
  })

  it('re-read storage inside the lock instead of trusting what they showed before', async () => {
    const area = createMemoryStorageArea()
    const locks = createInProcessLocks()
    const alice = tab(area, { locks, visitorId: 'alice' }).backend
    const bob = tab(area, { locks, visitorId: 'bob' }).backend
    const range = { from: TUESDAY_10, to: TUESDAY_10 + 1 }
    expect((await slotsOf(alice, 'seoul-batteries', range))[0].tablesLeft).toBe(1)
    await confirmed(bob.book(request('seoul-batteries')))
    expect(await alice.book(request('seoul-batteries'))).toMatchObject({ ok: false, refusal: { code: 'slot-full' } })
  })

  it('number a late booking’s table after the tables already taken at that time', async () => {
    const area = createMemoryStorageArea()
    const locks = createInProcessLocks() // one browser
    const tables = await Promise.all(
      ['alice', 'bob', 'carol'].map((visitorId) => tab(area, { visitorId, locks }).backend.book(request('yrd-robots')).then((r) => (r.ok ? r.booking.tableId : r.refusal.code))),
    )
    expect(tables.sort()).toEqual(['N-01', 'N-02', 'N-03'])
  })

  /** Storage that answers after a random few milliseconds, as tabs running in parallel see each other's writes late. */
  function delayedTab(area: MemoryStorageArea, seed: number): AsyncBookingStorage {
    const inner = area.tab()
    let state = seed
    const later = () => new Promise<void>((resolve) => setTimeout(resolve, (state = (state * 48271) % 2147483647) % 4))
    return {
      getItem: async (key) => (await later(), inner.getItem(key)),
      setItem: async (key, value) => (await later(), inner.setItem(key, value)),
      removeItem: async (key) => (await later(), inner.removeItem(key)),
      subscribe: (listener) => inner.subscribe(listener),
    }
  }

  it('let exactly one of ten visitors take the last table when storage answers late: the lock keeps each read and write together', async () => {
    const area = createMemoryStorageArea()
    const locks = createInProcessLocks()
    await confirmed(tab(area, { locks, visitorId: 'carol' }).backend.book(request('hefei-chips'))) // 1 of its 2 tables
    const racers = Array.from({ length: 10 }, (_, i) => tab(area, { locks, visitorId: `visitor-${i}`, storage: delayedTab(area, i + 1) }).backend)
    const results = await Promise.all(racers.map((backend) => backend.book(request('hefei-chips'))))
    expect(results.filter((r) => r.ok)).toHaveLength(1)
    expect(results.filter((r) => !r.ok).map((r) => !r.ok && r.refusal.code)).toEqual(Array(9).fill('slot-full'))
    expect(stored(area).bookings).toHaveLength(2)
  })
})
