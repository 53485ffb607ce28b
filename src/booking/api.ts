/**
 * The booking server's HTTP contract: the bodies it accepts and the shapes it answers with, as zod schemas the
 * server validates with and the app builds its requests from. Times are epoch milliseconds throughout.
 */
import { z } from 'zod'
import { LANGUAGES, availabilitySchema } from '../content/schema'
import { CONFIRMATION_ALPHABET, CONFIRMATION_LENGTH } from './codes'
import { TOPIC_MAX_LENGTH } from './rules'
import { BOOKING_STATUSES, VISITOR_ROLES, type Booking, type Refusal, type VisitorProfile } from './types'

/** Version of the consent wording shown at booking; stored with each consent so it can be shown again. */
export const CONSENT_VERSION = '2026-11-v1'

/** Exhibitor ids as in the content pack (also what links carry). */
export const exhibitorIdSchema = z.string().regex(/^[a-z0-9][a-z0-9-]{1,63}$/, 'is not an exhibitor id')
export const bookingIdSchema = z.uuid('is not a booking id')
/** Epoch milliseconds of a plausible meeting time (2020–2100): anything else is a client bug or tampering. */
export const instantSchema = z.number().int().min(1_577_836_800_000).max(4_102_444_800_000)
const modeSchema = z.enum(['online', 'on-site'])
const languageSchema = z.enum(LANGUAGES)
const timeZoneNameSchema = z.string().min(1).max(64)
const reasonSchema = z.string().trim().min(1, 'reason.required').max(500, 'reason.tooLong')

/**
 * The profile as sent; only its size is bounded here. Its content is checked by the booking rules
 * (`validateProfile`), which answer field by field in the visitor's language, as the form does.
 */
const profileInputSchema = z.object({
  name: z.string().max(200),
  company: z.string().max(300),
  email: z.string().max(320),
  phone: z.string().max(40).optional(),
  role: z.string().max(20),
})

const slotBody = { start: instantSchema, end: instantSchema, mode: modeSchema }

export const bookBodySchema = z.strictObject({
  exhibitorId: exhibitorIdSchema,
  ...slotBody,
  topic: z.string().max(TOPIC_MAX_LENGTH * 2),
  profile: profileInputSchema,
  visitorTimeZone: timeZoneNameSchema,
  language: languageSchema,
  /** Separate consent, off unless the visitor ticked it. */
  shareProfile: z.boolean(),
})
export type BookBody = z.infer<typeof bookBodySchema>

/** The new slot names its exhibitor, so a slot of another exhibitor is refused rather than read as this one's. */
export const rescheduleBodySchema = z.strictObject({ exhibitorId: exhibitorIdSchema, ...slotBody, visitorTimeZone: timeZoneNameSchema.optional() })
export const answerProposalBodySchema = z.strictObject({ accept: z.boolean() })
export const consentBodySchema = z.strictObject({ shareProfile: z.literal(false) })
export const declineBodySchema = z.strictObject({ reason: reasonSchema })
export const exhibitorCancelBodySchema = z.strictObject({ reason: reasonSchema })
export const proposeBodySchema = z.strictObject({ ...slotBody, message: z.string().trim().max(500).optional() })
export const availabilityBodySchema = z.strictObject({ availability: availabilitySchema })
export const settingsBodySchema = z.strictObject({ autoAccept: z.boolean().optional(), language: languageSchema.optional() })
export const inviteStaffBodySchema = z.strictObject({
  email: z.email('email.invalid').max(320),
  name: z.string().trim().max(100).optional(),
  language: languageSchema.optional(),
})
export const signInLinkBodySchema = z.strictObject({ email: z.email('email.invalid').max(320), language: languageSchema })
/** Tokens are 32 random bytes in base64url. */
export const redeemBodySchema = z.strictObject({ token: z.string().regex(/^[A-Za-z0-9_-]{43}$/, 'is not a sign-in token') })
export const slotsQuerySchema = z.object({
  from: z.coerce.number().pipe(instantSchema),
  to: z.coerce.number().pipe(instantSchema),
  tz: timeZoneNameSchema.optional(),
})
export const rangeQuerySchema = z.object({ from: z.coerce.number().pipe(instantSchema), to: z.coerce.number().pipe(instantSchema) })

