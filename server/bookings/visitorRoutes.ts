/** The visitor's side of the booking API: free slots, booking, cancelling, moving, answering a proposal, consent. */
import { z } from 'zod'
import {
  answerProposalBodySchema,
  bookBodySchema,
  bookingIdSchema,
  bookingSchema,
  consentBodySchema,
  exhibitorIdSchema,
  rescheduleBodySchema,
  slotsQuerySchema,
} from '../../src/booking/api'
import { LANGUAGES, availabilitySchema } from '../../src/content/schema'
import { sendAnswer, type AppContext } from '../context'
import { badRequest, notFound } from '../http/errors'
import { changeRequest } from '../http/idempotency'
import type { FastifyRequest } from 'fastify'

const slotSchema = z.object({
  id: z.string(),
  exhibitorId: z.string(),
  start: z.number(),
  end: z.number(),
  mode: z.enum(['online', 'on-site']),
  tablesLeft: z.number(),
  tables: z.number(),
  timeZone: z.string(),
  exhibitorLocal: z.string(),
  visitorLocal: z.string().optional(),
})
const bookingAnswer = z.object({ booking: bookingSchema })
const MAX_RANGE_MS = 31 * 86_400_000
const BOOKING_LIMIT = { max: 30, timeWindowMs: 60_000 }

function parseBookingId(raw: string | undefined): string {
  const parsed = bookingIdSchema.safeParse(raw)
  if (!parsed.success) throw notFound('not-found', 'No such booking')
  return parsed.data
}

