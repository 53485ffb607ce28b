/** The booking domain's shared vocabulary: slots, bookings, refusals and the backend seam a server can later fill. */
import type { Availability, Exhibitor, ExpoEvent } from '../content/schema'

export type MeetingMode = Availability['modes'][number]

/** What booking needs of an exhibitor and of the event; the full content types fit. */
export type BookableExhibitor = Pick<Exhibitor, 'id' | 'availability'>
export type BookingEvent = Pick<ExpoEvent, 'startDate' | 'endDate' | 'annualOpeningDay' | 'timeZone'>

export const VISITOR_ROLES = ['buyer', 'investor', 'media', 'other'] as const
export type VisitorRole = (typeof VISITOR_ROLES)[number]

export interface VisitorProfile {
  name: string
  company: string
  email: string
  phone?: string
  role: VisitorRole
}

/** What identifies a slot: the exhibitor, its absolute start and end, and how the meeting is held. */
export interface SlotRef {
  exhibitorId: string
  /** Epoch milliseconds. */
  start: number
  end: number
  mode: MeetingMode
}

export interface Slot extends SlotRef {
  /** Stable across recomputation: `<exhibitorId>/<mode>/<start>`. */
  id: string
  /** Parallel tables less the peak of live bookings at one instant of [start, end) (back-to-back ones share a table); 0 only when asked to include full slots. */
  tablesLeft: number
  /** The exhibitor's parallel tables. */
  tables: number
  /**
   * The zone whose wall clock the slot was cut in: the exhibitor's office zone online, the venue's zone
   * on site (staff at the venue keep the venue's hours).
   */
  timeZone: string
  /** 'YYYY-MM-DD HH:mm' in `timeZone`. */
  exhibitorLocal: string
  /** 'YYYY-MM-DD HH:mm' in the visitor's zone, when one was given. */
  visitorLocal?: string
}

/**
 * Where a booking stands. The local (demo) backend confirms at once; with the server a request waits for the
 * exhibitor, who accepts, declines or proposes another time, and an unanswered request expires.
 */
export const BOOKING_STATUSES = ['requested', 'proposed', 'confirmed', 'declined', 'cancelled', 'expired'] as const
export type BookingStatus = (typeof BOOKING_STATUSES)[number]

/** The statuses that hold a table and the exhibitor's time: a pending request or proposal holds it until it expires. */
export const LIVE_STATUSES = ['requested', 'proposed', 'confirmed'] as const satisfies readonly BookingStatus[]
export type LiveStatus = (typeof LIVE_STATUSES)[number]

export function isLive(status: BookingStatus): status is LiveStatus {
  return status === 'requested' || status === 'proposed' || status === 'confirmed'
}

export interface Booking extends SlotRef {
  id: string
  /** Who holds it; the local backend keeps one visitor per browser profile. */
  visitorId: string
  status: BookingStatus
  /** Short code of unambiguous characters the visitor can read out. */
  confirmationCode: string
  /** The negotiation-area table the meeting is held at (online meetings too: the hall's video tables). */
  tableId: string
  /** Video-meeting link, online meetings only. */
  meetingUrl?: string
  topic: string
  profile: VisitorProfile
  /** The zone the visitor booked from: their day for the daily limit, and the first time shown. */
  visitorTimeZone: string
  /** The slot's `timeZone`: the exhibitor's wall clock for this meeting. */
  exhibitorTimeZone: string
  createdAt: number
  cancelledAt?: number
  /** Who cancelled: the visitor, or the exhibitor (with `cancelReason`). */
  cancelledBy?: 'visitor' | 'exhibitor'
  cancelReason?: string
  /** Why the exhibitor declined. */
  declineReason?: string
  /** A request or proposal holds its table until then (epoch ms), then expires. */
  holdExpiresAt?: number
  /** When the exhibitor proposed another time: the time the visitor first asked for. */
  originalStart?: number
  originalEnd?: number
  /** What the exhibitor's staff wrote with the time they proposed. */
  proposalMessage?: string
  /** The visitor agreed that the exhibitor may see their profile for this meeting. */
  shareProfile?: boolean
  /** Reschedule chain: the booking this one replaced, and the one that replaced this. */
  replaces?: string
  replacedBy?: string
}

/** The parts of a booking the slot and capacity arithmetic needs. */
export type BookingLike = Pick<Booking, 'exhibitorId' | 'start' | 'end' | 'status'>

export interface BookRequest extends SlotRef {
  topic: string
  profile: VisitorProfile
  visitorTimeZone: string
  /** Separate, explicit consent to show the profile to this exhibitor (PIPL art. 23, GDPR art. 6(1)(a)); off unless given. */
  shareProfile?: boolean
}

export type ProfileField = keyof VisitorProfile

