/**
 * GET /api/live: the live WebSocket. Presence is anonymous (no sign-in needed); a session cookie on the upgrade
 * request also subscribes the socket to its visitor's or its staff's chat (see chat/chatHub.ts). Only this site's
 * own pages may connect: a browser always sends Origin with a WebSocket upgrade, and one from another site is
 * refused before the upgrade.
 */
import type { FastifyInstance, FastifyRequest } from 'fastify'
import type { Sessions } from '../accounts/sessions'
import type { ChatHub, LiveIdentity } from '../chat/chatHub'
import { forbidden } from '../http/errors'
import { isOwnOrigin } from '../http/guards'
import type { PresenceWorld } from './presence'

const identities = new WeakMap<FastifyRequest, LiveIdentity>()

export function presenceRoutes(options: { app: FastifyInstance; world: PresenceWorld; chat: ChatHub; sessions: Sessions; publicUrl: string }) {
  const { app, world, chat, sessions } = options
  const allowed = new Set([new URL(options.publicUrl).origin])
  app.get(
    '/api/live',
    {
      websocket: true,
      // runs on the upgrade request itself: a refusal is an ordinary 403 and no socket is opened
      onRequest: async (request) => {
        const origin = request.headers.origin
        if (request.headers['sec-fetch-site'] === 'cross-site' || origin === undefined || !isOwnOrigin(request, origin, allowed)) {
          throw forbidden('cross-site', 'Connections from other sites are refused')
        }
        // the cookies are read once, here: a socket's identity is fixed for its life (a new session reconnects)
        const [visitorId, staff] = await Promise.all([sessions.visitorOf(request), sessions.staffOf(request)])
        identities.set(request, { visitorId, staff: staff && { role: staff.role, exhibitorId: staff.exhibitorId } })
      },
    },
    (socket, request) => {
      const id = world.connect(socket)
      const detach = chat.attach(socket, identities.get(request) ?? {})
      const leave = () => {
        world.disconnect(id)
        detach()
      }
      socket.on('message', (data, isBinary) => world.receive(id, data, isBinary))
      socket.on('pong', () => world.alive(id))
      socket.on('close', leave)
      // a broken socket closes too; nothing to add but not to crash
      socket.on('error', leave)
    },
  )
}
