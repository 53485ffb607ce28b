/** The programme of live sessions through inject(): staff at their booth, organisers in the lobby, the public list, refusals. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { EVENTS_CHANNEL, type ChangeNotice } from '../../server/live/changes'
import { TestClient, signedInStaffClient, startTestApp, type TestApp } from '../helpers/serverApp'

const HOUR = 3_600_000
const START = Date.parse('2026-12-01T02:00:00Z')
const clock = { now: START }
const BOOTH = 'hefei-shengmai-intelligence'
const OTHER_BOOTH = 'hefei-xinheng-microelectronics'

let server: TestApp
beforeAll(async () => {
  server = await startTestApp({ now: () => clock.now, config: { rateLimits: false } })
}, 60_000)
afterAll(() => server?.stop())

const signedIn = (exhibitorId: string | null) => signedInStaffClient(server, exhibitorId)

const launch = (start: number, end: number, extra: Record<string, unknown> = {}) => ({
  kind: 'launch',
  title: { 'zh-CN': '新品发布会', en: 'Product launch' },
  start,
  end,
  ...extra,
})

/** Notices the database sends on commit, while `work` runs. */
async function noticesDuring(work: () => Promise<unknown>): Promise<ChangeNotice[]> {
  const seen: ChangeNotice[] = []
  const stop = await server.db.listen(EVENTS_CHANNEL, (payload) => seen.push(JSON.parse(payload) as ChangeNotice))
  try {
    await work()
    await new Promise((resolve) => setTimeout(resolve, 50))
  } finally {
    await stop()
  }
  return seen
}

describe('staff schedule launches at their own booth', () => {
  it('creates a session that the public list shows, and tells live clients', async () => {
    const staff = await signedIn(BOOTH)
    let created: any
    const notices = await noticesDuring(async () => {
      created = await staff.post('/api/console/sessions', launch(START, START + HOUR, { description: { en: 'Our new robot arm' } }))
    })
    expect(created).toMatchObject({ status: 201, body: { session: { kind: 'launch', venue: { kind: 'booth', exhibitorId: BOOTH }, start: START, end: START + HOUR } } })
    expect(notices).toContainEqual(expect.objectContaining({ sessions: true }))
    const list = await new TestClient(server.app).get('/api/sessions')
    expect(list.status).toBe(200)
    expect(list.body.sessions.map((s: { id: string }) => s.id)).toContain(created.body.session.id)
    const mine = await staff.get('/api/console/sessions')
    expect(mine.body).toMatchObject({ venue: { kind: 'booth', exhibitorId: BOOTH } })
    expect(mine.body.sessions).toHaveLength(1)
  })

  it('refuses another booth, an overlap at the same booth, and writes nothing', async () => {
    const staff = await signedIn(BOOTH)
    const other = await staff.post('/api/console/sessions', launch(START + 5 * HOUR, START + 6 * HOUR, { venue: { kind: 'booth', exhibitorId: OTHER_BOOTH } }))
    expect(other).toMatchObject({ status: 403, body: { code: 'not-your-venue' } })
    const lobby = await staff.post('/api/console/sessions', launch(START + 5 * HOUR, START + 6 * HOUR, { venue: { kind: 'lobby' } }))
    expect(lobby).toMatchObject({ status: 403, body: { code: 'not-your-venue' } })
    const overlap = await staff.post('/api/console/sessions', launch(START + HOUR / 2, START + 2 * HOUR))
    expect(overlap).toMatchObject({ status: 409, body: { code: 'venue-busy' } })
    const notices = await noticesDuring(() => staff.post('/api/console/sessions', launch(START + HOUR / 2, START + 2 * HOUR)))
    expect(notices).toEqual([])
    // back to back is not an overlap; another booth at the same time is another venue
    expect((await staff.post('/api/console/sessions', launch(START + HOUR, START + 2 * HOUR))).status).toBe(201)
    const neighbour = await signedIn(OTHER_BOOTH)
    expect((await neighbour.post('/api/console/sessions', launch(START, START + HOUR))).status).toBe(201)
    const { rows } = await server.db.query<{ n: number }>(`select count(*)::int as n from live_sessions where venue = $1`, [`booth:${BOOTH}`])
    expect(rows[0].n).toBe(2)
  })

  it('is kept to one session at a time per venue by the database itself', async () => {
    const { rows } = await server.db.query<{ created_by: string }>(`select created_by from live_sessions where venue = $1 limit 1`, [`booth:${BOOTH}`])
    const insert = () =>
      server.db.query(
        `insert into live_sessions (id, venue, exhibitor_id, kind, title, starts_at, ends_at, created_by)
         values (gen_random_uuid(), $1, $2, 'talk', '{"en":"x"}', to_timestamp($3::float8 / 1000), to_timestamp($4::float8 / 1000), $5)`,
        [`booth:${BOOTH}`, BOOTH, START + 10 * 60_000, START + 20 * 60_000, rows[0].created_by],
      )
    await expect(insert()).rejects.toMatchObject({ code: '23P01' })
  })

  it('refuses hostile or impossible input with a code, and strangers', async () => {
    const staff = await signedIn(BOOTH)
    const cases: [unknown, number, string][] = [
      [launch(START + 3 * HOUR, START + 2 * HOUR), 422, 'ends-before-start'],
      [launch(START - 3 * HOUR, START - 2 * HOUR), 422, 'past'],
      [launch(START + 3 * HOUR, START + 16 * HOUR), 422, 'too-long'],
      [launch(START + 400 * 24 * HOUR, START + 400 * 24 * HOUR + HOUR), 422, 'too-far'],
      [launch(START + 3 * HOUR, START + 4 * HOUR, { title: {} }), 400, 'invalid-body'],
      [launch(START + 3 * HOUR, START + 4 * HOUR, { title: { en: 'x'.repeat(121) } }), 400, 'invalid-body'],
      [launch(START + 3 * HOUR, START + 4 * HOUR, { kind: 'party' }), 400, 'invalid-body'],
      [launch(START + 3 * HOUR, START + 4 * HOUR, { start: 'soon' }), 400, 'invalid-body'],
      [launch(START + 3 * HOUR, START + 4 * HOUR, { exhibitorId: OTHER_BOOTH }), 400, 'invalid-body'],
    ]
    for (const [body, status, code] of cases) expect(await staff.post('/api/console/sessions', body), code).toMatchObject({ status, body: { code } })
    expect(await staff.request('POST', '/api/console/sessions', { raw: '{"kind":', key: undefined })).toMatchObject({ status: 400, body: { code: 'malformed-json' } })
    expect(await staff.post('/api/console/sessions', launch(START + 3 * HOUR, START + 4 * HOUR), { key: null })).toMatchObject({ status: 400, body: { code: 'idempotency-key-required' } })
    expect(await new TestClient(server.app).post('/api/console/sessions', launch(START + 3 * HOUR, START + 4 * HOUR))).toMatchObject({ status: 401 })
    const visitor = new TestClient(server.app)
    await visitor.startVisitor()
    expect(await visitor.post('/api/console/sessions', launch(START + 3 * HOUR, START + 4 * HOUR))).toMatchObject({ status: 401 })
    const { rows } = await server.db.query<{ n: number }>(`select count(*)::int as n from live_sessions where starts_at >= to_timestamp($1::float8 / 1000)`, [START + 3 * HOUR])
    expect(rows[0].n).toBe(0)
  })

  it('changes and removes only its own sessions', async () => {
    const staff = await signedIn(BOOTH)
    const neighbour = await signedIn(OTHER_BOOTH)
    const created = await staff.post('/api/console/sessions', launch(START + 8 * HOUR, START + 9 * HOUR))
    const id = created.body.session.id
    expect(await neighbour.request('PUT', `/api/console/sessions/${id}`, { body: launch(START + 8 * HOUR, START + 10 * HOUR) })).toMatchObject({ status: 404 })
    expect(await neighbour.request('DELETE', `/api/console/sessions/${id}`)).toMatchObject({ status: 404 })
    expect(await staff.request('PUT', `/api/console/sessions/not-a-uuid`, { body: launch(START + 8 * HOUR, START + 10 * HOUR) })).toMatchObject({ status: 404 })
    // moving onto the first launch clashes; moving within its own time does not
    expect(await staff.request('PUT', `/api/console/sessions/${id}`, { body: launch(START, START + HOUR) })).toMatchObject({ status: 409, body: { code: 'venue-busy' } })
    const moved = await staff.request('PUT', `/api/console/sessions/${id}`, { body: launch(START + 8 * HOUR + HOUR / 2, START + 10 * HOUR) })
    expect(moved).toMatchObject({ status: 200, body: { session: { id, start: START + 8 * HOUR + HOUR / 2 } } })
    expect(await staff.request('DELETE', `/api/console/sessions/${id}`)).toMatchObject({ status: 204 })
    expect((await new TestClient(server.app).get('/api/sessions')).body.sessions.map((s: { id: string }) => s.id)).not.toContain(id)
  })

  it('answers a retried create with the first answer, never a second session', async () => {
    const staff = await signedIn(BOOTH)
    const body = launch(START + 20 * HOUR, START + 21 * HOUR)
    const first = await staff.post('/api/console/sessions', body, { key: 'retry-key-0123456789' })
    const again = await staff.post('/api/console/sessions', body, { key: 'retry-key-0123456789' })
    expect(first.status).toBe(201)
    expect(again).toMatchObject({ status: 201, body: first.body, headers: { 'idempotent-replayed': 'true' } })
  })
})

