/** The booking API on the embedded database, through inject(): the visitor's side, idempotency, hostile input. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { TestClient, bookingBody, startTestApp, type TestApp } from '../helpers/serverApp'

const DAY = 86_400_000
/** Tuesday 1 December 2026, 08:00 in Hefei. */
const START = Date.parse('2026-12-01T00:00:00Z')
const clock = { now: START }

let server: TestApp
beforeAll(async () => {
  server = await startTestApp({ now: () => clock.now })
}, 60_000)
afterAll(() => server?.stop())

async function slotsOf(client: TestClient, exhibitorId: string, days = 7) {
  const answer = await client.get(`/api/exhibitors/${exhibitorId}/slots?from=${clock.now}&to=${clock.now + days * DAY}&tz=Europe/Berlin`)
  expect(answer.status).toBe(200)
  return answer.body.slots as { exhibitorId: string; start: number; end: number; mode: string; tablesLeft: number; tables: number; visitorLocal: string }[]
}

async function count(table: string): Promise<number> {
  const { rows } = await server.db.query<{ n: number }>(`select count(*)::float8 as n from ${table}`)
  return rows[0].n
}

describe('a visitor books through the server', () => {
  it('answers health with the embedded database', async () => {
    const answer = await new TestClient(server.app).get('/api/health')
    expect(answer).toMatchObject({ status: 200, body: { ok: true, database: 'pglite' } })
  })

  it('describes the API as OpenAPI 3.1', async () => {
    const { body } = await new TestClient(server.app).get('/api/openapi.json')
    expect(body.openapi).toBe('3.1.0')
    expect(Object.keys(body.paths)).toEqual(expect.arrayContaining(['/api/bookings', '/api/exhibitors/{exhibitorId}/slots', '/api/console/bookings/{bookingId}/accept', '/api/events']))
    expect(body.paths['/api/bookings'].post.parameters).toEqual(expect.arrayContaining([expect.objectContaining({ name: 'Idempotency-Key', in: 'header', required: true })]))
    expect(body.paths['/api/bookings'].post.requestBody.content['application/json'].schema.properties).toHaveProperty('shareProfile')
  })

  it('offers slots from the exhibitor’s hours and takes a request that holds its table for the exhibitor', async () => {
    const visitor = new TestClient(server.app)
    await visitor.startVisitor()
    const session = visitor.cookies.get('expo_visitor')
    expect(session).toMatch(/^[A-Za-z0-9_-]{43}$/)
    const [slot] = await slotsOf(visitor, 'hefei-shengmai-intelligence')
    expect(slot).toMatchObject({ tables: 3, tablesLeft: 3, mode: 'online' })

    const answer = await visitor.post('/api/bookings', bookingBody(slot))
    expect(answer.status).toBe(201)
    expect(answer.body.booking).toMatchObject({ status: 'requested', exhibitorId: slot.exhibitorId, start: slot.start, shareProfile: false })
    expect(answer.body.booking.holdExpiresAt).toBe(Math.min(clock.now + 24 * 3_600_000, slot.start))
    expect(answer.body.booking.confirmationCode).toMatch(/^[A-Z2-9]{6}$/)

    const after = await slotsOf(visitor, 'hefei-shengmai-intelligence')
    expect(after.find((s) => s.start === slot.start && s.mode === slot.mode)?.tablesLeft).toBe(2)
    const mine = await visitor.get('/api/me/bookings')
    expect(mine.body).toMatchObject({ signedIn: true, bookings: [expect.objectContaining({ id: answer.body.booking.id })] })
  })

  it('sets the session cookie httpOnly and SameSite=Lax', async () => {
    const answer = await new TestClient(server.app).post('/api/visitor', { language: 'zh-CN' })
    const cookie = String(answer.headers['set-cookie'])
    expect(cookie).toMatch(/expo_visitor=/)
    expect(cookie).toMatch(/HttpOnly/)
    expect(cookie).toMatch(/SameSite=Lax/)
    expect(cookie).not.toMatch(/Secure/) // plain http here; SECURE_COOKIES (or an https PUBLIC_URL) adds it
  })
})

