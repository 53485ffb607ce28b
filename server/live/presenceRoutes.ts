/**
 * GET /api/live: the presence WebSocket. Anonymous (no sign-in), but only from this site's own pages: a browser
 * always sends Origin with a WebSocket upgrade, and one from another site is refused before the upgrade.
 */
import type { FastifyInstance } from 'fastify'
import { forbidden } from '../http/errors'
import { isOwnOrigin } from '../http/guards'
import type { PresenceWorld } from './presence'

export function presenceRoutes(app: FastifyInstance, world: PresenceWorld, publicUrl: string) {
  const allowed = new Set([new URL(publicUrl).origin])
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
      },
    },
    (socket) => {
      const id = world.connect(socket)
      socket.on('message', (data, isBinary) => world.receive(id, data, isBinary))
      socket.on('pong', () => world.alive(id))
      socket.on('close', () => world.disconnect(id))
      // a broken socket closes too; nothing to add but not to crash
      socket.on('error', () => world.disconnect(id))
    },
  )
}
