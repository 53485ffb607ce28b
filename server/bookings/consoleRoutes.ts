/** The exhibitor console's API: the inbox and calendar, answers to requests, hours, auto-accept, colleagues and the CSV. */
import { z } from 'zod'
import {
  availabilityBodySchema,
  bookingIdSchema,
  declineBodySchema,
  exhibitorCancelBodySchema,
  inviteStaffBodySchema,
  proposeBodySchema,
  rangeQuerySchema,
  settingsBodySchema,
} from '../../src/booking/api'
import { bookableWindow } from '../../src/booking/slots'
import { LANGUAGES, availabilitySchema, localizedText } from '../../src/content/schema'
import type { FastifyRequest } from 'fastify'
import { sendAnswer, type AppContext } from '../context'
import { ApiFailure, badRequest, notFound } from '../http/errors'
import { changeRequest } from '../http/idempotency'
import { meetingsCsv } from './csv'
import { ms } from './rows'

const MAX_RANGE_MS = 93 * 86_400_000
const consoleBooking = z.object({}).passthrough().describe('A booking as staff see it (ConsoleBooking): the visitor’s profile only with their consent')
const staffMember = z.object({ id: z.string(), email: z.string(), name: z.string(), language: z.enum(LANGUAGES), you: z.boolean(), createdAt: z.number() })

function parseBookingId(raw: string | undefined): string {
  const parsed = bookingIdSchema.safeParse(raw)
  if (!parsed.success) throw notFound('not-found', 'No such booking')
  return parsed.data
}

function checkRange(range: { from: number; to: number }) {
  if (range.to <= range.from || range.to - range.from > MAX_RANGE_MS) throw badRequest('invalid-range', 'Ask for at most 93 days, `to` after `from`')
}

