/**
 * The one place where a failure becomes an HTTP answer: a status and a stable code the UI translates. Booking
 * refusals keep their typed domain shape; nothing raw (a stack, a SQL error) ever reaches a client.
 */
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import type { ApiError } from '../../src/booking/api'
import type { Refusal, RefusalCode } from '../../src/booking/types'

export class ApiFailure extends Error {
  constructor(
    readonly statusCode: number,
    readonly code: string,
    message: string,
    readonly extra: Partial<Pick<ApiError, 'refusal' | 'fields'>> = {},
    readonly headers: Record<string, string> = {},
  ) {
    super(message)
  }
}

/** HTTP status of each booking refusal: 409 when the world is in the way, 422 when the request cannot be a booking. */
const REFUSAL_STATUS: Record<RefusalCode, number> = {
  'slot-full': 409,
  'visitor-overlap': 409,
  'exhibitor-limit': 409,
  'daily-limit': 409,
  'no-table': 409,
  'already-cancelled': 409,
  'already-started': 409,
  'invalid-state': 409,
  'visitor-busy': 409,
  'not-a-slot': 422,
  'too-soon': 422,
  past: 422,
  'invalid-profile': 422,
  'invalid-topic': 422,
  'invalid-time-zone': 422,
  'other-exhibitor': 422,
  'unknown-exhibitor': 404,
  'not-found': 404,
  'bad-request': 400,
  unauthorised: 401,
  'rate-limited': 429,
  unavailable: 503,
  'storage-full': 507,
  'storage-unavailable': 503,
}

const REFUSAL_MESSAGE: Partial<Record<RefusalCode, string>> = {
  'slot-full': 'Every table of this slot is taken',
  'visitor-overlap': 'The visitor already has a meeting at that time',
  'exhibitor-limit': 'The visitor already holds the most bookings allowed with this exhibitor',
  'daily-limit': 'The visitor already holds the most bookings allowed on that day',
  'no-table': 'No negotiation table is free at that time',
  'not-a-slot': 'That time is not one of the exhibitor’s slots',
  'too-soon': 'Bookings need two hours’ notice',
  past: 'That time has passed',
  'not-found': 'No such booking for this visitor',
  'unknown-exhibitor': 'No such exhibitor',
  'invalid-state': 'The booking is not in a state that allows this',
  'visitor-busy': 'The visitor cannot meet at that time',
  'other-exhibitor': 'A booking moves only to another slot of its own exhibitor',
}

export function refusalFailure(refusal: Refusal): ApiFailure {
  return new ApiFailure(REFUSAL_STATUS[refusal.code], refusal.code, REFUSAL_MESSAGE[refusal.code] ?? refusal.code, { refusal })
}

export const badRequest = (code: string, message: string, fields?: Record<string, string>) =>
  new ApiFailure(400, code, message, fields ? { fields } : {})
export const unauthorised = (message = 'Sign in first') => new ApiFailure(401, 'unauthorised', message, { refusal: { code: 'unauthorised' } })
export const forbidden = (code: string, message: string) => new ApiFailure(403, code, message)
export const notFound = (code: string, message: string) => new ApiFailure(404, code, message)

/** Fastify's own errors for a body it could not take, named for people. */
const FASTIFY_ERRORS: Record<string, { status: number; code: string; message: string }> = {
  FST_ERR_CTP_INVALID_JSON_BODY: { status: 400, code: 'malformed-json', message: 'The body is not valid JSON' },
  FST_ERR_CTP_EMPTY_JSON_BODY: { status: 400, code: 'malformed-json', message: 'The body is empty' },
  FST_ERR_CTP_BODY_TOO_LARGE: { status: 413, code: 'body-too-large', message: 'The body is too large' },
  FST_ERR_CTP_INVALID_MEDIA_TYPE: { status: 415, code: 'unsupported-media-type', message: 'Send application/json' },
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: { status: 400, code: 'bad-content-length', message: 'Content-Length does not match the body' },
}

function body(code: string, message: string, extra: Partial<ApiError> = {}): ApiError {
  return { code, message, ...extra }
}

/** `sendAppPage`: paths that are neither the API nor a file answer with the built app's page (client-side routes). */
export function installErrorHandling(app: FastifyInstance, options: { sendAppPage?: (request: FastifyRequest, reply: FastifyReply) => FastifyReply } = {}) {
  app.setErrorHandler((error: FastifyError | ApiFailure, request, reply) => {
    if (error instanceof ApiFailure) {
      void reply.headers(error.headers).status(error.statusCode).send(body(error.code, error.message, error.extra))
      return
    }
    const known = error.code ? FASTIFY_ERRORS[error.code] : undefined
    if (known) {
      void reply.status(known.status).send(body(known.code, known.message))
      return
    }
    if (error.statusCode === 429) {
      const retryAfterSeconds = Number(reply.getHeader('retry-after')) || 60
      void reply.status(429).send(body('rate-limited', 'Too many requests; try again later', { refusal: { code: 'rate-limited', retryAfterSeconds } }))
      return
    }
    if (typeof error.statusCode === 'number' && error.statusCode >= 400 && error.statusCode < 500) {
      void reply.status(error.statusCode).send(body('bad-request', error.message))
      return
    }
    request.log.error({ err: error }, 'unexpected failure')
    void reply.status(500).send(body('internal', 'Something went wrong on our side; please try again'))
  })
  app.setNotFoundHandler((request, reply) => {
    if (options.sendAppPage && request.method === 'GET' && !request.url.startsWith('/api/') && request.headers.accept?.includes('text/html')) {
      return options.sendAppPage(request, reply)
    }
    return reply.status(404).send(body('no-such-endpoint', `No endpoint ${request.method} ${request.url.split('?')[0]}`))
  })
}
