/**
 * The booking backend with a server: every rule is decided there; this side sends requests (each change with
 * an idempotency key, retried with the same key), keeps the last known bookings for offline use, and turns the
 * server's event stream into the backend's one event stream.
 */
import { IDEMPOTENCY_HEADER, bookingSchema, type ApiError } from '../../booking/api'
import type {
  BookRequest,
  BookResult,
  Booking,
  BookingBackend,
  BookingBackendEvent,
  CancelResult,
  ConnectionState,
  ProposalResult,
  Refusal,
  RescheduleResult,
  Slot,
  SlotRange,
  SlotRef,
  SlotsResult,
  VisitorAccount,
} from '../../booking/types'
import type { Availability, Language } from '../../content/schema'
import { reconnectDelay } from '../reconnect'
import { notifyListeners } from './notifyListeners'
import type { BookingStorage } from './storage'

export const SERVER_BOOKINGS_KEY = 'cloud-expo:server-bookings'
const CACHE_VERSION = 1
/** A request that has not answered in this time is treated as lost (and retried with its key). */
const REQUEST_TIMEOUT_MS = 12_000
/** Retries of a change after a lost answer, with the same idempotency key: never a second booking. */
const CHANGE_RETRY_DELAYS_MS = [600, 2000]

export interface HttpBookingBackendOptions {
  /** The API's origin; '' for the page's own. */
  baseUrl?: string
  storage: BookingStorage
  language: () => Language
  fetch?: typeof fetch
  createEventSource?: (url: string) => EventSource
  random?: () => number
}

type Answer = { ok: true; status: number; body: any } | { ok: false; refusal: Refusal }

interface CachedBookings {
  version: typeof CACHE_VERSION
  savedAt: number
  bookings: Booking[]
}

export class HttpBookingBackend implements BookingBackend, VisitorAccount {
  readonly kind = 'server'
  readonly account: VisitorAccount = this
  private readonly base: string
  private readonly fetcher: typeof fetch
  private readonly random: () => number
  private readonly listeners = new Set<(event: BookingBackendEvent) => void>()
  private readonly watched = new Map<string, number>()
  private state: ConnectionState = 'connecting'
  private known: Booking[]
  private knownAt: number | null
  private session: Promise<Answer> | null = null
  private stream: EventSource | null = null
  private streamUrl = ''
  private reconnectTimer: ReturnType<typeof setTimeout> | null = null
  private reconnectAttempt = 0
  private watchTimer: ReturnType<typeof setTimeout> | null = null
  private disposed = false
  private readonly onOnline = () => this.connect(true)
  private readonly onOffline = () => this.setState('offline')

  constructor(private readonly options: HttpBookingBackendOptions) {
    this.base = options.baseUrl ?? ''
    this.fetcher = options.fetch ?? ((...args) => globalThis.fetch(...args))
    this.random = options.random ?? Math.random
    const cached = this.readCache()
    this.known = cached?.bookings ?? []
    this.knownAt = cached?.savedAt ?? null
    if (typeof window !== 'undefined') {
      window.addEventListener('online', this.onOnline)
      window.addEventListener('offline', this.onOffline)
    }
  }

  /** When the bookings shown were last confirmed by the server (epoch ms), for "as of …" while offline. */
  lastSynced(): number | null {
    return this.knownAt
  }

  connection(): ConnectionState {
    return this.state
  }

  async freeSlots(exhibitorId: string, range: SlotRange): Promise<SlotsResult> {
    const query = new URLSearchParams({ from: String(Math.floor(range.from)), to: String(Math.ceil(range.to)) })
    if (range.visitorTimeZone) query.set('tz', range.visitorTimeZone)
    const answer = await this.call('GET', `/api/exhibitors/${encodeURIComponent(exhibitorId)}/slots?${query}`)
    if (!answer.ok) return answer
    return { ok: true, slots: answer.body.slots as Slot[], availability: answer.body.availability as Availability, autoAccept: answer.body.autoAccept === true }
  }

  async book(request: BookRequest): Promise<BookResult> {
    const session = await this.ensureSession()
    if (!session.ok) return session
    const result = await this.change('POST', '/api/bookings', {
      exhibitorId: request.exhibitorId,
      start: request.start,
      end: request.end,
      mode: request.mode,
      topic: request.topic,
      profile: request.profile,
      visitorTimeZone: request.visitorTimeZone,
      language: this.options.language(),
      shareProfile: request.shareProfile === true,
    })
    return this.bookingResult(result)
  }

