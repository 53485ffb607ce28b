/**
 * Booking-server benchmarks for `npm run bench`, against server processes this run starts on 127.0.0.1 (PGlite in a
 * temporary folder, and PostgreSQL when its packages are installed): booking latency with 100 visitors at a human
 * pace and at saturation, the free-slot query for an exhibitor with 500 bookings, and memory after 10,000 bookings.
 * Bounded in count and time; every process it starts is stopped.
 */
import { randomUUID } from 'node:crypto'
import { readFileSync } from 'node:fs'
import { freeSlots } from '../src/booking/slots'
import type { Slot } from '../src/booking/types'
import { loadServerContent } from '../server/content'
import { postgresUnavailable, startTestPostgres } from '../tests/helpers/postgres'
import { startServerProcess, type ServerProcess } from '../tests/helpers/serverProcess'
import { PROFILE } from '../tests/helpers/serverApp'

const DAY = 86_400_000
const VISITORS = 100
const round = (v: number, digits = 1) => Math.round(v * 10 ** digits) / 10 ** digits


function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b)
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]
}

class Visitor {
  cookie = ''
  constructor(readonly base: string) {}
  async start() {
    const response = await fetch(`${this.base}/api/visitor`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"language":"en"}' })
    this.cookie = response.headers.getSetCookie()[0].split(';')[0]
    await response.arrayBuffer()
  }
  async book(slot: Slot): Promise<{ status: number; ms: number; code?: string }> {
    const t0 = performance.now()
    const response = await fetch(`${this.base}/api/bookings`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'idempotency-key': randomUUID(), cookie: this.cookie },
      body: JSON.stringify({ exhibitorId: slot.exhibitorId, start: slot.start, end: slot.end, mode: slot.mode, topic: 'Benchmark', profile: PROFILE, visitorTimeZone: 'Asia/Shanghai', language: 'en', shareProfile: false }),
    })
    const body = (await response.json()) as { code?: string }
    return { status: response.status, ms: performance.now() - t0, code: body.code }
  }
}

/**
 * Bookings every visitor may make and every exhibitor can take: per visitor no overlap, at most 3 with one
 * exhibitor and 10 a day; per slot no more than the exhibitor's tables; at one instant no more than the hall's tables.
 */
function plan(visitorCount: number, perVisitor: number, now: number, skip: Set<string>) {
  const content = loadServerContent()
  const all = content.pack.exhibitors
    .filter((e) => !skip.has(e.id))
    .flatMap((exhibitor) => freeSlots({ exhibitor, event: content.pack.event, from: now + DAY, to: now + 27 * DAY, now, bookings: [], modes: ['online'] }))
    .sort((a, b) => a.start - b.start)
  const taken = new Map<string, number>()
  // the hall's tables in use per 5-minute step (slots start on 5-minute marks and overlap across grids)
  const inUse = new Map<number, number>()
  const steps = (slot: Slot) => Array.from({ length: Math.ceil((slot.end - slot.start) / 300_000) }, (_, i) => slot.start + i * 300_000)
  // a few tables left at every instant for the exhibitor with 500 bookings (measured after)
  const hallTables = content.tableIds.length - 6
  const lists: Slot[][] = Array.from({ length: visitorCount }, () => [])
  const state = lists.map(() => ({ until: 0, perExhibitor: new Map<string, number>(), perDay: new Map<string, number>() }))
  let v = 0
  for (const slot of all) {
    if ((taken.get(slot.id) ?? 0) >= slot.tables || steps(slot).some((t) => (inUse.get(t) ?? 0) >= hallTables)) continue
    for (let tries = 0; tries < visitorCount; tries++, v = (v + 1) % visitorCount) {
      const s = state[v]
      const day = new Date(slot.start + 8 * 3_600_000).toISOString().slice(0, 10)
      if (lists[v].length >= perVisitor || slot.start < s.until || (s.perExhibitor.get(slot.exhibitorId) ?? 0) >= 3 || (s.perDay.get(day) ?? 0) >= 10) continue
      lists[v].push(slot)
      s.until = slot.end
      s.perExhibitor.set(slot.exhibitorId, (s.perExhibitor.get(slot.exhibitorId) ?? 0) + 1)
      s.perDay.set(day, (s.perDay.get(day) ?? 0) + 1)
      taken.set(slot.id, (taken.get(slot.id) ?? 0) + 1)
      for (const t of steps(slot)) inUse.set(t, (inUse.get(t) ?? 0) + 1)
      v = (v + 1) % visitorCount
      break
    }
  }
  return lists
}

const tablesOf = (slots: Slot[]) => slots[0]?.tables ?? 1

function rssMB(server: ServerProcess): number {
  const status = readFileSync(`/proc/${server.process.pid}/status`, 'utf8')
  return round(Number(/VmRSS:\s+(\d+)/.exec(status)![1]) / 1024, 0)
}

