/** Scheduling sessions at one venue at once on real PostgreSQL: the exclusion constraint leaves one, the others get 409. */
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import { postgresUnavailable, startTestPostgres, type TestPostgres } from '../helpers/postgres'
import { TestClient, startTestApp, type TestApp } from '../helpers/serverApp'

const skip = postgresUnavailable()
vi.setConfig({ testTimeout: 60_000 })
const HOUR = 3_600_000

describe.skipIf(skip)('live sessions on PostgreSQL', () => {
  let database: TestPostgres
  let server: TestApp

  beforeAll(async () => {
    database = await startTestPostgres()
    server = await startTestApp({ databaseUrl: database.url, config: { rateLimits: false } })
  }, 120_000)
  afterAll(async () => {
    await server?.stop()
    await database?.stop()
  }, 60_000)

  it('twenty overlapping launches sent at once to one booth leave exactly one, the rest refused as venue-busy', async () => {
    const invitation = await server.ctx.signIn.inviteStaff({ exhibitorId: 'hefei-shengmai-intelligence', email: 'race@example.com', language: 'en' })
    const staff = new TestClient(server.app)
    await staff.post('/api/auth/redeem', { token: new URL(invitation.link).searchParams.get('signin') }, { key: null })
    const start = Date.now() + 2 * HOUR
    const answers = await Promise.all(
      Array.from({ length: 20 }, (_, i) => staff.post('/api/console/sessions', { kind: 'launch', title: { en: `Launch ${i}` }, start: start + i * 60_000, end: start + HOUR + i * 60_000 })),
    )
    expect(answers.filter((a) => a.status === 201)).toHaveLength(1)
    expect(answers.filter((a) => a.status === 409).map((a) => a.body.code)).toEqual(Array(19).fill('venue-busy'))
    const { rows } = await server.db.query<{ n: number }>(`select count(*)::int as n from live_sessions where venue = 'booth:hefei-shengmai-intelligence'`)
    expect(rows[0].n).toBe(1)
  })
})
