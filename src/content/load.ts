/** Turns the JSON files of a content pack into one validated ContentPack, naming every problem by file, entry and field. */
import type { z } from 'zod'
import {
  EXHIBITING_ZONE_IDS,
  WEEKDAYS,
  ZONE_IDS,
  curatedRouteSchema,
  eventSchema,
  packSessionSchema,
  exhibitorSchema,
  resultsSchema,
  zoneSchema,
  type ContentPack,
  type CuratedRoute,
  type PackSession,
  type Exhibitor,
  type ExpoEvent,
  type Results,
  type Zone,
  type ZoneId,
} from './schema'
import { addDays, minutesOfDay, wallTimeToInstant } from '../booking/timeZones'
import type { LiveSession } from '../live/sessions'

export interface ContentProblem {
  /** Pack-relative path, e.g. `exhibitors/ai.json`. */
  file: string
  /** The item within the file, e.g. `#3 "hefei-xinheng-microelectronics"` (0-based like the JSON array), or `(file)`. */
  entry: string
  /** Dotted path within the entry, e.g. `availability.slotMinutes`; empty when the whole entry or file is meant. */
  field: string
  message: string
}

export type ContentPackResult = { ok: true; pack: ContentPack } | { ok: false; problems: ContentProblem[] }

/** The cube in the lobby has six faces, one per featured zone. */
export const FEATURED_ZONE_COUNT = 6

export const exhibitorFileOf = (zone: string): string => `exhibitors/${zone}.json`

/** Every file a pack must contain; other files (e.g. media) are ignored by validation. */
export const REQUIRED_PACK_FILES: readonly string[] = [
  'event.json',
  'zones.json',
  'results.json',
  'routes.json',
  'sessions.json',
  ...EXHIBITING_ZONE_IDS.map(exhibitorFileOf),
]

const FILE = '(file)'

/** `['availability', 'weeklyHours', 'mon', 1, 'to']` → `availability.weeklyHours.mon[1].to` */
function fieldPath(path: readonly PropertyKey[]): string {
  let out = ''
  for (const key of path) {
    if (typeof key === 'number') out += `[${key}]`
    else out += out ? `.${String(key)}` : String(key)
  }
  return out
}

function valueAt(root: unknown, path: readonly PropertyKey[]): unknown {
  let v = root
  for (const key of path) {
    if (v === null || typeof v !== 'object') return undefined
    v = (v as Record<PropertyKey, unknown>)[key]
  }
  return v
}

function show(v: unknown): string {
  if (v === undefined) return 'nothing'
  if (v === null) return 'null'
  if (Array.isArray(v)) return 'a list'
  if (typeof v === 'object') return 'an object'
  const s = JSON.stringify(v)
  return s.length > 40 ? `${s.slice(0, 37)}…` : s
}

function orList(items: string[]): string {
  return items.length <= 1 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')} or ${items[items.length - 1]}`
}

const TYPE_NAMES: Record<string, string> = {
  string: 'text',
  number: 'a number',
  int: 'a whole number',
  boolean: 'true or false',
  array: 'a list',
  object: 'an object',
}

/** zod's default wording ("Invalid input: expected …") is for developers; schema-authored messages are kept as they are. */
const ZOD_DEFAULT = /^(Invalid|Too small|Too big|Unrecognized key)/

