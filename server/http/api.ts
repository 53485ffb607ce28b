/**
 * Every endpoint is declared once, with the zod schemas of its body, query and answers: the same declaration
 * validates requests and writes the OpenAPI 3.1 document served at /api/openapi.json.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import { z, type ZodType } from 'zod'
import { IDEMPOTENCY_HEADER } from '../../src/booking/api'
import { badRequest } from './errors'
import { idempotencyKeyOf } from './idempotency'

type Method = 'GET' | 'POST' | 'PUT' | 'DELETE'

export interface Endpoint<Body = unknown, Query = unknown> {
  method: Method
  url: string
  summary: string
  description?: string
  tags: string[]
  /** Who may call it: documented as the cookie it needs; checked by the handler through Sessions. */
  auth: 'none' | 'visitor' | 'staff' | 'organiser' | 'visitor-optional'
  /** Creates or changes a booking: the Idempotency-Key header is required. */
  idempotent?: boolean
  body?: ZodType<Body>
  query?: ZodType<Query>
  responses: Record<number, { description: string; schema?: ZodType; contentType?: string }>
  /** Tighter than the global limit, per client key (session, else address). */
  rateLimit?: { max: number; timeWindowMs: number }
}

export interface HandlerInput<Body, Query> {
  request: FastifyRequest
  reply: FastifyReply
  body: Body
  query: Query
  params: Record<string, string>
}

function issuesToFields(error: z.ZodError): Record<string, string> {
  const fields: Record<string, string> = {}
  for (const issue of error.issues) {
    const path = issue.path.map(String).join('.') || '(body)'
    fields[path] ??= issue.message
  }
  return fields
}

export class Api {
  readonly endpoints: Endpoint[] = []

  constructor(private readonly app: FastifyInstance) {}

  route<Body, Query>(endpoint: Endpoint<Body, Query>, handler: (input: HandlerInput<Body, Query>) => Promise<unknown>): void {
    this.endpoints.push(endpoint as Endpoint)
    this.app.route({
      method: endpoint.method,
      url: endpoint.url,
      ...(endpoint.rateLimit ? { config: { rateLimit: { max: endpoint.rateLimit.max, timeWindow: endpoint.rateLimit.timeWindowMs } } } : {}),
      handler: async (request, reply) => {
        // a change without its key is refused before anything else is looked at
        if (endpoint.idempotent) idempotencyKeyOf(request)
        let body = undefined as Body
        if (endpoint.body) {
          const parsed = endpoint.body.safeParse(request.body ?? {})
          if (!parsed.success) throw badRequest('invalid-body', 'The body does not have the expected shape', issuesToFields(parsed.error))
          body = parsed.data
        }
        let query = undefined as Query
        if (endpoint.query) {
          const parsed = endpoint.query.safeParse(request.query ?? {})
          if (!parsed.success) throw badRequest('invalid-query', 'The query does not have the expected shape', issuesToFields(parsed.error))
          query = parsed.data
        }
        return handler({ request, reply, body, query, params: (request.params ?? {}) as Record<string, string> })
      },
    })
  }

  /** The OpenAPI 3.1 description of every declared endpoint (JSON Schema 2020-12 from the zod schemas). */
  openApi(info: { title: string; version: string; description: string }): object {
    const paths: Record<string, Record<string, object>> = {}
    const schema = (type: ZodType, io: 'input' | 'output') => z.toJSONSchema(type, { io, unrepresentable: 'any', target: 'draft-2020-12' })
    for (const endpoint of this.endpoints) {
      const path = endpoint.url.replace(/:(\w+)/g, '{$1}')
      const parameters: object[] = [...endpoint.url.matchAll(/:(\w+)/g)].map(([, name]) => ({ name, in: 'path', required: true, schema: { type: 'string' } }))
      if (endpoint.query) {
        const query = schema(endpoint.query, 'input') as { properties?: Record<string, object>; required?: string[] }
        for (const [name, property] of Object.entries(query.properties ?? {})) {
          parameters.push({ name, in: 'query', required: query.required?.includes(name) ?? false, schema: property })
        }
      }
      if (endpoint.idempotent) {
        parameters.push({
          name: IDEMPOTENCY_HEADER,
          in: 'header',
          required: true,
          description: 'A fresh random key per intended change (a UUID). Sending the same request again with the same key returns the first answer and changes nothing.',
          schema: { type: 'string', pattern: '^[A-Za-z0-9_-]{16,100}$' },
        })
      }
      const responses: Record<string, object> = {}
      for (const [status, response] of Object.entries(endpoint.responses)) {
        responses[status] = response.schema
          ? { description: response.description, content: { [response.contentType ?? 'application/json']: { schema: schema(response.schema, 'output') } } }
          : { description: response.description }
      }
      responses.default = { description: 'An error: `code` names it (see ApiError)', content: { 'application/json': { schema: { $ref: '#/components/schemas/ApiError' } } } }
      const security =
        endpoint.auth === 'visitor' ? [{ visitorSession: [] }] : endpoint.auth === 'staff' || endpoint.auth === 'organiser' ? [{ staffSession: [] }] : undefined
      ;(paths[path] ??= {})[endpoint.method.toLowerCase()] = {
        summary: endpoint.summary,
        ...(endpoint.description ? { description: endpoint.description } : {}),
        tags: endpoint.tags,
        ...(parameters.length ? { parameters } : {}),
        ...(endpoint.body ? { requestBody: { required: true, content: { 'application/json': { schema: schema(endpoint.body, 'input') } } } } : {}),
        responses,
        ...(security ? { security } : {}),
      }
    }
    return {
      openapi: '3.1.0',
      info,
      paths,
      components: {
        securitySchemes: {
          visitorSession: { type: 'apiKey', in: 'cookie', name: 'expo_visitor', description: 'Set when a visitor first books or opens a sign-in link' },
          staffSession: { type: 'apiKey', in: 'cookie', name: 'expo_staff', description: 'Set when staff open their sign-in link' },
        },
        schemas: {
          ApiError: {
            type: 'object',
            required: ['code', 'message'],
            properties: {
              code: { type: 'string', description: 'Stable, e.g. slot-full, malformed-json, unauthorised, cross-site' },
              message: { type: 'string' },
              refusal: { type: 'object', description: 'The booking rules’ typed refusal, for booking endpoints' },
              fields: { type: 'object', additionalProperties: { type: 'string' } },
            },
          },
        },
      },
    }
  }
}
