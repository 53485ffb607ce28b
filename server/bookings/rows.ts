/** Bookings as rows: the columns read (instants as epoch milliseconds) and their mapping to the domain's Booking. */
import type { ConsoleBooking } from '../../src/booking/api'
import type { Booking, BookingStatus, MeetingMode, VisitorProfile } from '../../src/booking/types'
import type { Language } from '../../src/content/schema'

/** Instants cross the boundary as epoch milliseconds (float8 is a plain number in both drivers). */
export const ms = (column: string) => `(extract(epoch from ${column}) * 1000)::float8`
export const at = (param: string) => `to_timestamp(${param}::float8 / 1000)`
export const LIVE = `('requested', 'proposed', 'confirmed')`

export const BOOKING_COLUMNS = `
  id, visitor_id, exhibitor_id, mode, status, table_id, seat, confirmation_code, meeting_url, topic, profile, share_profile,
  visitor_time_zone, exhibitor_time_zone, language, decline_reason, cancel_reason, cancelled_by, proposal_message, replaces, replaced_by,
  ${ms('starts_at')} as start, ${ms('ends_at')} as "end", ${ms('created_at')} as created_at, ${ms('updated_at')} as updated_at,
  ${ms('cancelled_at')} as cancelled_at, ${ms('hold_expires_at')} as hold_expires_at,
  ${ms('original_starts_at')} as original_start, ${ms('original_ends_at')} as original_end`

export interface BookingRow {
  id: string
  visitor_id: string
  exhibitor_id: string
  mode: MeetingMode
  status: BookingStatus
  table_id: string
  seat: number
  confirmation_code: string
  meeting_url: string | null
  topic: string
  profile: VisitorProfile
  share_profile: boolean
  visitor_time_zone: string
  exhibitor_time_zone: string
  language: Language
  decline_reason: string | null
  cancel_reason: string | null
  cancelled_by: 'visitor' | 'exhibitor' | null
  proposal_message: string | null
  replaces: string | null
  replaced_by: string | null
  start: number
  end: number
  created_at: number
  updated_at: number
  cancelled_at: number | null
  hold_expires_at: number | null
  original_start: number | null
  original_end: number | null
}

/** Only the fields that are set, as the domain type has them (optional, never null). */
function optional<T extends object>(fields: { [K in keyof T]?: T[K] | null }): Partial<T> {
  return Object.fromEntries(Object.entries(fields).filter(([, value]) => value !== null)) as Partial<T>
}

/** The booking as its visitor sees it. The hold shows only while the request or proposal is pending. */
export function toBooking(row: BookingRow): Booking {
  const pending = row.status === 'requested' || row.status === 'proposed'
  return {
    id: row.id,
    visitorId: row.visitor_id,
    exhibitorId: row.exhibitor_id,
    start: row.start,
    end: row.end,
    mode: row.mode,
    status: row.status,
    confirmationCode: row.confirmation_code,
    tableId: row.table_id,
    topic: row.topic,
    profile: row.profile,
    visitorTimeZone: row.visitor_time_zone,
    exhibitorTimeZone: row.exhibitor_time_zone,
    createdAt: row.created_at,
    shareProfile: row.share_profile,
    ...optional<Booking>({
      meetingUrl: row.meeting_url ?? null,
      cancelledAt: row.cancelled_at,
      cancelledBy: row.cancelled_by,
      cancelReason: row.cancel_reason,
      declineReason: row.decline_reason,
      holdExpiresAt: pending ? row.hold_expires_at : null,
      originalStart: row.original_start,
      originalEnd: row.original_end,
      proposalMessage: row.proposal_message,
      replaces: row.replaces,
      replacedBy: row.replaced_by,
    }),
  }
}

/** The booking as exhibitor staff see it: the visitor's profile only when the visitor consented to share it. */
export function toConsoleBooking(row: BookingRow): ConsoleBooking {
  const { visitorId: _visitor, profile: _profile, ...rest } = toBooking(row)
  return { ...rest, profile: row.share_profile ? row.profile : null, language: row.language, updatedAt: row.updated_at }
}