describe('one request sent ten times with the same idempotency key', () => {
  it('makes one booking and answers every copy with it', async () => {
    const visitor = new TestClient(server.app)
    await visitor.startVisitor()
    const slot = (await slotsOf(visitor, 'hefei-xinheng-microelectronics'))[2]
    const before = await count('bookings')
    const key = 'retry-after-a-lost-answer-0001'
    const answers = await Promise.all(Array.from({ length: 10 }, () => visitor.post('/api/bookings', bookingBody(slot), { key })))
    expect(answers.map((a) => a.status)).toEqual(Array(10).fill(201))
    expect(new Set(answers.map((a) => a.body.booking.id)).size).toBe(1)
    expect(answers.filter((a) => a.headers['idempotent-replayed'] === 'true')).toHaveLength(9)
    expect(await count('bookings')).toBe(before + 1)
  })

  it('refuses the same key for a different request, writing nothing', async () => {
    const visitor = new TestClient(server.app)
    await visitor.startVisitor()
    const [first, second] = await slotsOf(visitor, 'luyang-vision-inspection')
    const key = 'one-key-two-different-bodies'
    expect((await visitor.post('/api/bookings', bookingBody(first), { key })).status).toBe(201)
    const before = await count('bookings')
    const reused = await visitor.post('/api/bookings', bookingBody(second), { key })
    expect(reused).toMatchObject({ status: 422, body: { code: 'idempotency-key-reused' } })
    expect(await count('bookings')).toBe(before)
  })
})

