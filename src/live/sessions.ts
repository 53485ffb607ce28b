/**
 * The programme of live sessions (forums, launches, talks, tours) in the lobby or at a booth: their one shape,
 * shared by the content pack, the booking server and the app, and what is live now, next and past at an instant.
 */
import { z } from 'zod'
import type { Language } from '../content/schema'

export const SESSION_KINDS = ['forum', 'launch', 'talk', 'tour'] as const
export type SessionKind = (typeof SESSION_KINDS)[number]

export const SESSION_LIMITS = {
  title: 120,
  description: 500,
  /** A forum of the convention ran a day; a launch an hour. Longer is a typing error, not a session. */
  durationMs: 12 * 3_600_000,
  /** The programme is planned at most a year ahead. */
  aheadMs: 366 * 86_400_000,
} as const

/** Ids: the pack's slugs and the server's UUIDs alike (lower-case letters, digits, dashes). */
export const sessionIdSchema = z.string().regex(/^[a-z0-9][a-z0-9-]{1,63}$/, 'must be lower-case letters, digits and dashes')

const text = (max: number) => z.string().trim().min(1, 'must not be empty').max(max, `must be at most ${max} characters long`)

/** A session is given in the language(s) its host speaks: at least one of the three. */
const someLanguages = (max: number) =>
  z
    .strictObject({ 'zh-CN': text(max).optional(), en: text(max).optional(), ko: text(max).optional() })
    .refine((value) => Boolean(value['zh-CN'] ?? value.en ?? value.ko), 'needs a text in at least one of zh-CN, en or ko')
export const sessionTitleSchema = someLanguages(SESSION_LIMITS.title)
export const sessionDescriptionSchema = someLanguages(SESSION_LIMITS.description)
export type SessionText = z.infer<typeof sessionTitleSchema>

export const sessionVenueSchema = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('lobby') }),
  z.strictObject({ kind: z.literal('booth'), exhibitorId: z.string().regex(/^[a-z0-9][a-z0-9-]{1,63}$/, 'must be an exhibitor id') }),
])
export type SessionVenue = z.infer<typeof sessionVenueSchema>

const instant = z.number().int().min(0).max(8.64e15)

export const liveSessionSchema = z
  .strictObject({
    id: sessionIdSchema,
    kind: z.enum(SESSION_KINDS),
    title: sessionTitleSchema,
    description: sessionDescriptionSchema.optional(),
    venue: sessionVenueSchema,
    start: instant,
    end: instant,
    /** 'days': the source gives only the day(s), so `start`/`end` are whole days in the event's time zone. */
    precision: z.enum(['minute', 'days']).default('minute'),
  })
  .refine((s) => s.end > s.start, { message: 'must be after the start', path: ['end'] })
export type LiveSession = z.infer<typeof liveSessionSchema>

/** One key per venue, for grouping and for the database's overlap constraint. */
export function venueKey(venue: SessionVenue): string {
  return venue.kind === 'lobby' ? 'lobby' : `booth:${venue.exhibitorId}`
}

const byStart = (a: LiveSession, b: LiveSession) => a.start - b.start || a.end - b.end || a.id.localeCompare(b.id)

/** The venue's sessions, or all when no venue is given. */
export function atVenue(sessions: readonly LiveSession[], venue?: SessionVenue): LiveSession[] {
  if (!venue) return [...sessions]
  const key = venueKey(venue)
  return sessions.filter((s) => venueKey(s.venue) === key)
}

/** What runs at `now` (start inclusive, end exclusive: a session ending now is over), earliest start first. */
export function liveNow(sessions: readonly LiveSession[], now: number, venue?: SessionVenue): LiveSession[] {
  return atVenue(sessions, venue)
    .filter((s) => s.start <= now && now < s.end)
    .sort(byStart)
}

/** What starts after `now`, soonest first. */
export function nextUp(sessions: readonly LiveSession[], now: number, venue?: SessionVenue): LiveSession[] {
  return atVenue(sessions, venue)
    .filter((s) => s.start > now)
    .sort(byStart)
}

/** What has ended by `now`, most recent first. */
export function pastSessions(sessions: readonly LiveSession[], now: number, venue?: SessionVenue): LiveSession[] {
  return atVenue(sessions, venue)
    .filter((s) => s.end <= now)
    .sort((a, b) => byStart(b, a))
}

/** The next instant after `now` at which "live now" or "next" changes (a start or an end), or null when none is ahead. */
export function nextBoundary(sessions: readonly LiveSession[], now: number): number | null {
  let next: number | null = null
  for (const s of sessions) {
    for (const t of [s.start, s.end]) if (t > now && (next === null || t < next)) next = t
  }
  return next
}

/** Whether two sessions at one venue would share a moment (half-open: one ending as the other starts does not). */
export function overlaps(a: Pick<LiveSession, 'start' | 'end'>, b: Pick<LiveSession, 'start' | 'end'>): boolean {
  return a.start < b.end && b.start < a.end
}

/** The text in the visitor's language, else Chinese, English, Korean; and the language it is in (for `lang`). */
export function sessionText(text: SessionText, language: Language): { text: string; language: Language } {
  const order: Language[] = [language, 'zh-CN', 'en', 'ko']
  for (const candidate of order) {
    const value = text[candidate]
    if (value) return { text: value, language: candidate }
  }
  return { text: '', language }
}

/** The pack's sessions and the server's in one programme; an id in both is the server's (it is the newer word). */
export function mergeProgramme(pack: readonly LiveSession[], server: readonly LiveSession[]): LiveSession[] {
  const ids = new Set(server.map((s) => s.id))
  return [...pack.filter((s) => !ids.has(s.id)), ...server].sort(byStart)
}

/**
 * The sessions a visitor kept that their host has since removed: not ended, yet in neither the server's programme
 * (which lists every session that has not ended) nor the pack's. Null `server` (no programme read yet, or no
 * server at all) withdraws nothing.
 */
export function withdrawnSessions(kept: readonly LiveSession[], server: readonly LiveSession[] | null, pack: readonly LiveSession[], now: number): Set<string> {
  if (server === null) return new Set()
  const listed = new Set([...server, ...pack].map((s) => s.id))
  return new Set(kept.filter((s) => s.end > now && !listed.has(s.id)).map((s) => s.id))
}

/** What staff and organisers send to schedule or change a session; the venue is theirs (a booth's staff, the lobby's organisers). */
export const sessionBodySchema = z.strictObject({
  kind: z.enum(SESSION_KINDS),
  title: sessionTitleSchema,
  description: sessionDescriptionSchema.optional(),
  start: instant,
  end: instant,
  /** Optional: when given it must be the sender's own venue. */
  venue: sessionVenueSchema.optional(),
})
export type SessionBody = z.infer<typeof sessionBodySchema>

export type SessionTimeProblem = 'ends-before-start' | 'too-long' | 'past' | 'too-far'

/** Why a session's times cannot be scheduled at `now`, or null: it must end after now, last at most 12 hours and start within a year. */
export function checkSessionTimes(times: { start: number; end: number }, now: number): SessionTimeProblem | null {
  if (times.end <= times.start) return 'ends-before-start'
  if (times.end - times.start > SESSION_LIMITS.durationMs) return 'too-long'
  if (times.end <= now) return 'past'
  if (times.start > now + SESSION_LIMITS.aheadMs) return 'too-far'
  return null
}
