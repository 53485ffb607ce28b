/** The booking rules as pure functions over a list of bookings; every backend runs them before it writes. */
import { z } from 'zod'
import { bookableWindow, freeSlots } from './slots'
import { dateInZone, isValidTimeZone } from './timeZones'
import {
  VISITOR_ROLES,
  isLive,
  type BookableExhibitor,
  type BookingEvent,
  type BookRequest,
  type Booking,
  type ProfileField,
  type Refusal,
  type Slot,
  type SlotRef,
  type VisitorProfile,
} from './types'

export const BOOKING_LIMITS = {
  /** Upcoming confirmed bookings one visitor may hold with one exhibitor. */
  perExhibitor: 3,
  /** Confirmed bookings one visitor may hold on one of their calendar days. */
  perVisitorDay: 10,
} as const

const optionalText = (value: unknown) => (typeof value === 'string' && value.trim() === '' ? undefined : value)

/** Messages are i18n keys (`booking.profile.<field>.<problem>`), so the form can show them in any language. */
export const visitorProfileSchema = z.object({
  name: z.string('booking.profile.name.required').trim().min(1, 'booking.profile.name.required').max(100, 'booking.profile.name.tooLong'),
  company: z
    .string('booking.profile.company.required')
    .trim()
    .min(1, 'booking.profile.company.required')
    .max(150, 'booking.profile.company.tooLong'),
  email: z
    .string('booking.profile.email.required')
    .trim()
    .min(1, 'booking.profile.email.required')
    .pipe(z.email('booking.profile.email.invalid')),
  phone: z.preprocess(
    optionalText,
    z.string('booking.profile.phone.invalid').trim().regex(/^\+?[0-9 ()-]{6,20}$/, 'booking.profile.phone.invalid').optional(),
  ),
  role: z.enum(VISITOR_ROLES, 'booking.profile.role.required'),
})

/** Every message key the profile form can show, for the i18n catalogue. */
export const PROFILE_MESSAGE_KEYS = [
  'booking.profile.name.required',
  'booking.profile.name.tooLong',
  'booking.profile.company.required',
  'booking.profile.company.tooLong',
  'booking.profile.email.required',
  'booking.profile.email.invalid',
  'booking.profile.phone.invalid',
  'booking.profile.role.required',
] as const

export type ProfileValidation =
  | { ok: true; profile: VisitorProfile }
  | { ok: false; fields: Partial<Record<ProfileField, string>> }

/** Validates the visitor's profile; on failure gives the first message key per field. */
export function validateProfile(input: unknown): ProfileValidation {
  const parsed = visitorProfileSchema.safeParse(input)
  if (parsed.success) return { ok: true, profile: parsed.data }
  const fields: Partial<Record<ProfileField, string>> = {}
  for (const issue of parsed.error.issues) {
    const field = issue.path[0] as ProfileField | undefined
    // a non-object input has no path: blame the first field so the form still points somewhere
    const key = field ?? 'name'
    fields[key] ??= issue.message
  }
  return { ok: false, fields }
}

export const TOPIC_MAX_LENGTH = 500

/** The topic is what the exhibitor prepares for: required, and short enough to read at a glance. */
export function validateTopic(topic: unknown): { ok: true; topic: string } | { ok: false; message: string } {
  const text = typeof topic === 'string' ? topic.trim() : ''
  if (text.length === 0) return { ok: false, message: 'booking.topic.required' }
  if (text.length > TOPIC_MAX_LENGTH) return { ok: false, message: 'booking.topic.tooLong' }
  return { ok: true, topic: text }
}

const overlaps = (a: { start: number; end: number }, b: { start: number; end: number }) => a.start < b.end && b.start < a.end
/** Pending requests and proposals hold the visitor's time and the table just as confirmed meetings do. */
const holdsTime = (b: Booking) => isLive(b.status)

/** The visitor's earliest live booking (requested, proposed or confirmed) overlapping the time, with any exhibitor. */
export function findVisitorClash(
  bookings: readonly Booking[],
  visitorId: string,
  time: { start: number; end: number },
): Booking | undefined {
  return bookings
    .filter((b) => holdsTime(b) && b.visitorId === visitorId && overlaps(b, time))
    .sort((a, b) => a.start - b.start)[0]
}

/** The visitor's upcoming live bookings with one exhibitor; meetings already over do not count. */
export function upcomingWithExhibitor(bookings: readonly Booking[], visitorId: string, exhibitorId: string, now: number): Booking[] {
  return bookings.filter((b) => holdsTime(b) && b.visitorId === visitorId && b.exhibitorId === exhibitorId && b.end > now)
}

/** The visitor's live bookings starting on a calendar day of their zone. */
export function bookingsOnVisitorDay(bookings: readonly Booking[], visitorId: string, day: string, visitorTimeZone: string): Booking[] {
  return bookings.filter((b) => holdsTime(b) && b.visitorId === visitorId && dateInZone(visitorTimeZone, b.start) === day)
}

/** Table ids in natural order, so 'N-2' comes before 'N-10'. */
export function compareTableIds(a: string, b: string): number {
  return a.localeCompare(b, 'en', { numeric: true, sensitivity: 'base' })
}

/** The lowest-numbered negotiation-area table no live booking holds at that time. */
export function lowestFreeTable(
  bookings: readonly Booking[],
  tableIds: readonly string[],
  time: { start: number; end: number },
): string | undefined {
  const busy = new Set(bookings.filter((b) => holdsTime(b) && overlaps(b, time)).map((b) => b.tableId))
  return inTableOrder(tableIds).find((id) => !busy.has(id))
}

const sortedTables = new WeakMap<readonly string[], string[]>()

