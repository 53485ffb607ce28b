/** The organiser's read-only overview: negotiations per convention-zone day by state, and how the hall's tables are used. */
import { z } from 'zod'
import { rangeQuerySchema, type OverviewDay } from '../../src/booking/api'
import { addDays, dateInZone, wallTimeToInstant } from '../../src/booking/timeZones'
import { BOOKING_STATUSES, type BookingStatus } from '../../src/booking/types'
import type { AppContext } from '../context'
import { badRequest } from '../http/errors'
import { LIVE, at, ms } from './rows'

const HOUR = 3_600_000
const MAX_RANGE_MS = 62 * 86_400_000

/** Peak simultaneous intervals within [from, to) by a sweep over starts and ends. */
function peakWithin(intervals: { start: number; end: number }[], from: number, to: number): number {
  const edges: [number, number][] = []
  for (const i of intervals) {
    const s = Math.max(i.start, from)
    const e = Math.min(i.end, to)
    if (s < e) edges.push([s, 1], [e, -1])
  }
  edges.sort((a, b) => a[0] - b[0] || a[1] - b[1])
  let current = 0
  let peak = 0
  for (const [, delta] of edges) peak = Math.max(peak, (current += delta))
  return peak
}

export function overviewRoutes(ctx: AppContext) {
  const { api, sessions, db, content } = ctx
  const zone = content.pack.event.timeZone
  api.route(
    {
      method: 'GET',
      url: '/api/organiser/overview',
      summary: 'Negotiations per day by state, and table usage (organisers)',
      tags: ['organiser'],
      auth: 'organiser',
      query: rangeQuerySchema,
      responses: {
        200: {
          description: 'Days in the venue’s zone with any booking',
          schema: z.object({ timeZone: z.string(), tables: z.number(), days: z.array(z.object({}).passthrough()) }),
        },
      },
    },
    async ({ request, reply, query }) => {
      await sessions.requireOrganiser(request)
      if (query.to <= query.from || query.to - query.from > MAX_RANGE_MS) throw badRequest('invalid-range', 'Ask for at most 62 days, `to` after `from`')
      const { rows } = await db.query<{ status: BookingStatus; start: number; end: number; live: boolean }>(
        `select status, ${ms('starts_at')} as start, ${ms('ends_at')} as "end", status in ${LIVE} as live
         from bookings where starts_at < ${at('$2')} and ends_at > ${at('$1')}`,
        [query.from, query.to],
      )
      const days = new Map<string, { rows: typeof rows }>()
      for (const row of rows) {
        const date = dateInZone(zone, row.start)
        let day = days.get(date)
        if (!day) days.set(date, (day = { rows: [] }))
        day.rows.push(row)
      }
      const result: OverviewDay[] = [...days.entries()]
        .sort(([a], [b]) => (a < b ? -1 : 1))
        .map(([date, { rows: dayRows }]) => {
          const counts = Object.fromEntries(BOOKING_STATUSES.map((s) => [s, 0])) as Record<BookingStatus, number>
          for (const row of dayRows) counts[row.status]++
          const live = dayRows.filter((r) => r.live)
          // each wall-clock hour of the venue's day as instants (right on days its clocks change, too)
          const hourStart = (h: number) => (h < 24 ? wallTimeToInstant(zone, date, h * 60) : wallTimeToInstant(zone, addDays(date, 1), 0))
          const byHour = Array.from({ length: 24 }, (_, h) => peakWithin(live, hourStart(h), hourStart(h + 1)))
          return {
            date,
            counts,
            tableHours: Math.round((live.reduce((sum, r) => sum + (r.end - r.start), 0) / HOUR) * 10) / 10,
            peakTables: Math.max(0, ...byHour),
            byHour,
          }
        })
      void reply.header('cache-control', 'no-store')
      return { timeZone: zone, tables: content.tableIds.length, days: result }
    },
  )
}
