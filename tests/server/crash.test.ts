/**
 * SIGKILL in the middle of a stream of bookings, then a restart: every booking answered 2xx is there, and nothing
 * else appears but what an in-flight request made, which its retry (same idempotency key) then gets as its answer.
 */
import { randomUUID } from 'node:crypto'
import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, it, vi } from 'vitest'
import { postgresUnavailable, startTestPostgres, type TestPostgres } from '../helpers/postgres'
import { TestClient, bookingBody } from '../helpers/serverApp'
import { freePort, startServerProcess, type ServerProcess } from '../helpers/serverProcess'

vi.setConfig({ testTimeout: 120_000, hookTimeout: 60_000 })
const DAY = 86_400_000
/** Exhibitors with four parallel tables and many online slots, so no request in the stream refuses another. */
const EXHIBITORS = ['binhu-xiaohe-robotics', 'hefei-huimeng-animation', 'hefei-shuxian-machine-tools', 'chaohu-zhilian-industrial-internet', 'anhui-chuneng-energy-storage', 'chaohu-recycling-technology']

interface Sent {
  visitor: TestClient
  key: string
  body: ReturnType<typeof bookingBody>
  answer?: { status: number; id?: string }
}

async function crashAndRecover(start: (port: string) => Promise<ServerProcess>) {
  // the app keeps talking to one address: the restarted server must come back on it
  const port = String(await freePort())
  let server = await start(port)
  // 18 visitors, three to an exhibitor; each asks for the three meetings a visitor may hold with it, at its own times
  const streams = await Promise.all(
    Array.from({ length: 18 }, async (_, v) => {
      const exhibitorId = EXHIBITORS[v % EXHIBITORS.length]
      const visitor = new TestClient(server.url)
      await visitor.startVisitor()
      const now = Date.now()
      const { body } = await visitor.get(`/api/exhibitors/${exhibitorId}/slots?from=${now}&to=${now + 14 * DAY}`)
      const slots = (body.slots as { start: number; end: number; exhibitorId: string; mode: string }[]).filter((s) => s.mode === 'online')
      const lane = Math.floor(v / EXHIBITORS.length)
      return { visitor, slots: [0, 1, 2].map((n) => slots[(n * 3 + lane) * 2]) }
    }),
  )
  const sent: Sent[] = []
  let killed = false
  const booked = () => sent.filter((s) => s.answer?.status === 201).length
  // each visitor books one slot after another, until the server dies under them
  const runs = streams.map(async ({ visitor, slots }, v) => {
    for (const slot of slots) {
      if (killed) return
      const item: Sent = { visitor, key: randomUUID(), body: bookingBody(slot, { topic: `stream ${v}` }) }
      sent.push(item)
      try {
        const answer = await visitor.post('/api/bookings', item.body, { key: item.key })
        item.answer = { status: answer.status, id: answer.body?.booking?.id }
      } catch {
        return // the connection died with the server
      }
    }
  })
  await vi.waitFor(() => expect(booked()).toBeGreaterThanOrEqual(12), { timeout: 30_000, interval: 2 })
  killed = true
  await server.kill('SIGKILL')
  await Promise.all(runs)

  server = await start(port)
  try {
    const answered = sent.filter((s) => s.answer?.status === 201)
    const unanswered = sent.filter((s) => !s.answer)
    const stored = async () => {
      const all = await Promise.all(streams.map(({ visitor }) => visitor.get('/api/me/bookings').then((r) => r.body.bookings as { id: string; topic: string }[])))
      return all.flat()
    }
    const afterRestart = await stored()
    // every booking answered 2xx survived
    expect(afterRestart.map((b) => b.id)).toEqual(expect.arrayContaining(answered.map((s) => s.answer!.id)))
    // anything else was in flight when the server died
    expect(afterRestart.length - answered.length).toBeLessThanOrEqual(unanswered.length)
    // the app retries what it never heard back about, with the same key: one booking per request, never two
    for (const item of unanswered) {
      const retry = await item.visitor.post('/api/bookings', item.body, { key: item.key })
      item.answer = { status: retry.status, id: retry.body?.booking?.id }
    }
    const final = await stored()
    const answeredIds = sent.filter((s) => s.answer?.status === 201).map((s) => s.answer!.id)
    expect(final.map((b) => b.id).sort()).toEqual([...answeredIds].sort())
    return { answered: answered.length, inFlight: unanswered.length }
  } finally {
    await server.kill()
  }
}

describe('a server killed mid-stream', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'cloud-expo-crash-'))

  it('on the embedded database keeps every answered booking and nothing else', async () => {
    const result = await crashAndRecover((port) => startServerProcess({ DATA_DIR: dataDir, RATE_LIMITS: 'off', PORT: port }))
    expect(result.answered).toBeGreaterThanOrEqual(12)
    expect(result.answered).toBeLessThan(54)
  })

  describe.skipIf(postgresUnavailable())('on PostgreSQL', () => {
    let database: TestPostgres
    afterAll(() => database?.stop())
    it('keeps every answered booking and nothing else', async () => {
      database = await startTestPostgres()
      const result = await crashAndRecover((port) => startServerProcess({ DATABASE_URL: database.url, RATE_LIMITS: 'off', PORT: port }))
      expect(result.answered).toBeGreaterThanOrEqual(12)
      expect(result.answered).toBeLessThan(54)
    })
  })
})
