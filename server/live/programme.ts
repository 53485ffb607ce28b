/**
 * The programme of live sessions on the booking server: the public list, and staff's and organisers' changes to
 * their own venue's sessions. The database's exclusion constraint keeps each venue to one session at a time; the
 * check before it only finds the clash to name it.
 */
import { randomUUID } from 'node:crypto'
import { z } from 'zod'
import { checkSessionTimes, liveSessionSchema, sessionBodySchema, venueKey, type LiveSession, type SessionBody, type SessionVenue } from '../../src/live/sessions'
import { at, ms } from '../bookings/rows'
import type { AppContext } from '../context'
import { constraintOf, sqlState, type Queryable } from '../db/database'
import { ApiFailure, forbidden, notFound } from '../http/errors'
import { idempotencyKeyOf, once, requestFingerprint } from '../http/idempotency'
import type { FastifyRequest } from 'fastify'
import { ChangeSet } from './changes'

/** The public list answers the live and upcoming sessions, at most this many (a year of a busy hall's launches). */
const LIST_LIMIT = 1000
/** The console also shows what ended in the last week, so staff see what just ran. */
const CONSOLE_PAST_MS = 7 * 86_400_000

interface SessionRow {
  id: string
  venue: string
  exhibitor_id: string | null
  kind: LiveSession['kind']
  title: LiveSession['title']
  description: LiveSession['description'] | null
  start: number
  end: number
}

const COLUMNS = `id, venue, exhibitor_id, kind, title, description, ${ms('starts_at')} as start, ${ms('ends_at')} as "end"`

function toSession(row: SessionRow): LiveSession {
  return {
    id: row.id,
    kind: row.kind,
    title: row.title,
    ...(row.description ? { description: row.description } : {}),
    venue: row.exhibitor_id ? { kind: 'booth', exhibitorId: row.exhibitor_id } : { kind: 'lobby' },
    start: row.start,
    end: row.end,
    precision: 'minute',
  }
}

const sessionAnswer = z.object({ session: liveSessionSchema })
const TIME_PROBLEMS = {
  'ends-before-start': [422, 'The session must end after it starts'],
  'too-long': [422, 'A session lasts at most 12 hours'],
  past: [422, 'That time has passed'],
  'too-far': [422, 'Sessions are scheduled at most a year ahead'],
} as const