const profileSchema = z.object({
  name: z.string(),
  company: z.string(),
  email: z.string(),
  phone: z.string().optional(),
  role: z.enum(VISITOR_ROLES),
}) satisfies z.ZodType<VisitorProfile>

/** Booking, visitor and table ids as the server and this device make them (UUIDs, `table-12`): nothing that could carry markup or a path. */
export const recordIdSchema = z.string().regex(/^[A-Za-z0-9][A-Za-z0-9_-]{0,63}$/, 'is not an id')
export const confirmationCodeSchema = z.string().regex(new RegExp(`^[${CONFIRMATION_ALPHABET}]{${CONFIRMATION_LENGTH}}$`), 'is not a confirmation code')
/** A meeting link is opened by the visitor's click: only https, never javascript: or data:. */
export const meetingUrlSchema = z
  .string()
  .max(500)
  .refine((value) => URL.canParse(value) && new URL(value).protocol === 'https:', 'must be an https link')

/** A booking as its visitor sees it, from the server or read back from this device: every id and link checked, never trusted. */
export const bookingSchema = z.object({
  id: recordIdSchema,
  visitorId: recordIdSchema,
  exhibitorId: exhibitorIdSchema,
  start: z.number(),
  end: z.number(),
  mode: modeSchema,
  status: z.enum(BOOKING_STATUSES),
  confirmationCode: confirmationCodeSchema,
  tableId: recordIdSchema,
  meetingUrl: meetingUrlSchema.optional(),
  topic: z.string(),
  profile: profileSchema,
  visitorTimeZone: z.string(),
  exhibitorTimeZone: z.string(),
  createdAt: z.number(),
  cancelledAt: z.number().optional(),
  cancelledBy: z.enum(['visitor', 'exhibitor']).optional(),
  cancelReason: z.string().optional(),
  declineReason: z.string().optional(),
  holdExpiresAt: z.number().optional(),
  originalStart: z.number().optional(),
  originalEnd: z.number().optional(),
  proposalMessage: z.string().optional(),
  shareProfile: z.boolean().optional(),
  replaces: z.string().optional(),
  replacedBy: z.string().optional(),
}) satisfies z.ZodType<Booking>

/** A booking as exhibitor staff see it: the visitor's profile only where the visitor consented to share it. */
export interface ConsoleBooking extends Omit<Booking, 'profile' | 'visitorId'> {
  profile: VisitorProfile | null
  language: (typeof LANGUAGES)[number]
  updatedAt: number
}

/** One day of the organiser's overview, in the venue's zone. */
export interface OverviewDay {
  /** 'YYYY-MM-DD' in the venue's zone. */
  date: string
  counts: Record<(typeof BOOKING_STATUSES)[number], number>
  /** Hours of table time held by live bookings that day. */
  tableHours: number
  /** The most tables held at one instant, of the hall's tables. */
  peakTables: number
  /** Tables held per hour of the venue's day (the most at one instant within each hour). */
  byHour: number[]
}

/** GET /api/organiser/overview */
export interface Overview {
  timeZone: string
  tables: number
  days: OverviewDay[]
}

/** Every error the API answers with: a stable code the UI translates, an English message for developers. */
export interface ApiError {
  code: string
  message: string
  /** Booking refusals carry the domain's typed refusal, so the app can say exactly what clashed. */
  refusal?: Refusal
  /** Field-level problems of an invalid body: dotted path → message. */
  fields?: Record<string, string>
}

/** The header every request that creates or changes a booking must carry. */
export const IDEMPOTENCY_HEADER = 'Idempotency-Key'
export const idempotencyKeySchema = z.string().regex(/^[A-Za-z0-9_-]{16,100}$/, 'must be 16–100 letters, digits, dashes or underscores')
