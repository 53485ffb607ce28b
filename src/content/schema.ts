/** The one schema of a content pack: every JSON file of assets/content/<pack>/ is validated against it at load. */
import { z } from 'zod'
import { isValidTimeZone } from '../booking/timeZones'
import type { LiveSession } from '../live/sessions'
import type { LogoSource } from './logoSource'

/** Zone ids are fixed: links (`?zone=`) and curated routes rely on them. */
export const ZONE_IDS = [
  'lobby',
  'next-gen-it',
  'ai',
  'new-materials',
  'new-energy',
  'nev',
  'high-end-equipment',
  'smart-appliances',
  'life-health',
  'green-food',
  'digital-creative',
  'korea-pavilion',
  'yrd',
  'imported-goods',
  'negotiation',
] as const
export type ZoneId = (typeof ZONE_IDS)[number]

/** Zones that hold exhibitors' booths (the lobby and the negotiation area do not). */
export const EXHIBITING_ZONE_IDS = ZONE_IDS.filter(
  (id): id is Exclude<ZoneId, 'lobby' | 'negotiation'> => id !== 'lobby' && id !== 'negotiation',
)

export const LANGUAGES = ['zh-CN', 'en', 'ko'] as const
export type Language = (typeof LANGUAGES)[number]

/**
 * Longest text per kind of field, in UTF-16 code units (one per Chinese, Korean or Latin character). Each is a
 * few times the longest value in the wmc2021 pack (noted in brackets), so real content fits and a pasted page
 * or a flood of text does not reach the booth panel, the cube or a notice.
 */
export const TEXT_LIMITS = {
  /** An id of a figure, a section…; URL-safe ids have their own 64. */
  id: 64,
  /** A measure's unit, e.g. 亿元, "countries and regions" [21]. */
  unit: 40,
  /** Names of companies, zones, sections, venues and people; route titles; products [58]. */
  name: 120,
  /** A figure's label on the results wall [55]. */
  label: 200,
  /** A sentence quoted from a press release, a highlight of the results wall [201]. */
  quote: 500,
  /** Descriptions of exhibitors, zones and routes [416]. */
  description: 2000,
  /** A link (website), as browsers and servers reliably handle. */
  link: 2048,
  /** An e-mail address (RFC 5321's path limit). */
  email: 254,
} as const

const text = (max: number) => z.string().trim().min(1, 'must not be empty').max(max, `must be at most ${max} characters long`)
const nonEmpty = text(TEXT_LIMITS.name)
/** Chinese and English are required everywhere; Korean where given. */
const localized = (max: number) => z.object({ 'zh-CN': text(max), en: text(max), ko: text(max).optional() })
const localizedAll = (max: number) => z.object({ 'zh-CN': text(max), en: text(max), ko: text(max) })
/** A name or title in each language. */
export const localizedText = localized(TEXT_LIMITS.name)
export const localizedTextAll = localizedAll(TEXT_LIMITS.name)
export type LocalizedText = z.infer<typeof localizedText>

