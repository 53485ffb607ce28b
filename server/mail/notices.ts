/** What the booking service asks of mail: a notice queued in the same transaction as the change it tells of. */
import type { Language } from '../../src/content/schema'
import type { Queryable } from '../db/database'
import type { BookingRow } from '../bookings/rows'

/** Every change a visitor or the exhibitor's staff hear of by mail (and in the app, through the live stream). */
export type BookingNoticeKind =
  /** A visitor asked for a meeting: staff are told; the visitor gets a receipt. */
  | 'requested'
  /** Confirmed at once (auto-accept): both are told, the visitor with the calendar file. */
  | 'auto-confirmed'
  /** Staff accepted a request, or the visitor accepted a proposed time. */
  | 'confirmed'
  | 'declined'
  /** Staff proposed another time: the visitor is asked to accept or decline it. */
  | 'proposed'
  | 'proposal-declined'
  | 'cancelled-by-visitor'
  | 'cancelled-by-exhibitor'
  /** Nobody answered in time: the hold ran out and the table is free again. */
  | 'expired'

export type SignInMailKind = 'visitor-sign-in' | 'staff-invitation' | 'organiser-invitation' | 'staff-sign-in'

export interface Notices {
  booking(tx: Queryable, kind: BookingNoticeKind, booking: BookingRow): Promise<void>
  signInLink(tx: Queryable, mail: { kind: SignInMailKind; to: string; language: Language; link: string; exhibitorId?: string; expiresAt: number | null }): Promise<void>
}
