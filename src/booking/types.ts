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
  /** Parallel tables still free at this time; 0 only when asked to include full slots. */
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

export type BookingStatus = 'confirmed' | 'cancelled'

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

export type RefusalCode = Refusal['code']

export type BookResult = { ok: true; booking: Booking } | { ok: false; refusal: Refusal }
export type CancelResult = { ok: true; booking: Booking } | { ok: false; refusal: Refusal }
/** On success the old booking is cancelled and replaced in the same write. */
export type RescheduleResult = { ok: true; booking: Booking; previous: Booking } | { ok: false; refusal: Refusal }

export interface SlotRange {
  from: number | Date
  to: number | Date
  visitorTimeZone?: string
}

/** Everything the UI and the store may ask of bookings; every rule lives behind it. */
export interface BookingBackend {
  freeSlots(exhibitorId: string, range: SlotRange): Promise<Slot[]>
  book(request: BookRequest): Promise<BookResult>
  cancel(bookingId: string): Promise<CancelResult>
  /** Atomic: the old booking stays confirmed unless the new slot is confirmed in the same step. */
  reschedule(bookingId: string, newSlot: SlotRef, changes?: { topic?: string; visitorTimeZone?: string }): Promise<RescheduleResult>
  /** This visitor's bookings, confirmed and cancelled, by start time. */
  myBookings(): Promise<Booking[]>
  /** Called with this visitor's bookings after every change, made here or in another tab. */
  subscribe(listener: (bookings: Booking[]) => void): () => void
}
