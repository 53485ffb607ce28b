/** Sign-in links and sessions over HTTP: redeem a link, ask for one by mail, a visitor's private link, sign out. */
import { z } from 'zod'
import { redeemBodySchema, signInLinkBodySchema } from '../../src/booking/api'
import type { AppContext } from '../context'
import { ApiFailure } from '../http/errors'

/** Guessing a 256-bit token is hopeless; the limits keep mailboxes from being flooded and logs readable. */
const REDEEM_LIMIT = { max: 10, timeWindowMs: 60_000 }
const MAIL_LINK_LIMIT = { max: 5, timeWindowMs: 15 * 60_000 }

export function accountRoutes(ctx: AppContext) {
  const { api, sessions, signIn } = ctx

  api.route(
    {
      method: 'POST',
      url: '/api/auth/redeem',
      summary: 'Open a sign-in link: sets the visitor or staff session cookie',
      description: 'Mailed and invitation links work once and expire; a visitor’s private agenda link works until the visitor replaces it.',
      tags: ['accounts'],
      auth: 'none',
      body: redeemBodySchema,
      responses: {
        200: { description: 'Signed in', schema: z.object({ kind: z.enum(['visitor', 'staff']), role: z.enum(['visitor', 'exhibitor', 'organiser']) }) },
        401: { description: 'Unknown, used or expired link' },
      },
      rateLimit: REDEEM_LIMIT,
    },
    async ({ reply, body }) => {
      const redeemed = await ctx.db.transaction(async (tx) => {
        const who = await signIn.redeem(body.token, tx)
        if (who) await sessions.open(reply, who.kind, who.kind === 'visitor' ? who.visitorId : who.staffId, tx)
        return who
      })
      if (!redeemed) throw new ApiFailure(401, 'link-invalid', 'This sign-in link is unknown, used or expired: ask for a new one')
      return { kind: redeemed.kind, role: redeemed.kind === 'visitor' ? 'visitor' : redeemed.role }
    },
  )

  api.route(
    {
      method: 'POST',
      url: '/api/auth/visitor-link',
      summary: 'Mail a single-use link that opens the agenda booked with this address',
      description: 'Always answers 202, whether or not anyone booked with the address.',
      tags: ['accounts'],
      auth: 'none',
      body: signInLinkBodySchema,
      responses: { 202: { description: 'If the address booked here, a link is on its way' } },
      rateLimit: MAIL_LINK_LIMIT,
    },
    async ({ reply, body }) => {
      await signIn.mailVisitorLink(body.email, body.language)
      ctx.mailQueued()
      return reply.status(202).send({ ok: true })
    },
  )

  api.route(
    {
      method: 'POST',
      url: '/api/auth/staff-link',
      summary: 'Mail exhibitor staff or an organiser a new single-use sign-in link',
      description: 'Always answers 202, whether or not the address has an account.',
      tags: ['accounts'],
      auth: 'none',
      body: signInLinkBodySchema,
      responses: { 202: { description: 'If the address has an account, a link is on its way' } },
      rateLimit: MAIL_LINK_LIMIT,
    },
    async ({ reply, body }) => {
      await signIn.mailStaffLink(body.email)
      ctx.mailQueued()
      return reply.status(202).send({ ok: true })
    },
  )

  api.route(
    {
      method: 'POST',
      url: '/api/me/private-link',
      summary: 'A new private link that opens this agenda on another device (the previous one stops working)',
      tags: ['accounts'],
      auth: 'visitor',
      body: z.strictObject({}),
      responses: { 200: { description: 'Shown once: only a hash is kept', schema: z.object({ url: z.string() }) } },
      rateLimit: { max: 10, timeWindowMs: 60_000 },
    },
    async ({ request, reply }) => {
      const visitorId = await sessions.requireVisitor(request)
      void reply.header('cache-control', 'no-store')
      return { url: await signIn.newPrivateLink(visitorId) }
    },
  )

  api.route(
    {
      method: 'POST',
      url: '/api/auth/sign-out',
      summary: 'End the visitor or staff session of this browser',
      tags: ['accounts'],
      auth: 'none',
      body: z.strictObject({ kind: z.enum(['visitor', 'staff']) }),
      responses: { 204: { description: 'Signed out' } },
    },
    async ({ request, reply, body }) => {
      await sessions.close(request, reply, body.kind)
      return reply.status(204).send()
    },
  )
}