  async cancel(bookingId: string): Promise<CancelResult> {
    return this.bookingResult(await this.change('POST', `/api/bookings/${encodeURIComponent(bookingId)}/cancel`, {}))
  }

  async reschedule(bookingId: string, newSlot: SlotRef, changes: { visitorTimeZone?: string } = {}): Promise<RescheduleResult> {
    const answer = await this.change('POST', `/api/bookings/${encodeURIComponent(bookingId)}/reschedule`, {
      exhibitorId: newSlot.exhibitorId,
      start: newSlot.start,
      end: newSlot.end,
      mode: newSlot.mode,
      ...(changes.visitorTimeZone ? { visitorTimeZone: changes.visitorTimeZone } : {}),
    })
    if (!answer.ok) return answer
    const booking = bookingSchema.safeParse(answer.body.booking)
    const previous = bookingSchema.safeParse(answer.body.previous)
    if (!booking.success || !previous.success) return { ok: false, refusal: { code: 'unavailable', reason: 'server', retryable: true } }
    await this.refresh()
    return { ok: true, booking: booking.data, previous: previous.data }
  }

  async answerProposal(bookingId: string, accept: boolean): Promise<ProposalResult> {
    return this.bookingResult(await this.change('POST', `/api/bookings/${encodeURIComponent(bookingId)}/answer`, { accept }))
  }

  /** Stops sharing the visitor's profile with the exhibitor of this booking. */
  async withdrawConsent(bookingId: string): Promise<ProposalResult> {
    return this.bookingResult(await this.change('POST', `/api/bookings/${encodeURIComponent(bookingId)}/consent`, { shareProfile: false }))
  }

  /** The server's bookings of this visitor; without a connection, the last known ones. */
  async myBookings(): Promise<Booking[]> {
    await this.refresh()
    return this.known
  }

  watchSlots(exhibitorIds: readonly string[]): () => void {
    for (const id of exhibitorIds) this.watched.set(id, (this.watched.get(id) ?? 0) + 1)
    this.rewatchSoon()
    return () => {
      for (const id of exhibitorIds) {
        const count = (this.watched.get(id) ?? 1) - 1
        if (count > 0) this.watched.set(id, count)
        else this.watched.delete(id)
      }
      this.rewatchSoon()
    }
  }

  subscribe(listener: (event: BookingBackendEvent) => void): () => void {
    this.listeners.add(listener)
    if (!this.stream && !this.reconnectTimer) this.connect(false)
    return () => {
      this.listeners.delete(listener)
    }
  }

  dispose(): void {
    this.disposed = true
    this.listeners.clear()
    this.closeStream()
    if (this.reconnectTimer) clearTimeout(this.reconnectTimer)
    if (this.watchTimer) clearTimeout(this.watchTimer)
    if (typeof window !== 'undefined') {
      window.removeEventListener('online', this.onOnline)
      window.removeEventListener('offline', this.onOffline)
    }
  }

  // — the visitor's account —

  async privateLink() {
    const session = await this.ensureSession()
    if (!session.ok) return session
    const answer = await this.call('POST', '/api/me/private-link', {})
    return answer.ok ? { ok: true as const, url: String(answer.body.url) } : answer
  }

  async mailSignInLink(email: string) {
    const answer = await this.call('POST', '/api/auth/visitor-link', { email, language: this.options.language() })
    return answer.ok ? { ok: true as const } : answer
  }

  async redeem(token: string) {
    const answer = await this.call('POST', '/api/auth/redeem', { token })
    if (!answer.ok) return answer
    this.session = Promise.resolve(answer)
    // the stream must carry the new session's cookie
    this.connect(true)
    await this.refresh()
    return { ok: true as const }
  }

  // — internals —

  private emit(event: BookingBackendEvent) {
    notifyListeners(this.listeners, event)
  }

  private setState(state: ConnectionState) {
    if (this.state === state) return
    this.state = state
    this.emit({ type: 'connection', state })
  }