/** Why a booking, cancellation or reschedule was refused; `code` is the i18n key suffix (`booking.refusal.<code>`). */
export type Refusal =
  | { code: 'slot-full'; slot: SlotRef }
  | { code: 'visitor-overlap'; clash: Booking }
  | { code: 'exhibitor-limit'; limit: number; existing: Booking[] }
  | { code: 'daily-limit'; limit: number; day: string }
  | { code: 'not-a-slot' }
  | { code: 'too-soon'; earliestStart: number }
  | { code: 'past' }
  | { code: 'invalid-profile'; fields: Partial<Record<ProfileField, string>> }
  | { code: 'invalid-topic'; message: string }
  | { code: 'invalid-time-zone'; timeZone: string }
  | { code: 'unknown-exhibitor'; exhibitorId: string }
  | { code: 'no-table' }
  | { code: 'not-found'; bookingId: string }
  | { code: 'already-cancelled'; booking: Booking }
  | { code: 'already-started'; booking: Booking }
  | { code: 'storage-full' }
  | { code: 'storage-unavailable'; reason: string }
  /** The booking server cannot be reached now (offline, timed out, restarting): nothing changed, try again later. */
  | { code: 'unavailable'; reason: 'offline' | 'timeout' | 'server'; retryable: true }
  /** No valid session for this action (signed out, or the link expired). */
  | { code: 'unauthorised' }
  /** Told to exhibitor staff instead of the visitor's own clash or limits: the visitor cannot meet then. */
  | { code: 'visitor-busy' }
  /** The booking is not in a state that allows this (e.g. accepting a request that has expired). */
  | { code: 'invalid-state'; status: BookingStatus }
  /** A reschedule keeps its exhibitor: the new slot is another exhibitor's (`exhibitorId` is the booking's own). */
  | { code: 'other-exhibitor'; exhibitorId: string }
  /** The request itself was malformed (a client bug or tampering); `message` says what. */
  | { code: 'bad-request'; message: string }
  /** Too many requests in a short time; `retryAfterSeconds` says when to try again. */
  | { code: 'rate-limited'; retryAfterSeconds: number }

export type RefusalCode = Refusal['code']

export type BookResult = { ok: true; booking: Booking } | { ok: false; refusal: Refusal }
export type CancelResult = { ok: true; booking: Booking } | { ok: false; refusal: Refusal }
/** On success the old booking is cancelled and replaced in the same write. */
export type RescheduleResult = { ok: true; booking: Booking; previous: Booking } | { ok: false; refusal: Refusal }

export type ProposalResult = { ok: true; booking: Booking } | { ok: false; refusal: Refusal }
/** Free slots, and with a server the exhibitor's current hours (staff may have changed the catalogue's). */
export type SlotsResult = { ok: true; slots: Slot[]; availability?: Availability; autoAccept?: boolean } | { ok: false; refusal: Refusal }

/** What a visitor can do with their account on a server: open the agenda on another device. */
export interface VisitorAccount {
  /** A new private link to this agenda (the previous one stops working). */
  privateLink(): Promise<{ ok: true; url: string } | { ok: false; refusal: Refusal }>
  /** Mails a single-use sign-in link to the address the visitor booked with. */
  mailSignInLink(email: string): Promise<{ ok: true } | { ok: false; refusal: Refusal }>
  /** Opens a sign-in or private link on this device. */
  redeem(token: string): Promise<{ ok: true } | { ok: false; refusal: Refusal }>
}

/** Epoch milliseconds: times cross every boundary (storage, network, workers) as numbers, never as Date. */
export interface SlotRange {
  from: number
  to: number
  visitorTimeZone?: string
}

/**
 * How the backend is connected: `local` keeps bookings on this device (demo, no server); with a server,
 * `connecting`, `online`, or `offline` (the agenda shows the last known state; booking waits).
 */
export type ConnectionState = 'local' | 'connecting' | 'online' | 'offline'

/** The one event stream of a backend: this visitor's bookings changed, an exhibitor's free slots changed, or the connection. */
export type BookingBackendEvent =
  | { type: 'my-bookings'; bookings: Booking[] }
  | { type: 'slots-changed'; exhibitorId: string }
  | { type: 'connection'; state: ConnectionState }
  /** The server's programme of live sessions changed (or may have, after a reconnection): fetch it again. */
  | { type: 'programme-changed' }
  /** A live screen's stream or video was set or cleared (or may have been, after a reconnection): fetch the list again. */
  | { type: 'screens-changed' }

/** Everything the UI and the store may ask of bookings; every rule lives behind it. */
export interface BookingBackend {
  readonly kind: 'local' | 'server'
  freeSlots(exhibitorId: string, range: SlotRange): Promise<SlotsResult>
  book(request: BookRequest): Promise<BookResult>
  cancel(bookingId: string): Promise<CancelResult>
  /** Atomic: the old booking stays as it is unless the new slot is taken in the same step. */
  reschedule(bookingId: string, newSlot: SlotRef, changes?: { topic?: string; visitorTimeZone?: string }): Promise<RescheduleResult>
  /** The visitor's answer to a time the exhibitor proposed instead. */
  answerProposal(bookingId: string, accept: boolean): Promise<ProposalResult>
  /** Stops sharing the visitor's profile with the exhibitor of that booking. */
  withdrawConsent(bookingId: string): Promise<ProposalResult>
  /** With a server: the visitor's account (other devices); absent when bookings stay on this device. */
  readonly account?: VisitorAccount
  /** This visitor's bookings in every state, by start time; with a server and no connection, the last known ones. */
  myBookings(): Promise<Booking[]>
  /** Asks for `slots-changed` events of these exhibitors (an open picker or panel); the returned function stops. */
  watchSlots(exhibitorIds: readonly string[]): () => void
  /** Every change, made here, in another tab, on another device or by the exhibitor. */
  subscribe(listener: (event: BookingBackendEvent) => void): () => void
  /** The connection state now (events tell of changes). */
  connection(): ConnectionState
  /** With a server: when the bookings shown were last confirmed by it (epoch ms), for "as of …" while offline. */
  lastSynced?(): number | null
  /** Stops timers, streams and storage listeners. */
  dispose(): void
}
