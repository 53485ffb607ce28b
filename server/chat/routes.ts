/**
 * The booth chat's HTTP API. Sending is an idempotent change (a retried send never doubles a message); receiving
 * is a fetch "after" the last message held, prompted by the live socket (chatHub.ts) and repeated on every
 * reconnection, which is how a client resumes.
 */
import { z } from 'zod'
import { exhibitorIdSchema } from '../../src/booking/api'
import {
  CHAT_MESSAGES_PER_MINUTE,
  blockBodySchema,
  conversationIdSchema,
  hideBodySchema,
  readBodySchema,
  reportBodySchema,
  staffMessageBodySchema,
  visitorMessageBodySchema,
} from '../../src/live/chat'
import { sendAnswer, type AppContext } from '../context'
import { ApiFailure, notFound } from '../http/errors'
import { changeRequest } from '../http/idempotency'
import type { ChatService } from './service'

const answer = (description: string) => ({ description, schema: z.object({}).passthrough() })
const afterQuery = z.object({ after: z.coerce.number().int().min(0).max(2_000_000_000).default(0) })

function conversationIdOf(params: Record<string, string>): string {
  const parsed = conversationIdSchema.safeParse(params.conversationId)
  if (!parsed.success) throw notFound('not-found', 'No such conversation')
  return parsed.data
}

function seqOf(params: Record<string, string>): number {
  const seq = Number(params.seq)
  if (!Number.isInteger(seq) || seq < 1 || seq > 2_000_000_000) throw notFound('not-found', 'No such message')
  return seq
}

function exhibitorOf(ctx: AppContext, params: Record<string, string>): string {
  const parsed = exhibitorIdSchema.safeParse(params.exhibitorId)
  if (!parsed.success || !ctx.content.exhibitor(parsed.data)) throw notFound('unknown-exhibitor', 'No such exhibitor')
  return parsed.data
}

