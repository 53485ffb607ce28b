/**
 * What the visitor keeps between visits (favourites, routes, profile, language), versioned and shared by every
 * tab of the browser. Stored data is checked on read, field by field and item by item: one bad or over-long
 * list costs only its bad items, with a copy of the original kept; unreadable data is set aside; data of a newer
 * app version is left alone and never written over; two tabs merge their changes instead of the last one winning.
 */
import { z } from 'zod'
import type { PersistOptions, PersistStorage, StorageValue } from 'zustand/middleware'
import { visitorProfileSchema } from '../booking/rules'
import { isValidTimeZone } from '../booking/timeZones'
import { LANGUAGES, ZONE_IDS, urlSafeId } from '../content/schema'
import { liveSessionSchema, type LiveSession } from '../live/sessions'
import { DEFAULT_ROUTE_OPTIONS, type RouteStop, type SavedRoute } from '../routes/types'
import { mergeVisitor, TAB_FIELDS } from './visitorMerge'

export const STORAGE_KEY = 'cloud-expo:visitor'
/** `?synthetic=N` load-test halls keep their favourites and routes here, away from the visitor's own. */
export const SYNTHETIC_STORAGE_KEY = `${STORAGE_KEY}:synthetic`
/** 4 adds the live sessions the visitor keeps in their agenda: a tab of version 3 sees newer data and leaves it alone. */
export const STORAGE_VERSION = 4

/** The most the visitor's data holds; the actions refuse beyond these, with a message, and reading keeps no more. */
export const VISITOR_LIMITS = { favourites: 5000, routes: 100, stopsPerRoute: 500, routeName: 80, tourName: 120, agendaSessions: 200 } as const

const routeStopSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('booth'), exhibitorId: urlSafeId }),
  z.object({ kind: z.literal('zone'), zoneId: z.enum(ZONE_IDS) }),
])

const persistedVisitorV1Schema = z.object({
  favourites: z.array(z.unknown()),
  routeStops: z.array(z.unknown()),
  savedLanguage: z.enum(LANGUAGES).nullable(),
})

/** v2 adds the booking profile and the visitor's chosen time zone. */
const persistedVisitorV2Schema = persistedVisitorV1Schema.extend({
  profile: visitorProfileSchema.nullable(),
  visitorTimeZone: z.string().refine(isValidTimeZone, 'must be an IANA time zone'),
})

const routeOptionsSchema = z.object({
  startFrom: z.enum(['entrance', 'here']),
  returnToStart: z.boolean(),
  dwellSeconds: z.number().int().min(2).max(600),
})

const guidedTourSchema = z
  .object({
    // a saved route's id, or a curated route's as `curated:<id>`
    routeId: z.string().regex(/^(curated:)?[a-z0-9][a-z0-9-]{1,63}$/),
    name: z.string().max(VISITOR_LIMITS.tourName),
    stops: z.array(routeStopSchema).min(1).max(VISITOR_LIMITS.stopsPerRoute),
    stopIndex: z.number().int().min(0),
    status: z.enum(['walking', 'dwelling', 'paused']),
    // -1: paused while standing at a stop
    dwellEndsAt: z.number().nullable(),
  })
  // a tampered index would send the tour to a stop that does not exist
  .refine((tour) => tour.stopIndex < tour.stops.length, 'stop index out of range')

/** Version 3: several named routes, the route options and a guided tour in progress; version 4: sessions in the agenda. */
export interface PersistedVisitor {
  /** Live sessions the visitor added to their agenda, as they were when added (shown and exported even offline). */
  agendaSessions: LiveSession[]
  favourites: string[]
  routes: SavedRoute[]
  activeRouteId: string | null
  routeOptions: z.infer<typeof routeOptionsSchema>
  guidedTour: z.infer<typeof guidedTourSchema> | null
  savedLanguage: (typeof LANGUAGES)[number] | null
  profile: z.infer<typeof visitorProfileSchema> | null
  visitorTimeZone: string
}

export type StorageProblem =
  /** Unreadable as a whole: set aside under `backupKey`, or (null) left where it is when even that failed. */
  | { kind: 'corrupt'; backupKey: string | null }
  /** `dropped` unreadable or surplus items were left out; the original is copied to `backupKey` (null: kept in place). */
  | { kind: 'repaired'; backupKey: string | null; dropped: number }
  /** Written by a newer version of the app: left alone, and this tab saves nothing over it. */
  | { kind: 'newer'; version: number }
  | { kind: 'quota' }
  | { kind: 'unavailable' }

let problemListener: ((problem: StorageProblem) => void) | null = null
const pendingProblems: StorageProblem[] = []

