/** The console's calls to the booking server: one typed function per endpoint, every failure as a `ConsoleApiError`. */
import { IDEMPOTENCY_HEADER, type ApiError, type ConsoleBooking, type Overview, type OverviewDay } from '../booking/api'

export type { Overview, OverviewDay }
import type { Refusal, Slot } from '../booking/types'
import type { Availability, Language, LocalizedText } from '../content/schema'
import type { LiveSession, SessionBody } from '../live/sessions'
import type { ScreenSettings, ScreenSourceBody } from '../live/screens'

/** A request that hangs this long is treated as a network failure (and retried with the same key). */
const TIMEOUT_MS = 20_000

export class ConsoleApiError extends Error {
  constructor(
    /** 0 when the server could not be reached. */
    readonly status: number,
    /** The server's code, or `network` when it never answered. */
    readonly code: string,
    message: string,
    readonly refusal?: Refusal,
    readonly fields?: Record<string, string>,
  ) {
    super(message)
  }

  /** The change may or may not have reached the server: retry with the same idempotency key. */
  get uncertain(): boolean {
    return this.status === 0 || this.status >= 500
  }
}

type Method = 'GET' | 'POST' | 'PUT' | 'DELETE'

let onSessionEnded: () => void = () => undefined
/** Called on any 401 of a call that needs a session, so the console can go back to its sign-in screen. */
export function whenSessionEnds(handler: () => void) {
  onSessionEnded = handler
}

async function call<T>(method: Method, path: string, options: { body?: unknown; idempotencyKey?: string; signedIn?: boolean } = {}): Promise<T> {
  const headers: Record<string, string> = { accept: 'application/json' }
  if (options.body !== undefined) headers['content-type'] = 'application/json'
  if (options.idempotencyKey) headers[IDEMPOTENCY_HEADER] = options.idempotencyKey
  let response: Response
  try {
    response = await fetch(path, {
      method,
      headers,
      body: options.body === undefined ? undefined : JSON.stringify(options.body),
      credentials: 'same-origin',
      signal: AbortSignal.timeout(TIMEOUT_MS),
    })
  } catch (error) {
    throw new ConsoleApiError(0, 'network', error instanceof Error ? error.message : 'network failure')
  }
  if (response.status === 204) return undefined as T
  let body: unknown
  try {
    body = await response.json()
  } catch {
    // a proxy's HTML error page, or a connection cut mid-answer
    throw new ConsoleApiError(response.ok ? 0 : response.status, response.ok ? 'network' : 'internal', `unreadable answer (${response.status})`)
  }
  if (!response.ok) {
    const error = (body ?? {}) as Partial<ApiError>
    if (response.status === 401 && options.signedIn !== false) onSessionEnded()
    throw new ConsoleApiError(response.status, error.code ?? 'internal', error.message ?? `HTTP ${response.status}`, error.refusal, error.fields)
  }
  return body as T
}

/** What /api/console/me answers. */
export interface ConsoleMe {
  staff: { id: string; email: string; name: string; language: Language }
  exhibitor: { id: string; name: LocalizedText; zone: string; availability: Availability; packAvailability: Availability; autoAccept: boolean }
}

export interface StaffMember {
  id: string
  email: string
  name: string
  language: Language
  you: boolean
  createdAt: number
}

export type AnswerAction = 'accept' | 'decline' | 'propose' | 'cancel'

export interface TimeRange {
  from: number
  to: number
}

const range = (r: TimeRange) => `from=${Math.round(r.from)}&to=${Math.round(r.to)}`

export const consoleApi = {
  redeem: (token: string) => call<{ kind: 'visitor' | 'staff'; role: 'visitor' | 'exhibitor' | 'organiser' }>('POST', '/api/auth/redeem', { body: { token }, signedIn: false }),
  requestSignInLink: (email: string, language: Language) => call<{ ok: true }>('POST', '/api/auth/staff-link', { body: { email, language }, signedIn: false }),
  signOut: () => call<void>('POST', '/api/auth/sign-out', { body: { kind: 'staff' }, signedIn: false }),
  me: () => call<ConsoleMe>('GET', '/api/console/me'),
  bookings: (r: TimeRange) => call<{ bookings: ConsoleBooking[] }>('GET', `/api/console/bookings?${range(r)}`).then((a) => a.bookings),
  freeSlots: (r: TimeRange) => call<{ slots: Slot[] }>('GET', `/api/console/slots?${range(r)}`).then((a) => a.slots),
  answer: (bookingId: string, action: AnswerAction, body: object, idempotencyKey: string) =>
    call<{ booking: ConsoleBooking }>('POST', `/api/console/bookings/${encodeURIComponent(bookingId)}/${action}`, { body, idempotencyKey }).then((a) => a.booking),
  saveAvailability: (availability: Availability) => call<{ availability: Availability }>('PUT', '/api/console/availability', { body: { availability } }).then((a) => a.availability),
  screen: () => call<ScreenSettings>('GET', '/api/console/screen'),
  saveScreen: (source: ScreenSourceBody) => call<ScreenSettings>('PUT', '/api/console/screen', { body: source }),
  lobbyScreen: () => call<ScreenSettings>('GET', '/api/organiser/screen'),
  saveLobbyScreen: (source: ScreenSourceBody) => call<ScreenSettings>('PUT', '/api/organiser/screen', { body: source }),
  saveSettings: (settings: { autoAccept?: boolean; language?: Language }) => call<{ ok: true }>('PUT', '/api/console/settings', { body: settings }),
  staff: () => call<{ staff: StaffMember[] }>('GET', '/api/console/staff').then((a) => a.staff),
  inviteStaff: (invitation: { email: string; name?: string; language: Language }) => call<{ staffId: string; expiresAt: number }>('POST', '/api/console/staff', { body: invitation }),
  removeStaff: (staffId: string) => call<void>('DELETE', `/api/console/staff/${encodeURIComponent(staffId)}`),
  overview: (r: TimeRange) => call<Overview>('GET', `/api/organiser/overview?${range(r)}`),
  sessions: () => call<{ sessions: LiveSession[] }>('GET', '/api/console/sessions').then((a) => a.sessions),
  createSession: (body: SessionBody, idempotencyKey: string) => call<{ session: LiveSession }>('POST', '/api/console/sessions', { body, idempotencyKey }).then((a) => a.session),
  updateSession: (id: string, body: SessionBody) => call<{ session: LiveSession }>('PUT', `/api/console/sessions/${encodeURIComponent(id)}`, { body }).then((a) => a.session),
  removeSession: (id: string) => call<void>('DELETE', `/api/console/sessions/${encodeURIComponent(id)}`),
}

export const MEETINGS_CSV_URL = '/api/console/meetings.csv'

/**
 * One idempotency key per intended change: a retry of the same change after a network failure reuses it (the
 * server answers the first outcome instead of acting twice); any other change, or a definite answer, starts afresh.
 * Kept outside components so closing and reopening a dialog keeps the key.
 */
const pendingChanges = new Map<string, { signature: string; key: string }>()

export async function performChange<T>(scope: string, signature: string, perform: (idempotencyKey: string) => Promise<T>): Promise<T> {
  const pending = pendingChanges.get(scope)
  const key = pending && pending.signature === signature ? pending.key : crypto.randomUUID()
  pendingChanges.set(scope, { signature, key })
  try {
    const result = await perform(key)
    pendingChanges.delete(scope)
    return result
  } catch (error) {
    if (!(error instanceof ConsoleApiError && error.uncertain)) pendingChanges.delete(scope)
    throw error
  }
}
