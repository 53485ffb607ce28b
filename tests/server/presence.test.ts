/** Who is here (GET /api/live) on one server: counts, avatars near each visitor, privacy, heartbeats and hostile clients. */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { CROWDED_AT, MAX_AVATARS } from '../../src/live/protocol'
import { LiveClient } from '../helpers/liveClient'
import { startTestApp, type TestApp } from '../helpers/serverApp'

// short intervals so a test waits milliseconds, not the production seconds
const GONE_AFTER_MS = 1_500
let server: TestApp
let url: string
const clients: LiveClient[] = []

async function visitor(hello: { zoneId: string; name?: string | null; invisible?: boolean }, pose?: { x: number; z: number }) {
  const client = await LiveClient.open(url)
  clients.push(client)
  client.send({ type: 'hello', name: hello.name ?? null, invisible: hello.invisible ?? false, zoneId: hello.zoneId })
  if (pose) client.send({ type: 'pose', zoneId: hello.zoneId, x: pose.x, z: pose.z, yaw: 0 })
  return client
}

beforeAll(async () => {
  server = await startTestApp({
    presence: { timings: { countsMs: 50, avatarsMs: 50, heartbeatMs: 100, goneAfterMs: GONE_AFTER_MS, publishMs: 50 } },
  })
  url = await server.app.listen({ port: 0, host: '127.0.0.1' })
})
afterAll(async () => {
  await server?.stop()
})
afterEach(async () => {
  await Promise.all(clients.splice(0).map((c) => c.close()))
  // every test starts from an empty hall
  await new Promise((resolve) => setTimeout(resolve, 100))
  expect(server.presence.size).toBe(0)
})

describe('counts', () => {
  it('two visitors see each other in the zone count and the number online', async () => {
    const anna = await visitor({ zoneId: 'ai' })
    const ben = await visitor({ zoneId: 'ai' })
    for (const client of [anna, ben]) await client.counts((c) => c.zones.ai === 2 && c.online === 2)
  })

  it('a visitor who appears invisible leaves every count and every view, and comes back when visible again', async () => {
    const anna = await visitor({ zoneId: 'ai' }, { x: 10, z: 40 })
    const ben = await visitor({ zoneId: 'ai' }, { x: 12, z: 40 })
    await anna.counts((c) => c.online === 2)
    await anna.avatars((a) => a.avatars.some((v) => v.id === ben.id))
    ben.send({ type: 'status', invisible: true })
    const counts = await anna.counts((c) => c.online === 1)
    expect(counts.zones).toEqual({ ai: 1 })
    await anna.avatars((a) => a.avatars.length === 0)
    // the invisible visitor is not counted in its own view either
    await ben.counts((c) => c.online === 1 && c.zones.ai === 1)
    ben.send({ type: 'status', invisible: false })
    await anna.counts((c) => c.online === 2)
  })

  it('a visitor who arrives invisible is never counted', async () => {
    const anna = await visitor({ zoneId: 'lobby' })
    await visitor({ zoneId: 'lobby', invisible: true })
    await anna.counts((c) => c.online === 1)
    await new Promise((resolve) => setTimeout(resolve, 300))
    expect(anna.latest('counts')).toMatchObject({ online: 1, zones: { lobby: 1 } })
  })

  it('a closed connection is gone at once, long before the silence timeout', async () => {
    const anna = await visitor({ zoneId: 'nev' })
    const ben = await visitor({ zoneId: 'nev' })
    await anna.counts((c) => c.online === 2)
    const closedAt = Date.now()
    await ben.close()
    await anna.counts((c) => c.online === 1, GONE_AFTER_MS / 2)
    expect(Date.now() - closedAt).toBeLessThan(GONE_AFTER_MS / 2)
  })

  it('a connection that goes silent (no pong, no message) is dropped within the timeout', async () => {
    const anna = await visitor({ zoneId: 'yrd' })
    const lost = await LiveClient.open(url, { autoPong: false })
    clients.push(lost)
    lost.send({ type: 'hello', name: null, invisible: false, zoneId: 'yrd' })
    await anna.counts((c) => c.online === 2)
    // anna answers pings (ws does it for her) and stays; the silent one goes
    await anna.counts((c) => c.online === 1, GONE_AFTER_MS * 3)
    expect(server.presence.size).toBe(1)
    await new Promise<void>((resolve) => (lost.open ? lost.socket.once('close', () => resolve()) : resolve()))
  })

  it('beats every connection each heartbeat interval, greeted or not, so its page can tell a dead network from a quiet hall', async () => {
    const quiet = await LiveClient.open(url)
    clients.push(quiet)
    const times: number[] = []
    quiet.socket.on('message', (data) => String(data) === '{"type":"beat"}' && times.push(Date.now()))
    await new Promise((resolve) => setTimeout(resolve, 1_050))
    // every 100 ms here (HEARTBEAT_MS in production), timers on a busy machine allowing
    expect(times.length).toBeGreaterThanOrEqual(5)
    expect(times.length).toBeLessThanOrEqual(11)
    expect(quiet.messages.filter((m) => m.type !== 'beat').map((m) => m.type)).toEqual(['welcome', 'counts'])
  })

  it('names the zones that are very full (CROWDED_AT visitors or more)', async () => {
    const anna = await visitor({ zoneId: 'ai' })
    for (let i = 1; i < CROWDED_AT - 1; i++) await visitor({ zoneId: 'ai' })
    expect((await anna.counts((c) => c.online === CROWDED_AT - 1)).crowded).toEqual([])
    await visitor({ zoneId: 'ai' })
    expect(await anna.counts((c) => c.online === CROWDED_AT)).toMatchObject({ zones: { ai: CROWDED_AT }, crowded: ['ai'] })
  }, 30_000)
})

