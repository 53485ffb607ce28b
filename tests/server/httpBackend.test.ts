/** The app's HTTP booking backend against a real server: bookings, live events, lost answers, offline, back-off. */
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest'
import type { BookingBackendEvent, Slot } from '../../src/booking/types'
import { HttpBookingBackend, SERVER_BOOKINGS_KEY } from '../../src/state/bookings/httpBackend'
import { createMemoryStorageArea } from '../../src/state/bookings/storage'
import { FetchEventSource, browserFetch } from '../helpers/nodeBrowser'
import { PROFILE, TestClient, startTestApp, type TestApp } from '../helpers/serverApp'

const DAY = 86_400_000
let server: TestApp
let base: string
beforeAll(async () => {
  server = await startTestApp({ config: { rateLimits: false } })
  base = await server.app.listen({ host: '127.0.0.1', port: 0 })
}, 60_000)
afterAll(() => server?.stop())

const backends: HttpBookingBackend[] = []
afterEach(() => {
  for (const backend of backends.splice(0)) backend.dispose()
})

function visitorBackend(options: { drop?: (url: string, init: RequestInit) => boolean; storage?: ReturnType<typeof createMemoryStorageArea> } = {}) {
  const browser = browserFetch(base, { drop: options.drop })
  const area = options.storage ?? createMemoryStorageArea()
  const backend = new HttpBookingBackend({
    baseUrl: base,
    storage: area.tab(),
    language: () => 'en',
    fetch: browser.fetch,
    createEventSource: (url) => new FetchEventSource(url, browser.fetch) as unknown as EventSource,
  })
  backends.push(backend)
  return { backend, browser, area }
}

function events(backend: HttpBookingBackend) {
  const seen: BookingBackendEvent[] = []
  backend.subscribe((event) => seen.push(event))
  return seen
}

async function freeSlots(backend: HttpBookingBackend, exhibitorId: string): Promise<Slot[]> {
  const result = await backend.freeSlots(exhibitorId, { from: Date.now(), to: Date.now() + 14 * DAY, visitorTimeZone: 'Europe/Berlin' })
  if (!result.ok) throw new Error(result.refusal.code)
  return result.slots
}

const request = (slot: Slot) => ({ ...slot, topic: 'Sourcing battery cells', profile: { ...PROFILE, role: 'buyer' as const }, visitorTimeZone: 'Europe/Berlin' })

describe('the HTTP booking backend', () => {
  it('books through the server and hears live when staff accept the request', async () => {
    const { backend } = visitorBackend()
    const seen = events(backend)
    await vi.waitFor(() => expect(backend.connection()).toBe('online'))
    const slots = await freeSlots(backend, 'hefei-shengmai-intelligence')
    const result = await backend.book(request(slots[0]))
    expect(result).toMatchObject({ ok: true, booking: { status: 'requested' } })
    const id = result.ok ? result.booking.id : ''
    expect((await backend.myBookings()).map((b) => b.id)).toEqual([id])

    const invitation = await server.ctx.signIn.inviteStaff({ exhibitorId: 'hefei-shengmai-intelligence', email: 'desk@example.com', language: 'en' })
    const staff = new TestClient(base)
    await staff.post('/api/auth/redeem', { token: new URL(invitation.link).searchParams.get('signin') }, { key: null })
    await staff.post(`/api/console/bookings/${id}/accept`, {})
    await vi.waitFor(() => expect(seen.filter((e) => e.type === 'my-bookings').at(-1)).toMatchObject({ bookings: [{ id, status: 'confirmed' }] }), { timeout: 10_000 })
  })

  it('tells a watching picker when another visitor takes a slot', async () => {
    const { backend } = visitorBackend()
    const seen = events(backend)
    backend.watchSlots(['luyang-vision-inspection'])
    await vi.waitFor(() => expect(seen.some((e) => e.type === 'connection' && e.state === 'online')).toBe(true))
    const other = visitorBackend().backend
    const [slot] = await freeSlots(other, 'luyang-vision-inspection')
    expect((await other.book(request(slot))).ok).toBe(true)
    await vi.waitFor(() => expect(seen).toContainEqual({ type: 'slots-changed', exhibitorId: 'luyang-vision-inspection' }), { timeout: 10_000 })
  })

  it('retries a change whose answer was lost with the same key: one booking, and the first answer', async () => {
    let dropped = 0
    const { backend } = visitorBackend({ drop: (url, init) => url.endsWith('/api/bookings') && init.method === 'POST' && dropped++ === 0 })
    const [slot] = await freeSlots(backend, 'anhui-zhisuan-ai-computing')
    const result = await backend.book(request(slot))
    expect(dropped).toBe(2)
    expect(result.ok).toBe(true)
    expect(await backend.myBookings()).toHaveLength(1)
  })

  it('offline: shows the last known bookings, refuses to book saying why, and keeps them for the next start', async () => {
    const area = createMemoryStorageArea()
    const { backend } = visitorBackend({ storage: area })
    const [slot] = await freeSlots(backend, 'hefei-zhiyan-data-services')
    expect((await backend.book(request(slot))).ok).toBe(true)
    const known = await backend.myBookings()
    backend.dispose()

    const cut = new HttpBookingBackend({
      baseUrl: base,
      storage: area.tab(),
      language: () => 'en',
      fetch: (() => Promise.reject(new TypeError('fetch failed'))) as typeof fetch,
      createEventSource: () => {
        throw new Error('no network')
      },
    })
    backends.push(cut)
    expect(await cut.myBookings()).toEqual(known)
    expect(cut.lastSynced()).toBeGreaterThan(0)
    expect(await cut.book(request(slot))).toMatchObject({ ok: false, refusal: { code: 'unavailable', retryable: true } })
    expect(cut.connection()).toBe('offline')
    expect(await cut.freeSlots('hefei-zhiyan-data-services', { from: 0, to: 1 })).toMatchObject({ ok: false, refusal: { code: 'unavailable' } })
  })

  it('leaves a newer app version’s offline copy alone', async () => {
    const area = createMemoryStorageArea()
    const newer = JSON.stringify({ version: 2, savedAt: 1, bookings: [], shape: 'from the future' })
    area.seed(SERVER_BOOKINGS_KEY, newer)
    const { backend } = visitorBackend({ storage: area })
    await backend.myBookings()
    expect(area.snapshot()[SERVER_BOOKINGS_KEY]).toBe(newer)
  })

  it('comes back after a lost stream with jittered exponential back-off, not at once', async () => {
    vi.useFakeTimers()
    try {
      const opened: number[] = []
      const backend = new HttpBookingBackend({
        baseUrl: base,
        storage: createMemoryStorageArea().tab(),
        language: () => 'en',
        random: () => 0.5,
        fetch: (() => Promise.reject(new TypeError('fetch failed'))) as typeof fetch,
        createEventSource: () => {
          opened.push(Date.now())
          const source = { onerror: null as null | (() => void), addEventListener() {}, close() {} }
          queueMicrotask(() => source.onerror?.())
          return source as unknown as EventSource
        },
      })
      backends.push(backend)
      backend.subscribe(() => undefined)
      for (let i = 0; i < 6; i++) await vi.advanceTimersByTimeAsync(60_000)
      const gaps = opened.slice(1).map((t, i) => t - opened[i])
      // 1 s, 2 s, 4 s … capped at 30 s, each at 75 % of its ceiling with this random
      expect(gaps.slice(0, 5)).toEqual([750, 1500, 3000, 6000, 12_000])
      expect(Math.max(...gaps)).toBeLessThanOrEqual(30_000)
    } finally {
      vi.useRealTimers()
    }
  })
})