export function visitorRoutes(ctx: AppContext) {
  const { api, sessions, bookings } = ctx
  const change = (request: FastifyRequest, visitorId: string) => changeRequest(request, { visitorId })

  api.route(
    {
      method: 'GET',
      url: '/api/exhibitors/:exhibitorId/slots',
      summary: 'Free negotiation slots of an exhibitor',
      description: 'Slots are cut from the exhibitor’s current weekly hours; `tablesLeft` is its parallel tables minus the most meetings at one instant of the slot.',
      tags: ['visitor'],
      auth: 'none',
      query: slotsQuerySchema,
      responses: { 200: { description: 'Slots in time order, with the hours they come from', schema: z.object({ slots: z.array(slotSchema), availability: availabilitySchema, autoAccept: z.boolean() }) } },
    },
    async ({ params, query, reply }) => {
      const exhibitorId = exhibitorIdSchema.safeParse(params.exhibitorId)
      if (!exhibitorId.success) throw notFound('unknown-exhibitor', 'No such exhibitor')
      if (query.to <= query.from || query.to - query.from > MAX_RANGE_MS) throw badRequest('invalid-range', 'Ask for at most 31 days, `to` after `from`')
      const result = await bookings.freeSlots(exhibitorId.data, { from: query.from, to: query.to, visitorTimeZone: query.tz })
      if (!result) throw notFound('unknown-exhibitor', 'No such exhibitor')
      void reply.header('cache-control', 'no-store')
      return { slots: result.slots, availability: result.settings.availability, autoAccept: result.settings.autoAccept }
    },
  )

  api.route(
    {
      method: 'POST',
      url: '/api/visitor',
      summary: 'Start a visitor session (idempotent: an existing one is kept)',
      description: 'Call before the first booking, so that a retried booking request is recognised as the same visitor.',
      tags: ['visitor'],
      auth: 'visitor-optional',
      body: z.strictObject({ language: z.enum(LANGUAGES) }),
      responses: { 200: { description: 'The session cookie is set', schema: z.object({ ok: z.literal(true) }) } },
      rateLimit: { max: 20, timeWindowMs: 60_000 },
    },
    async ({ request, reply, body }) => {
      await sessions.ensureVisitor(request, reply, body.language)
      return { ok: true }
    },
  )

  api.route(
    {
      method: 'GET',
      url: '/api/me/bookings',
      summary: 'The visitor’s bookings in every state, by start',
      tags: ['visitor'],
      auth: 'visitor-optional',
      responses: { 200: { description: 'Empty without a session', schema: z.object({ bookings: z.array(bookingSchema), signedIn: z.boolean() }) } },
    },
    async ({ request, reply }) => {
      void reply.header('cache-control', 'no-store')
      const visitorId = await sessions.visitorOf(request)
      return { bookings: visitorId ? await bookings.visitorBookings(visitorId) : [], signedIn: Boolean(visitorId) }
    },
  )

  api.route(
    {
      method: 'POST',
      url: '/api/bookings',
      summary: 'Ask for a negotiation',
      description:
        'Checked by the same rules the app previews with, under the visitor’s and the exhibitor’s locks; the database refuses two live bookings on one table, one exhibitor seat or one visitor’s time. Answered `requested` (held for the exhibitor, default 24 h) or `confirmed` when the exhibitor auto-accepts.',
      tags: ['visitor'],
      auth: 'visitor',
      idempotent: true,
      body: bookBodySchema,
      responses: { 201: { description: 'Booked', schema: bookingAnswer }, 409: { description: 'Refused: slot full, overlap, limits' }, 422: { description: 'Refused: not a slot, too soon, invalid profile' } },
      rateLimit: BOOKING_LIMIT,
    },
    async ({ request, reply, body }) => {
      const visitorId = await sessions.requireVisitor(request)
      const answer = await bookings.book(visitorId, body, change(request, visitorId))
      ctx.mailQueued()
      return sendAnswer(reply, answer)
    },
  )

  api.route(
    {
      method: 'POST',
      url: '/api/bookings/:bookingId/cancel',
      summary: 'Cancel a booking (or decline a proposed time)',
      tags: ['visitor'],
      auth: 'visitor',
      idempotent: true,
      body: z.strictObject({}),
      responses: { 200: { description: 'Cancelled; its table is free again', schema: bookingAnswer } },
      rateLimit: BOOKING_LIMIT,
    },
    async ({ request, reply, params }) => {
      const visitorId = await sessions.requireVisitor(request)
      const answer = await bookings.cancel(visitorId, parseBookingId(params.bookingId), change(request, visitorId))
      ctx.mailQueued()
      return sendAnswer(reply, answer)
    },
  )

  api.route(
    {
      method: 'POST',
      url: '/api/bookings/:bookingId/reschedule',
      summary: 'Move a booking to another slot of the same exhibitor',
      description: 'One step: the old booking is released only if the new slot is taken.',
      tags: ['visitor'],
      auth: 'visitor',
      idempotent: true,
      body: rescheduleBodySchema,
      responses: { 200: { description: 'Moved', schema: z.object({ booking: bookingSchema, previous: bookingSchema }) } },
      rateLimit: BOOKING_LIMIT,
    },
    async ({ request, reply, params, body }) => {
      const visitorId = await sessions.requireVisitor(request)
      const answer = await bookings.reschedule(visitorId, parseBookingId(params.bookingId), body, change(request, visitorId))
      ctx.mailQueued()
      return sendAnswer(reply, answer)
    },
  )

  api.route(
    {
      method: 'POST',
      url: '/api/bookings/:bookingId/answer',
      summary: 'Accept or decline the time the exhibitor proposed',
      tags: ['visitor'],
      auth: 'visitor',
      idempotent: true,
      body: answerProposalBodySchema,
      responses: { 200: { description: 'Confirmed, or cancelled', schema: bookingAnswer } },
      rateLimit: BOOKING_LIMIT,
    },
    async ({ request, reply, params, body }) => {
      const visitorId = await sessions.requireVisitor(request)
      const answer = await bookings.answerProposal(visitorId, parseBookingId(params.bookingId), body.accept, change(request, visitorId))
      ctx.mailQueued()
      return sendAnswer(reply, answer)
    },
  )

  api.route(
    {
      method: 'POST',
      url: '/api/bookings/:bookingId/consent',
      summary: 'Withdraw consent to share the profile with the exhibitor',
      tags: ['visitor'],
      auth: 'visitor',
      idempotent: true,
      body: consentBodySchema,
      responses: { 200: { description: 'The exhibitor no longer sees the profile', schema: bookingAnswer } },
    },
    async ({ request, reply, params }) => {
      const visitorId = await sessions.requireVisitor(request)
      return sendAnswer(reply, await bookings.withdrawConsent(visitorId, parseBookingId(params.bookingId), change(request, visitorId)))
    },
  )
}