describe('hostile or broken input gets a 4xx with a code, never a 5xx, and writes nothing', () => {
  it.each([
    ['malformed JSON', { raw: '{"exhibitorId": "hefei', code: 'malformed-json', status: 400 }],
    ['an oversized body', { raw: JSON.stringify({ topic: 'x'.repeat(20_000) }), code: 'body-too-large', status: 413 }],
    ['a form post', { raw: 'exhibitorId=x', headers: { 'content-type': 'application/x-www-form-urlencoded' }, code: 'unsupported-media-type', status: 415 }],
    ['a cross-site POST', { body: {}, headers: { origin: 'https://evil.example' }, code: 'cross-site', status: 403 }],
    ['a cross-site fetch', { body: {}, headers: { 'sec-fetch-site': 'cross-site' }, code: 'cross-site', status: 403 }],
    ['no idempotency key', { body: {}, key: null, code: 'idempotency-key-required', status: 400 }],
    ['a body of the wrong shape', { body: { exhibitorId: 42, start: 'soon' }, code: 'invalid-body', status: 400 }],
    ['unknown fields', { body: { injected: true }, code: 'invalid-body', status: 400 }],
  ] as const)('%s', async (_name, input) => {
    const visitor = new TestClient(server.app)
    await visitor.startVisitor()
    const before = [await count('bookings'), await count('idempotency_keys')]
    const answer = await visitor.request('POST', '/api/bookings', {
      raw: 'raw' in input ? input.raw : undefined,
      body: 'body' in input ? input.body : undefined,
      headers: 'headers' in input ? { ...input.headers } : undefined,
      key: 'key' in input ? input.key : undefined,
    })
    expect(answer.status).toBe(input.status)
    expect(answer.body.code).toBe(input.code)
    expect([await count('bookings'), await count('idempotency_keys')]).toEqual(before)
  })

  it('refuses bookings the rules do not allow, with the rule’s code', async () => {
    const visitor = new TestClient(server.app)
    await visitor.startVisitor()
    const [slot] = await slotsOf(visitor, 'anhui-qingbi-robotics')
    const before = await count('bookings')
    const cases: [Record<string, unknown>, number, string][] = [
      [bookingBody({ ...slot, exhibitorId: 'no-such-exhibitor' }), 404, 'unknown-exhibitor'],
      [bookingBody({ ...slot, start: slot.start + 7 * 60_000, end: slot.end + 7 * 60_000 }), 422, 'not-a-slot'],
      [bookingBody({ ...slot, start: START - DAY, end: START - DAY + 30 * 60_000 }), 422, 'past'],
      [bookingBody({ ...slot, start: START + 3_600_000, end: START + 5_400_000 }), 422, 'too-soon'],
      [bookingBody(slot, { profile: { name: '', company: 'x', email: 'nope', role: 'buyer' } }), 422, 'invalid-profile'],
      [bookingBody(slot, { visitorTimeZone: 'Mars/Olympus' }), 422, 'invalid-time-zone'],
    ]
    for (const [body, status, code] of cases) {
      const answer = await visitor.post('/api/bookings', body)
      expect(answer.status, code).toBe(status)
      expect(answer.body.code, code).toBe(code)
    }
    expect(await count('bookings')).toBe(before)
  })

  it('never lets one visitor touch another visitor’s booking', async () => {
    const owner = new TestClient(server.app)
    await owner.startVisitor()
    const [slot] = await slotsOf(owner, 'anhui-zhisuan-ai-computing')
    const { body } = await owner.post('/api/bookings', bookingBody(slot))
    const intruder = new TestClient(server.app)
    await intruder.startVisitor()
    for (const action of ['cancel', 'consent']) {
      const answer = await intruder.post(`/api/bookings/${body.booking.id}/${action}`, action === 'consent' ? { shareProfile: false } : {})
      expect(answer).toMatchObject({ status: 404, body: { code: 'not-found' } })
    }
    expect((await owner.get('/api/me/bookings')).body.bookings[0].status).toBe('requested')
    expect((await intruder.get('/api/me/bookings')).body.bookings).toEqual([])
  })

  it('answers a missing or forged session with 401 and a malformed booking id with 404', async () => {
    const [slot] = await slotsOf(new TestClient(server.app), 'hefei-ruitu-autonomous-driving')
    const anonymous = new TestClient(server.app)
    expect(await anonymous.post('/api/bookings', bookingBody(slot))).toMatchObject({ status: 401, body: { code: 'unauthorised' } })
    const forged = new TestClient(server.app)
    forged.cookies.set('expo_visitor', 'A'.repeat(43))
    expect(await forged.post('/api/bookings', bookingBody(slot))).toMatchObject({ status: 401, body: { code: 'unauthorised' } })
    expect(await forged.get('/api/me/bookings')).toMatchObject({ status: 200, body: { bookings: [], signedIn: false } })
    const visitor = new TestClient(server.app)
    await visitor.startVisitor()
    expect(await visitor.post("/api/bookings/1' or '1'='1/cancel", {})).toMatchObject({ status: 404 })
    expect(await visitor.post('/api/console/bookings/00000000-0000-4000-8000-000000000000/accept', {})).toMatchObject({ status: 401, body: { code: 'unauthorised' } })
  })

  it('answers unknown endpoints and bad slot queries with a code', async () => {
    const client = new TestClient(server.app)
    expect(await client.get('/api/nothing-here')).toMatchObject({ status: 404, body: { code: 'no-such-endpoint' } })
    expect(await client.get('/api/exhibitors/hefei-shengmai-intelligence/slots?from=abc&to=1')).toMatchObject({ status: 400, body: { code: 'invalid-query' } })
    expect(await client.get(`/api/exhibitors/hefei-shengmai-intelligence/slots?from=${START}&to=${START + 90 * DAY}`)).toMatchObject({ status: 400, body: { code: 'invalid-range' } })
    expect(await client.get(`/api/exhibitors/..%2F..%2Fetc/slots?from=${START}&to=${START + DAY}`)).toMatchObject({ status: 404 })
  })
})