function describeIssue(issue: z.core.$ZodIssue, value: unknown): string {
  if (!ZOD_DEFAULT.test(issue.message)) return issue.message
  switch (issue.code) {
    case 'invalid_type':
      if (value === undefined) return 'is missing'
      return `must be ${TYPE_NAMES[issue.expected] ?? issue.expected}, not ${show(value)}`
    case 'invalid_value':
      return `must be ${orList(issue.values.map((v) => show(v)))}, not ${show(value)}`
    case 'invalid_union': {
      // a discriminated union (a route stop's kind) lists the kinds it knows
      if ('options' in issue && issue.options && issue.options.length > 0) {
        if (value === undefined) return `is missing (${orList(issue.options.map((v) => show(v)))})`
        return `must be ${orList(issue.options.map((v) => show(v)))}, not ${show(value)}`
      }
      // a union of literals (slotMinutes) reads best as the list of allowed values
      const alternatives = issue.errors.flat()
      if (alternatives.length > 0 && alternatives.every((e) => e.code === 'invalid_value')) {
        const allowed = alternatives.flatMap((e) => (e.code === 'invalid_value' ? e.values : []))
        return `must be ${orList(allowed.map((v) => show(v)))}, not ${show(value)}`
      }
      return `does not match any allowed form (found ${show(value)})`
    }
    case 'too_small':
      if (issue.origin === 'array') return `must have at least ${issue.minimum} item${issue.minimum === 1 ? '' : 's'}`
      if (issue.origin === 'string') return 'must not be empty'
      return `must be at least ${issue.minimum}, not ${show(value)}`
    case 'too_big':
      if (issue.origin === 'array') return `must have at most ${issue.maximum} items`
      if (issue.origin === 'string') return `must be at most ${issue.maximum} characters long`
      return `must be at most ${issue.maximum}, not ${show(value)}`
    case 'unrecognized_keys': {
      const keys = `has unknown key${issue.keys.length === 1 ? '' : 's'} ${issue.keys.map((k) => `"${k}"`).join(', ')}`
      return issue.path[issue.path.length - 1] === 'weeklyHours' ? `${keys}; days are ${WEEKDAYS.join(', ')}` : keys
    }
    case 'invalid_format':
      if (issue.format === 'regex' && issue.pattern === '/^[a-z0-9-]+$/')
        return `must be lower-case letters, digits and dashes, not ${show(value)}`
      return `is not in the expected format (${issue.format}), found ${show(value)}`
    default:
      return issue.message
  }
}

/** One line per problem: `exhibitors/ai.json › #3 "hefei-xinchip" › availability.slotMinutes: must be 15, 30, 45 or 60, not 20` */
export function formatContentProblem(p: ContentProblem): string {
  return `${p.file} › ${p.entry}${p.field ? ` › ${p.field}` : ''}: ${p.message}`
}

function entryName(index: number, raw: unknown, label = ''): string {
  const id = raw !== null && typeof raw === 'object' ? (raw as { id?: unknown }).id : undefined
  const prefix = label ? `${label} #${index}` : `#${index}`
  return typeof id === 'string' && id.trim() ? `${prefix} "${id}"` : prefix
}

/** Collects problems, keeping only the first per field so one bad value does not produce a cascade of lines. */
class ProblemList {
  readonly items: ContentProblem[] = []
  private readonly seen = new Set<string>()
  add(file: string, entry: string, field: string, message: string): void {
    const key = `${file}\u0000${entry}\u0000${field}`
    if (this.seen.has(key)) return
    this.seen.add(key)
    this.items.push({ file, entry, field, message })
  }
  /** `entryOf` splits a zod path into the entry it belongs to and the rest, which becomes the field. */
  addZod(
    file: string,
    error: z.ZodError,
    raw: unknown,
    entryOf: (path: readonly PropertyKey[]) => { entry: string; rest: readonly PropertyKey[] },
  ): void {
    for (const issue of error.issues) {
      const { entry, rest } = entryOf(issue.path)
      this.add(file, entry, fieldPath(rest), describeIssue(issue, valueAt(raw, issue.path)))
    }
  }
}

const wholeFile = (path: readonly PropertyKey[]) => ({ entry: FILE, rest: path })

/** Parses an array file entry by entry, so a bad entry does not hide the good ones from the cross-file rules. */
function parseArrayFile<T>(
  problems: ProblemList,
  file: string,
  raw: unknown,
  schema: z.ZodType<T>,
): { index: number; raw: unknown; value: T | undefined }[] {
  if (!Array.isArray(raw)) {
    problems.add(file, FILE, '', `must be a list of entries, not ${show(raw)}`)
    return []
  }
  return raw.map((item, index) => {
    const parsed = schema.safeParse(item)
    if (!parsed.success) {
      problems.addZod(file, parsed.error, item, (path) => ({ entry: entryName(index, item), rest: path }))
    }
    return { index, raw: item, value: parsed.success ? parsed.data : undefined }
  })
}