  /** For the booth chat, which needs the same visitor session as bookings: whether one exists (made if needed). */
  async ensureVisitorSession(): Promise<boolean> {
    return (await this.ensureSession()).ok
  }

  /** A visitor session exists before the first change, so that a retried booking is the same visitor's. */
  private ensureSession(): Promise<Answer> {
    if (!this.session) {
      this.session = this.call('POST', '/api/visitor', { language: this.options.language() }).then((answer) => {
        if (!answer.ok) this.session = null
        // the stream opened without a session hears nothing of this visitor's bookings
        else if (this.stream) this.connect(true)
        return answer
      })
    }
    return this.session
  }

  private async bookingResult(answer: Answer): Promise<{ ok: true; booking: Booking } | { ok: false; refusal: Refusal }> {
    if (!answer.ok) return answer
    const booking = bookingSchema.safeParse(answer.body.booking)
    if (!booking.success) return { ok: false, refusal: { code: 'unavailable', reason: 'server', retryable: true } }
    await this.refresh()
    return { ok: true, booking: booking.data }
  }

  /** Fetches this visitor's bookings; on success they become the last known ones and listeners hear of them. */
  private async refresh(): Promise<void> {
    const answer = await this.call('GET', '/api/me/bookings')
    if (!answer.ok) return
    const parsed = bookingSchema.array().safeParse(answer.body.bookings)
    if (!parsed.success) return
    this.known = parsed.data
    this.knownAt = Date.now()
    this.writeCache()
    this.emit({ type: 'my-bookings', bookings: this.known })
  }

  /** A change, sent with one idempotency key and retried with the same key while its answer is lost. */
  private async change(method: 'POST', path: string, body: unknown): Promise<Answer> {
    const key = newIdempotencyKey()
    let answer = await this.call(method, path, body, key)
    for (const delay of CHANGE_RETRY_DELAYS_MS) {
      if (answer.ok || answer.refusal.code !== 'unavailable' || answer.refusal.reason === 'offline') break
      await new Promise((resolve) => setTimeout(resolve, delay))
      answer = await this.call(method, path, body, key)
    }
    return answer
  }

  /** One request; every failure becomes a typed refusal (never a throw). */
  private async call(method: 'GET' | 'POST', path: string, body?: unknown, key?: string): Promise<Answer> {
    const headers: Record<string, string> = { accept: 'application/json' }
    if (body !== undefined) headers['content-type'] = 'application/json'
    if (key) headers[IDEMPOTENCY_HEADER] = key
    let response: Response
    try {
      response = await this.fetcher(`${this.base}${path}`, {
        method,
        headers,
        body: body === undefined ? undefined : JSON.stringify(body),
        credentials: 'same-origin',
        signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
      })
    } catch (error) {
      const offline = typeof navigator !== 'undefined' && navigator.onLine === false
      const timeout = error instanceof DOMException && error.name === 'TimeoutError'
      if (offline || !timeout) this.setState('offline')
      return { ok: false, refusal: { code: 'unavailable', reason: offline ? 'offline' : timeout ? 'timeout' : 'server', retryable: true } }
    }
    let parsed: any = null
    try {
      parsed = await response.json()
    } catch {
      // a proxy's HTML error page, or a body cut off
    }
    if (response.ok && parsed !== null) {
      if (this.state === 'offline') this.connect(true)
      return { ok: true, status: response.status, body: parsed }
    }
    const error = (parsed ?? {}) as Partial<ApiError>
    if (error.refusal) return { ok: false, refusal: error.refusal }
    if (response.status === 401) return { ok: false, refusal: { code: 'unauthorised' } }
    if (response.status === 429) return { ok: false, refusal: { code: 'rate-limited', retryAfterSeconds: Number(response.headers.get('retry-after')) || 60 } }
    if (response.status === 404 && error.code) return { ok: false, refusal: { code: 'not-found', bookingId: '' } }
    if (response.status >= 400 && response.status < 500) return { ok: false, refusal: { code: 'bad-request', message: error.code ?? String(response.status) } }
    return { ok: false, refusal: { code: 'unavailable', reason: 'server', retryable: true } }
  }