export function chatRoutes(ctx: AppContext, chat: ChatService) {
  const { api, sessions, db, now } = ctx

  /**
   * At most CHAT_MESSAGES_PER_MINUTE per sender across conversations, counted in the database so every process
   * agrees; always on (the HTTP rate limits of the API may be switched off behind a trusted proxy, this is not).
   */
  async function checkRate(sender: { visitorId: string } | { staffId: string }) {
    const since = now() - 60_000
    const { rows } =
      'visitorId' in sender
        ? await db.query<{ sent: number; oldest: number | null }>(
            `select count(*)::int as sent, (extract(epoch from min(m.created_at)) * 1000)::float8 as oldest from chat_messages m join conversations c on c.id = m.conversation_id
             where c.visitor_id = $1 and m.sender = 'visitor' and m.created_at > to_timestamp($2::float8 / 1000)`,
            [sender.visitorId, since],
          )
        : await db.query<{ sent: number; oldest: number | null }>(
            `select count(*)::int as sent, (extract(epoch from min(created_at)) * 1000)::float8 as oldest from chat_messages where staff_id = $1 and created_at > to_timestamp($2::float8 / 1000)`,
            [sender.staffId, since],
          )
    if (rows[0].sent >= CHAT_MESSAGES_PER_MINUTE) {
      const retryAfter = Math.max(1, Math.ceil(((rows[0].oldest ?? now()) + 60_000 - now()) / 1000))
      throw new ApiFailure(429, 'chat-rate-limited', `At most ${CHAT_MESSAGES_PER_MINUTE} messages a minute: try again in ${retryAfter} s`, {}, { 'retry-after': String(retryAfter) })
    }
  }

  // — visitors —

  api.route(
    {
      method: 'GET',
      url: '/api/exhibitors/:exhibitorId/chat',
      summary: 'Whether the booth’s staff are online, and the visitor’s conversation with it',
      tags: ['chat'],
      auth: 'visitor-optional',
      responses: { 200: answer('BoothChat (src/live/chat.ts)') },
    },
    async ({ request, reply, params }) => {
      const exhibitorId = exhibitorOf(ctx, params)
      void reply.header('cache-control', 'no-store')
      return chat.boothChat(exhibitorId, await sessions.visitorOf(request))
    },
  )

  api.route(
    {
      method: 'POST',
      url: '/api/exhibitors/:exhibitorId/chat',
      summary: 'Write to a booth (with `lead`, a message left for staff who are not online, perhaps asking for a call back)',
      tags: ['chat'],
      auth: 'visitor',
      idempotent: true,
      body: visitorMessageBodySchema,
      responses: { 201: answer('The stored message'), 403: { description: 'The exhibitor blocked this visitor' }, 429: { description: 'Too many messages' } },
    },
    async ({ request, reply, params, body }) => {
      const exhibitorId = exhibitorOf(ctx, params)
      const visitorId = await sessions.requireVisitor(request)
      await checkRate({ visitorId })
      return sendAnswer(reply, await chat.visitorSend(visitorId, exhibitorId, body, changeRequest(request, { visitorId })))
    },
  )

  api.route(
    {
      method: 'GET',
      url: '/api/me/conversations',
      summary: 'The visitor’s conversations with booths, newest first, with unread counts',
      tags: ['chat'],
      auth: 'visitor-optional',
      responses: { 200: answer('{ conversations: ConversationSummary[] }') },
    },
    async ({ request, reply }) => {
      void reply.header('cache-control', 'no-store')
      const visitorId = await sessions.visitorOf(request)
      return { conversations: visitorId ? await chat.visitorConversations(visitorId) : [] }
    },
  )

  api.route(
    {
      method: 'GET',
      url: '/api/chat/:conversationId/messages',
      summary: 'The visitor’s messages of one conversation after `after`',
      tags: ['chat'],
      auth: 'visitor',
      query: afterQuery,
      responses: { 200: answer('{ messages, readUpTo, blocked }') },
    },
    async ({ request, reply, params, query }) => {
      void reply.header('cache-control', 'no-store')
      const visitorId = await sessions.requireVisitor(request)
      return chat.messages(conversationIdOf(params), { visitorId }, query.after)
    },
  )

  api.route(
    { method: 'POST', url: '/api/chat/:conversationId/read', summary: 'The visitor read up to `upTo`', tags: ['chat'], auth: 'visitor', body: readBodySchema, responses: { 200: answer('{ ok }') } },
    async ({ request, params, body }) => {
      const visitorId = await sessions.requireVisitor(request)
      await chat.read(conversationIdOf(params), { visitorId }, body.upTo)
      return { ok: true }
    },
  )

  api.route(
    {
      method: 'POST',
      url: '/api/chat/:conversationId/messages/:seq/report',
      summary: 'The visitor reports a staff message to the organiser',
      tags: ['chat'],
      auth: 'visitor',
      body: reportBodySchema,
      responses: { 200: answer('{ ok }') },
      rateLimit: { max: 20, timeWindowMs: 60_000 },
    },
    async ({ request, params, body }) => {
      const visitorId = await sessions.requireVisitor(request)
      await chat.report({ kind: 'visitor', visitorId }, conversationIdOf(params), seqOf(params), body.reason ?? '')
      return { ok: true }
    },
  )

  // — staff —

  api.route(
    {
      method: 'GET',
      url: '/api/console/conversations',
      summary: 'The exhibitor’s conversations, newest first, with unread counts and open leads',
      tags: ['chat'],
      auth: 'staff',
      responses: { 200: answer('{ conversations: ConversationSummary[] }') },
    },
    async ({ request, reply }) => {
      void reply.header('cache-control', 'no-store')
      const staff = await sessions.requireStaff(request)
      return { conversations: await chat.staffConversations(staff.exhibitorId) }
    },
  )

  api.route(
    {
      method: 'GET',
      url: '/api/console/chat/:conversationId/messages',
      summary: 'The messages of one of the exhibitor’s conversations after `after`',
      tags: ['chat'],
      auth: 'staff',
      query: afterQuery,
      responses: { 200: answer('{ messages, readUpTo, blocked }') },
    },
    async ({ request, reply, params, query }) => {
      void reply.header('cache-control', 'no-store')
      const staff = await sessions.requireStaff(request)
      return chat.messages(conversationIdOf(params), { exhibitorId: staff.exhibitorId }, query.after)
    },
  )

  api.route(
    {
      method: 'POST',
      url: '/api/console/chat/:conversationId/messages',
      summary: 'Staff answer, or propose one of the exhibitor’s free slots (the visitor books it through the ordinary booking rules)',
      tags: ['chat'],
      auth: 'staff',
      idempotent: true,
      body: staffMessageBodySchema,
      responses: { 201: answer('The stored message'), 409: { description: 'The proposed time is not a free slot' }, 429: { description: 'Too many messages' } },
    },
    async ({ request, reply, params, body }) => {
      const staff = await sessions.requireStaff(request)
      const conversationId = conversationIdOf(params)
      await checkRate({ staffId: staff.id })
      return sendAnswer(reply, await chat.staffSend(staff, conversationId, body, changeRequest(request, { staffId: staff.id })))
    },
  )

  api.route(
    { method: 'POST', url: '/api/console/chat/:conversationId/read', summary: 'Staff read up to `upTo`', tags: ['chat'], auth: 'staff', body: readBodySchema, responses: { 200: answer('{ ok }') } },
    async ({ request, params, body }) => {
      const staff = await sessions.requireStaff(request)
      await chat.read(conversationIdOf(params), { exhibitorId: staff.exhibitorId }, body.upTo)
      return { ok: true }
    },
  )

  api.route(
    {
      method: 'POST',
      url: '/api/console/chat/:conversationId/block',
      summary: 'Block (or unblock) the visitor of a conversation: nothing more from them is stored',
      tags: ['chat'],
      auth: 'staff',
      body: blockBodySchema,
      responses: { 200: answer('{ ok }') },
    },
    async ({ request, params, body }) => {
      const staff = await sessions.requireStaff(request)
      await chat.setBlocked(staff.exhibitorId, conversationIdOf(params), body.blocked)
      return { ok: true }
    },
  )

  api.route(
    {
      method: 'POST',
      url: '/api/console/chat/:conversationId/messages/:seq/report',
      summary: 'Staff report a visitor’s message to the organiser',
      tags: ['chat'],
      auth: 'staff',
      body: reportBodySchema,
      responses: { 200: answer('{ ok }') },
      rateLimit: { max: 20, timeWindowMs: 60_000 },
    },
    async ({ request, params, body }) => {
      const staff = await sessions.requireStaff(request)
      await chat.report({ kind: 'staff', staffId: staff.id, exhibitorId: staff.exhibitorId }, conversationIdOf(params), seqOf(params), body.reason ?? '')
      return { ok: true }
    },
  )

  // — organisers —

  api.route(
    { method: 'GET', url: '/api/console/chat-reports', summary: 'Reported chat messages not yet dealt with', tags: ['chat'], auth: 'organiser', responses: { 200: answer('{ reports: ReportedMessage[] }') } },
    async ({ request, reply }) => {
      void reply.header('cache-control', 'no-store')
      await sessions.requireOrganiser(request)
      return { reports: await chat.openReports() }
    },
  )

  api.route(
    {
      method: 'POST',
      url: '/api/console/chat/:conversationId/messages/:seq/hide',
      summary: 'The organiser hides a message from both sides (or shows it again); its reports are dealt with',
      tags: ['chat'],
      auth: 'organiser',
      body: hideBodySchema,
      responses: { 200: answer('{ ok }') },
    },
    async ({ request, params, body }) => {
      const organiser = await sessions.requireOrganiser(request)
      await chat.setHidden(organiser.id, conversationIdOf(params), seqOf(params), body.hidden)
      return { ok: true }
    },
  )
}
