/** The inbox's order, as plain functions over bookings: what waits for an answer, what waits for the visitor, what was answered. */
import type { ConsoleBooking } from '../booking/api'
import type { BookingStatus } from '../booking/types'

/** Answers older than this leave the inbox (the calendar and the CSV keep them). */
export const RECENT_DAYS = 14
const DAY = 86_400_000

export interface InboxSections {
  /** Requests the exhibitor has to answer, the one whose hold runs out first on top. */
  waiting: ConsoleBooking[]
  /** Times the exhibitor proposed, waiting for the visitor. */
  proposed: ConsoleBooking[]
  /** Everything answered (or run out) lately, the latest first. */
  recent: ConsoleBooking[]
}

/** A pending request or proposal whose hold has run out is expired, even before the server's sweeper has said so. */
export function effectiveStatus(booking: Pick<ConsoleBooking, 'status' | 'holdExpiresAt'>, now: number): BookingStatus {
  const pending = booking.status === 'requested' || booking.status === 'proposed'
  if (pending && booking.holdExpiresAt !== undefined && booking.holdExpiresAt <= now) return 'expired'
  return booking.status
}

const holdOrder = (a: ConsoleBooking, b: ConsoleBooking) => (a.holdExpiresAt ?? a.start) - (b.holdExpiresAt ?? b.start) || a.start - b.start

export function inboxSections(bookings: readonly ConsoleBooking[], now: number): InboxSections {
  const waiting: ConsoleBooking[] = []
  const proposed: ConsoleBooking[] = []
  const recent: ConsoleBooking[] = []
  for (const booking of bookings) {
    const status = effectiveStatus(booking, now)
    if (status === 'requested') waiting.push(booking)
    else if (status === 'proposed') proposed.push(booking)
    else if ((booking.updatedAt ?? booking.createdAt) >= now - RECENT_DAYS * DAY) recent.push(booking)
  }
  waiting.sort(holdOrder)
  proposed.sort(holdOrder)
  recent.sort((a, b) => b.updatedAt - a.updatedAt || a.start - b.start)
  return { waiting, proposed, recent }
}

/** The badge's number: requests waiting for an answer. */
export function waitingCount(bookings: readonly ConsoleBooking[], now: number): number {
  return bookings.filter((b) => effectiveStatus(b, now) === 'requested').length
}

/** Requests in `next` that were not waiting in `previous`: what to announce after a refresh. */
export function newRequests(previous: readonly ConsoleBooking[], next: readonly ConsoleBooking[], now: number): ConsoleBooking[] {
  const known = new Set(previous.map((b) => b.id))
  return next.filter((b) => !known.has(b.id) && effectiveStatus(b, now) === 'requested')
}

/** The range the inbox asks for: recent answers behind, the whole bookable window (28 days) ahead. */
export function inboxRange(now: number): { from: number; to: number } {
  return { from: now - RECENT_DAYS * DAY, to: now + 29 * DAY }
}
