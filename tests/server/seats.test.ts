/**
 * An exhibitor whose online and on-site slots are offset by a quarter of an hour: four bookings leave no single
 * table free for a slot that never has two meetings at once. The server repacks the tables (seats) in the
 * database and takes the booking; the exclusion constraint holds throughout, on PGlite and on PostgreSQL.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { availabilitySchema } from '../../src/content/schema'
import { serverContentOf } from '../../server/content'
import { postgresUnavailable, startTestPostgres, type TestPostgres } from '../helpers/postgres'
import { TestClient, bookingBody, startTestApp, testContent, type TestApp } from '../helpers/serverApp'

const MINUTE = 60_000
/** Three days before the 2027 convention opens (20 September), 08:00 in Hefei. */
const NOW = Date.parse('2027-09-17T00:00:00Z')
/** Tuesday 21 September 2027, a convention day, as instants of Hefei's clock. */
const hefei = (hhmm: string) => Date.parse(`2027-09-21T${hhmm}:00+08:00`)

/** The real pack with one exhibitor moved to Kathmandu (+05:45): its online grid falls at :15 and :45 in Hefei. */
function quarterOffsetContent() {
  const pack = structuredClone(testContent().pack)
  const exhibitor = pack.exhibitors.find((e) => e.id === 'luyang-vision-inspection')!
  exhibitor.availability = availabilitySchema.parse({
    timeZone: 'Asia/Kathmandu',
    weeklyHours: Object.fromEntries(['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'].map((d) => [d, [{ from: '06:00', to: '12:00' }]])),
    slotMinutes: 30,
    parallelTables: 2,
    modes: ['online', 'on-site'],
  })
  return serverContentOf(pack)
}

async function book(server: TestApp, start: number, mode: 'online' | 'on-site') {
  const visitor = new TestClient(server.app)
  await visitor.startVisitor()
  return visitor.post('/api/bookings', bookingBody({ exhibitorId: 'luyang-vision-inspection', start, end: start + 30 * MINUTE, mode }))
}

function repacking(label: string, databaseUrl: () => string | undefined) {
  let server: TestApp
  beforeAll(async () => {
    server = await startTestApp({ databaseUrl: databaseUrl(), now: () => NOW, content: quarterOffsetContent(), config: { rateLimits: false } })
  }, 60_000)
  afterAll(() => server?.stop())

  it(`repacks the exhibitor’s tables so a slot free at every instant can be booked (${label})`, async () => {
    // 10:00 on site takes table 1; 10:45 online takes table 1 too (no overlap); 10:30 on site overlaps it: table 2
    for (const [time, mode] of [
      ['10:00', 'on-site'],
      ['10:45', 'online'],
      ['10:30', 'on-site'],
    ] as const) {
      const answer = await book(server, hefei(time), mode)
      expect(answer.status, `${time} ${mode} ${JSON.stringify(answer.body)}`).toBe(201)
    }
    // 10:15–10:45 online meets the 10:00 (table 1), then the 10:30 (table 2): one meeting at a time, yet no table free throughout
    const { body } = await new TestClient(server.app).get(`/api/exhibitors/luyang-vision-inspection/slots?from=${hefei('10:15')}&to=${hefei('10:16')}`)
    expect(body.slots).toEqual([expect.objectContaining({ mode: 'online', tablesLeft: 1, tables: 2 })])
    expect((await book(server, hefei('10:15'), 'online')).status).toBe(201)

    const { rows } = await server.db.query<{ start: number; seat: number }>(
      `select (extract(epoch from starts_at) * 1000)::float8 as start, seat from bookings where exhibitor_id = 'luyang-vision-inspection' order by starts_at`,
    )
    const seats = rows.map((r) => r.seat)
    expect(seats.every((s) => s === 1 || s === 2)).toBe(true)
    // overlapping meetings never share a table
    for (let i = 0; i < rows.length; i++)
      for (let j = i + 1; j < rows.length; j++) if (rows[j].start < rows[i].start + 30 * MINUTE) expect(rows[i].seat).not.toBe(rows[j].seat)
    // and the peak is now reached at 10:15–10:30 and 10:30–10:45: no further booking fits there
    expect((await book(server, hefei('10:15'), 'online')).body.code).toBe('slot-full')
  })
}

describe('repacking an exhibitor’s tables on the embedded database', () => repacking('PGlite', () => undefined))

describe.skipIf(postgresUnavailable())('repacking an exhibitor’s tables on PostgreSQL', () => {
  let database: TestPostgres
  beforeAll(async () => {
    database = await startTestPostgres()
  })
  afterAll(() => database?.stop())
  repacking('PostgreSQL', () => database.url)
})
