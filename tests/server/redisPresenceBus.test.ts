/**
 * The Redis presence bus on a real Redis: notices round-trip between processes, a process never hears itself, and a
 * Redis that is away (at start or later) neither throws nor waits, and presence resumes by itself when it is back.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest'
import { Redis } from 'ioredis'
import { ZONE_IDS } from '../../src/content/schema'
import type { PresenceNotice, SharedVisitor } from '../../server/live/presenceBus'
import { RedisPresenceBus, redisRetryDelay } from '../../server/live/redisPresenceBus'
import { localRedisUnavailable, redisUnavailable, startLocalRedis, startTestRedis, type LocalRedis, type TestRedis } from '../helpers/redis'

vi.setConfig({ testTimeout: 30_000 })

const visitor = (i: number, zone = 0): SharedVisitor => ({ id: `v${i}`, zoneId: ZONE_IDS[zone], x: i, z: -i, yaw: 0.5, name: i % 2 ? '世'.repeat(38) : null, idle: false })

async function eventually<T>(check: () => T | undefined | false, timeoutMs = 10_000, what = 'condition'): Promise<T> {
  const deadline = Date.now() + timeoutMs
  for (;;) {
    const value = check()
    if (value) return value
    if (Date.now() > deadline) throw new Error(`${what} not met within ${timeoutMs} ms`)
    await new Promise((resolve) => setTimeout(resolve, 20))
  }
}

/** A bus and what it heard, with its warnings counted. */
function listen(url: string, channel: string) {
  const heard: PresenceNotice[] = []
  const warnings: string[] = []
  const bus = new RedisPresenceBus({ url, channel, log: { warn: (_object, message) => warnings.push(message) } })
  return { bus, heard, warnings, start: () => bus.start((notice) => heard.push(notice)) }
}

/** The last round heard from `process`, once all its parts are in. */
function lastRound(heard: PresenceNotice[], process: string): SharedVisitor[] | undefined {
  const mine = heard.filter((n) => n.process === process)
  const last = mine.at(-1)
  if (!last) return undefined
  const round = mine.slice(-last.parts)
  if (round.length < last.parts || round.some((n, i) => n.part !== i)) return undefined
  return round.flatMap((n) => n.visitors)
}

describe.skipIf(redisUnavailable())('the Redis presence bus', () => {
  let redis: TestRedis
  const buses: RedisPresenceBus[] = []

  beforeAll(async () => {
    redis = await startTestRedis()
  })
  afterEach(async () => {
    await Promise.all(buses.splice(0).map((bus) => bus.stop()))
  })
  afterAll(async () => {
    await redis?.stop()
  })

  it('carries a round to the other processes, however many notices it takes, and never back to its sender', async () => {
    const a = listen(redis.url, redis.channel)
    const b = listen(redis.url, redis.channel)
    buses.push(a.bus, b.bus)
    await Promise.all([a.start(), b.start()])
    await eventually(() => a.bus.state().connected && b.bus.state().connected, 5_000, 'both connected')
    const round = Array.from({ length: 400 }, (_, i) => visitor(i, i % ZONE_IDS.length))
    await a.bus.publish(round)
    const got = await eventually(() => lastRound(b.heard, a.bus.process), 5_000, 'the round heard')
    expect(b.heard.length).toBeGreaterThan(1)
    expect(got.map((v) => v.id)).toEqual(round.map((v) => v.id))
    expect(got[3]).toEqual(round[3])
    // a different channel (another deployment on the same Redis) hears nothing of it
    const elsewhere = listen(redis.url, `${redis.channel}_other`)
    buses.push(elsewhere.bus)
    await elsewhere.start()
    await eventually(() => elsewhere.bus.state().connected, 5_000, 'connected')
    await a.bus.publish([visitor(1)])
    await eventually(() => lastRound(b.heard, a.bus.process)?.length === 1, 5_000, 'the next round')
    expect(a.heard).toEqual([])
    expect(elsewhere.heard).toEqual([])
    expect(a.bus.state()).toEqual({ bus: 'redis', connected: true })
  })

  it('closes both its connections when stopped', async () => {
    const admin = new Redis(redis.url)
    try {
      const a = listen(redis.url, redis.channel)
      // this bus's own connections only: other tests may share the Redis
      const names = async () => (String(await admin.client('LIST')).match(/ name=cloud-expo-presence-\w+-[\w-]+/g) ?? []).filter((name) => name.endsWith(`-${a.bus.process}`)).sort()
      await a.start()
      await eventually(() => a.bus.state().connected, 5_000, 'connected')
      expect(await names()).toEqual([` name=cloud-expo-presence-pub-${a.bus.process}`, ` name=cloud-expo-presence-sub-${a.bus.process}`].sort())
      await a.bus.stop()
      // Redis drops a client a moment after its socket closes
      for (let tries = 0; tries < 50 && (await names()).length > 0; tries++) await new Promise((resolve) => setTimeout(resolve, 20))
      expect(await names()).toEqual([])
      expect(a.bus.state().connected).toBe(false)
    } finally {
      admin.disconnect()
    }
  })
})

