/**
 * Races where they can happen: real PostgreSQL, many connections, and two server processes sharing one database.
 * (PGlite runs one transaction at a time, so it proves nothing about concurrency.)
 */
import pg from 'pg'
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import { postgresUnavailable, startTestPostgres, type TestPostgres } from '../helpers/postgres'
import { freeSlots } from '../../src/booking/slots'
import { TestClient, bookingBody, startTestApp, testContent, type TestApp } from '../helpers/serverApp'
import { startServerProcess, type ServerProcess } from '../helpers/serverProcess'

const DAY = 86_400_000
const skip = postgresUnavailable()
// real processes and a real database: slower than the in-process tests, never timed
vi.setConfig({ testTimeout: 60_000 })

interface SlotInfo {
  exhibitorId: string
  start: number
  end: number
  mode: string
  tablesLeft: number
}

async function slotsOf(client: TestClient, exhibitorId: string): Promise<SlotInfo[]> {
  const now = Date.now()
  const { body } = await client.get(`/api/exhibitors/${exhibitorId}/slots?from=${now}&to=${now + 14 * DAY}`)
  return body.slots
}

async function visitors(targets: (string | TestApp)[], count: number): Promise<TestClient[]> {
  const clients = Array.from({ length: count }, (_, i) => {
    const target = targets[i % targets.length]
    return new TestClient(typeof target === 'string' ? target : target.app)
  })
  await Promise.all(clients.map((c) => c.startVisitor()))
  return clients
}

