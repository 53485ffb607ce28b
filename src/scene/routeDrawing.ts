/** Which route the hall draws and how: the active route's walk, or a guided tour's own stops; pure over plain data. */
import type { FloorPlan, Point } from '../plan/types'
import { stopPoint, walkRoute, type WalkedRoute } from '../routes/routeDistances'
import { sameStop, type RouteStop } from '../routes/types'

export interface RouteMarker {
  /** The stop's number in the route as the visitor lists it: 1, 2, 3 … */
  number: number
  point: Point
}

/** How a stop's pin is drawn: the stop a guided tour heads for, one it has passed, or any other. */
export type PinState = 'current' | 'visited' | 'ahead'

/** The pin state of stop `number` while a tour heads for stop index `tourIndex` (-1 when no tour runs). */
export const pinState = (number: number, tourIndex: number): PinState =>
  tourIndex < 0 || number - 1 > tourIndex ? 'ahead' : number - 1 === tourIndex ? 'current' : 'visited'

export interface RouteDrawing {
  legs: Point[][]
  markers: RouteMarker[]
}

export const NO_ROUTE: RouteDrawing = { legs: [], markers: [] }

export const sameStops = (a: readonly RouteStop[], b: readonly RouteStop[]) =>
  a.length === b.length && a.every((stop, i) => sameStop(stop, b[i]))

/** The stop's point, or null for a stop this hall does not hold (a booth of another catalogue). */
function placed(plan: FloorPlan, stop: RouteStop): Point | null {
  try {
    return stopPoint(plan, stop)
  } catch {
    return null
  }
}

/**
 * What to draw: a guided tour's stops when it runs over stops other than the active route's (a curated route, say),
 * walked from the entrance; otherwise the active route with the walk the store keeps for it.
 */
export function routeDrawing(
  plan: FloorPlan,
  routeStops: readonly RouteStop[],
  routeWalk: WalkedRoute | null,
  tourStops: readonly RouteStop[] | null,
): RouteDrawing {
  let stops: readonly RouteStop[] = routeStops
  let legs: Point[][] = routeWalk?.legs ?? []
  if (tourStops && !sameStops(tourStops, routeStops)) {
    stops = tourStops
    legs = walkRoute(plan, tourStops, { from: plan.entrance }).legs
  } else if (!routeWalk) return NO_ROUTE
  const markers: RouteMarker[] = []
  stops.forEach((stop, i) => {
    const point = placed(plan, stop)
    if (point) markers.push({ number: i + 1, point })
  })
  return { legs: legs.filter((leg) => leg.length > 1), markers }
}

/** Points in the drawn path, as the debug API reports it. */
export const pathPointCount = (drawing: RouteDrawing) => drawing.legs.reduce((sum, leg) => sum + leg.length, 0)