describe('avatars: only those near, the nearest, at most MAX_AVATARS', () => {
  it('tells a visitor of those in its zone and the zones next to it, not of a far zone, and not of itself', async () => {
    const zones = server.presence
    // the floor plan's neighbours: the lobby touches the two zones in front of it, and the far corner is far
    expect(zones.neighboursOf('lobby')).toEqual(expect.arrayContaining(['next-gen-it', 'new-materials']))
    expect(zones.neighboursOf('lobby')).not.toContain('imported-goods')
    const me = await visitor({ zoneId: 'lobby' }, { x: 78, z: 10 })
    const near = await visitor({ zoneId: 'next-gen-it' }, { x: 60, z: 40 })
    const far = await visitor({ zoneId: 'imported-goods' }, { x: 20, z: 105 })
    await me.counts((c) => c.online === 3)
    const { avatars } = await me.avatars((a) => a.avatars.some((v) => v.id === near.id))
    expect(avatars.map((v) => v.id)).toEqual([near.id])
    expect(avatars[0]).toEqual({ id: near.id, zoneId: 'next-gen-it', x: 60, z: 40, yaw: 0, name: null, idle: false })
    // and the far one hears of nobody near it
    await new Promise((resolve) => setTimeout(resolve, 200))
    expect(far.latest('avatars')?.avatars ?? []).toEqual([])
  })

  it('sends at most MAX_AVATARS, the nearest, with display names only where set', async () => {
    const me = await visitor({ zoneId: 'lobby' }, { x: 60, z: 2 })
    const crowd: LiveClient[] = []
    const places: { x: number; z: number }[] = []
    for (let i = 0; i < MAX_AVATARS + 5; i++) {
      places.push({ x: 60 + (i % 30) + 1, z: 2 + Math.floor(i / 30) * 5 })
      crowd.push(await visitor({ zoneId: 'lobby', name: i === 0 ? 'Anna' : null }, places[i]))
    }
    await me.counts((c) => c.online === MAX_AVATARS + 6)
    const byDistance = crowd.map((c, i) => ({ id: c.id, d: Math.hypot(places[i].x - 60, places[i].z - 2) })).sort((a, b) => a.d - b.d)
    const nearestIds = byDistance.slice(0, MAX_AVATARS).map((v) => v.id).sort().join()
    const { avatars } = await me.avatars((a) => a.avatars.map((v) => v.id).sort().join() === nearestIds)
    expect(avatars).toHaveLength(MAX_AVATARS)
    expect(avatars.some((v) => v.id === me.id)).toBe(false)
    expect(avatars.find((v) => v.id === crowd[0].id)!.name).toBe('Anna')
    expect(avatars.filter((v) => v.name !== null)).toHaveLength(1)
    // the five farthest (the first row's far end) are left out
    const sent = new Set(avatars.map((v) => v.id))
    expect(crowd.filter((c) => !sent.has(c.id))).toHaveLength(5)
  }, 30_000)

  it('shows a visitor who has not moved yet where the app puts one arriving in its zone', async () => {
    const me = await visitor({ zoneId: 'ai' }, { x: 10, z: 40 })
    const newcomer = await visitor({ zoneId: 'ai' })
    const arrival = server.content.zones.find((zone) => zone.zoneId === 'ai')!.arrival
    const { avatars } = await me.avatars((a) => a.avatars.some((v) => v.id === newcomer.id))
    expect(avatars[0]).toMatchObject({ x: Math.round(arrival.x * 10) / 10, z: Math.round(arrival.z * 10) / 10 })
  })

  it('a background tab stays counted but is sent no avatars until it comes back, then gets the full picture', async () => {
    const away = await visitor({ zoneId: 'ai' }, { x: 10, z: 40 })
    // its first (full, empty) frame has come: what comes after its return is not that one
    await away.avatars((a) => a.full)
    away.send({ type: 'hidden', hidden: true })
    await new Promise((resolve) => setTimeout(resolve, 150))
    const sentBefore = away.messages.filter((m) => m.type === 'avatars').length
    const ben = await visitor({ zoneId: 'ai' }, { x: 12, z: 40 })
    await ben.counts((c) => c.online === 2)
    await ben.avatars((a) => a.avatars.some((v) => v.id === away.id))
    await new Promise((resolve) => setTimeout(resolve, 200))
    expect(away.messages.filter((m) => m.type === 'avatars')).toHaveLength(sentBefore)
    away.send({ type: 'hidden', hidden: false })
    // a full frame: the view it kept while away is replaced, not patched
    await away.avatars((a) => a.full && a.avatars.some((v) => v.id === ben.id))
  })

  it('sends only what changed: a few bytes a move, a leave removes, and the view is exactly what the others sent', async () => {
    const me = await visitor({ zoneId: 'ai' }, { x: 10, z: 40 })
    const walkers = [await visitor({ zoneId: 'ai' }, { x: 12, z: 40 }), await visitor({ zoneId: 'ai' }, { x: 14, z: 41 }), await visitor({ zoneId: 'nev' })]
    const first = await me.avatars((a) => a.avatars.length === 3)
    // the first frame this connection got was a full one
    expect(me.messages.find((m) => m.type === 'avatars')).toMatchObject({ full: true })
    const since = me.messages.length
    const poses = [
      { x: 12.34, z: 40.06, yaw: 0.5 },
      { x: 12.61, z: 40.2, yaw: -2.9 },
      // a jump too far for a step: placed again, not moved
      { x: 30, z: 60, yaw: 3.1 },
    ]
    for (const pose of poses) {
      walkers[0].send({ type: 'pose', zoneId: 'ai', ...pose })
      await me.next('avatars', (a) => a.avatars.some((v) => v.id === walkers[0].id && Math.abs(v.x - Math.round(pose.x * 10) / 10) < 1e-9), 5_000, me.messages.length)
    }
    const frames = me.messages.slice(since).filter((m) => m.type === 'avatars')
    expect(frames.every((f) => !f.full && !f.unreadable)).toBe(true)
    // one visitor's step: kind, slot, dx, dz, yaw; a jump: kind, slot, x, z, yaw
    expect(frames.map((f) => f.bytes)).toEqual([5, 5, 7])
    const seen = me.latest('avatars')!.avatars.find((v) => v.id === walkers[0].id)!
    expect(seen).toMatchObject({ x: 30, z: 60, name: null, idle: false })
    expect(seen.yaw).toBeCloseTo(3.1, 1)
    // the others stand where they were
    expect(me.latest('avatars')!.avatars.filter((v) => v.id !== walkers[0].id)).toEqual(first.avatars.filter((v) => v.id !== walkers[0].id))
    await walkers[1].close()
    const left = await me.avatars((a) => a.avatars.length === 2)
    // kind and one LEAVE record
    expect(left).toMatchObject({ full: false, bytes: 2 })
    expect(left.avatars.map((v) => v.id).sort()).toEqual([walkers[0].id, walkers[2].id].sort())
  })

  it('a reconnection starts from a full frame', async () => {
    await visitor({ zoneId: 'ai' }, { x: 12, z: 40 })
    const me = await visitor({ zoneId: 'ai' }, { x: 10, z: 40 })
    await me.avatars((a) => a.avatars.length === 1)
    await me.close()
    const again = await visitor({ zoneId: 'ai' }, { x: 10, z: 40 })
    const frame = await again.avatars((a) => a.avatars.length === 1)
    expect(frame.full).toBe(true)
  })

  it('presence ids are made per connection, and a reconnection gets a new one', async () => {
    const first = await LiveClient.open(url)
    const second = await LiveClient.open(url)
    clients.push(first, second)
    expect(first.id).toMatch(/^[\w-]{12}$/)
    expect(first.id).not.toBe(second.id)
  })
})