function minutes(hhmm: string): number {
  return Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5))
}

/** Office hours the booking rules rely on: at least one open day, no overlapping ranges, each range fits a slot. */
function checkOfficeHours(problems: ProblemList, file: string, entry: string, ex: Exhibitor): void {
  const { weeklyHours, slotMinutes } = ex.availability
  const openDays = WEEKDAYS.filter((d) => (weeklyHours[d]?.length ?? 0) > 0)
  if (openDays.length === 0) {
    problems.add(file, entry, 'availability.weeklyHours', 'has no office hours on any day, so no talk can be booked')
    return
  }
  for (const day of openDays) {
    const ranges = weeklyHours[day] ?? []
    ranges.forEach((r, i) => {
      const field = `availability.weeklyHours.${day}[${i}]`
      if (minutes(r.to) - minutes(r.from) < slotMinutes) {
        problems.add(file, entry, field, `${r.from}–${r.to} is shorter than one ${slotMinutes}-minute slot`)
      }
    })
  }
}

function daysInMonth(month: number): number {
  return new Date(Date.UTC(2024, month, 0)).getUTCDate() // a leap year, so 29 February is allowed
}

/**
 * Validates a pack given as `{ 'event.json': …, 'zones.json': …, 'results.json': …, 'routes.json': …, 'exhibitors/<zone>.json': … }`
 * of already-parsed JSON values: the schema, then the rules that span files.
 */