describe.skipIf(localRedisUnavailable())('the Redis presence bus when Redis goes away', () => {
  let redis: LocalRedis
  const buses: RedisPresenceBus[] = []

  beforeAll(async () => {
    redis = await startLocalRedis()
  })
  afterEach(async () => {
    await Promise.all(buses.splice(0).map((bus) => bus.stop()))
  })
  afterAll(async () => {
    await redis?.stop()
  })

  it('starts without a Redis, publishes nothing while away, and tells its latest round to a process that joins once Redis is there', async () => {
    await redis.kill()
    const a = listen(redis.url, 'outage_start')
    buses.push(a.bus)
    const startedAt = Date.now()
    await a.start()
    await a.bus.publish([visitor(1)])
    await a.bus.publish([visitor(1), visitor(2)])
    // neither start nor publish waits for a Redis that is not there
    expect(Date.now() - startedAt).toBeLessThan(200)
    expect(a.bus.state()).toEqual({ bus: 'redis', connected: false })
    await redis.restart()
    await eventually(() => a.bus.state().connected, 10_000, 'reconnected by itself')
    const b = listen(redis.url, 'outage_start')
    buses.push(b.bus)
    await b.start()
    // nothing published since: the newcomer asks, and the publisher answers with its latest round
    const got = await eventually(() => lastRound(b.heard, a.bus.process), 10_000, 'the round after Redis came')
    expect(got.map((v) => v.id)).toEqual(['v1', 'v2'])
    expect(a.warnings).toHaveLength(1)
  })

  it('comes back by itself after Redis goes away and returns, and sends its latest round again at once', async () => {
    const a = listen(redis.url, 'outage_later')
    const b = listen(redis.url, 'outage_later')
    buses.push(a.bus, b.bus)
    await Promise.all([a.start(), b.start()])
    await eventually(() => a.bus.state().connected && b.bus.state().connected, 5_000, 'both connected')
    await a.bus.publish([visitor(1)])
    await eventually(() => lastRound(b.heard, a.bus.process)?.length === 1, 5_000, 'the first round')

    await redis.kill()
    await eventually(() => !a.bus.state().connected && !b.bus.state().connected, 5_000, 'both noticed')
    // the round that changed while Redis was away: no error, no wait
    const publishedAt = Date.now()
    await a.bus.publish([visitor(1), visitor(2), visitor(3)])
    expect(Date.now() - publishedAt).toBeLessThan(50)
    // several reconnection attempts fail meanwhile: still one warning per bus for the whole outage
    await new Promise((resolve) => setTimeout(resolve, 1_500))
    const heardBefore = b.heard.length
    await redis.restart()
    // nothing published since: the publisher sends its latest round by itself when it is back
    const got = await eventually(() => b.heard.length > heardBefore && lastRound(b.heard, a.bus.process), 15_000, 'the round after the outage')
    expect(got.map((v) => v.id)).toEqual(['v1', 'v2', 'v3'])
    expect(a.warnings).toHaveLength(1)
    expect(b.warnings).toHaveLength(1)
  })
})

describe('reconnecting to Redis', () => {
  it('waits longer after each failed attempt, never more than 5 s, spread by jitter', () => {
    const lowest = Array.from({ length: 20 }, (_, times) => redisRetryDelay(times, () => 0))
    const highest = Array.from({ length: 20 }, (_, times) => redisRetryDelay(times, () => 1))
    expect(lowest[0]).toBe(50)
    expect(highest.at(-1)).toBe(5_000)
    for (let i = 1; i < 20; i++) expect(highest[i]).toBeGreaterThanOrEqual(highest[i - 1])
    expect(Math.max(...highest)).toBe(5_000)
    expect(lowest.at(-1)).toBe(2_500)
  })
})
