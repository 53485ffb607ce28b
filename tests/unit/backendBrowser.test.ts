// @vitest-environment jsdom
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it, vi } from 'vitest'
import { availabilitySchema, eventSchema } from '../../src/content/schema'
import { BOOKINGS_STORAGE_KEY, LocalBookingBackend, negotiationTableIds, type StorageProblem } from '../../src/state/bookings/localBackend'
import { browserStorage, browserStorageOrMemory, isQuotaExceeded } from '../../src/state/bookings/storage'

const event = eventSchema.parse(JSON.parse(readFileSync(join(process.cwd(), 'assets/content/wmc2021/event.json'), 'utf8')))
const NOW = Date.parse('2027-03-01T00:00:00Z')
const START = Date.parse('2027-03-02T02:00:00Z')
const exhibitor = {
  id: 'hefei-chips',
  availability: availabilitySchema.parse({
    timeZone: 'Asia/Shanghai',
    weeklyHours: { tue: [{ from: '09:00', to: '17:00' }] },
    slotMinutes: 30,
    parallelTables: 2,
  }),
}
const request = {
  exhibitorId: 'hefei-chips',
  start: START,
  end: START + 30 * 60_000,
  mode: 'online' as const,
  topic: 'Chip packaging',
  profile: { name: 'Li Wei', company: 'Anhui Buyers', email: 'li@example.com', role: 'buyer' as const },
  visitorTimeZone: 'Asia/Shanghai',
}

describe('bookings in the browser’s localStorage', () => {
  it('persist there and are picked up after a reload', async () => {
    localStorage.clear()
    const options = { exhibitors: [exhibitor], event, tableIds: negotiationTableIds(4), now: () => NOW }
    const result = await new LocalBookingBackend({ ...options, storage: browserStorage() }).book(request)
    expect(result.ok).toBe(true)
    expect(JSON.parse(localStorage.getItem(BOOKINGS_STORAGE_KEY)!).version).toBe(2)
    const reloaded = new LocalBookingBackend({ ...options, storage: browserStorage() })
    expect((await reloaded.myBookings()).map((b) => b.confirmationCode)).toEqual([result.ok && result.booking.confirmationCode])
  })

  it('hear of other tabs’ writes through the storage event, for their own storage area only', () => {
    const storage = browserStorage()
    const listener = vi.fn()
    const stop = storage.subscribe(listener)
    window.dispatchEvent(new StorageEvent('storage', { key: BOOKINGS_STORAGE_KEY, storageArea: localStorage }))
    window.dispatchEvent(new StorageEvent('storage', { key: BOOKINGS_STORAGE_KEY, storageArea: sessionStorage }))
    expect(listener.mock.calls).toEqual([[BOOKINGS_STORAGE_KEY]])
    stop()
    window.dispatchEvent(new StorageEvent('storage', { key: BOOKINGS_STORAGE_KEY, storageArea: localStorage }))
    expect(listener).toHaveBeenCalledTimes(1)
  })

  it('recognise the browser’s own quota error, and report a full quota', async () => {
    localStorage.clear()
    let thrown: unknown
    try {
      localStorage.setItem('filler', 'x'.repeat(6 * 1024 * 1024))
    } catch (error) {
      thrown = error
    }
    expect(isQuotaExceeded(thrown)).toBe(true)
    expect(isQuotaExceeded(new Error('something else'))).toBe(false)
    // fill the quota to the brim, then try to book
    // jsdom counts 5,000,000 UTF-16 code units of keys and values
    localStorage.setItem('filler', 'x'.repeat(5_000_000 - 'filler'.length - 200))
    const problems: StorageProblem[] = []
    const backend = new LocalBookingBackend({
      exhibitors: [exhibitor], event, tableIds: negotiationTableIds(4), now: () => NOW, storage: browserStorage(), onStorageProblem: (p) => problems.push(p),
    })
    expect(await backend.book(request)).toEqual({ ok: false, refusal: { code: 'storage-full' } })
    expect(problems).toEqual([{ kind: 'quota' }])
    localStorage.clear()
  })

  it('fall back to memory for the session when localStorage is refused', () => {
    const spy = vi.spyOn(window, 'localStorage', 'get').mockImplementation(() => {
      throw new DOMException('The operation is insecure.', 'SecurityError')
    })
    const reasons: string[] = []
    const storage = browserStorageOrMemory((reason) => reasons.push(reason))
    storage.setItem('k', 'v')
    expect(storage.getItem('k')).toBe('v')
    expect(reasons[0]).toContain('SecurityError')
    spy.mockRestore()
  })
})