/** Problems found while hydrating happen before the UI exists: they wait here until someone listens. */
export function onStorageProblem(listener: (problem: StorageProblem) => void) {
  problemListener = listener
  pendingProblems.splice(0).forEach(listener)
}

function report(problem: StorageProblem) {
  if (problemListener) problemListener(problem)
  else pendingProblems.push(problem)
}

function browserStorage(): Storage | null {
  try {
    return typeof localStorage === 'undefined' ? null : localStorage
  } catch {
    return null // e.g. storage disabled by the browser's privacy settings
  }
}

const isQuotaError = (error: unknown) =>
  error instanceof DOMException && (error.name === 'QuotaExceededError' || error.code === 22 || error.name === 'NS_ERROR_DOM_QUOTA_REACHED')

export function browserTimeZone(): string {
  try {
    return Intl.DateTimeFormat().resolvedOptions().timeZone || 'Asia/Shanghai'
  } catch {
    return 'Asia/Shanghai'
  }
}

/** What a visitor without stored data starts with. */
export function emptyVisitor(): PersistedVisitor {
  return {
    agendaSessions: [],
    favourites: [],
    routes: [],
    activeRouteId: null,
    routeOptions: DEFAULT_ROUTE_OPTIONS,
    guidedTour: null,
    savedLanguage: null,
    profile: null,
    visitorTimeZone: browserTimeZone(),
  }
}

/** The part of the store that is kept: only what the visitor chose, never the hall, the camera or open panels. */
export function pickPersisted(state: PersistedVisitor): PersistedVisitor {
  return {
    agendaSessions: state.agendaSessions,
    favourites: state.favourites,
    routes: state.routes,
    activeRouteId: state.activeRouteId,
    routeOptions: state.routeOptions,
    guidedTour: state.guidedTour,
    savedLanguage: state.savedLanguage,
    profile: state.profile,
    visitorTimeZone: state.visitorTimeZone,
  }
}

/**
 * Reads stored visitor data of the current version item by item: what fails its rule (an id of the wrong shape,
 * a stop in no zone, a tour index out of range) or exceeds a limit is left out and counted, the rest is kept.
 */
export function salvageVisitor(state: unknown): { visitor: PersistedVisitor; dropped: number } {
  const fields = typeof state === 'object' && state !== null ? (state as Record<string, unknown>) : {}
  const visitor = emptyVisitor()
  let dropped = 0
  const field = <T>(name: keyof PersistedVisitor, schema: z.ZodType<T>, fallback: T): T => {
    const parsed = schema.safeParse(fields[name])
    if (parsed.success) return parsed.data
    dropped++
    return fallback
  }
  /** The valid, distinct items of a stored list, at most `max`. */
  const items = <T>(value: unknown, read: (item: unknown) => T | null, keyOf: (item: T) => string, max: number): T[] => {
    if (!Array.isArray(value)) {
      dropped++
      return []
    }
    const kept = new Map<string, T>()
    for (const raw of value) {
      const item = read(raw)
      if (item === null || kept.has(keyOf(item)) || kept.size >= max) dropped++
      else kept.set(keyOf(item), item)
    }
    return [...kept.values()]
  }
  const valid = <T>(schema: z.ZodType<T>) => (raw: unknown) => {
    const parsed = schema.safeParse(raw)
    return parsed.success ? parsed.data : null
  }
  const stopKey = (stop: RouteStop) => (stop.kind === 'booth' ? `booth:${stop.exhibitorId}` : `zone:${stop.zoneId}`)
  const readRoute = (raw: unknown): SavedRoute | null => {
    const parsed = z.object({ id: urlSafeId, name: z.string(), stops: z.unknown(), copiedFrom: z.string().max(64).optional() }).safeParse(raw)
    if (!parsed.success) return null
    const { id, name, stops, copiedFrom } = parsed.data
    if (name.length > VISITOR_LIMITS.routeName) dropped++
    return {
      id,
      name: name.slice(0, VISITOR_LIMITS.routeName),
      stops: items(stops, valid(routeStopSchema), stopKey, VISITOR_LIMITS.stopsPerRoute),
      ...(copiedFrom === undefined ? {} : { copiedFrom }),
    }
  }

  visitor.favourites = items(fields.favourites, valid(urlSafeId), (id) => id, VISITOR_LIMITS.favourites)
  visitor.agendaSessions = items(fields.agendaSessions, valid(liveSessionSchema), (session) => session.id, VISITOR_LIMITS.agendaSessions)
  visitor.routes = items(fields.routes, readRoute, (route) => route.id, VISITOR_LIMITS.routes)
  const activeRouteId = field('activeRouteId', z.string().nullable(), null)
  if (activeRouteId === null || visitor.routes.some((r) => r.id === activeRouteId)) visitor.activeRouteId = activeRouteId
  else dropped++
  visitor.routeOptions = field('routeOptions', routeOptionsSchema, visitor.routeOptions)
  visitor.guidedTour = field('guidedTour', guidedTourSchema.nullable(), null)
  visitor.savedLanguage = field('savedLanguage', z.enum(LANGUAGES).nullable(), null)
  visitor.profile = field('profile', visitorProfileSchema.nullable(), null)
  visitor.visitorTimeZone = field('visitorTimeZone', z.string().refine(isValidTimeZone), visitor.visitorTimeZone)
  return { visitor, dropped }
}