  private rewatchSoon() {
    if (this.watchTimer) clearTimeout(this.watchTimer)
    // a picker opening right after a panel: one reconnection, not two
    this.watchTimer = setTimeout(() => {
      this.watchTimer = null
      if (this.listeners.size > 0 && this.eventsUrl() !== this.streamUrl) this.connect(true)
    }, 50)
  }

  private eventsUrl(): string {
    const watch = [...this.watched.keys()].sort().join(',')
    return `${this.base}/api/events${watch ? `?watch=${encodeURIComponent(watch)}` : ''}`
  }

  private closeStream() {
    this.stream?.close()
    this.stream = null
    this.streamUrl = ''
  }

  /** Opens the event stream; after an error it comes back with jittered exponential back-off, so a restarted server is not stormed. */
  private connect(now: boolean) {
    if (this.disposed) return
    if (this.reconnectTimer) {
      clearTimeout(this.reconnectTimer)
      this.reconnectTimer = null
    }
    if (!now && this.stream) return
    this.closeStream()
    const create = this.options.createEventSource ?? ((url: string) => new EventSource(url, { withCredentials: true }))
    let stream: EventSource
    try {
      stream = create((this.streamUrl = this.eventsUrl()))
    } catch {
      this.scheduleReconnect()
      return
    }
    this.stream = stream
    if (this.state !== 'online') this.setState('connecting')
    stream.addEventListener('ready', () => {
      this.reconnectAttempt = 0
      this.setState('online')
      // anything may have changed while the stream was down
      void this.refresh()
      for (const exhibitorId of this.watched.keys()) this.emit({ type: 'slots-changed', exhibitorId })
      this.emit({ type: 'programme-changed' })
      this.emit({ type: 'screens-changed' })
    })
    stream.addEventListener('bookings', () => void this.refresh())
    stream.addEventListener('sessions', () => this.emit({ type: 'programme-changed' }))
    stream.addEventListener('screens', () => this.emit({ type: 'screens-changed' }))
    stream.addEventListener('slots', (event) => {
      try {
        const { exhibitorId } = JSON.parse((event as MessageEvent).data) as { exhibitorId: string }
        if (this.watched.has(exhibitorId)) this.emit({ type: 'slots-changed', exhibitorId })
      } catch {
        // a malformed event changes nothing
      }
    })
    stream.onerror = () => {
      if (this.stream !== stream) return
      this.closeStream()
      this.setState('offline')
      this.scheduleReconnect()
    }
  }

  private scheduleReconnect() {
    const delay = reconnectDelay(this.reconnectAttempt++, this.random)
    this.reconnectTimer = setTimeout(() => {
      this.reconnectTimer = null
      this.connect(true)
    }, delay)
  }

  private readCache(): CachedBookings | null {
    try {
      const raw = this.options.storage.getItem(SERVER_BOOKINGS_KEY)
      if (!raw) return null
      const value = JSON.parse(raw) as CachedBookings
      // a newer app's cache is left alone; an unreadable one is only a cache: the server has the truth
      if (value?.version !== CACHE_VERSION) return null
      const bookings = bookingSchema.array().safeParse(value.bookings)
      return bookings.success && typeof value.savedAt === 'number' ? { version: CACHE_VERSION, savedAt: value.savedAt, bookings: bookings.data } : null
    } catch {
      return null
    }
  }

  private writeCache() {
    try {
      if (storedVersion(this.options.storage.getItem(SERVER_BOOKINGS_KEY)) > CACHE_VERSION) return
      this.options.storage.setItem(SERVER_BOOKINGS_KEY, JSON.stringify({ version: CACHE_VERSION, savedAt: this.knownAt, bookings: this.known }))
    } catch {
      // a full or disabled storage only costs the offline copy
    }
  }
}

/** The version of a stored cache; 0 when there is none or it is unreadable (a cache the server can always refill). */
function storedVersion(raw: string | null): number {
  try {
    const version = raw ? (JSON.parse(raw) as { version?: unknown }).version : 0
    return typeof version === 'number' ? version : 0
  } catch {
    return 0
  }
}

function newIdempotencyKey(): string {
  const crypto = globalThis.crypto
  if (typeof crypto.randomUUID === 'function') return crypto.randomUUID()
  return [...crypto.getRandomValues(new Uint8Array(16))].map((b) => b.toString(16).padStart(2, '0')).join('')
}