describe.skipIf(skip)('on PostgreSQL, with two server processes sharing the database', () => {
  let database: TestPostgres
  let a: ServerProcess
  let b: ServerProcess
  let sql: pg.Pool

  beforeAll(async () => {
    database = await startTestPostgres()
    // the first process migrates; the second finds the schema in place
    a = await startServerProcess({ DATABASE_URL: database.url, RATE_LIMITS: 'off' })
    b = await startServerProcess({ DATABASE_URL: database.url, RATE_LIMITS: 'off' })
    sql = new pg.Pool({ connectionString: database.url, max: 5 })
    sql.on('error', () => undefined)
  }, 120_000)
  afterAll(async () => {
    await Promise.all([a?.kill(), b?.kill()])
    await sql?.end()
    await database?.stop()
  }, 60_000)

  it('50 visitors at once for the last free tables of one slot: exactly as many bookings as free tables', async () => {
    // binhu-xiaohe-robotics staffs 4 parallel tables; one is taken first, so 3 are left for 50 visitors
    const first = (await visitors([a.url], 1))[0]
    const slot = (await slotsOf(first, 'binhu-xiaohe-robotics'))[6]
    expect((await first.post('/api/bookings', bookingBody(slot))).status).toBe(201)
    const crowd = await visitors([a.url, b.url], 50)
    const answers = await Promise.all(crowd.map((visitor) => visitor.post('/api/bookings', bookingBody(slot))))
    const statuses = answers.map((r) => r.status)
    expect(statuses.filter((s) => s === 201)).toHaveLength(3)
    expect(answers.filter((r) => r.status === 409).map((r) => r.body.code)).toEqual(Array(47).fill('slot-full'))
    expect(statuses.every((s) => s < 500)).toBe(true)
    const { rows } = await sql.query(
      `select seat, table_id from bookings where exhibitor_id = 'binhu-xiaohe-robotics' and starts_at = to_timestamp($1::float8 / 1000) and status in ('requested', 'proposed', 'confirmed')`,
      [slot.start],
    )
    expect(rows).toHaveLength(4)
    expect(new Set(rows.map((r) => r.seat)).size).toBe(4)
    expect(new Set(rows.map((r) => r.table_id)).size).toBe(4)
    // the slot is gone for everyone, on either process
    for (const url of [a.url, b.url]) {
      expect((await slotsOf(new TestClient(url), 'binhu-xiaohe-robotics')).some((s) => s.start === slot.start && s.mode === slot.mode)).toBe(false)
    }
  })

  it('ten copies of one request with one idempotency key, spread over both processes, make one booking', async () => {
    const [visitor] = await visitors([a.url], 1)
    const slot = (await slotsOf(visitor, 'hefei-shuxian-machine-tools'))[4]
    const copies = [a.url, b.url].flatMap((url) => Array.from({ length: 5 }, () => new TestClient(url)))
    for (const copy of copies) for (const [name, value] of visitor.cookies) copy.cookies.set(name, value)
    const answers = await Promise.all(copies.map((copy) => copy.post('/api/bookings', bookingBody(slot), { key: 'same-request-sent-ten-times' })))
    expect(answers.map((r) => r.status)).toEqual(Array(10).fill(201))
    expect(new Set(answers.map((r) => r.body.booking.id)).size).toBe(1)
    const { rows } = await sql.query(`select count(*)::int as n from bookings where exhibitor_id = 'hefei-shuxian-machine-tools'`)
    expect(rows[0].n).toBe(1)
  })

  it('45 visitors booking 45 exhibitors at one instant get distinct hall tables, as many as there are', async () => {
    const { pack, tableIds } = testContent()
    // exhibitors whose online slots start at the same instant, a week ahead (the shared rules, run here)
    const starts = new Map<number, SlotInfo[]>()
    const now = Date.now()
    for (const exhibitor of pack.exhibitors.filter((e) => !['hefei-shuxian-machine-tools', 'binhu-xiaohe-robotics', 'hefei-qingchi-power', 'chaohu-zhilian-industrial-internet'].includes(e.id))) {
      for (const slot of freeSlots({ exhibitor, event: pack.event, from: now + 7 * DAY, to: now + 8 * DAY, now, bookings: [], modes: ['online'] })) {
        starts.set(slot.start, [...(starts.get(slot.start) ?? []), slot])
      }
    }
    const [, group] = [...starts].sort((x, y) => y[1].length - x[1].length)[0]
    const chosen = [...new Map(group.map((s) => [s.exhibitorId, s])).values()].slice(0, 45)
    expect(chosen.length).toBeGreaterThan(40)
    const crowd = await visitors([a.url, b.url], chosen.length)
    const answers = await Promise.all(crowd.map((visitor, i) => visitor.post('/api/bookings', bookingBody(chosen[i]))))
    const tables = answers.filter((r) => r.status === 201).map((r) => r.body.booking.tableId)
    const { rows } = await sql.query(`select count(*)::int as n from bookings where starts_at = to_timestamp($1::float8 / 1000) and mode = 'online'`, [chosen[0].start])
    // every hall table is taken at that instant, each once, and the rest are told there is none
    expect(rows[0].n).toBe(Math.min(chosen.length, tableIds.length))
    expect(new Set(tables).size).toBe(tables.length)
    expect(answers.filter((r) => r.status !== 201).every((r) => r.body.code === 'no-table')).toBe(true)
  })

  it('one visitor’s ten bookings at once with one exhibitor, through both processes, leave three (the per-exhibitor limit holds)', async () => {
    const [visitor] = await visitors([a.url], 1)
    const slots = (await slotsOf(visitor, 'hefei-qingchi-power')).filter((s, i, all) => all.findIndex((t) => t.start === s.start) === i).slice(0, 10)
    const tabs = [a.url, b.url].flatMap((url) => Array.from({ length: 5 }, () => new TestClient(url)))
    for (const tab of tabs) for (const [name, value] of visitor.cookies) tab.cookies.set(name, value)
    const answers = await Promise.all(tabs.map((tab, i) => tab.post('/api/bookings', bookingBody(slots[i]))))
    expect(answers.filter((r) => r.status === 201)).toHaveLength(3)
    expect(answers.filter((r) => r.status === 409).map((r) => r.body.code)).toEqual(Array(7).fill('exhibitor-limit'))
  })

  it('a booking made through one process reaches the other process’s event streams', async () => {
    const [visitor] = await visitors([a.url], 1)
    const slot = (await slotsOf(visitor, 'chaohu-zhilian-industrial-internet'))[2]
    const controller = new AbortController()
    const response = await fetch(`${b.url}/api/events?watch=chaohu-zhilian-industrial-internet`, {
      headers: { cookie: [...visitor.cookies].map(([k, v]) => `${k}=${v}`).join('; ') },
      signal: controller.signal,
    })
    expect(response.headers.get('content-type')).toMatch(/^text\/event-stream/)
    const reader = response.body!.getReader()
    let text = ''
    const until = async (pattern: RegExp) => {
      const deadline = Date.now() + 10_000
      while (!pattern.test(text)) {
        if (Date.now() > deadline) throw new Error(`no ${pattern} in ${text}`)
        const { value } = await reader.read()
        text += new TextDecoder().decode(value)
      }
    }
    await until(/event: ready/)
    expect((await visitor.post('/api/bookings', bookingBody(slot))).status).toBe(201)
    await until(/event: slots\ndata: \{"exhibitorId":"chaohu-zhilian-industrial-internet"\}/)
    await until(/event: bookings/)
    controller.abort()
  })
})