describe('organisers schedule forums in the lobby', () => {
  it('puts them in the lobby, refuses a booth, and the list leaves out what has ended', async () => {
    const organiser = await signedIn(null)
    const forum = await organiser.post('/api/console/sessions', { ...launch(START + HOUR, START + 3 * HOUR), kind: 'forum', title: { ko: '스마트 제조 포럼' } })
    expect(forum).toMatchObject({ status: 201, body: { session: { kind: 'forum', venue: { kind: 'lobby' }, title: { ko: '스마트 제조 포럼' } } } })
    expect(await organiser.post('/api/console/sessions', launch(START + 4 * HOUR, START + 5 * HOUR, { venue: { kind: 'booth', exhibitorId: BOOTH } }))).toMatchObject({
      status: 403,
      body: { code: 'not-your-venue' },
    })
    expect((await organiser.get('/api/console/sessions')).body.venue).toEqual({ kind: 'lobby' })
    clock.now = START + 3 * HOUR
    try {
      const list = (await new TestClient(server.app).get('/api/sessions')).body.sessions as { id: string; start: number; end: number }[]
      expect(list.map((s) => s.id)).not.toContain(forum.body.session.id)
      expect(list.every((s) => s.end > clock.now)).toBe(true)
      expect(list.map((s) => s.start)).toEqual([...list.map((s) => s.start)].sort((a, b) => a - b))
    } finally {
      clock.now = START
    }
  })

  it('documents the endpoints in the OpenAPI description', async () => {
    const { body } = await new TestClient(server.app).get('/api/openapi.json')
    expect(Object.keys(body.paths)).toEqual(expect.arrayContaining(['/api/sessions', '/api/console/sessions', '/api/console/sessions/{sessionId}']))
  })
})
