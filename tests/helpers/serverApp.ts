/** The booking server for tests: built over a fresh database (in-memory PGlite, or a PostgreSQL URL), and a client with cookies. */
import { randomUUID } from 'node:crypto'
import type { FastifyInstance } from 'fastify'
import { buildApp, type AppOptions, type BuiltApp } from '../../server/app'
import { readConfig, type ServerConfig } from '../../server/config'
import { loadServerContent, type ServerContent } from '../../server/content'
import { openDatabase, type Database } from '../../server/db/database'
import { migrate } from '../../server/db/migrate'
import type { MailTransport } from '../../server/mail/transport'

export interface TestApp extends BuiltApp {
  db: Database
  content: ServerContent
  stop(): Promise<void>
}

let content: ServerContent | undefined
export const testContent = () => (content ??= loadServerContent())

export async function startTestApp(
  options: {
    databaseUrl?: string
    now?: () => number
    config?: Partial<ServerConfig>
    transport?: MailTransport
    content?: ServerContent
    presence?: AppOptions['presence']
  } = {},
): Promise<TestApp> {
  const db = await openDatabase({ databaseUrl: options.databaseUrl, dataDir: 'memory://' })
  await migrate(db)
  const config: ServerConfig = {
    ...readConfig({ DATA_DIR: 'memory://', STATIC_DIR: '', LOG_LEVEL: 'silent', PORT: '8787' }),
    ...options.config,
  }
  const content = options.content ?? testContent()
  const built = await buildApp({ config, db, content, now: options.now, transport: options.transport, presence: options.presence })
  return {
    ...built,
    db,
    content,
    async stop() {
      await built.close()
      await db.close()
    },
  }
}

export interface Answer<T = any> {
  status: number
  body: T
  headers: Record<string, string | string[] | undefined>
}

/**
 * One browser as far as the server can tell: its cookies, and requests shaped as the app sends them (JSON,
 * an Idempotency-Key on every change). Works over `inject()` or a real address.
 */
export class TestClient {
  readonly cookies = new Map<string, string>()

  constructor(private readonly target: FastifyInstance | string) {}

  private cookieHeader(): string | undefined {
    return this.cookies.size ? [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ') : undefined
  }

  private remember(setCookie: string | string[] | undefined) {
    for (const line of Array.isArray(setCookie) ? setCookie : setCookie ? [setCookie] : []) {
      const [pair] = line.split(';')
      const [name, ...value] = pair.split('=')
      if (/Max-Age=0|Expires=Thu, 01 Jan 1970/i.test(line) || value.join('=') === '') this.cookies.delete(name.trim())
      else this.cookies.set(name.trim(), value.join('='))
    }
  }

  async request<T = any>(
    method: 'GET' | 'POST' | 'PUT' | 'DELETE',
    url: string,
    options: { body?: unknown; key?: string | null; headers?: Record<string, string>; raw?: string } = {},
  ): Promise<Answer<T>> {
    const headers: Record<string, string> = { ...options.headers }
    const cookie = this.cookieHeader()
    if (cookie) headers.cookie = cookie
    const payload = options.raw ?? (options.body === undefined ? (method === 'GET' || method === 'DELETE' ? undefined : '{}') : JSON.stringify(options.body))
    if (payload !== undefined && !('content-type' in headers)) headers['content-type'] = 'application/json'
    if (method !== 'GET' && options.key !== null) headers['idempotency-key'] = options.key ?? randomUUID()
    if (typeof this.target === 'string') {
      const response = await fetch(`${this.target}${url}`, { method, headers, body: payload })
      const text = await response.text()
      const responseHeaders = Object.fromEntries(response.headers)
      this.remember(response.headers.getSetCookie())
      return { status: response.status, body: parse(text), headers: responseHeaders }
    }
    const response = await this.target.inject({ method, url, headers, payload })
    this.remember(response.headers['set-cookie'] as string | string[] | undefined)
    return { status: response.statusCode, body: parse(response.body), headers: response.headers as Answer['headers'] }
  }

  get = <T = any>(url: string) => this.request<T>('GET', url)
  post = <T = any>(url: string, body?: unknown, options: { key?: string | null; headers?: Record<string, string> } = {}) =>
    this.request<T>('POST', url, { body, ...options })

  /** A visitor session, as the app starts one before its first booking. */
  async startVisitor(language = 'en'): Promise<void> {
    const answer = await this.post('/api/visitor', { language })
    if (answer.status !== 200) throw new Error(`visitor session: ${answer.status} ${JSON.stringify(answer.body)}`)
  }
}

function parse(text: string): any {
  try {
    return JSON.parse(text)
  } catch {
    return text
  }
}

/** Staff of an exhibitor (or an organiser, for null) signed in through their invitation's link: a client holding their session. */
export async function signedInStaffClient(server: TestApp, exhibitorId: string | null, staff: { name?: string } = {}): Promise<TestClient> {
  const email = `s-${Math.random().toString(36).slice(2)}@example.com`
  const invitation = await server.ctx.signIn.inviteStaff({ exhibitorId, email, ...staff, language: 'en' })
  const client = new TestClient(server.app)
  const redeemed = await client.post('/api/auth/redeem', { token: new URL(invitation.link).searchParams.get('signin') }, { key: null })
  if (redeemed.status !== 200) throw new Error(`staff sign-in: ${redeemed.status} ${JSON.stringify(redeemed.body)}`)
  return client
}

export const PROFILE = { name: 'Anna Schmidt', company: 'Schmidt Antriebe GmbH', email: 'anna@example.com', phone: '+49 30 1234567', role: 'buyer' }

/** A booking body for a slot as the app sends it. */
export function bookingBody(slot: { exhibitorId: string; start: number; end: number; mode: string }, overrides: Record<string, unknown> = {}) {
  return {
    exhibitorId: slot.exhibitorId,
    start: slot.start,
    end: slot.end,
    mode: slot.mode,
    topic: 'Sourcing battery cells',
    profile: PROFILE,
    visitorTimeZone: 'Europe/Berlin',
    language: 'en',
    shareProfile: false,
    ...overrides,
  }
}