export function consoleRoutes(ctx: AppContext) {
  const { api, sessions, bookings, content, db, signIn } = ctx
  const change = (request: FastifyRequest, staffId: string) => changeRequest(request, { staffId })

  api.route(
    {
      method: 'GET',
      url: '/api/console/me',
      summary: 'The signed-in staff member and their exhibitor',
      tags: ['console'],
      auth: 'staff',
      responses: {
        200: {
          description: 'Who is signed in, and the exhibitor’s current settings',
          schema: z.object({
            staff: z.object({ id: z.string(), email: z.string(), name: z.string(), language: z.enum(LANGUAGES) }),
            exhibitor: z.object({ id: z.string(), name: localizedText, zone: z.string(), availability: availabilitySchema, packAvailability: availabilitySchema, autoAccept: z.boolean() }),
          }),
        },
      },
    },
    async ({ request, reply }) => {
      const staff = await sessions.requireStaff(request)
      const exhibitor = content.exhibitor(staff.exhibitorId)
      const settings = await bookings.settings(staff.exhibitorId)
      if (!exhibitor || !settings) throw notFound('unknown-exhibitor', 'This exhibitor is no longer in the content pack')
      void reply.header('cache-control', 'no-store')
      return {
        staff: { id: staff.id, email: staff.email, name: staff.name, language: staff.language },
        exhibitor: { id: exhibitor.id, name: exhibitor.name, zone: exhibitor.zone, availability: settings.availability, packAvailability: exhibitor.availability, autoAccept: settings.autoAccept },
      }
    },
  )

  api.route(
    {
      method: 'GET',
      url: '/api/console/bookings',
      summary: 'The exhibitor’s bookings in a time range, every state',
      tags: ['console'],
      auth: 'staff',
      query: rangeQuerySchema,
      responses: { 200: { description: 'By start time', schema: z.object({ bookings: z.array(consoleBooking) }) } },
    },
    async ({ request, reply, query }) => {
      const staff = await sessions.requireStaff(request)
      checkRange(query)
      void reply.header('cache-control', 'no-store')
      return { bookings: await bookings.exhibitorBookings(staff.exhibitorId, query) }
    },
  )

  api.route(
    {
      method: 'GET',
      url: '/api/console/slots',
      summary: 'The exhibitor’s free slots, to propose another time',
      tags: ['console'],
      auth: 'staff',
      query: rangeQuerySchema,
      responses: { 200: { description: 'Free slots in the bookable window', schema: z.object({ slots: z.array(z.object({}).passthrough()) }) } },
    },
    async ({ request, query }) => {
      const staff = await sessions.requireStaff(request)
      checkRange(query)
      const result = await bookings.freeSlots(staff.exhibitorId, query)
      return { slots: result?.slots ?? [] }
    },
  )

  const answer = (
    url: string,
    summary: string,
    body: z.ZodType,
    run: (exhibitorId: string, bookingId: string, body: never, request: FastifyRequest, staffId: string) => ReturnType<typeof bookings.accept>,
  ) =>
    api.route(
      {
        method: 'POST',
        url: `/api/console/bookings/:bookingId/${url}`,
        summary,
        tags: ['console'],
        auth: 'staff',
        idempotent: true,
        body,
        responses: { 200: { description: 'The booking as it is now', schema: z.object({ booking: consoleBooking }) }, 409: { description: 'Not in a state that allows this' } },
      },
      async ({ request, reply, params, body: parsed }) => {
        const staff = await sessions.requireStaff(request)
        const result = await run(staff.exhibitorId, parseBookingId(params.bookingId), parsed as never, request, staff.id)
        ctx.mailQueued()
        return sendAnswer(reply, result)
      },
    )

  answer('accept', 'Accept a request', z.strictObject({}), (exhibitorId, bookingId, _body, request, staffId) =>
    bookings.accept(exhibitorId, bookingId, change(request, staffId)),
  )
  answer('decline', 'Decline a request, with a reason the visitor is told', declineBodySchema, (exhibitorId, bookingId, body: z.infer<typeof declineBodySchema>, request, staffId) =>
    bookings.decline(exhibitorId, bookingId, body.reason, change(request, staffId)),
  )
  answer('propose', 'Propose another time for a request', proposeBodySchema, (exhibitorId, bookingId, body: z.infer<typeof proposeBodySchema>, request, staffId) =>
    bookings.propose(exhibitorId, bookingId, { start: body.start, end: body.end, mode: body.mode }, body.message, change(request, staffId)),
  )
  answer('cancel', 'Cancel a confirmed meeting, with a reason the visitor is told', exhibitorCancelBodySchema, (exhibitorId, bookingId, body: z.infer<typeof exhibitorCancelBodySchema>, request, staffId) =>
    bookings.cancelByExhibitor(exhibitorId, bookingId, body.reason, change(request, staffId)),
  )

  api.route(
    {
      method: 'PUT',
      url: '/api/console/availability',
      summary: 'Replace the weekly hours, blocked dates, slot length and tables',
      description: 'Validated by the content pack’s own availability schema. Existing bookings stay as they are.',
      tags: ['console'],
      auth: 'staff',
      body: availabilityBodySchema,
      responses: { 200: { description: 'Saved', schema: z.object({ availability: availabilitySchema }) } },
    },
    async ({ request, body }) => {
      const staff = await sessions.requireStaff(request)
      const settings = await bookings.setAvailability(staff.exhibitorId, body.availability)
      return { availability: settings.availability }
    },
  )

  api.route(
    {
      method: 'PUT',
      url: '/api/console/settings',
      summary: 'Auto-accept requests; the staff member’s language',
      tags: ['console'],
      auth: 'staff',
      body: settingsBodySchema,
      responses: { 200: { description: 'Saved', schema: z.object({ ok: z.literal(true) }) } },
    },
    async ({ request, body }) => {
      const staff = await sessions.requireStaff(request)
      if (body.autoAccept !== undefined) await bookings.setAutoAccept(staff.exhibitorId, body.autoAccept)
      if (body.language) await db.query('update staff set language = $2 where id = $1', [staff.id, body.language])
      return { ok: true }
    },
  )

  api.route(
    {
      method: 'GET',
      url: '/api/console/staff',
      summary: 'The exhibitor’s staff',
      tags: ['console'],
      auth: 'staff',
      responses: { 200: { description: 'Everyone who can sign in for this exhibitor', schema: z.object({ staff: z.array(staffMember) }) } },
    },
    async ({ request }) => {
      const me = await sessions.requireStaff(request)
      const { rows } = await db.query<{ id: string; email: string; name: string; language: (typeof LANGUAGES)[number]; created_at: number }>(
        `select id, email, name, language, ${ms('created_at')} as created_at from staff where exhibitor_id = $1 and removed_at is null order by created_at`,
        [me.exhibitorId],
      )
      return { staff: rows.map((r) => ({ id: r.id, email: r.email, name: r.name, language: r.language, you: r.id === me.id, createdAt: r.created_at })) }
    },
  )

  api.route(
    {
      method: 'POST',
      url: '/api/console/staff',
      summary: 'Invite a colleague: they get their own sign-in link by mail',
      tags: ['console'],
      auth: 'staff',
      body: inviteStaffBodySchema,
      responses: { 201: { description: 'Invited', schema: z.object({ staffId: z.string(), expiresAt: z.number() }) } },
      rateLimit: { max: 20, timeWindowMs: 3_600_000 },
    },
    async ({ request, reply, body }) => {
      const me = await sessions.requireStaff(request)
      const invitation = await signIn.inviteStaff({ exhibitorId: me.exhibitorId, email: body.email, name: body.name, language: body.language ?? me.language })
      ctx.mailQueued()
      return reply.status(201).send({ staffId: invitation.staffId, expiresAt: invitation.expiresAt })
    },
  )

  api.route(
    {
      method: 'DELETE',
      url: '/api/console/staff/:staffId',
      summary: 'Remove a colleague’s access (their sessions end)',
      tags: ['console'],
      auth: 'staff',
      responses: { 204: { description: 'Removed' } },
    },
    async ({ request, reply, params }) => {
      const me = await sessions.requireStaff(request)
      const target = z.uuid().safeParse(params.staffId)
      if (!target.success) throw notFound('not-found', 'No such colleague')
      if (target.data === me.id) throw new ApiFailure(409, 'cannot-remove-self', 'Ask a colleague to remove you')
      const removed = await db.transaction(async (tx) => {
        const { rowCount } = await tx.query(`update staff set removed_at = to_timestamp($3::float8 / 1000) where id = $1 and exhibitor_id = $2 and removed_at is null`, [
          target.data,
          me.exhibitorId,
          ctx.now(),
        ])
        if (rowCount > 0) await tx.query(`delete from sessions where subject_kind = 'staff' and subject_id = $1`, [target.data])
        return rowCount > 0
      })
      if (!removed) throw notFound('not-found', 'No such colleague')
      return reply.status(204).send()
    },
  )

  api.route(
    {
      method: 'GET',
      url: '/api/console/logo.svg',
      summary: 'The exhibitor’s logo from the content pack (checked SVG), for the console’s header',
      tags: ['console'],
      auth: 'staff',
      responses: { 200: { description: 'The logo', schema: z.string(), contentType: 'image/svg+xml' } },
    },
    async ({ request, reply }) => {
      const staff = await sessions.requireStaff(request)
      const logo = content.logo(staff.exhibitorId)
      if (logo === undefined) throw notFound('not-found', 'This exhibitor has no logo in the content pack')
      return (
        reply
          .header('content-type', 'image/svg+xml; charset=utf-8')
          // content:check keeps scripts and external references out; opened on its own, the file still runs nothing
          .header('content-security-policy', "default-src 'none'; style-src 'unsafe-inline'; sandbox")
          .header('x-content-type-options', 'nosniff')
          .header('cache-control', 'private, max-age=3600')
          .send(logo)
      )
    },
  )

  api.route(
    {
      method: 'GET',
      url: '/api/console/meetings.csv',
      summary: 'Meetings as CSV (UTF-8 with BOM, opens in Excel)',
      tags: ['console'],
      auth: 'staff',
      query: rangeQuerySchema.partial(),
      responses: { 200: { description: 'One meeting a line, in the exhibitor’s clock', schema: z.string(), contentType: 'text/csv' } },
    },
    async ({ request, reply, query }) => {
      const staff = await sessions.requireStaff(request)
      const window = bookableWindow(ctx.now())
      const range = { from: query.from ?? ctx.now() - 31 * 86_400_000, to: query.to ?? window.to }
      checkRange(range)
      const meetings = await bookings.exhibitorBookings(staff.exhibitorId, range)
      const date = new Date(ctx.now()).toISOString().slice(0, 10)
      return reply
        .header('content-type', 'text/csv; charset=utf-8')
        .header('content-disposition', `attachment; filename="meetings-${staff.exhibitorId}-${date}.csv"`)
        .header('cache-control', 'no-store')
        .send(meetingsCsv(meetings, staff.language))
    },
  )
}