/** Older stored versions are lifted to the current one; the browser's time zone fills what v1 lacked. Throws on a wrong shape. */
export function migrateVisitor(state: unknown, version: number): unknown {
  if (version >= STORAGE_VERSION) return state
  // v3 → v4: no session was in anyone's agenda yet
  if (version === 3) return { ...(z.object({}).passthrough().parse(state)), agendaSessions: [] }
  const v2 =
    version === 1
      ? { ...persistedVisitorV1Schema.parse(state), profile: null, visitorTimeZone: browserTimeZone() }
      : persistedVisitorV2Schema.parse(state)
  const { routeStops, ...rest } = v2
  // The one list of stops of v1 and v2 becomes the visitor's first saved route.
  const routes = routeStops.length > 0 ? [{ id: 'route-1', name: '', stops: routeStops }] : []
  return { ...rest, routes, activeRouteId: routes.length > 0 ? 'route-1' : null, routeOptions: DEFAULT_ROUTE_OPTIONS, guidedTour: null, agendaSessions: [] }
}

type VisitorRead =
  | { kind: 'ok'; visitor: PersistedVisitor; dropped: number }
  | { kind: 'unreadable' }
  | { kind: 'newer'; version: number }

/** Reads a stored value: the version is checked before anything else, so a newer app's data is never judged by our shapes. */
export function readVisitor(raw: string): VisitorRead {
  let envelope: unknown
  try {
    envelope = JSON.parse(raw)
  } catch {
    return { kind: 'unreadable' }
  }
  const version = typeof envelope === 'object' && envelope !== null ? (envelope as { version?: unknown }).version : undefined
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 1) return { kind: 'unreadable' }
  if (version > STORAGE_VERSION) return { kind: 'newer', version }
  let state: unknown
  try {
    state = migrateVisitor((envelope as { state?: unknown }).state, version)
  } catch {
    return { kind: 'unreadable' }
  }
  const { visitor, dropped } = salvageVisitor(state)
  return { kind: 'ok', visitor, dropped }
}

/** How the store is reached when another tab's change must be laid into it. */
export interface VisitorStoreLink {
  /** This tab's current visitor data. */
  current(): PersistedVisitor
  /** Takes merged data into this tab (its tab fields stay its own). */
  apply(visitor: PersistedVisitor): void
}

/**
 * The visitor's storage under one key, merging across tabs. It remembers what it last read or wrote (`synced`)
 * and, as the merge base, the state this tab then had: a write lays this tab's changes since over whatever is
 * stored now, and another tab's write (the `storage` event) is laid into this tab the same way.
 */
export class VisitorStorage implements PersistStorage<PersistedVisitor> {
  private synced: { raw: string | null; stored: PersistedVisitor | null; base: PersistedVisitor | null } = { raw: null, stored: null, base: null }
  /** Data this tab must not write over: a newer version's, or unreadable data that could not be set aside. */
  private readOnly = false
  private link: VisitorStoreLink | null = null
  private readonly reported = new Set<string>()
  readonly key: string

  constructor(key: string) {
    this.key = key
  }

  getItem(): StorageValue<PersistedVisitor> | null {
    const storage = browserStorage()
    if (!storage) return null
    const raw = storage.getItem(this.key)
    const visitor = raw === null ? null : this.read(storage, raw)
    this.synced = { raw, stored: visitor, base: visitor }
    return visitor ? { state: visitor, version: STORAGE_VERSION } : null
  }

