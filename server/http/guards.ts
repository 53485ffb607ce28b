/**
 * Requests that change something must come from this site's own pages: a cross-site form or script is refused
 * before any handler runs (SameSite cookies are the first line; Origin, Sec-Fetch-Site and a JSON-only body the second).
 */
import type { FastifyInstance, FastifyRequest } from 'fastify'
import { forbidden, ApiFailure } from './errors'

const CHANGING = new Set(['POST', 'PUT', 'PATCH', 'DELETE'])

export function installSameSiteGuard(app: FastifyInstance, publicUrl: string) {
  const allowed = new Set([new URL(publicUrl).origin])
  app.addHook('onRequest', async (request) => {
    if (!CHANGING.has(request.method) || !request.url.startsWith('/api/')) return
    if (request.headers['sec-fetch-site'] === 'cross-site') throw forbidden('cross-site', 'Requests from other sites are refused')
    const origin = request.headers.origin
    if (origin !== undefined && !isOwnOrigin(request, origin, allowed)) throw forbidden('cross-site', 'Requests from other sites are refused')
    if (request.method !== 'DELETE') {
      const type = request.headers['content-type']?.split(';')[0].trim().toLowerCase()
      if (type !== 'application/json') throw new ApiFailure(415, 'unsupported-media-type', 'Send the body as application/json')
    }
  })
}

/** This server's own address as the browser used it, or PUBLIC_URL's (behind a proxy). */
export function isOwnOrigin(request: FastifyRequest, origin: string, allowed: ReadonlySet<string>): boolean {
  return origin === `${request.protocol}://${request.headers.host}` || allowed.has(origin)
}