describe('a reschedule stays with its exhibitor', () => {
  it('refuses a slot of another exhibitor, or one that names none, with a code, writing nothing', async () => {
    const visitor = new TestClient(server.app)
    await visitor.startVisitor()
    const own = await slotsOf(visitor, 'luzhou-wafer-foundry-services')
    const booked = (await visitor.post('/api/bookings', bookingBody(own[0]))).body.booking
    // a free slot of another exhibitor at a time its own exhibitor also offers: read as the own one's, it would move silently
    const other = (await slotsOf(visitor, 'binhu-xinshe-eda-software')).find((s) => s.start !== own[0].start && own.some((o) => o.start === s.start && o.mode === s.mode))!
    expect(other).toBeDefined()
    const rows = async () => [
      (await server.db.query('select * from bookings order by id')).rows,
      await count('outbox'),
    ]
    const before = await rows()
    const move = (body: Record<string, unknown>) => visitor.post(`/api/bookings/${booked.id}/reschedule`, body)
    const { exhibitorId: _, ...nameless } = other
    const cases: [Record<string, unknown>, number, string][] = [
      [{ exhibitorId: other.exhibitorId, start: other.start, end: other.end, mode: other.mode }, 422, 'other-exhibitor'],
      [{ exhibitorId: 'no-such-exhibitor', start: other.start, end: other.end, mode: other.mode }, 422, 'other-exhibitor'],
      [{ exhibitorId: '../luzhou-wafer-foundry-services', start: other.start, end: other.end, mode: other.mode }, 400, 'invalid-body'],
      [{ start: nameless.start, end: nameless.end, mode: nameless.mode }, 400, 'invalid-body'],
    ]
    for (const [body, status, code] of cases) {
      const answer = await move(body)
      expect(answer.status, JSON.stringify(body)).toBe(status)
      expect(answer.body.code, JSON.stringify(body)).toBe(code)
    }
    expect((await move(cases[0][0])).body.refusal).toEqual({ code: 'other-exhibitor', exhibitorId: 'luzhou-wafer-foundry-services' })
    expect(await rows()).toEqual(before)
    expect((await visitor.get('/api/me/bookings')).body.bookings).toEqual([expect.objectContaining({ id: booked.id, exhibitorId: 'luzhou-wafer-foundry-services', start: own[0].start, status: 'requested' })])
    // the same time with its own exhibitor moves
    const same = own.find((s) => s.start === other.start && s.mode === other.mode)!
    const moved = await move({ exhibitorId: same.exhibitorId, start: same.start, end: same.end, mode: same.mode })
    expect(moved).toMatchObject({ status: 200, body: { booking: { exhibitorId: 'luzhou-wafer-foundry-services', start: same.start } } })
  })
})

describe('the rules the app previews are the rules the server keeps', () => {
  it('refuses a visitor’s second meeting at the same time, naming their booking', async () => {
    const visitor = new TestClient(server.app)
    await visitor.startVisitor()
    const a = await slotsOf(visitor, 'hefei-lingdong-hci')
    const b = await slotsOf(visitor, 'hefei-huimeng-animation')
    const shared = a.find((s) => b.some((t) => t.start === s.start))!
    const first = await visitor.post('/api/bookings', bookingBody(shared))
    expect(first.status).toBe(201)
    const clash = await visitor.post('/api/bookings', bookingBody(b.find((t) => t.start === shared.start)!))
    expect(clash).toMatchObject({ status: 409, body: { code: 'visitor-overlap', refusal: { clash: { id: first.body.booking.id } } } })
  })

  it('cancels, freeing the table at once, and moves a booking in one step', async () => {
    const visitor = new TestClient(server.app)
    await visitor.startVisitor()
    const slots = await slotsOf(visitor, 'feidong-bianzhi-edge-ai')
    const booked = (await visitor.post('/api/bookings', bookingBody(slots[0]))).body.booking
    expect((await slotsOf(visitor, 'feidong-bianzhi-edge-ai')).some((s) => s.start === slots[0].start && s.mode === slots[0].mode)).toBe(false)
    const moved = await visitor.post(`/api/bookings/${booked.id}/reschedule`, { exhibitorId: slots[3].exhibitorId, start: slots[3].start, end: slots[3].end, mode: slots[3].mode })
    expect(moved.status).toBe(200)
    expect(moved.body.previous).toMatchObject({ id: booked.id, status: 'cancelled', replacedBy: moved.body.booking.id })
    expect(moved.body.booking).toMatchObject({ start: slots[3].start, status: 'requested', replaces: booked.id })
    const free = await slotsOf(visitor, 'feidong-bianzhi-edge-ai')
    expect(free.some((s) => s.start === slots[0].start && s.mode === slots[0].mode)).toBe(true)
    const cancelled = await visitor.post(`/api/bookings/${moved.body.booking.id}/cancel`, {})
    expect(cancelled.body.booking).toMatchObject({ status: 'cancelled', cancelledBy: 'visitor' })
    expect(await visitor.post(`/api/bookings/${moved.body.booking.id}/cancel`, {})).toMatchObject({ status: 409, body: { code: 'already-cancelled' } })
  })
})

