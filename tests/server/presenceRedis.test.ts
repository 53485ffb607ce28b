/**
 * Presence across real server processes over Redis (REDIS_URL): two processes on one PostgreSQL and one Redis see
 * each other's visitors, and the hall really crosses through Redis: PostgreSQL's presence channel stays silent, and a
 * third process on its own embedded database, sharing only Redis, sees them too. A Redis that is not there slows
 * nothing: the server starts, answers and keeps presence on itself.
 */
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import pg from 'pg'
import { ConfigError, readConfig } from '../../server/config'
import { PRESENCE_CHANNEL } from '../../server/live/presenceBus'
import { LiveClient } from '../helpers/liveClient'
import { postgresUnavailable, startTestPostgres, type TestPostgres } from '../helpers/postgres'
import { localRedisUnavailable, redisUnavailable, startLocalRedis, startTestRedis, type LocalRedis, type TestRedis } from '../helpers/redis'
import { startTestApp, TestClient, type TestApp } from '../helpers/serverApp'
import { freePort, startServerProcess, type ServerProcess } from '../helpers/serverProcess'

vi.setConfig({ testTimeout: 60_000 })

describe.skipIf(postgresUnavailable() ?? redisUnavailable())('real server processes sharing presence over Redis', () => {
  let database: TestPostgres
  let redis: TestRedis
  let a: ServerProcess
  let b: ServerProcess
  let embedded: ServerProcess
  let listener: pg.Client
  const overPostgres: string[] = []
  const clients: LiveClient[] = []

  beforeAll(async () => {
    ;[database, redis] = await Promise.all([startTestPostgres(), startTestRedis()])
    // whatever crosses PostgreSQL's presence channel is heard here: with Redis, nothing should
    listener = new pg.Client({ connectionString: database.url })
    await listener.connect()
    listener.on('notification', (message) => overPostgres.push(message.payload ?? ''))
    await listener.query(`listen ${PRESENCE_CHANNEL}`)
    const shared = { REDIS_URL: redis.url, REDIS_CHANNEL: redis.channel }
    // one after another: three starting at once on a busy machine can outrun Fastify's plugin timeout
    a = await startServerProcess({ ...shared, DATABASE_URL: database.url })
    b = await startServerProcess({ ...shared, DATABASE_URL: database.url })
    // its own PGlite: Redis is the only thing it shares with the others
    embedded = await startServerProcess({ ...shared, DATABASE_URL: '' })
  }, 120_000)
  afterAll(async () => {
    await Promise.all(clients.map((c) => c.close()))
    await Promise.all([a?.kill(), b?.kill(), embedded?.kill()])
    await listener?.end()
    await Promise.all([database?.stop(), redis?.stop()])
  }, 60_000)

  it('a visitor on one process is counted and seen by visitors on the others, and nothing crosses PostgreSQL', async () => {
    for (const server of [a, b, embedded]) {
      const health = await (await fetch(`${server.url}/api/health`)).json()
      expect(health.presence).toEqual({ bus: 'redis', connected: true })
    }
    const onA = await LiveClient.open(a.url)
    const onB = await LiveClient.open(b.url)
    const onEmbedded = await LiveClient.open(embedded.url)
    clients.push(onA, onB, onEmbedded)
    onA.send({ type: 'hello', name: 'Anna', invisible: false, zoneId: 'ai' })
    onA.send({ type: 'pose', zoneId: 'ai', x: 12, z: 40, yaw: 1 })
    onB.send({ type: 'hello', name: null, invisible: false, zoneId: 'ai' })
    onEmbedded.send({ type: 'hello', name: 'Min', invisible: false, zoneId: 'ai' })
    const counts = await onB.counts((c) => c.online === 3, 10_000)
    expect(counts.zones).toEqual({ ai: 3 })
    const { avatars } = await onB.avatars((m) => m.avatars.some((v) => v.name === 'Anna'), 10_000)
    expect(avatars.find((v) => v.name === 'Anna')).toMatchObject({ zoneId: 'ai', x: 12, z: 40, yaw: expect.closeTo(1, 1), idle: false })
    // the process on its own database hears the others only through Redis
    await onEmbedded.counts((c) => c.online === 3, 10_000)
    const seen = await onEmbedded.avatars((m) => m.avatars.some((v) => v.name === 'Anna'), 10_000)
    expect(seen.avatars.find((v) => v.name === 'Anna')).toMatchObject({ x: 12, z: 40 })
    await onA.counts((c) => c.online === 3, 10_000)
    // leaving on A is heard on the others as soon as A publishes again
    await onA.close()
    await onB.counts((c) => c.online === 2, 10_000)
    await onEmbedded.counts((c) => c.online === 2, 10_000)
    expect(overPostgres).toEqual([])
  })
})

