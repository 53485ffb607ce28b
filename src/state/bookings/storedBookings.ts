/** The stored form of the bookings: a versioned document, its migration from older versions, and a reader that never throws. */
import { z } from 'zod'
import { confirmationCodeSchema, exhibitorIdSchema, meetingUrlSchema, recordIdSchema } from '../../booking/api'
import { meetingUrlFor } from '../../booking/codes'
import { isValidTimeZone, MINUTE, minutesOfDay, wallTimeToInstant } from '../../booking/timeZones'
import { VISITOR_ROLES, type Booking } from '../../booking/types'

export const BOOKINGS_VERSION = 2

export interface StoredBookings {
  version: typeof BOOKINGS_VERSION
  /** The visitor of this browser profile, created with the first booking. */
  visitorId?: string
  bookings: Booking[]
}

const storedProfile = z.object({
  name: z.string(),
  company: z.string(),
  email: z.string(),
  phone: z.string().optional(),
  role: z.enum(VISITOR_ROLES),
})

const timeZoneSchema = z.string().refine(isValidTimeZone, 'is not a time zone')

/** Checked on read as the server's answers are: a tampered id, code, link or zone drops that booking, not the others. */
const bookingV2 = z
  .object({
    id: recordIdSchema,
    visitorId: recordIdSchema,
    exhibitorId: exhibitorIdSchema,
    start: z.number().int(),
    end: z.number().int(),
    mode: z.enum(['online', 'on-site']),
    status: z.enum(['confirmed', 'cancelled']),
    confirmationCode: confirmationCodeSchema,
    tableId: recordIdSchema,
    meetingUrl: meetingUrlSchema.optional(),
    topic: z.string(),
    profile: storedProfile,
    visitorTimeZone: timeZoneSchema,
    exhibitorTimeZone: timeZoneSchema,
    createdAt: z.number(),
    cancelledAt: z.number().optional(),
    cancelledBy: z.enum(['visitor', 'exhibitor']).optional(),
    replaces: recordIdSchema.optional(),
    replacedBy: recordIdSchema.optional(),
  })
  .refine((b) => b.end > b.start, 'ends before it starts')

/**
 * Version 1 (the first release) stored each meeting as the exhibitor's wall-clock date and time with a
 * duration, had no modes (every meeting was online) and no visitor id.
 */
const bookingV1 = z.object({
  id: z.string().min(1),
  exhibitorId: z.string().min(1),
  date: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
  time: z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/),
  minutes: z.number().int().positive(),
  timeZone: z.string().min(1),
  code: z.string().min(1),
  table: z.string().min(1),
  topic: z.string(),
  status: z.enum(['booked', 'cancelled']),
  profile: storedProfile,
  bookedAt: z.string(),
})
export type StoredBookingV1 = z.infer<typeof bookingV1>

const documentShape = z.object({ version: z.number(), visitorId: z.string().optional(), bookings: z.array(z.unknown()) })

export type StoredRead =
  | { kind: 'empty'; state: StoredBookings }
  | { kind: 'ok'; state: StoredBookings; migratedFrom?: number }
  /** Partly or wholly unreadable: `state` holds what could be saved; the raw value must be set aside. */
  | { kind: 'damaged'; state: StoredBookings; reason: string; dropped: number }
  /** Written by a newer version of the app: not ours to interpret or overwrite. */
  | { kind: 'newer'; version: number }

const emptyState = (): StoredBookings => ({ version: BOOKINGS_VERSION, bookings: [] })

function migrateV1Booking(old: StoredBookingV1, visitorId: string): Booking {
  // v1 times are the exhibitor's wall clock; a repeated hour meant its first occurrence
  const start = wallTimeToInstant(old.timeZone, old.date, minutesOfDay(old.time), 'first')
  const createdAt = Date.parse(old.bookedAt)
  return {
    id: old.id,
    visitorId,
    exhibitorId: old.exhibitorId,
    start,
    end: start + old.minutes * MINUTE,
    mode: 'online',
    status: old.status === 'booked' ? 'confirmed' : 'cancelled',
    confirmationCode: old.code,
    tableId: old.table,
    meetingUrl: meetingUrlFor(old.code),
    topic: old.topic,
    profile: old.profile,
    // v1 did not know the visitor's zone; the exhibitor's is the only one on record
    visitorTimeZone: old.timeZone,
    exhibitorTimeZone: old.timeZone,
    createdAt: Number.isNaN(createdAt) ? start : createdAt,
  }
}

/**
 * Reads the stored document, migrating older versions. Records that fail their schema are dropped and
 * reported as damage, so one bad record does not cost the visitor the others.
 */
export function readStoredBookings(raw: string | null, newVisitorId: () => string): StoredRead {
  if (raw === null) return { kind: 'empty', state: emptyState() }
  let json: unknown
  try {
    json = JSON.parse(raw)
  } catch {
    return { kind: 'damaged', state: emptyState(), reason: 'not-json', dropped: 0 }
  }
  // the version first: a newer app may have changed the shape, and its data is not ours to judge or overwrite
  const storedVersion = typeof json === 'object' && json !== null ? (json as { version?: unknown }).version : undefined
  if (typeof storedVersion === 'number' && storedVersion > BOOKINGS_VERSION) return { kind: 'newer', version: storedVersion }
  const doc = documentShape.safeParse(json)
  if (!doc.success) return { kind: 'damaged', state: emptyState(), reason: 'not-a-bookings-document', dropped: 0 }
  const { version, bookings: records } = doc.data

  const bookings: Booking[] = []
  let dropped = 0
  let visitorId = doc.data.visitorId
  if (version === 2) {
    for (const record of records) {
      const parsed = bookingV2.safeParse(record)
      if (parsed.success) bookings.push(parsed.data)
      else dropped++
    }
  } else if (version === 1) {
    visitorId ??= newVisitorId()
    for (const record of records) {
      const parsed = bookingV1.safeParse(record)
      if (parsed.success) {
        try {
          bookings.push(migrateV1Booking(parsed.data, visitorId))
        } catch {
          dropped++ // an unknown time zone
        }
      } else dropped++
    }
  } else return { kind: 'damaged', state: emptyState(), reason: `unknown-version-${version}`, dropped: records.length }

  const state: StoredBookings = { version: BOOKINGS_VERSION, ...(visitorId ? { visitorId } : {}), bookings }
  if (dropped > 0) return { kind: 'damaged', state, reason: 'unreadable-bookings', dropped }
  return version === BOOKINGS_VERSION ? { kind: 'ok', state } : { kind: 'ok', state, migratedFrom: version }
}

export function serialiseBookings(state: StoredBookings): string {
  return JSON.stringify(state)
}