export function validateContentPack(files: Record<string, unknown>): ContentPackResult {
  const problems = new ProblemList()
  for (const required of REQUIRED_PACK_FILES) {
    if (!(required in files)) problems.add(required, FILE, '', 'file is missing from the content pack')
  }
  const has = (file: string) => file in files

  // event.json
  let event: ExpoEvent | undefined
  if (has('event.json')) {
    const raw = files['event.json']
    const parsed = eventSchema.safeParse(raw)
    if (parsed.success) {
      event = parsed.data
      if (event.startDate > event.endDate) {
        problems.add('event.json', FILE, 'endDate', `${event.endDate} is before the start date ${event.startDate}`)
      }
      const { month, day } = event.annualOpeningDay
      if (day > daysInMonth(month)) {
        problems.add('event.json', FILE, 'annualOpeningDay.day', `month ${month} has no day ${day}`)
      }
    } else problems.addZod('event.json', parsed.error, raw, wholeFile)
  }

  // zones.json: every zone exactly once, six of them on the cube
  const zones = new Map<ZoneId, Zone>()
  if (has('zones.json')) {
    const firstAt = new Map<string, number>()
    let featured = 0
    for (const { index, raw, value } of parseArrayFile(problems, 'zones.json', files['zones.json'], zoneSchema)) {
      const id = (raw as { id?: unknown } | null)?.id
      if (typeof id === 'string') {
        const first = firstAt.get(id)
        if (first !== undefined) {
          problems.add('zones.json', entryName(index, raw), 'id', `zone "${id}" is listed twice (first at #${first})`)
          continue
        }
        firstAt.set(id, index)
      }
      if (value) {
        zones.set(value.id, value)
        if (value.featured) featured++
      }
    }
    const listed = new Set(firstAt.keys())
    for (const id of ZONE_IDS) {
      if (!listed.has(id)) problems.add('zones.json', FILE, '', `zone "${id}" is missing (every zone id must appear once)`)
    }
    if (Array.isArray(files['zones.json']) && featured !== FEATURED_ZONE_COUNT && zones.size === firstAt.size) {
      problems.add('zones.json', FILE, 'featured', `${featured} zones are featured; the lobby cube needs exactly ${FEATURED_ZONE_COUNT}`)
    }
  }

  // exhibitors/<zone>.json: right zone per file, ids unique across files
  const exhibitors: Exhibitor[] = []
  const idAt = new Map<string, string>()
  // Only known when zones.json itself is valid; otherwise its own problems are reported instead.
  const sectionsOf = new Map([...zones.values()].map((z) => [z.id as string, z.sections.map((s) => s.id)]))
  for (const file of Object.keys(files).filter((f) => f.startsWith('exhibitors/'))) {
    const zone = /^exhibitors\/([^/]+)\.json$/.exec(file)?.[1]
    if (!zone || !(EXHIBITING_ZONE_IDS as readonly string[]).includes(zone)) {
      const why = zone && (ZONE_IDS as readonly string[]).includes(zone) ? `zone "${zone}" has no booths` : 'no such zone'
      problems.add(file, FILE, '', `${why}; exhibitor files are named after an exhibiting zone: ${EXHIBITING_ZONE_IDS.join(', ')}`)
    }
  }
  for (const zone of EXHIBITING_ZONE_IDS) {
    const file = exhibitorFileOf(zone)
    if (!has(file)) continue
    for (const { index, raw, value } of parseArrayFile(problems, file, files[file], exhibitorSchema)) {
      const entry = entryName(index, raw)
      const rawZone = (raw as { zone?: unknown } | null)?.zone
      if (typeof rawZone === 'string' && rawZone !== zone && (EXHIBITING_ZONE_IDS as readonly string[]).includes(rawZone)) {
        problems.add(file, entry, 'zone', `is "${rawZone}" but the entry is in ${file}; move it to ${exhibitorFileOf(rawZone)} or fix the zone`)
      }
      const id = (raw as { id?: unknown } | null)?.id
      if (typeof id === 'string') {
        const first = idAt.get(id)
        if (first) problems.add(file, entry, 'id', `duplicate id "${id}", already used by ${first}`)
        else idAt.set(id, `${file} #${index}`)
      }
      if (value) {
        const ex = value as Exhibitor
        checkOfficeHours(problems, file, entry, ex)
        const sections = sectionsOf.get(zone)
        if (ex.section && sections && !sections.includes(ex.section)) {
          problems.add(file, entry, 'section', `"${ex.section}" is not a section of zone "${zone}" in zones.json (${sections.join(', ') || 'it has none'})`)
        }
        exhibitors.push(ex)
      }
    }
  }

  // results.json
  let results: Results | undefined
  if (has('results.json')) {
    const raw = files['results.json']
    const parsed = resultsSchema.safeParse(raw)
    const entryOf = (path: readonly PropertyKey[]) => {
      const [list, index] = path
      if ((list === 'figures' || list === 'highlights') && typeof index === 'number') {
        return { entry: entryName(index, valueAt(raw, [list, index]), list), rest: path.slice(2) }
      }
      return wholeFile(path)
    }
    if (parsed.success) {
      results = parsed.data
      const seen = new Set<string>()
      results.figures.forEach((f, i) => {
        if (seen.has(f.id)) problems.add('results.json', entryName(i, f, 'figures'), 'id', `duplicate figure id "${f.id}"`)
        seen.add(f.id)
      })
    } else problems.addZod('results.json', parsed.error, raw, entryOf)
  }

  // routes.json: every stop must be a booth or zone of this pack, and each route walks a stop once
  const routes: CuratedRoute[] = []
  if (has('routes.json')) {
    // A missing or unreadable exhibitor file is reported on its own; its booths are then unknown, not absent.
    const allExhibitorFilesRead = EXHIBITING_ZONE_IDS.every((zone) => Array.isArray(files[exhibitorFileOf(zone)]))
    const firstAt = new Map<string, number>()
    for (const { index, raw, value } of parseArrayFile(problems, 'routes.json', files['routes.json'], curatedRouteSchema)) {
      const entry = entryName(index, raw)
      const id = (raw as { id?: unknown } | null)?.id
      if (typeof id === 'string') {
        const first = firstAt.get(id)
        if (first !== undefined) problems.add('routes.json', entry, 'id', `duplicate route id "${id}", already used by #${first}`)
        else firstAt.set(id, index)
      }
      if (!value) continue
      const stopAt = new Map<string, number>()
      value.stops.forEach((stop, i) => {
        const key = stop.kind === 'booth' ? `booth "${stop.exhibitorId}"` : `zone "${stop.zoneId}"`
        if (stop.kind === 'booth' && allExhibitorFilesRead && !idAt.has(stop.exhibitorId)) {
          problems.add('routes.json', entry, `stops[${i}].exhibitorId`, `no exhibitor has the id "${stop.exhibitorId}"`)
        }
        const first = stopAt.get(key)
        if (first !== undefined) problems.add('routes.json', entry, `stops[${i}]`, `repeats the ${key} of stops[${first}]`)
        else stopAt.set(key, i)
      })
      routes.push(value)
    }
  }

  // sessions.json: the convention's own programme, on its days and at its venues
  const sessions: LiveSession[] = []
  if (has('sessions.json')) {
    const allExhibitorFilesRead = EXHIBITING_ZONE_IDS.every((zone) => Array.isArray(files[exhibitorFileOf(zone)]))
    const firstAt = new Map<string, number>()
    for (const { index, raw, value } of parseArrayFile(problems, 'sessions.json', files['sessions.json'], packSessionSchema)) {
      const entry = entryName(index, raw)
      const id = (raw as { id?: unknown } | null)?.id
      if (typeof id === 'string') {
        const first = firstAt.get(id)
        if (first !== undefined) problems.add('sessions.json', entry, 'id', `duplicate session id "${id}", already used by #${first}`)
        else firstAt.set(id, index)
      }
      if (!value) continue
      if (value.endDate !== undefined && value.endDate < value.date) problems.add('sessions.json', entry, 'endDate', `${value.endDate} is before the date ${value.date}`)
      else if ((value.from === undefined) !== (value.to === undefined)) problems.add('sessions.json', entry, value.from === undefined ? 'from' : 'to', 'give both from and to, or neither when the source names no hours')
      else if (value.from !== undefined && value.to !== undefined && value.endDate === undefined && value.from >= value.to) problems.add('sessions.json', entry, 'to', `${value.to} is not after from ${value.from}`)
      else if (value.venue.kind === 'booth' && allExhibitorFilesRead && !idAt.has(value.venue.exhibitorId))
        problems.add('sessions.json', entry, 'venue.exhibitorId', `no exhibitor has the id "${value.venue.exhibitorId}"`)
      else if (event) sessions.push(packSessionToLive(value, event.timeZone))
    }
  }

  if (problems.items.length > 0 || !event || !results) return { ok: false, problems: problems.items }
  return {
    ok: true,
    pack: {
      event,
      zones: ZONE_IDS.map((id) => zones.get(id)).filter((z): z is Zone => z !== undefined),
      exhibitors,
      results,
      routes,
      sessions,
    },
  }
}