export function programmeRoutes(ctx: AppContext) {
  const { api, db, sessions: accounts, content } = ctx

  /** The signed-in person's venue: staff their booth, organisers the lobby; nobody else schedules. */
  async function venueOf(request: FastifyRequest): Promise<{ staffId: string; venue: SessionVenue }> {
    const staff = await accounts.staffOf(request)
    if (staff?.role === 'organiser') return { staffId: staff.id, venue: { kind: 'lobby' } }
    const exhibitorStaff = await accounts.requireStaff(request)
    return { staffId: exhibitorStaff.id, venue: { kind: 'booth', exhibitorId: exhibitorStaff.exhibitorId } }
  }

  function checkBody(body: SessionBody, venue: SessionVenue) {
    if (body.venue && venueKey(body.venue) !== venueKey(venue)) {
      throw forbidden('not-your-venue', venue.kind === 'lobby' ? 'Organisers schedule sessions in the lobby' : 'Staff schedule sessions at their own booth only')
    }
    if (venue.kind === 'booth' && !content.exhibitor(venue.exhibitorId)) throw notFound('unknown-exhibitor', 'This exhibitor is no longer in the content pack')
    const problem = checkSessionTimes(body, ctx.now())
    if (problem) throw new ApiFailure(TIME_PROBLEMS[problem][0], problem, TIME_PROBLEMS[problem][1])
  }

  /** Names the session in the way, for a kind refusal; the constraint refuses it anyway. */
  async function clash(tx: Queryable, venue: SessionVenue, body: SessionBody, except: string | null): Promise<LiveSession | undefined> {
    const { rows } = await tx.query<SessionRow>(
      `select ${COLUMNS} from live_sessions where venue = $1 and starts_at < ${at('$3')} and ends_at > ${at('$2')} and ($4::uuid is null or id <> $4::uuid) limit 1`,
      [venueKey(venue), body.start, body.end, except],
    )
    return rows[0] && toSession(rows[0])
  }

  const busy = (session?: LiveSession) =>
    new ApiFailure(409, 'venue-busy', 'Another session is scheduled at this venue at that time', session ? { fields: { clash: session.id } } : {})

  /** Runs a change; the constraint's refusal (a clash that slipped past the check) becomes the same 409. */
  async function write<T>(work: () => Promise<T>): Promise<T> {
    try {
      return await work()
    } catch (error) {
      if (sqlState(error) === '23P01' && constraintOf(error) === 'live_sessions_venue_free') throw busy()
      throw error
    }
  }

  const values = (body: SessionBody) => [body.kind, JSON.stringify(body.title), body.description ? JSON.stringify(body.description) : null, body.start, body.end]

  api.route(
    {
      method: 'GET',
      url: '/api/sessions',
      summary: 'The programme: live and upcoming sessions in the lobby and at booths (public)',
      description: 'The content pack’s own past sessions are not included: the app has them. Follow `sessions` events on /api/events.',
      tags: ['sessions'],
      auth: 'none',
      responses: { 200: { description: 'By start time', schema: z.object({ sessions: z.array(liveSessionSchema) }) } },
    },
    async ({ reply }) => {
      const { rows } = await db.query<SessionRow>(`select ${COLUMNS} from live_sessions where ends_at > ${at('$1')} order by starts_at, id limit ${LIST_LIMIT}`, [ctx.now()])
      void reply.header('cache-control', 'no-store')
      return { sessions: rows.map(toSession) }
    },
  )

  api.route(
    {
      method: 'GET',
      url: '/api/console/sessions',
      summary: 'The signed-in venue’s sessions: upcoming, live and the last week’s (staff: their booth; organisers: the lobby)',
      tags: ['sessions'],
      auth: 'staff',
      responses: { 200: { description: 'By start time', schema: z.object({ venue: z.object({}).passthrough(), sessions: z.array(liveSessionSchema) }) } },
    },
    async ({ request, reply }) => {
      const { venue } = await venueOf(request)
      const { rows } = await db.query<SessionRow>(`select ${COLUMNS} from live_sessions where venue = $1 and ends_at > ${at('$2')} order by starts_at, id limit ${LIST_LIMIT}`, [
        venueKey(venue),
        ctx.now() - CONSOLE_PAST_MS,
      ])
      void reply.header('cache-control', 'no-store')
      return { venue, sessions: rows.map(toSession) }
    },
  )

  api.route(
    {
      method: 'POST',
      url: '/api/console/sessions',
      summary: 'Schedule a session at the signed-in venue',
      tags: ['sessions'],
      auth: 'staff',
      idempotent: true,
      body: sessionBodySchema,
      responses: { 201: { description: 'Scheduled', schema: sessionAnswer }, 409: { description: '`venue-busy`: another session at that time' }, 422: { description: 'Times that cannot be a session' } },
      rateLimit: { max: 60, timeWindowMs: 3_600_000 },
    },
    async ({ request, reply, body }) => {
      const { staffId, venue } = await venueOf(request)
      checkBody(body, venue)
      const answer = await write(() =>
        once(
          db,
          `staff:${staffId}`,
          idempotencyKeyOf(request),
          requestFingerprint(request),
          async (tx) => {
            const found = await clash(tx, venue, body, null)
            if (found) {
              const failure = busy(found)
              return { status: failure.statusCode, body: { code: failure.code, message: failure.message, ...failure.extra } }
            }
            const id = randomUUID()
            const { rows } = await tx.query<SessionRow>(
              `insert into live_sessions (id, venue, exhibitor_id, kind, title, description, starts_at, ends_at, created_by, created_at, updated_at)
               values ($1, $2, $3, $4, $5::jsonb, $6::jsonb, ${at('$7')}, ${at('$8')}, $9, ${at('$10')}, ${at('$10')}) returning ${COLUMNS}`,
              [id, venueKey(venue), venue.kind === 'booth' ? venue.exhibitorId : null, ...values(body), staffId, ctx.now()],
            )
            const changes = new ChangeSet()
            changes.programme()
            await changes.publish(tx)
            return { status: 201, body: { session: toSession(rows[0]) } }
          },
          ctx.now(),
        ),
      )
      if (answer.replayed) void reply.header('idempotent-replayed', 'true')
      return reply.status(answer.status).send(answer.body)
    },
  )

  const ownSessionId = (raw: string | undefined) => {
    const parsed = z.uuid().safeParse(raw)
    if (!parsed.success) throw notFound('not-found', 'No such session at your venue')
    return parsed.data
  }

  api.route(
    {
      method: 'PUT',
      url: '/api/console/sessions/:sessionId',
      summary: 'Change a session of the signed-in venue',
      tags: ['sessions'],
      auth: 'staff',
      body: sessionBodySchema,
      responses: { 200: { description: 'Changed', schema: sessionAnswer }, 404: { description: 'Not a session of this venue' }, 409: { description: '`venue-busy`' } },
    },
    async ({ request, params, body }) => {
      const { venue } = await venueOf(request)
      const id = ownSessionId(params.sessionId)
      checkBody(body, venue)
      return write(() =>
        db.transaction(async (tx) => {
          const found = await clash(tx, venue, body, id)
          if (found) throw busy(found)
          const { rows } = await tx.query<SessionRow>(
            `update live_sessions set kind = $3, title = $4::jsonb, description = $5::jsonb, starts_at = ${at('$6')}, ends_at = ${at('$7')}, updated_at = ${at('$8')}
             where id = $1 and venue = $2 returning ${COLUMNS}`,
            [id, venueKey(venue), ...values(body), ctx.now()],
          )
          if (!rows[0]) throw notFound('not-found', 'No such session at your venue')
          const changes = new ChangeSet()
          changes.programme()
          await changes.publish(tx)
          return { session: toSession(rows[0]) }
        }),
      )
    },
  )

  api.route(
    {
      method: 'DELETE',
      url: '/api/console/sessions/:sessionId',
      summary: 'Remove a session of the signed-in venue',
      tags: ['sessions'],
      auth: 'staff',
      responses: { 204: { description: 'Removed' }, 404: { description: 'Not a session of this venue' } },
    },
    async ({ request, reply, params }) => {
      const { venue } = await venueOf(request)
      const id = ownSessionId(params.sessionId)
      const removed = await db.transaction(async (tx) => {
        const { rowCount } = await tx.query('delete from live_sessions where id = $1 and venue = $2', [id, venueKey(venue)])
        if (rowCount > 0) {
          const changes = new ChangeSet()
          changes.programme()
          await changes.publish(tx)
        }
        return rowCount > 0
      })
      if (!removed) throw notFound('not-found', 'No such session at your venue')
      return reply.status(204).send()
    },
  )
}