describe('limits', () => {
  it('rate-limits booking requests per visitor session', async () => {
    const visitor = new TestClient(server.app)
    await visitor.startVisitor()
    const statuses: number[] = []
    // refused requests count too: a script hammering the endpoint is slowed whatever it sends
    for (let i = 0; i < 32; i++) statuses.push((await visitor.post('/api/bookings', { nonsense: i })).status)
    expect(statuses.slice(0, 30).every((s) => s === 400)).toBe(true)
    expect(statuses.slice(30)).toEqual([429, 429])
  })

  it('rate-limits sign-in link requests per address', async () => {
    const client = new TestClient(server.app)
    const statuses: number[] = []
    for (let i = 0; i < 7; i++) statuses.push((await client.post('/api/auth/visitor-link', { email: `someone${i}@example.com`, language: 'en' }, { key: null })).status)
    expect(statuses.slice(0, 5)).toEqual(Array(5).fill(202))
    const limited = await client.post('/api/auth/visitor-link', { email: 'x@example.com', language: 'en' }, { key: null })
    expect(limited).toMatchObject({ status: 429, body: { code: 'rate-limited', refusal: { code: 'rate-limited' } } })
  })
})

describe('behind HTTPS', () => {
  it('marks session cookies Secure', async () => {
    const secure = await startTestApp({ config: { secureCookies: true, publicUrl: 'https://expo.example.com' } })
    try {
      const answer = await new TestClient(secure.app).post('/api/visitor', { language: 'en' })
      expect(String(answer.headers['set-cookie'])).toMatch(/expo_visitor=.*; Secure/)
    } finally {
      await secure.stop()
    }
  }, 30_000) // a second embedded database starts cold: seconds when the machine is busy
})

describe('serving the built app', () => {
  it('marks its page as served by the booking server, answers client-side routes with it, and caches hashed assets for a year', async () => {
    const { mkdtempSync, mkdirSync, writeFileSync } = await import('node:fs')
    const { tmpdir } = await import('node:os')
    const { join } = await import('node:path')
    const root = mkdtempSync(join(tmpdir(), 'cloud-expo-dist-'))
    writeFileSync(join(root, 'index.html'), '<!doctype html><html><head><title>t</title></head><body></body></html>')
    mkdirSync(join(root, 'assets'))
    writeFileSync(join(root, 'assets', 'index-abc123.js'), 'export {}')
    const built = await startTestApp({ config: { staticDir: root } })
    try {
      for (const path of ['/', '/?booth=x&lang=en', '/exhibitor?signin=abc', '/organiser']) {
        const page = await built.app.inject({ method: 'GET', url: path, headers: { accept: 'text/html' } })
        expect(page.statusCode, path).toBe(200)
        expect(page.body, path).toContain('<meta name="expo-booking-server" content="/api" />')
        expect(page.headers['cache-control'], path).toBe('no-cache')
        expect(page.headers['content-security-policy'], path).toContain("script-src 'self'")
      }
      // the shell speaks the visitor's language before any script runs: ?lang= first, then Accept-Language
      const shell = async (url: string, acceptLanguage?: string) => {
        const page = await built.app.inject({ method: 'GET', url, headers: { accept: 'text/html', ...(acceptLanguage ? { 'accept-language': acceptLanguage } : {}) } })
        return { lang: /<html lang="([^"]+)"/.exec(page.body)?.[1], title: /<title>([^<]*)<\/title>/.exec(page.body)?.[1], vary: page.headers.vary }
      }
      expect(await shell('/')).toEqual({ lang: 'zh-CN', title: '永不落幕云展 · WMC 2021', vary: 'Accept-Language, Accept-Encoding' })
      expect(await shell('/?booth=x&lang=en', 'ko')).toMatchObject({ lang: 'en', title: 'Cloud Expo · 2021世界制造业大会' })
      expect(await shell('/?lang=fr', 'fr-CH, ko;q=0.8')).toMatchObject({ lang: 'ko' })
      expect(await shell('/exhibitor', 'en-GB,en;q=0.9')).toMatchObject({ lang: 'en', vary: 'Accept-Language, Accept-Encoding' })
      const asset = await built.app.inject({ method: 'GET', url: '/assets/index-abc123.js' })
      expect(asset.headers['cache-control']).toBe('public, max-age=31536000, immutable')
      expect((await built.app.inject({ method: 'GET', url: '/api/nope', headers: { accept: 'text/html' } })).statusCode).toBe(404)
    } finally {
      await built.stop()
    }
  }, 30_000)
})
