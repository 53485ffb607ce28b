/**
 * What the visitor has already seen of each booking (its status when the agenda was last open), kept in this
 * browser: a booking whose status changed since, by the exhibitor or by time, is news and badges the agenda.
 */
import { BOOKING_STATUSES, type Booking, type BookingStatus } from '../booking/types'

const KEY = 'cloud-expo:agenda-seen'
const VERSION = 1

export type SeenStatuses = Record<string, BookingStatus>

export function readAgendaSeen(): SeenStatuses | null {
  try {
    const raw = localStorage.getItem(KEY)
    if (!raw) return null
    const value = JSON.parse(raw) as { version?: unknown; seen?: unknown }
    // a newer app's record is read as nothing seen here, and never written over (see writeAgendaSeen)
    if (value.version !== VERSION || typeof value.seen !== 'object' || value.seen === null) return null
    // checked on read: only booking ids with statuses this app knows count as seen
    const known = new Set<unknown>(BOOKING_STATUSES)
    return Object.fromEntries(Object.entries(value.seen).filter(([, status]) => known.has(status))) as SeenStatuses
  } catch {
    return null
  }
}

export function writeAgendaSeen(seen: SeenStatuses): void {
  try {
    const raw = localStorage.getItem(KEY)
    const version = raw ? (JSON.parse(raw) as { version?: unknown }).version : undefined
    if (typeof version === 'number' && version > VERSION) return
    localStorage.setItem(KEY, JSON.stringify({ version: VERSION, seen }))
  } catch {
    // without storage the badge only forgets between visits
  }
}

/** Statuses the visitor did not cause and should hear about. */
export function isNews(booking: Booking, seen: SeenStatuses): boolean {
  const before = seen[booking.id]
  if (before === booking.status) return false
  switch (booking.status) {
    case 'confirmed':
    case 'declined':
    case 'proposed':
    case 'expired':
      return true
    case 'cancelled':
      return booking.cancelledBy === 'exhibitor'
    default:
      return false
  }
}

export function seenNow(bookings: readonly Booking[], seen: SeenStatuses): SeenStatuses {
  const next = { ...seen }
  for (const b of bookings) next[b.id] = b.status
  return next
}