describe.skipIf(skip)('each guarantee on its own, on PostgreSQL', () => {
  let database: TestPostgres
  let server: TestApp
  let sql: pg.Pool

  beforeAll(async () => {
    database = await startTestPostgres()
    server = await startTestApp({ databaseUrl: database.url, config: { rateLimits: false } })
    sql = new pg.Pool({ connectionString: database.url, max: 40 })
    sql.on('error', () => undefined)
  }, 120_000)
  afterAll(async () => {
    await server?.stop()
    await sql?.end()
    await database?.stop()
  }, 60_000)

  it('the exclusion constraints refuse overlapping live bookings on one seat, one hall table or one visitor, whatever inserts them', async () => {
    await sql.query(`insert into visitors (id) select ('00000000-0000-4000-8000-' || lpad(n::text, 12, '0'))::uuid from generate_series(1, 30) n`)
    const insert = (n: number, table: string, seat: number, visitor: number) =>
      sql
        .query(
          `insert into bookings (id, visitor_id, exhibitor_id, mode, starts_at, ends_at, status, table_id, seat, confirmation_code, topic, profile,
             visitor_time_zone, exhibitor_time_zone, language)
           values (gen_random_uuid(), ('00000000-0000-4000-8000-' || lpad($4::text, 12, '0'))::uuid, 'hefei-kanglan-biopharma', 'online',
             '2030-01-07 02:00+00', '2030-01-07 03:00+00', 'confirmed', $1, $2, 'C' || lpad($3::text, 5, '0'), 't', '{}', 'UTC', 'UTC', 'en')`,
          [table, seat, n, visitor],
        )
        .then(
          () => 'ok',
          (error) => error.constraint as string,
        )
    const sameSeat = await Promise.all(Array.from({ length: 10 }, (_, i) => insert(i, `table-${i + 1}`, 1, i + 1)))
    expect(sameSeat.filter((r) => r === 'ok')).toHaveLength(1)
    expect(new Set(sameSeat.filter((r) => r !== 'ok'))).toEqual(new Set(['bookings_exhibitor_seat_free']))
    const sameTable = await Promise.all(Array.from({ length: 10 }, (_, i) => insert(100 + i, 'table-30', 2 + (i % 8), 11 + i)))
    expect(sameTable.filter((r) => r === 'ok').length).toBeLessThanOrEqual(1)
    expect(sameTable.filter((r) => r === 'bookings_table_free').length).toBeGreaterThanOrEqual(9)
    const sameVisitor = await Promise.all(Array.from({ length: 5 }, (_, i) => insert(200 + i, `table-${31 + i}`, 6 + i, 25)))
    expect(sameVisitor.filter((r) => r === 'ok').length).toBeLessThanOrEqual(1)
    expect(sameVisitor.filter((r) => r === 'bookings_visitor_free').length).toBeGreaterThanOrEqual(4)
  })

  it('the exhibitor lock alone keeps capacity: with the seat constraint dropped, 30 visitors still get exactly the free tables', async () => {
    await sql.query('alter table bookings drop constraint bookings_exhibitor_seat_free')
    try {
      const probe = new TestClient(server.app)
      const slot = (await slotsOf(probe, 'hefei-lisheng-power-battery'))[3]
      const crowd = await visitors([server], 30)
      const answers = await Promise.all(crowd.map((v) => v.post('/api/bookings', bookingBody(slot))))
      expect(answers.filter((r) => r.status === 201)).toHaveLength(3)
    } finally {
      await sql.query(`delete from bookings where exhibitor_id = 'hefei-lisheng-power-battery'`)
      await sql.query(`alter table bookings add constraint bookings_exhibitor_seat_free exclude using gist (exhibitor_id with =, seat with =, tstzrange(starts_at, ends_at) with &&)
        where (status in ('requested', 'proposed', 'confirmed'))`)
    }
  })

  it('the visitor lock alone keeps one visitor out of two meetings at once (visitor constraint dropped)', async () => {
    await sql.query('alter table bookings drop constraint bookings_visitor_free')
    try {
      const [visitor] = await visitors([server], 1)
      const probe = new TestClient(server.app)
      const exhibitors = ['anhui-chuneng-energy-storage', 'chaohu-recycling-technology', 'hefei-shuxian-machine-tools', 'anhui-hengliu-valves']
      const slots = await Promise.all(exhibitors.map((id) => slotsOf(probe, id)))
      const start = slots[0].find((s) => slots.every((list) => list.some((t) => t.start === s.start && t.mode === 'online')))!.start
      const answers = await Promise.all(slots.map((list) => visitor.post('/api/bookings', bookingBody(list.find((s) => s.start === start && s.mode === 'online')!))))
      expect(answers.filter((r) => r.status === 201)).toHaveLength(1)
      expect(answers.filter((r) => r.status === 409).map((r) => r.body.code)).toEqual(Array(3).fill('visitor-overlap'))
    } finally {
      await sql.query(`alter table bookings add constraint bookings_visitor_free exclude using gist (visitor_id with =, tstzrange(starts_at, ends_at) with &&)
        where (status in ('requested', 'proposed', 'confirmed'))`)
    }
  })
})
