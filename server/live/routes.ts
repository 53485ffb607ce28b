/** The one event stream of an app or console: GET /api/events. */
import { z } from 'zod'
import { exhibitorIdSchema } from '../../src/booking/api'
import type { AppContext } from '../context'

/** An open picker or booth panel watches one or two exhibitors; a few more is plenty. */
const MAX_WATCHED = 20

export function liveRoutes(ctx: AppContext) {
  const { api, sessions, hub } = ctx
  api.route(
    {
      method: 'GET',
      url: '/api/events',
      summary: 'Server-Sent Events: `bookings` (the visitor’s changed), `slots` (a watched exhibitor’s changed), `inbox` (staff), `overview` (organisers), `sessions` (the programme of live sessions changed), `screens` (a live screen’s source changed)',
      description: 'Events carry ids only; the client fetches what changed. `ready` is sent on every (re)connection: fetch everything then, since events may have been missed.',
      tags: ['live'],
      auth: 'visitor-optional',
      query: z.object({ watch: z.string().max(MAX_WATCHED * 65).optional() }),
      responses: { 200: { description: 'text/event-stream', schema: z.string(), contentType: 'text/event-stream' } },
    },
    async ({ request, reply, query }) => {
      const watch = (query.watch ?? '')
        .split(',')
        .filter((id) => exhibitorIdSchema.safeParse(id).success)
        .slice(0, MAX_WATCHED)
      const [visitorId, staff] = await Promise.all([sessions.visitorOf(request), sessions.staffOf(request)])
      hub.open(reply, {
        visitorId,
        watch,
        staffOf: staff?.role === 'exhibitor' ? (staff.exhibitorId ?? undefined) : undefined,
        organiser: staff?.role === 'organiser',
      })
    },
  )
}