  setItem(_key: string, value: StorageValue<PersistedVisitor>): void {
    const storage = browserStorage()
    if (!storage || this.readOnly) return
    const ours = pickPersisted(value.state)
    const current = storage.getItem(this.key)
    const theirs = current === this.synced.raw ? this.synced.stored : current === null ? null : this.read(storage, current)
    if (this.readOnly) return
    const next = theirs ? mergeVisitor(this.synced.base ?? emptyVisitor(), ours, theirs, VISITOR_LIMITS) : ours
    const raw = JSON.stringify({ state: next, version: STORAGE_VERSION })
    if (raw !== current) {
      try {
        storage.setItem(this.key, raw)
      } catch (error) {
        this.report(isQuotaError(error) ? { kind: 'quota' } : { kind: 'unavailable' })
        return
      }
    }
    this.synced = { raw, stored: next, base: withTabFields(next, ours) }
    if (!sameSharedFields(next, ours)) this.link?.apply(next)
  }

  removeItem(): void {
    if (!this.readOnly) browserStorage()?.removeItem(this.key)
  }

  /** Follows other tabs' writes (the `storage` event fires in every tab but the writer). Returns the way to stop. */
  followOtherTabs(link: VisitorStoreLink): () => void {
    this.link = link
    const onStorage = (event: StorageEvent) => {
      const storage = browserStorage()
      if (!storage || event.storageArea !== storage || (event.key !== this.key && event.key !== null) || this.readOnly) return
      const raw = storage.getItem(this.key)
      // cleared in another tab (site data removed): this tab's next change writes its data back
      const theirs = raw === null ? null : this.read(storage, raw)
      if (!theirs) return
      const ours = link.current()
      const next = mergeVisitor(this.synced.base ?? emptyVisitor(), ours, theirs, VISITOR_LIMITS)
      this.synced = { raw, stored: theirs, base: withTabFields(theirs, ours) }
      if (!sameSharedFields(next, ours)) link.apply(next)
    }
    window.addEventListener('storage', onStorage)
    return () => {
      window.removeEventListener('storage', onStorage)
      this.link = null
    }
  }

  /** Reads a stored value, setting aside what cannot be read and copying the original of what had to be repaired. */
  private read(storage: Storage, raw: string): PersistedVisitor | null {
    const read = readVisitor(raw)
    if (read.kind === 'newer') {
      this.readOnly = true
      this.report({ kind: 'newer', version: read.version })
      return null
    }
    if (read.kind === 'unreadable') {
      const backupKey = this.backUp(storage, raw)
      if (backupKey) storage.removeItem(this.key)
      else this.readOnly = true
      this.report({ kind: 'corrupt', backupKey })
      return null
    }
    if (read.dropped > 0) {
      const backupKey = this.backUp(storage, raw)
      if (!backupKey) this.readOnly = true
      this.report({ kind: 'repaired', backupKey, dropped: read.dropped })
    }
    return read.visitor
  }

  /** Copies a value under a backup key not yet used; null when there is no room, so nothing is claimed that was not done. */
  private backUp(storage: Storage, raw: string): string | null {
    const base = `${this.key}:backup:${new Date().toISOString()}`
    let key = base
    for (let n = 2; storage.getItem(key) !== null; n++) key = `${base}#${n}`
    try {
      storage.setItem(key, raw)
      return key
    } catch {
      return null
    }
  }

  /** Each standing problem once per page: a newer tab's data is met again at every write. */
  private report(problem: StorageProblem) {
    const key = JSON.stringify(problem)
    if (this.reported.has(key)) return
    this.reported.add(key)
    report(problem)
  }
}

/** The merge base keeps this tab's own tab fields, so another tab's open route or tour is never taken for a change here. */
function withTabFields(stored: PersistedVisitor, ours: PersistedVisitor): PersistedVisitor {
  const base = { ...stored }
  for (const name of TAB_FIELDS) Object.assign(base, { [name]: ours[name] })
  return base
}

function sameSharedFields(a: PersistedVisitor, b: PersistedVisitor): boolean {
  const shared = (v: PersistedVisitor) => JSON.stringify({ ...v, activeRouteId: null, guidedTour: null })
  return shared(a) === shared(b)
}

/** The key this page keeps its visitor data under: a synthetic load-test hall never touches the visitor's own. */
export function visitorStorageKey(synthetic: boolean): string {
  return synthetic ? SYNTHETIC_STORAGE_KEY : STORAGE_KEY
}

export function visitorPersistOptions<S extends PersistedVisitor>(storage: VisitorStorage): PersistOptions<S, PersistedVisitor> {
  return {
    name: storage.key,
    version: STORAGE_VERSION,
    storage,
    partialize: pickPersisted,
    // Restore over the defaults: stored fields replace defaults, everything else stays as built.
    merge: (persisted, current) => ({ ...current, ...(persisted as PersistedVisitor) }),
  }
}