/** The hall's tables in natural order, sorted once per list (a booking asks on every request). */
function inTableOrder(tableIds: readonly string[]): string[] {
  let sorted = sortedTables.get(tableIds)
  if (!sorted) sortedTables.set(tableIds, (sorted = [...tableIds].sort(compareTableIds)))
  return sorted
}

export interface BookingContext {
  exhibitor: BookableExhibitor | undefined
  event: BookingEvent
  /** Every stored booking, of every visitor: capacity and tables are shared. */
  bookings: readonly Booking[]
  visitorId: string
  now: number
  tableIds: readonly string[]
  /** When rescheduling: the booking being replaced, which must not stand in the way of its successor. */
  replacing?: string
}

export type BookingCheck =
  | { ok: true; slot: Slot; tableId: string; profile: VisitorProfile; topic: string }
  | { ok: false; refusal: Refusal }

const refuse = (refusal: Refusal): BookingCheck => ({ ok: false, refusal })

/**
 * Every rule a new booking must pass, cheapest and most fundamental first, so the visitor hears the reason
 * that matters: who is asking, when, whether the slot exists, then the limits that depend on other bookings.
 */
export function checkBooking(ctx: BookingContext, request: BookRequest): BookingCheck {
  const { exhibitor, now } = ctx
  if (!exhibitor || exhibitor.id !== request.exhibitorId) return refuse({ code: 'unknown-exhibitor', exhibitorId: request.exhibitorId })
  const profile = validateProfile(request.profile)
  if (!profile.ok) return refuse({ code: 'invalid-profile', fields: profile.fields })
  const topic = validateTopic(request.topic)
  if (!topic.ok) return refuse({ code: 'invalid-topic', message: topic.message })
  if (!isValidTimeZone(request.visitorTimeZone)) return refuse({ code: 'invalid-time-zone', timeZone: request.visitorTimeZone })

  if (request.start <= now) return refuse({ code: 'past' })
  const { from: earliestStart } = bookableWindow(now)
  if (request.start < earliestStart) return refuse({ code: 'too-soon', earliestStart })

  const others = ctx.replacing ? ctx.bookings.filter((b) => b.id !== ctx.replacing) : ctx.bookings
  const slot = freeSlots({
    exhibitor,
    event: ctx.event,
    from: request.start,
    to: request.start + 1,
    now,
    bookings: others,
    includeFull: true,
    modes: [request.mode],
  }).find((s) => s.start === request.start && s.end === request.end && s.mode === request.mode)
  if (!slot) return refuse({ code: 'not-a-slot' })

  const clash = findVisitorClash(others, ctx.visitorId, slot)
  if (clash) return refuse({ code: 'visitor-overlap', clash })
  if (slot.tablesLeft <= 0) return refuse({ code: 'slot-full', slot: toRef(slot) })

  const withExhibitor = upcomingWithExhibitor(others, ctx.visitorId, exhibitor.id, now)
  if (withExhibitor.length >= BOOKING_LIMITS.perExhibitor) {
    return refuse({ code: 'exhibitor-limit', limit: BOOKING_LIMITS.perExhibitor, existing: withExhibitor })
  }
  const day = dateInZone(request.visitorTimeZone, slot.start)
  if (bookingsOnVisitorDay(others, ctx.visitorId, day, request.visitorTimeZone).length >= BOOKING_LIMITS.perVisitorDay) {
    return refuse({ code: 'daily-limit', limit: BOOKING_LIMITS.perVisitorDay, day })
  }

  const tableId = lowestFreeTable(others, ctx.tableIds, slot)
  if (!tableId) return refuse({ code: 'no-table' })
  return { ok: true, slot, tableId, profile: profile.profile, topic: topic.topic }
}

const toRef = (slot: SlotRef): SlotRef => ({ exhibitorId: slot.exhibitorId, start: slot.start, end: slot.end, mode: slot.mode })

/** Whether the visitor may cancel (or reschedule) a booking now: it must be theirs, live and not started. */
export function checkCancel(
  bookings: readonly Booking[],
  bookingId: string,
  visitorId: string,
  now: number,
): { ok: true; booking: Booking } | { ok: false; refusal: Refusal } {
  const booking = bookings.find((b) => b.id === bookingId && b.visitorId === visitorId)
  if (!booking) return { ok: false, refusal: { code: 'not-found', bookingId } }
  if (booking.status === 'cancelled') return { ok: false, refusal: { code: 'already-cancelled', booking } }
  if (!isLive(booking.status)) return { ok: false, refusal: { code: 'invalid-state', status: booking.status } }
  if (booking.start <= now) return { ok: false, refusal: { code: 'already-started', booking } }
  return { ok: true, booking }
}

/**
 * Whether the visitor may move a booking to `slot`: as for cancelling, and the slot must be the same exhibitor's,
 * since a reschedule keeps the meeting (topic, consent, the exhibitor's answer) and only changes its time.
 */
export function checkReschedule(
  bookings: readonly Booking[],
  bookingId: string,
  visitorId: string,
  slot: Pick<SlotRef, 'exhibitorId'>,
  now: number,
): { ok: true; booking: Booking } | { ok: false; refusal: Refusal } {
  const old = checkCancel(bookings, bookingId, visitorId, now)
  if (old.ok && slot.exhibitorId !== old.booking.exhibitorId) {
    return { ok: false, refusal: { code: 'other-exhibitor', exhibitorId: old.booking.exhibitorId } }
  }
  return old
}

/** A cancelled booking frees its table and its slot at once: the rules above count live bookings only. */
export function cancelled(booking: Booking, now: number, replacedBy?: string): Booking {
  return { ...booking, status: 'cancelled', cancelledAt: now, cancelledBy: 'visitor', ...(replacedBy ? { replacedBy } : {}) }
}