describe('hostile clients', () => {
  it('refuses what it cannot read or allow, changes nothing, and keeps serving', async () => {
    const anna = await visitor({ zoneId: 'ai' }, { x: 10, z: 40 })
    const mallory = await visitor({ zoneId: 'ai' }, { x: 11, z: 40 })
    await anna.counts((c) => c.online === 2)
    const bad: (string | Buffer)[] = [
      'not json',
      JSON.stringify({ type: 'pose', zoneId: 'ai', x: 1, z: 1, yaw: 0, pad: 'x'.repeat(2_000) }),
      JSON.stringify({ type: 'teleport', zoneId: 'ai' }),
      JSON.stringify({ type: 'pose', zoneId: 'ai', x: 1e12, z: 0, yaw: 0 }),
      JSON.stringify({ type: 'pose', zoneId: 'ai', x: Number.MAX_VALUE, z: 0, yaw: 0 }),
      JSON.stringify({ type: 'pose', zoneId: 'nowhere', x: 1, z: 1, yaw: 0 }),
      JSON.stringify({ type: 'hello', name: 'x'.repeat(500), invisible: false, zoneId: 'ai' }),
      JSON.stringify({ type: 'status', invisible: 'yes' }),
      JSON.stringify({ type: '__proto__' }),
      'null',
      Buffer.from([0xff, 0x00, 0x01]),
    ]
    for (const message of bad) mallory.sendRaw(message)
    const refusals = await mallory.next('refused', () => mallory.messages.filter((m) => m.type === 'refused').length === bad.length)
    expect(refusals.code).toBe('bad-message')
    expect(mallory.messages.filter((m) => m.type === 'refused').every((m) => m.code === 'bad-message')).toBe(true)
    // nothing moved: mallory is still where she was, in the zone she was in
    await new Promise((resolve) => setTimeout(resolve, 200))
    expect(anna.latest('avatars')?.avatars).toEqual([expect.objectContaining({ id: mallory.id, zoneId: 'ai', x: 11, z: 40 })])
    expect(anna.latest('counts')).toMatchObject({ zones: { ai: 2 }, online: 2 })
    expect(mallory.open).toBe(true)
  })

  it('drops a flood beyond 20 messages a second with one rate-limited answer, and keeps serving others', async () => {
    const anna = await visitor({ zoneId: 'ai' })
    const flooder = await visitor({ zoneId: 'ai' })
    await anna.counts((c) => c.online === 2)
    for (let i = 0; i < 500; i++) flooder.send({ type: 'pose', zoneId: 'new-energy', x: i % 100, z: 40, yaw: 0 })
    await flooder.next('refused', (m) => m.code === 'rate-limited')
    expect(flooder.messages.filter((m) => m.type === 'refused')).toHaveLength(1)
    // the server still answers: a new visitor is counted
    const ben = await visitor({ zoneId: 'green-food' })
    await ben.counts((c) => c.online === 3 && c.zones['green-food'] === 1)
  })

  it('closes a socket that sends a frame far over the limit, and keeps serving', async () => {
    const anna = await visitor({ zoneId: 'ai' })
    const huge = await visitor({ zoneId: 'ai' })
    await anna.counts((c) => c.online === 2)
    huge.sendRaw('x'.repeat(100_000))
    await new Promise<void>((resolve) => huge.socket.once('close', () => resolve()))
    await anna.counts((c) => c.online === 1)
  })

  it('refuses an upgrade from another site, or without an Origin, before any socket opens', async () => {
    expect(await LiveClient.upgradeStatus(url, { origin: 'https://evil.example' })).toBe(403)
    expect(await LiveClient.upgradeStatus(url, { origin: url, 'sec-fetch-site': 'cross-site' })).toBe(403)
    expect(await LiveClient.upgradeStatus(url, {})).toBe(403)
    expect(server.presence.size).toBe(0)
    expect(await LiveClient.upgradeStatus(url, { origin: url })).toBe(101)
  })
})
