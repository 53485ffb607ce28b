/**
 * `buildApp(options)`: one Fastify instance with every plugin and route, over an opened, migrated database.
 * Tests start it with `inject()` and no port; `main.ts` listens. In production it also serves the built app.
 */
import cookie from '@fastify/cookie'
import helmet from '@fastify/helmet'
import rateLimit from '@fastify/rate-limit'
import fastifyStatic from '@fastify/static'
import websocket from '@fastify/websocket'
import Fastify, { type FastifyInstance } from 'fastify'
import { existsSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { z } from 'zod'
import { contentSecurityPolicy, contentSecurityPolicyMeta } from '../src/contentSecurityPolicy'
import { Sessions } from './accounts/sessions'
import { SignInLinks } from './accounts/signInLinks'
import { adminRoutes } from './accounts/adminRoutes'
import { accountRoutes } from './accounts/routes'
import { consoleRoutes } from './bookings/consoleRoutes'
import { overviewRoutes } from './bookings/overview'
import { BookingService } from './bookings/service'
import { visitorRoutes } from './bookings/visitorRoutes'
import type { ServerConfig } from './config'
import { loadServerContent, type ServerContent } from './content'
import type { AppContext } from './context'
import type { Database } from './db/database'
import { Api } from './http/api'
import { appPageSender } from './http/appPage'
import { installApiCompression, installPageCompression } from './http/compression'
import { installErrorHandling } from './http/errors'
import { installSameSiteGuard } from './http/guards'
import { ChatHub } from './chat/chatHub'
import { chatRoutes } from './chat/routes'
import { ChatService } from './chat/service'
import { LiveHub } from './live/hub'
import { liveRoutes } from './live/routes'
import { programmeRoutes } from './live/programme'
import { MESSAGE_MAX_BYTES, PresenceWorld, type PresenceTimings } from './live/presence'
import { LocalPresenceBus, PostgresPresenceBus, type PresenceBus } from './live/presenceBus'
import { presenceRoutes } from './live/presenceRoutes'
import { RedisPresenceBus } from './live/redisPresenceBus'
import { screenRoutes } from './live/screenRoutes'
import { BookingNotices } from './mail/bookingNotices'
import { OutboxWorker } from './mail/outboxWorker'
import { createMailTransport, readDevOutbox, type MailTransport } from './mail/transport'

export interface AppOptions {
  config: ServerConfig
  /** Opened and migrated (see db/migrate.ts). */
  db: Database
  content?: ServerContent
  /** The clock every rule and hold reads; tests move it. */
  now?: () => number
  transport?: MailTransport
  /** Enables the organiser commands' endpoints (see accounts/adminRoutes.ts). */
  adminToken?: string
  /** Presence's intervals (tests shorten them) and how processes share it (Redis, PostgreSQL NOTIFY, or none with PGlite). */
  presence?: { timings?: Partial<PresenceTimings>; bus?: PresenceBus }
}

export interface BuiltApp {
  app: FastifyInstance
  ctx: AppContext
  presence: PresenceWorld
  mail: OutboxWorker
  /** Whether the built app is served from this process. */
  servesApp: boolean
  /** Stops timers and streams and closes the server (not the database, which the caller opened). */
  close(): Promise<void>
}

export async function buildApp(options: AppOptions): Promise<BuiltApp> {
  const { config, db } = options
  const now = options.now ?? Date.now
  const content = options.content ?? loadServerContent()
  const app = Fastify({
    logger: config.logLevel === 'silent' ? false : { level: config.logLevel },
    trustProxy: config.trustProxy,
    // a booking is a few hundred bytes; nothing the API takes comes near this
    bodyLimit: 16 * 1024,
  })
  const policy = contentSecurityPolicy(config.streamOrigins)
  const sendAppPage =
    config.staticDir && existsSync(join(config.staticDir, 'index.html'))
      ? appPageSender(readFileSync(join(config.staticDir, 'index.html'), 'utf8'), contentSecurityPolicyMeta(policy))
      : undefined
  const servesApp = sendAppPage !== undefined
  installErrorHandling(app, { sendAppPage })
  await app.register(cookie)
  // exactly the app's policy, on the page and the API alike: helmet's defaults would add and loosen directives
  await app.register(helmet, { contentSecurityPolicy: { useDefaults: false, directives: policy }, crossOriginEmbedderPolicy: false })
  if (config.rateLimits) {
    // per session where there is one: a venue's visitors share one address behind its Wi-Fi; sessions themselves
    // are started at most 20 a minute per address, so new sessions do not buy an attacker much
    await app.register(rateLimit, {
      global: true,
      max: 600,
      timeWindow: 60_000,
      keyGenerator: (request) => {
        const session = request.cookies?.expo_visitor ?? request.cookies?.expo_staff
        return session ? `session:${session.slice(0, 24)}` : `address:${request.ip}`
      },
    })
  }
  installSameSiteGuard(app, config.publicUrl)
  installApiCompression(app)
  // a larger frame is cut off by ws itself (closing the socket); up to it, the world refuses one over MESSAGE_MAX_BYTES politely
  await app.register(websocket, { options: { maxPayload: 16 * MESSAGE_MAX_BYTES } })

  const transport = options.transport ?? createMailTransport(config)
  const notices = new BookingNotices({ content, publicUrl: config.publicUrl, now })
  const mail = new OutboxWorker({ db, transport, now, log: app.log })
  const bookings = new BookingService({ db, content, notices, holdMs: config.holdHours * 3_600_000, now })
  await bookings.seedExhibitors()
  const hub = new LiveHub(db)
  await hub.start()
  // Redis when there is one takes presence's steady traffic off PostgreSQL (whose NOTIFY keeps chat and bookings);
  // PGlite is one process with one connection that bookings need: without Redis its presence stays in memory.
  // Presence keeps real time (heartbeats, idle), not the rules' clock that tests move
  const presenceBus =
    options.presence?.bus ??
    (config.redisUrl
      ? new RedisPresenceBus({ url: config.redisUrl, channel: config.redisChannel, log: app.log })
      : db.kind === 'postgres'
        ? new PostgresPresenceBus(db)
        : new LocalPresenceBus())
  const presence = new PresenceWorld({ zones: content.zones, bus: presenceBus, timings: options.presence?.timings, log: app.log })
  await presence.start()
  const chatHub = new ChatHub({ db, log: app.log })
  await chatHub.start()
  const chat = new ChatService({ db, bookings, now })
  const api = new Api(app)
  const ctx: AppContext = {
    config,
    content,
    db,
    api,
    sessions: new Sessions(db, { secureCookies: config.secureCookies, now }),
    signIn: new SignInLinks({ db, notices, publicUrl: config.publicUrl, now }),
    bookings,
    hub,
    now,
    mailQueued: () => mail.poke(),
  }

  api.route(
    {
      method: 'GET',
      url: '/api/health',
      summary: 'Whether the server and its database answer, and how presence reaches the other processes',
      tags: ['server'],
      auth: 'none',
      responses: {
        200: {
          description: 'Up (presence may be cut off from the other processes: it is optional, and comes back by itself)',
          schema: z.object({
            ok: z.literal(true),
            database: z.enum(['pglite', 'postgres']),
            presence: z.object({ bus: z.enum(['local', 'postgres', 'redis']), connected: z.boolean() }),
          }),
        },
        503: { description: 'The database does not answer' },
      },
    },
    async ({ reply }) => {
      try {
        await db.query('select 1')
        return { ok: true, database: db.kind, presence: presenceBus.state() }
      } catch {
        return reply.status(503).send({ ok: false, database: db.kind, code: 'database-unavailable', message: 'The database does not answer' })
      }
    },
  )
  visitorRoutes(ctx)
  accountRoutes(ctx)
  consoleRoutes(ctx)
  overviewRoutes(ctx)
  liveRoutes(ctx)
  chatRoutes(ctx, chat)
  programmeRoutes(ctx)
  screenRoutes(ctx)
  presenceRoutes({ app, world: presence, chat: chatHub, sessions: ctx.sessions, publicUrl: config.publicUrl })
  if (options.adminToken) adminRoutes(ctx, options.adminToken)
  if (config.development && !config.smtpUrl) {
    api.route(
      {
        method: 'GET',
        url: '/api/dev/outbox',
        summary: 'Development only: the mails that would have been sent, newest first',
        tags: ['server'],
        auth: 'none',
        responses: { 200: { description: 'From the development outbox folder', schema: z.object({ mails: z.array(z.object({}).passthrough()) }) } },
      },
      async () => ({ mails: readDevOutbox(config.dataDir) }),
    )
  }
  const openApi = api.openApi({
    title: 'Cloud Expo booking API',
    version: '1.0.0',
    description:
      'Negotiation bookings between visitors and exhibitors of the World Manufacturing Convention’s cloud exhibition. Times are epoch milliseconds; every request that creates or changes a booking carries an Idempotency-Key.',
  })
  app.get('/api/openapi.json', async () => openApi)

  if (sendAppPage) await serveBuiltApp(app, config.staticDir!, sendAppPage)

  mail.start(config.sweepIntervalMs)
  const sweeper = setInterval(() => {
    bookings.sweepExpired().then(
      (count) => count > 0 && mail.poke(),
      (error) => app.log.warn({ err: error }, 'releasing expired holds failed; trying again next round'),
    )
    // a retry comes within seconds or minutes; a day is generous
    db.query(`delete from idempotency_keys where created_at < to_timestamp($1::float8 / 1000)`, [now() - 86_400_000]).catch(() => undefined)
    // sent mails may hold a visitor's shared profile: keep them a month for support, then let them go
    db.query(`delete from outbox where sent_at < to_timestamp($1::float8 / 1000)`, [now() - 30 * 86_400_000]).catch(() => undefined)
  }, config.sweepIntervalMs)
  sweeper.unref()

  await app.ready()
  return {
    app,
    ctx,
    presence,
    mail,
    servesApp,
    async close() {
      clearInterval(sweeper)
      await mail.stop()
      await hub.stop()
      await presence.stop()
      await chatHub.stop()
      await app.close()
      await transport.close()
    },
  }
}

/**
 * The built app from the same origin: hashed assets cached for a year, the page and the service worker never
 * cached, and every other path that is not a file (the console's /exhibitor, a deep link) answered with the page.
 * Text goes out in brotli or gzip to a client that asks: the files as the build compressed them (`.br`, `.gz`
 * beside each, see http/compression.ts), the page compressed here.
 */
async function serveBuiltApp(app: FastifyInstance, root: string, sendPage: ReturnType<typeof appPageSender>) {
  installPageCompression(app)
  app.get('/', sendPage)
  app.get('/index.html', sendPage)
  await app.register(fastifyStatic, {
    root,
    wildcard: true,
    index: false,
    // `x.js.br` / `x.js.gz` for `x.js` when Accept-Encoding allows, with Content-Encoding and `Vary: Accept-Encoding`
    preCompressed: true,
    // the plugin's own max-age would apply to the page too
    cacheControl: false,
    setHeaders(reply, path) {
      void reply.header('cache-control', /[\\/]assets[\\/]/.test(path) ? 'public, max-age=31536000, immutable' : 'no-cache')
    },
  })
}