describe.skipIf(redisUnavailable())('a Redis that is not there', () => {
  let server: TestApp
  let url: string
  const clients: LiveClient[] = []

  beforeAll(async () => {
    // a port nobody listens on: every connection attempt is refused
    const redisUrl = `redis://127.0.0.1:${await freePort()}`
    server = await startTestApp({ config: { redisUrl, redisChannel: 'nowhere' }, presence: { timings: { countsMs: 50, avatarsMs: 50, publishMs: 50 } } })
    url = await server.app.listen({ port: 0, host: '127.0.0.1' })
  }, 120_000)
  afterAll(async () => {
    await Promise.all(clients.map((c) => c.close()))
    await server?.stop()
  })

  it('holds nothing up: the server answers at once, and presence works on this process', async () => {
    const asked = Date.now()
    const health = await new TestClient(url).get('/api/health')
    expect(health).toMatchObject({ status: 200, body: { ok: true, presence: { bus: 'redis', connected: false } } })
    const slots = await new TestClient(url).get(`/api/exhibitors/hefei-shengmai-intelligence/slots?from=${Date.now()}&to=${Date.now() + 86_400_000}`)
    expect(slots.status).toBe(200)
    expect(Date.now() - asked).toBeLessThan(2_000)
    const one = await LiveClient.open(url)
    const two = await LiveClient.open(url)
    clients.push(one, two)
    one.send({ type: 'hello', name: null, invisible: false, zoneId: 'nev' })
    two.send({ type: 'hello', name: null, invisible: false, zoneId: 'nev' })
    await two.counts((c) => c.online === 2)
    // and it still does after many failed reconnection attempts
    await new Promise((resolve) => setTimeout(resolve, 1_000))
    one.send({ type: 'hello', name: null, invisible: false, zoneId: 'ai' })
    expect((await two.counts((c) => c.zones.ai === 1)).zones).toEqual({ ai: 1, nev: 1 })
  })
})

describe.skipIf(localRedisUnavailable())('two apps when their Redis goes away and comes back', () => {
  const GONE_AFTER_MS = 1_500
  const timings = { countsMs: 50, avatarsMs: 50, heartbeatMs: 100, goneAfterMs: GONE_AFTER_MS, publishMs: 50 }
  let redis: LocalRedis
  let first: TestApp
  let second: TestApp
  const clients: LiveClient[] = []

  beforeAll(async () => {
    redis = await startLocalRedis()
    const config = { redisUrl: redis.url, redisChannel: 'resume' }
    // one after another, as above
    first = await startTestApp({ config, presence: { timings } })
    second = await startTestApp({ config, presence: { timings } })
  }, 120_000)
  afterAll(async () => {
    await Promise.all(clients.map((c) => c.close()))
    await Promise.all([first?.stop(), second?.stop()])
    await redis?.stop()
  })

  it('keeps each hall going on its own meanwhile, and shares it again by itself once Redis is back', async () => {
    const [firstUrl, secondUrl] = await Promise.all([first.app.listen({ port: 0, host: '127.0.0.1' }), second.app.listen({ port: 0, host: '127.0.0.1' })])
    const there = await LiveClient.open(firstUrl)
    const here = await LiveClient.open(secondUrl)
    clients.push(there, here)
    there.send({ type: 'hello', name: null, invisible: false, zoneId: 'nev' })
    here.send({ type: 'hello', name: null, invisible: false, zoneId: 'nev' })
    await here.counts((c) => c.online === 2, 10_000)

    await redis.kill()
    // the other process's visitor fades after the silence timeout; this one's own hall goes on
    await here.counts((c) => c.online === 1, GONE_AFTER_MS * 4)
    const newcomer = await LiveClient.open(secondUrl)
    clients.push(newcomer)
    newcomer.send({ type: 'hello', name: null, invisible: false, zoneId: 'ai' })
    expect((await here.counts((c) => c.online === 2)).zones).toEqual({ nev: 1, ai: 1 })
    expect((await new TestClient(secondUrl).get('/api/health')).body.presence).toEqual({ bus: 'redis', connected: false })

    await redis.restart()
    // nobody moved meanwhile: each process tells its round again as it comes back, and both halls are whole
    expect((await here.counts((c) => c.online === 3, 15_000)).zones).toEqual({ nev: 2, ai: 1 })
    expect((await there.counts((c) => c.online === 3, 15_000)).zones).toEqual({ nev: 2, ai: 1 })
    expect((await new TestClient(secondUrl).get('/api/health')).body.presence).toEqual({ bus: 'redis', connected: true })
  })
})

describe('configuring Redis', () => {
  it('takes redis:// or rediss:// and a channel of plain characters, and refuses anything else before starting', () => {
    expect(readConfig({})).toMatchObject({ redisUrl: undefined, redisChannel: PRESENCE_CHANNEL })
    expect(readConfig({ REDIS_URL: 'rediss://:secret@cache.example:6380/0', REDIS_CHANNEL: 'expo-staging:presence' })).toMatchObject({
      redisUrl: 'rediss://:secret@cache.example:6380/0',
      redisChannel: 'expo-staging:presence',
    })
    for (const env of [{ REDIS_URL: 'http://cache.example' }, { REDIS_URL: 'cache.example:6379' }, { REDIS_CHANNEL: 'two words' }, { REDIS_CHANNEL: 'x'.repeat(101) }]) {
      expect(() => readConfig(env)).toThrow(ConfigError)
    }
  })
})
