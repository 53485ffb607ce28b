/**
 * The organiser's commands (`npm run invite`, `npm run db:dump`) reach a running server through these two
 * endpoints when the embedded database is in use (one process at a time may open its folder): loopback only,
 * behind a secret the server writes into its data folder for the commands to read.
 */
import { timingSafeEqual } from 'node:crypto'
import type { FastifyRequest } from 'fastify'
import { z } from 'zod'
import { exhibitorIdSchema } from '../../src/booking/api'
import { LANGUAGES } from '../../src/content/schema'
import type { AppContext } from '../context'
import { ApiFailure, badRequest } from '../http/errors'

export const inviteCommandSchema = z.strictObject({
  email: z.email(),
  exhibitorId: exhibitorIdSchema.nullable(),
  name: z.string().trim().max(100).optional(),
  language: z.enum(LANGUAGES),
})

function checkAdmin(request: FastifyRequest, token: string) {
  const loopback = request.socket.remoteAddress === '127.0.0.1' || request.socket.remoteAddress === '::1' || request.socket.remoteAddress === '::ffff:127.0.0.1'
  const given = Buffer.from(request.headers.authorization?.replace(/^Bearer /, '') ?? '')
  const expected = Buffer.from(token)
  if (!loopback || given.length !== expected.length || !timingSafeEqual(given, expected)) {
    throw new ApiFailure(403, 'admin-only', 'Only the organiser’s commands on this machine may call this')
  }
}

export function adminRoutes(ctx: AppContext, token: string) {
  const { api, signIn, content } = ctx
  api.route(
    {
      method: 'POST',
      url: '/api/admin/invite',
      summary: 'Invite exhibitor staff or an organiser (the `npm run invite` command)',
      tags: ['admin'],
      auth: 'none',
      body: inviteCommandSchema,
      responses: { 201: { description: 'The sign-in link (also mailed)', schema: z.object({ link: z.string(), expiresAt: z.number(), created: z.boolean() }) } },
    },
    async ({ request, reply, body }) => {
      checkAdmin(request, token)
      if (body.exhibitorId && !content.exhibitor(body.exhibitorId)) throw badRequest('unknown-exhibitor', `No exhibitor "${body.exhibitorId}" in the content pack`)
      const invitation = await signIn.inviteStaff(body)
      ctx.mailQueued()
      return reply.status(201).send({ link: invitation.link, expiresAt: invitation.expiresAt, created: invitation.created })
    },
  )
  api.route(
    {
      method: 'GET',
      url: '/api/admin/dump',
      summary: 'A plain-SQL dump of the database (the `npm run db:dump` command)',
      tags: ['admin'],
      auth: 'none',
      responses: { 200: { description: 'SQL that psql restores', schema: z.string(), contentType: 'application/sql' } },
    },
    async ({ request, reply }) => {
      checkAdmin(request, token)
      return reply.header('content-type', 'application/sql; charset=utf-8').send(await ctx.db.dumpSql())
    },
  )
}
