/**
 * Three-way merge of the visitor's stored data, so two tabs never lose each other's changes: what this tab
 * changed since it last synchronised with storage (base → ours) is laid over what storage holds now (theirs),
 * item by item. A favourite added here and a stop added there both survive; a route deleted in one tab stays
 * deleted even if the other renamed it.
 */
import type { RouteStop, SavedRoute } from '../routes/types'
import type { PersistedVisitor } from './persistence'

/** Fields that describe what this tab is doing (which route is open, a tour under way): never taken from another tab. */
export const TAB_FIELDS = ['activeRouteId', 'guidedTour'] as const satisfies readonly (keyof PersistedVisitor)[]

const same = (a: unknown, b: unknown) => a === b || JSON.stringify(a) === JSON.stringify(b)

/** A single value: ours if this tab changed it, else whatever storage holds now. */
function mergeValue<T>(base: T, ours: T, theirs: T): T {
  return same(ours, base) ? theirs : ours
}

/**
 * Merges lists of items with identities. Removed on either side wins; added on either side is kept; an item
 * changed on one side takes that side; changed on both goes to `mergeItem` (else ours). The order is ours when
 * this tab reordered, else storage's, with the other side's new items after.
 */
export function mergeLists<T>(
  base: readonly T[],
  ours: readonly T[],
  theirs: readonly T[],
  keyOf: (item: T) => string,
  mergeItem?: (base: T, ours: T, theirs: T) => T,
): T[] {
  const index = (list: readonly T[]) => new Map(list.map((item) => [keyOf(item), item]))
  const [b, o, t] = [index(base), index(ours), index(theirs)]
  const oursReordered = !same(ours.filter((item) => b.has(keyOf(item))).map(keyOf), base.filter((item) => o.has(keyOf(item))).map(keyOf))
  const order = oursReordered ? [...o.keys(), ...t.keys()] : [...t.keys(), ...o.keys()]
  const result: T[] = []
  const done = new Set<string>()
  for (const key of order) {
    if (done.has(key)) continue
    done.add(key)
    const [before, mine, stored] = [b.get(key), o.get(key), t.get(key)]
    if (before !== undefined && (mine === undefined || stored === undefined)) continue // removed on one side
    if (mine === undefined) result.push(stored!)
    else if (stored === undefined || before === undefined || same(stored, before)) result.push(mine)
    else if (same(mine, before)) result.push(stored)
    else result.push(mergeItem ? mergeItem(before, mine, stored) : mine)
  }
  return result
}

const stopKey = (stop: RouteStop) => (stop.kind === 'booth' ? `booth:${stop.exhibitorId}` : `zone:${stop.zoneId}`)

function mergeRoute(base: SavedRoute, ours: SavedRoute, theirs: SavedRoute): SavedRoute {
  return {
    ...ours,
    name: mergeValue(base.name, ours.name, theirs.name),
    stops: mergeLists(base.stops, ours.stops, theirs.stops, stopKey),
  }
}

/**
 * The stored document after laying this tab's changes over storage's. Lists are cut to their limits (two tabs
 * may each have added up to them); tab fields are this tab's when it changed them, else storage's.
 */
export function mergeVisitor(
  base: PersistedVisitor,
  ours: PersistedVisitor,
  theirs: PersistedVisitor,
  limits: { favourites: number; routes: number; stopsPerRoute: number; agendaSessions: number },
): PersistedVisitor {
  const routes = mergeLists(base.routes, ours.routes, theirs.routes, (r) => r.id, mergeRoute)
    .slice(0, limits.routes)
    .map((r) => (r.stops.length > limits.stopsPerRoute ? { ...r, stops: r.stops.slice(0, limits.stopsPerRoute) } : r))
  const merged: PersistedVisitor = {
    // a session added in either tab stays, removed in either is gone; an id both changed keeps this tab's copy
    agendaSessions: mergeLists(base.agendaSessions, ours.agendaSessions, theirs.agendaSessions, (s) => s.id).slice(0, limits.agendaSessions),
    favourites: mergeLists(base.favourites, ours.favourites, theirs.favourites, (id) => id).slice(0, limits.favourites),
    routes,
    activeRouteId: mergeValue(base.activeRouteId, ours.activeRouteId, theirs.activeRouteId),
    routeOptions: mergeValue(base.routeOptions, ours.routeOptions, theirs.routeOptions),
    guidedTour: mergeValue(base.guidedTour, ours.guidedTour, theirs.guidedTour),
    savedLanguage: mergeValue(base.savedLanguage, ours.savedLanguage, theirs.savedLanguage),
    profile: mergeValue(base.profile, ours.profile, theirs.profile),
    visitorTimeZone: mergeValue(base.visitorTimeZone, ours.visitorTimeZone, theirs.visitorTimeZone),
  }
  if (merged.activeRouteId !== null && !routes.some((r) => r.id === merged.activeRouteId)) merged.activeRouteId = routes.at(-1)?.id ?? null
  return merged
}

