/**
 * What the visitor keeps between visits (favourites, route, language), versioned; unreadable stored data
 * is set aside under a backup key and reported, never crashing the app nor silently overwritten.
 */
import { z } from 'zod'
import type { PersistOptions, PersistStorage, StorageValue } from 'zustand/middleware'
import { visitorProfileSchema } from '../booking/rules'
import { isValidTimeZone } from '../booking/timeZones'
import { LANGUAGES, ZONE_IDS } from '../content/schema'
import { DEFAULT_ROUTE_OPTIONS } from '../routes/types'

export const STORAGE_KEY = 'cloud-expo:visitor'
export const STORAGE_VERSION = 3

const routeStopSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('booth'), exhibitorId: z.string().min(1).max(64) }),
  z.object({ kind: z.literal('zone'), zoneId: z.enum(ZONE_IDS) }),
])

const persistedVisitorV1Schema = z.object({
  favourites: z.array(z.string().min(1).max(64)).max(5000),
  routeStops: z.array(routeStopSchema).max(500),
  savedLanguage: z.enum(LANGUAGES).nullable(),
})

/** v2 adds the booking profile and the visitor's chosen time zone. */
const persistedVisitorV2Schema = persistedVisitorV1Schema.extend({
  profile: visitorProfileSchema.nullable(),
  visitorTimeZone: z.string().refine(isValidTimeZone, 'must be an IANA time zone'),
})

const savedRouteSchema = z.object({
  id: z.string().min(1).max(64),
  name: z.string().max(80),
  stops: z.array(routeStopSchema).max(500),
  copiedFrom: z.string().max(64).optional(),
})

/** v3 keeps several named routes instead of one list of stops, the route options and a guided tour in progress. */
export const persistedVisitorSchema = persistedVisitorV2Schema.omit({ routeStops: true }).extend({
  routes: z.array(savedRouteSchema).max(100),
  activeRouteId: z.string().nullable(),
  routeOptions: z.object({
    startFrom: z.enum(['entrance', 'here']),
    returnToStart: z.boolean(),
    dwellSeconds: z.number().int().min(2).max(600),
  }),
  guidedTour: z
    .object({
      routeId: z.string(),
      name: z.string().max(120),
      stops: z.array(routeStopSchema).min(1).max(500),
      stopIndex: z.number().int().min(0),
      status: z.enum(['walking', 'dwelling', 'paused']),
      dwellEndsAt: z.number().nullable(),
    })
    .nullable(),
})
export type PersistedVisitor = z.infer<typeof persistedVisitorSchema>

export type StorageProblem = { kind: 'corrupt'; backupKey: string } | { kind: 'quota' } | { kind: 'unavailable' }

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

/** Keeps the unreadable value under its own key so nothing the visitor had is lost. */
function setAside(storage: Storage, key: string, raw: string) {
  const backupKey = `${key}:backup:${new Date().toISOString()}`
  try {
    storage.setItem(backupKey, raw)
    storage.removeItem(key)
  } catch {
    // No room for a backup: leave the original where it is, and write nothing over it this session.
    readOnly.add(key)
  }
  report({ kind: 'corrupt', backupKey })
}

const readOnly = new Set<string>()

const isQuotaError = (error: unknown) =>
  error instanceof DOMException && (error.name === 'QuotaExceededError' || error.code === 22 || error.name === 'NS_ERROR_DOM_QUOTA_REACHED')

export function createGuardedStorage<S>(validate: (state: unknown, version: number) => boolean): PersistStorage<S> {
  return {
    getItem(key) {
      const storage = browserStorage()
      if (!storage) return null
      const raw = storage.getItem(key)
      if (raw === null) return null
      let parsed: unknown
      try {
        parsed = JSON.parse(raw)
      } catch {
        setAside(storage, key, raw)
        return null
      }
      const envelope = parsed as Partial<StorageValue<S>>
      const valid =
        typeof envelope === 'object' && envelope !== null && typeof envelope.version === 'number' &&
        envelope.version <= STORAGE_VERSION && validate(envelope.state, envelope.version)
      if (!valid) {
        setAside(storage, key, raw)
        return null
      }
      return envelope as StorageValue<S>
    },
    setItem(key, value) {
      const storage = browserStorage()
      if (!storage || readOnly.has(key)) return
      try {
        storage.setItem(key, JSON.stringify(value))
      } catch (error) {
        report(isQuotaError(error) ? { kind: 'quota' } : { kind: 'unavailable' })
      }
    },
    removeItem(key) {
      browserStorage()?.removeItem(key)
    },
  }
}

/** Older stored versions are lifted to the current one here; the browser's time zone fills what v1 lacked. */
export function migrateVisitor(state: unknown, version: number): PersistedVisitor {
  const v2 =
    version === 1
      ? { ...persistedVisitorV1Schema.parse(state), profile: null, visitorTimeZone: Intl.DateTimeFormat().resolvedOptions().timeZone || 'Asia/Shanghai' }
      : version === 2
        ? persistedVisitorV2Schema.parse(state)
        : null
  if (!v2) return persistedVisitorSchema.parse(state)
  const { routeStops, ...rest } = v2
  // The one list of stops of v1 and v2 becomes the visitor's first saved route.
  const routes = routeStops.length > 0 ? [{ id: 'route-1', name: '', stops: routeStops }] : []
  return { ...rest, routes, activeRouteId: routes[0]?.id ?? null, routeOptions: DEFAULT_ROUTE_OPTIONS, guidedTour: null }
}

/** Per-field persistence: only what the visitor chose is kept, never the hall, the camera or open panels. */
export function visitorPersistOptions<S extends PersistedVisitor>(): PersistOptions<S, PersistedVisitor> {
  return {
    name: STORAGE_KEY,
    version: STORAGE_VERSION,
    storage: createGuardedStorage<PersistedVisitor>((state, version) =>
      (version === 1 ? persistedVisitorV1Schema : version === 2 ? persistedVisitorV2Schema : persistedVisitorSchema).safeParse(state)
        .success,
    ),
    partialize: (state) => ({
      favourites: state.favourites,
      routes: state.routes,
      activeRouteId: state.activeRouteId,
      routeOptions: state.routeOptions,
      guidedTour: state.guidedTour,
      savedLanguage: state.savedLanguage,
      profile: state.profile,
      visitorTimeZone: state.visitorTimeZone,
    }),
    migrate: migrateVisitor,
    // Restore over the defaults: stored fields replace defaults, everything else stays as built.
    merge: (persisted, current) => ({ ...current, ...(persisted as PersistedVisitor) }),
  }
}