/** Content links open from the booth panel: only https:, mailto: and tel:, schemes that cannot run script or travel in clear. */
const LINK_SCHEME = /^(https|mailto|tel):/i
/** https with a host, mailto with an address, tel with digits; no spaces, quotes or angle brackets anywhere. */
const WELL_FORMED_LINK = /^(https:\/\/[^\s/?#@:"<>\\]+(:\d{1,5})?([/?#][^\s"<>\\]*)?|mailto:[^\s@"<>\\]+@[^\s@"<>\\]+|tel:\+?[0-9][0-9().-]{2,30})$/i
const contentLink = z
  .string()
  .max(TEXT_LIMITS.link, `must be at most ${TEXT_LIMITS.link} characters long`)
  .regex(LINK_SCHEME, 'only https:, mailto: and tel: links are allowed')
  .regex(WELL_FORMED_LINK, 'must be a whole link such as https://example.com, mailto:expo@example.com or tel:+8655100216299')

/** Ids of the event, sections and figures; lower-case letters, digits and dashes. */
const slug = z.string().regex(/^[a-z0-9-]+$/).max(TEXT_LIMITS.id)
const hexColour = z.string().regex(/^#[0-9a-fA-F]{6}$/, 'must be a colour like #1a7fd4')
const hhmm = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'must be a time like 09:30')
const isoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date like 2021-11-19')
  // the pattern alone lets 2026-02-30 through
  .refine((d) => {
    const t = Date.parse(`${d}T00:00:00Z`)
    return !Number.isNaN(t) && new Date(t).toISOString().startsWith(d)
  }, 'is not a calendar date')
// ICU also accepts legacy abbreviations such as CST, which is ambiguous (China or US Central)
const timeZone = z
  .string()
  .refine((tz) => (tz === 'UTC' || /^[A-Za-z]+\/[A-Za-z0-9_+\-/]+$/.test(tz)) && isValidTimeZone(tz), 'must be an IANA time zone such as Asia/Shanghai')

export const eventSchema = z.object({
  id: slug,
  name: localizedTextAll,
  shortName: localizedTextAll,
  /** Convention days, inclusive, in the event's time zone. */
  startDate: isoDate,
  endDate: isoDate,
  /** From 2022 on the convention opens on this day each year (press release: 每年9月20号). */
  annualOpeningDay: z.object({ month: z.number().int().min(1).max(12), day: z.number().int().min(1).max(31) }),
  venue: localizedTextAll,
  city: localizedTextAll,
  timeZone,
  /** Where the convention's real figures come from. */
  source: z.object({ title: text(TEXT_LIMITS.label), publishedOn: isoDate, publisher: nonEmpty }),
})
export type ExpoEvent = z.infer<typeof eventSchema>

export const zoneSchema = z.object({
  id: z.enum(ZONE_IDS),
  name: localizedTextAll,
  colour: hexColour,
  description: localized(TEXT_LIMITS.description),
  /** Featured on a face of the lobby's magic cube. */
  featured: z.boolean().default(false),
  /** Named parts of the zone (YRD provinces, the Hongqiao Pinhui corner…); exhibitors refer to them by id. */
  sections: z
    .array(z.object({ id: slug, name: localizedTextAll }))
    .default([]),
})
export type Zone = z.infer<typeof zoneSchema>

export const WEEKDAYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const
export type Weekday = (typeof WEEKDAYS)[number]
const hoursRange = z
  .object({ from: hhmm, to: hhmm })
  .refine((r) => r.from < r.to, { message: 'must be later than from', path: ['to'] })
type HoursRange = z.infer<typeof hoursRange>

export const availabilitySchema = z.object({
  timeZone,
  /**
   * Office hours per weekday in the exhibitor's time zone; a missing day is closed. The ranges of a day, in
   * any order, must not overlap: a slot would otherwise be offered twice, or two slots would overlap.
   */
  weeklyHours: z.partialRecord(z.enum(WEEKDAYS), z.array(hoursRange).max(4)).superRefine((weeklyHours, ctx) => {
    for (const day of WEEKDAYS) {
      const ranges = weeklyHours[day] ?? []
      // 'HH:mm' compares as text; half-open, so 09:00–12:00 and 12:00–13:00 only touch; a reversed range has its own message
      const overlap = (a: HoursRange, b: HoursRange) => a !== b && a.from < a.to && b.from < b.to && a.from < b.to && b.from < a.to
      ranges.forEach((range, i) => {
        const clash = ranges.find((other) => overlap(range, other))
        if (clash) ctx.addIssue({ code: 'custom', path: [day, i], message: `${range.from}–${range.to} overlaps ${clash.from}–${clash.to}` })
      })
    }
  }),
  slotMinutes: z.union([z.literal(15), z.literal(30), z.literal(45), z.literal(60)]),
  bufferMinutes: z.number().int().min(0).max(60).default(0),
  /** How many negotiations the exhibitor staffs at once. */
  parallelTables: z.number().int().min(1).max(10),
  blackoutDates: z.array(isoDate).default([]),
  modes: z.array(z.enum(['online', 'on-site'])).min(1).default(['online', 'on-site']),
})
export type Availability = z.infer<typeof availabilitySchema>

export const BOOTH_SIZES = ['standard', 'large', 'island'] as const
export type BoothSize = (typeof BOOTH_SIZES)[number]

/** Ids that appear in links (`?booth=`, share codes) and in the visitor's stored data as they are. */
export const urlSafeId = z.string().regex(/^[a-z0-9][a-z0-9-]{1,63}$/, 'must be lower-case letters, digits and dashes (URL-safe)')

/**
 * What a product looks like in the hall: each kind is one low-poly model (src/scene/products/) and one picture in the
 * booth panel, so a booth shows a robot arm or a bottle rather than a grey box. About twenty cover the zones' industries.
 */
export const PRODUCT_KINDS = [
  'robot-arm',
  'service-robot',
  'cnc-machine',
  'motor',
  'valve',
  'battery-pack',
  'solar-panel',
  'wind-turbine',
  'car',
  'drone',
  'chip-wafer',
  'circuit-board',
  'server-rack',
  'display',
  'camera',
  'smart-appliance',
  'medical-device',
  'lab-instrument',
  'packaged-food',
  'bottle',
  'fresh-produce',
  'textile-roll',
  'material-sample',
] as const
export type ProductKind = (typeof PRODUCT_KINDS)[number]

/** Bounds of a product's size against its kind's standard model, so no product dwarfs its stand or vanishes on it. */
export const PRODUCT_SCALE = { min: 0.7, max: 1.4 } as const

export const productSchema = z.object({
  name: localizedText,
  kind: z.enum(PRODUCT_KINDS, { error: `must be a product kind: ${PRODUCT_KINDS.join(', ')}` }),
  /** The main body's colour; the kind's own colour when absent. */
  colour: hexColour.optional(),
  /** One of the kind's three shapes (proportions and parts); chosen from the exhibitor's id when absent. */
  variant: z.union([z.literal(0), z.literal(1), z.literal(2)]).optional(),
  scale: z.number().min(PRODUCT_SCALE.min).max(PRODUCT_SCALE.max).optional(),
})
export type Product = z.infer<typeof productSchema>

export const exhibitorSchema = z.object({
  id: urlSafeId,
  name: localizedText,
  zone: z.enum(EXHIBITING_ZONE_IDS as unknown as [string, ...string[]]),
  /** Sample exhibitors are invented for the demo and say so in the booth panel. */
  sample: z.boolean(),
  boothSize: z.enum(BOOTH_SIZES),
  description: localized(TEXT_LIMITS.description),
  products: z.array(productSchema).min(2).max(6),
  /** ISO 3166 alpha-2 code, or a region code such as CN-SH. */
  country: z.string().regex(/^[A-Z]{2}(-[A-Z0-9]{1,3})?$/, 'must be a code like CN, KR or CN-SH'),
  /** Sub-section within a zone, e.g. a YRD province or the Hongqiao Pinhui corner. */
  section: slug.optional(),
  contact: z.object({
    person: nonEmpty.optional(),
    email: z.email('must be an e-mail address').max(TEXT_LIMITS.email, `must be at most ${TEXT_LIMITS.email} characters long`),
    phone: z.string().regex(/^\+?[0-9 ()-]{6,20}$/, 'must be a phone number').optional(),
    website: contentLink.optional(),
  }),
  availability: availabilitySchema,
})
export type Exhibitor = z.infer<typeof exhibitorSchema> & { zone: Exclude<ZoneId, 'lobby' | 'negotiation'> }

/** The lobby's results wall: the convention's own figures from its results press release. */
export const resultsSchema = z.object({
  figures: z
    .array(
      z.object({
        id: slug,
        value: z.number(),
        unit: localized(TEXT_LIMITS.unit),
        label: localized(TEXT_LIMITS.label),
        /** The sentence of the press release the figure is taken from, verbatim. */
        quote: text(TEXT_LIMITS.quote),
        /** The release words some figures loosely: 近1400 is 'nearly', 400多 / 超4亿 are 'more-than'. */
        approx: z.enum(['nearly', 'more-than']).optional(),
      }),
    )
    .min(4),
  highlights: z.array(z.object({ text: localized(TEXT_LIMITS.quote), quote: text(TEXT_LIMITS.quote) })).default([]),
})
export type Results = z.infer<typeof resultsSchema>

/** One stop of a route: a booth, by its exhibitor's id, or a whole zone. The same shape as a visitor's own route stop. */
export const routeStopSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('booth'), exhibitorId: urlSafeId }),
  z.object({ kind: z.literal('zone'), zoneId: z.enum(ZONE_IDS) }),
])

