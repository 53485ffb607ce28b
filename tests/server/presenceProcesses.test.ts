/**
 * Several server processes, one hall: presence crosses processes through PostgreSQL NOTIFY, and a process that
 * stops publishing (crashed, cut off) takes its visitors with it within the silence timeout.
 */
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import { LiveClient } from '../helpers/liveClient'
import { postgresUnavailable, startTestPostgres, type TestPostgres } from '../helpers/postgres'
import { startTestApp, type TestApp } from '../helpers/serverApp'
import { startServerProcess, type ServerProcess } from '../helpers/serverProcess'

const skip = postgresUnavailable()
vi.setConfig({ testTimeout: 60_000 })

describe.skipIf(skip)('two real server processes on one PostgreSQL', () => {
  let database: TestPostgres
  let a: ServerProcess
  let b: ServerProcess
  const clients: LiveClient[] = []

  beforeAll(async () => {
    database = await startTestPostgres()
    a = await startServerProcess({ DATABASE_URL: database.url })
    b = await startServerProcess({ DATABASE_URL: database.url })
  }, 120_000)
  afterAll(async () => {
    await Promise.all(clients.map((c) => c.close()))
    await Promise.all([a?.kill(), b?.kill()])
    await database?.stop()
  }, 60_000)

  it('a visitor connected to one process is counted, and seen nearby, by a visitor on the other', async () => {
    const onA = await LiveClient.open(a.url)
    const onB = await LiveClient.open(b.url)
    clients.push(onA, onB)
    onA.send({ type: 'hello', name: 'Anna', invisible: false, zoneId: 'ai' })
    onA.send({ type: 'pose', zoneId: 'ai', x: 12, z: 40, yaw: 1 })
    onB.send({ type: 'hello', name: null, invisible: false, zoneId: 'ai' })
    const counts = await onB.counts((c) => c.online === 2, 10_000)
    expect(counts.zones).toEqual({ ai: 2 })
    const { avatars } = await onB.avatars((m) => m.avatars.length === 1, 10_000)
    expect(avatars[0]).toMatchObject({ zoneId: 'ai', x: 12, z: 40, yaw: expect.closeTo(1, 1), name: 'Anna', idle: false })
    // and the other way round
    await onA.counts((c) => c.online === 2, 10_000)
    // leaving on A is heard on B as soon as A publishes again
    await onA.close()
    await onB.counts((c) => c.online === 1, 10_000)
  })
})

describe.skipIf(skip)('two apps on one PostgreSQL, with short intervals', () => {
  const GONE_AFTER_MS = 1_500
  const timings = { countsMs: 50, avatarsMs: 50, heartbeatMs: 100, goneAfterMs: GONE_AFTER_MS, publishMs: 50 }
  let database: TestPostgres
  let first: TestApp
  let second: TestApp

  beforeAll(async () => {
    database = await startTestPostgres()
    first = await startTestApp({ databaseUrl: database.url, presence: { timings } })
    second = await startTestApp({ databaseUrl: database.url, presence: { timings } })
  }, 60_000)
  afterAll(async () => {
    await first?.stop().catch(() => undefined)
    await second?.stop()
    await database?.stop()
  })

  it('a process that stops publishing takes its visitors out of every count within the silence timeout', async () => {
    const firstUrl = await first.app.listen({ port: 0, host: '127.0.0.1' })
    const secondUrl = await second.app.listen({ port: 0, host: '127.0.0.1' })
    const there = await LiveClient.open(firstUrl)
    const here = await LiveClient.open(secondUrl)
    there.send({ type: 'hello', name: null, invisible: false, zoneId: 'nev' })
    here.send({ type: 'hello', name: null, invisible: false, zoneId: 'nev' })
    await here.counts((c) => c.online === 2)
    // the first process stops without a word (as a crash would): nothing tells the second its visitor left
    await first.presence.stop()
    const stoppedAt = Date.now()
    await here.counts((c) => c.online === 1, GONE_AFTER_MS * 3)
    expect(Date.now() - stoppedAt).toBeGreaterThan(GONE_AFTER_MS / 2)
    await Promise.all([there.close(), here.close()])
  })
})
