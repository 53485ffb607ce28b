/** The vocabulary of tour routes: stops, saved routes and the visitor's walking options. */
import type { ZoneId } from '../content/schema'

export type RouteStop = { kind: 'booth'; exhibitorId: string } | { kind: 'zone'; zoneId: ZoneId }

export interface SavedRoute {
  id: string
  name: string
  stops: RouteStop[]
  /** The curated route it was copied from, if any. */
  copiedFrom?: string
}

export interface RouteOptions {
  /** Where the walk begins: the hall's entrance or where the visitor stands now. */
  startFrom: 'entrance' | 'here'
  returnToStart: boolean
  /** How long the guided tour stays at each stop before going on, seconds. */
  dwellSeconds: number
}

export const DEFAULT_ROUTE_OPTIONS: RouteOptions = { startFrom: 'entrance', returnToStart: false, dwellSeconds: 10 }

export const sameStop = (a: RouteStop, b: RouteStop) =>
  a.kind === 'booth' ? b.kind === 'booth' && a.exhibitorId === b.exhibitorId : b.kind === 'zone' && a.zoneId === b.zoneId

/** The guided tour: which stops, where it is, and whether it walks, waits at a stop or is paused. */
export interface GuidedTour {
  /** A saved route's id, or `curated:<id>` for a curated one. */
  routeId: string
  name: string
  stops: RouteStop[]
  stopIndex: number
  status: 'walking' | 'dwelling' | 'paused'
  /** Epoch ms when the dwell at the current stop ends (status 'dwelling'). */
  dwellEndsAt: number | null
}