/** A route the organisers ship (routes.json); a visitor starts it as a guided tour or copies it into their own routes. */
export const curatedRouteSchema = z.object({
  id: urlSafeId,
  title: localizedTextAll,
  description: localizedAll(TEXT_LIMITS.description),
  stops: z.array(routeStopSchema).min(2).max(30),
  /** The zone the route is about, for its card's colour; absent for a route across the hall. */
  featuredZone: z.enum(ZONE_IDS).optional(),
})
export type CuratedRoute = z.infer<typeof curatedRouteSchema>

/**
 * A session of the convention's own programme (sessions.json), as its source gives it: its day(s) in the event's
 * time zone, and its hours only where the source names them (`from`/`to`, both or neither). The quote is the
 * source's sentence that names it, verbatim.
 */
export const packSessionSchema = z.object({
  id: slug,
  kind: z.enum(['forum', 'launch', 'talk', 'tour']),
  title: localizedTextAll,
  description: localizedAll(TEXT_LIMITS.quote).optional(),
  venue: z.discriminatedUnion('kind', [z.object({ kind: z.literal('lobby') }), z.object({ kind: z.literal('booth'), exhibitorId: urlSafeId })]),
  date: isoDate,
  /** The last day, inclusive, of a session the source places only somewhere within several days. */
  endDate: isoDate.optional(),
  from: hhmm.optional(),
  to: hhmm.optional(),
  quote: text(TEXT_LIMITS.quote),
})
export type PackSession = z.infer<typeof packSessionSchema>

export const zonesFileSchema = z.array(zoneSchema)
export const exhibitorsFileSchema = z.array(exhibitorSchema)
export const routesFileSchema = z.array(curatedRouteSchema)
export const sessionsFileSchema = z.array(packSessionSchema)

export interface ContentPack {
  event: ExpoEvent
  zones: Zone[]
  exhibitors: Exhibitor[]
  results: Results
  /** In the order of routes.json. */
  routes: CuratedRoute[]
  /** The convention's own sessions (sessions.json), as instants: the programme's past. */
  sessions: LiveSession[]
  /** Where each exhibitor's logo is (the app's download, or invented for a synthetic hall); absent: no logos. */
  logos?: LogoSource
}