/**
 * `validateContentPack` for files as they were read, some of which could not be (not JSON, not downloaded): each of
 * those is named once by its own problem, not also as missing from the pack.
 */
export function validateReadContentPack(files: Record<string, unknown>, unreadable: readonly ContentProblem[]): ContentPackResult {
  const result = validateContentPack(files)
  if (unreadable.length === 0) return result
  const failed = new Set(unreadable.map((p) => p.file))
  return { ok: false, problems: [...unreadable, ...(result.ok ? [] : result.problems.filter((p) => !failed.has(p.file)))] }
}

/** A pack session as instants: its hours where the source names them, else its whole days, in the event's time zone. */
export function packSessionToLive(session: PackSession, timeZone: string): LiveSession {
  const lastDay = session.endDate ?? session.date
  const exact = session.from !== undefined && session.to !== undefined
  return {
    id: session.id,
    kind: session.kind,
    title: session.title,
    ...(session.description ? { description: session.description } : {}),
    venue: session.venue,
    start: wallTimeToInstant(timeZone, session.date, exact ? minutesOfDay(session.from!) : 0),
    end: exact ? wallTimeToInstant(timeZone, lastDay, minutesOfDay(session.to!)) : wallTimeToInstant(timeZone, addDays(lastDay, 1), 0),
    precision: exact ? 'minute' : 'days',
  }
}