async function runAgainst(name: 'pglite' | 'postgres', start: () => Promise<ServerProcess>) {
  const log = (phase: string) => console.error(`[bench ${name}] ${phase} at ${round((performance.now() - began) / 1000)} s`)
  const began = performance.now()
  const server = await start()
  log('server up')
  try {
    const now = Date.now()
    const visitors = Array.from({ length: VISITORS }, () => new Visitor(server.url))
    await Promise.all(visitors.map((v) => v.start()))
    const slowExhibitor = 'anhui-xingchen-zhitu'
    const lists = plan(VISITORS, 110, now, new Set([slowExhibitor]))
    log(`planned ${lists.reduce((n, l) => n + l.length, 0)} bookings`)

    // 1. a human pace: 100 visitors at once, each asking for a meeting every 2 s on average (random, exponential
    // gaps: no person fills in the form faster), for 15 s
    const paced: number[] = []
    const pacedStatus: number[] = []
    const refusals = new Map<string, number>()
    const cursor = lists.map(() => 0)
    const pacedUntil = performance.now() + 15_000
    await Promise.all(
      visitors.map(async (visitor, i) => {
        while (performance.now() < pacedUntil && cursor[i] < lists[i].length) {
          await new Promise((r) => setTimeout(r, Math.min(10_000, -Math.log(1 - Math.random()) * 2000)))
          const { status, ms, code } = await visitor.book(lists[i][cursor[i]++])
          paced.push(ms)
          pacedStatus.push(status)
          if (code) refusals.set(code, (refusals.get(code) ?? 0) + 1)
        }
      }),
    )

    log(`human pace done: ${paced.length} requests`)
    // 2. saturation: 100 visitors each with one request in flight, back to back
    const saturated: number[] = []
    const t0 = performance.now()
    await Promise.all(
      visitors.map(async (visitor, i) => {
        for (let n = 0; n < 20 && cursor[i] < lists[i].length; n++) saturated.push((await visitor.book(lists[i][cursor[i]++])).ms)
      }),
    )
    const saturatedSeconds = (performance.now() - t0) / 1000

    log(`saturation done: ${saturated.length} requests`)
    // 3. an exhibitor with 500 bookings (four tables, 15-minute slots): its 28-day free-slot query
    const heavy = Array.from({ length: 170 }, () => new Visitor(server.url))
    await Promise.all(heavy.map((v) => v.start()))
    const content = loadServerContent()
    const exhibitor = content.exhibitor(slowExhibitor)!
    const slots = freeSlots({ exhibitor, event: content.pack.event, from: now + DAY, to: now + 27 * DAY, now, bookings: [], modes: ['online'] })
    // slot after slot, four visitors to a slot (its four tables), each visitor at most three times (the limit),
    // until 500 are booked: a slot whose hall tables are all taken refuses and the next one is tried
    let made = 0
    const held = new Map<Visitor, number>()
    let next = 0
    for (const slot of slots) {
      if (made >= 500) break
      const four = Array.from({ length: tablesOf(slots) }, () => heavy[next++ % heavy.length]).filter((v) => (held.get(v) ?? 0) < 3)
      const answers = await Promise.all(four.map((visitor) => visitor.book(slot)))
      answers.forEach((a, i) => {
        if (a.status !== 201) return
        made++
        held.set(four[i], (held.get(four[i]) ?? 0) + 1)
      })
    }
    const slotTimes: number[] = []
    for (let i = 0; i < 200; i++) {
      const q0 = performance.now()
      const response = await fetch(`${server.url}/api/exhibitors/${slowExhibitor}/slots?from=${now}&to=${now + 28 * DAY}&tz=Europe/Berlin`)
      await response.arrayBuffer()
      slotTimes.push(performance.now() - q0)
    }

    log(`500 bookings of one exhibitor: ${made}`)
    // 4. up to 10,000 bookings in all, then the server's memory
    const rest = lists.map((list, i) => list.slice(cursor[i]))
    const target = 10_000
    let total = pacedStatus.filter((s) => s === 201).length + saturated.length + made
    await Promise.all(
      visitors.map(async (visitor, i) => {
        for (const slot of rest[i]) {
          if (total >= target) return
          if ((await visitor.book(slot)).status === 201) total++
        }
      }),
    )
    return {
      database: name,
      humanPace: { visitors: VISITORS, requests: paced.length, refused: Object.fromEntries(refusals), p50Ms: round(percentile(paced, 50)), p99Ms: round(percentile(paced, 99)) },
      saturated: { visitors: VISITORS, requests: saturated.length, perSecond: round(saturated.length / saturatedSeconds, 0), p50Ms: round(percentile(saturated, 50)), p99Ms: round(percentile(saturated, 99)) },
      freeSlots500: { exhibitor: slowExhibitor, bookings: made, p50Ms: round(percentile(slotTimes, 50)), p99Ms: round(percentile(slotTimes, 99)) },
      memory: { bookings: total, rssMB: rssMB(server) },
    }
  } finally {
    await server.kill()
  }
}

export async function serverBenchmarks() {
  const results = [await runAgainst('pglite', () => startServerProcess({ RATE_LIMITS: 'off', LOG_LEVEL: 'error' }))]
  const noPostgres = postgresUnavailable()
  if (noPostgres) return { results, postgres: noPostgres }
  const database = await startTestPostgres()
  try {
    results.push(await runAgainst('postgres', () => startServerProcess({ RATE_LIMITS: 'off', LOG_LEVEL: 'error', DATABASE_URL: database.url })))
  } finally {
    await database.stop()
  }
  return { results }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  serverBenchmarks().then(
    (report) => {
      console.log(JSON.stringify(report, null, 2))
      process.exit(0)
    },
    (error) => {
      console.error(error)
      process.exit(1)
    },
  )
}
