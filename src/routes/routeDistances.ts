/** Routes on the hall: where each stop stands, walking distances between stops along the aisles, and the ordered, drawable route. */
import type { RouteStop } from './types'
import type { FloorPlan, Point, WalkGrid } from '../plan/types'
import { distancesFrom, findPath, pathLength } from '../plan/walk'
import { optimizeOrder } from './optimize'

/** An unhurried visitor's walking pace through a crowded hall, metres per second. */
export const WALKING_PACE_MPS = 1.2
/** Time spent at each stop unless the visitor chooses otherwise, minutes. */
export const DEFAULT_DWELL_MINUTES = 3

export interface PlanRouteOptions {
  /** Where the walk begins: the entrance (default) or where the visitor stands. */
  from?: Point
  /** Walk back to `from` at the end. */
  returnToStart?: boolean
  /** Minutes spent at each stop. */
  dwellMinutes?: number
}

export interface PlannedRoute {
  /** Indices into the stops, in walking order; stops not on the plan are left out (see `missing`). */
  order: number[]
  /** One polyline per leg, from `from` to the first stop, between stops, and back when returning; empty where there is no way through. */
  legs: Point[][]
  totalMetres: number
  estimatedMinutes: number
  /** Indices of stops the plan does not hold (a booth of another catalogue): not walked, not timed. */
  missing: number[]
}

/** The point a stop is walked to: a booth's aisle front, or the spot a visitor arriving in a zone stands on. */
export function stopPoint(plan: FloorPlan, stop: RouteStop): Point {
  const point = findStopPoint(plan, stop)
  if (!point) {
    throw new RangeError(stop.kind === 'booth' ? `no booth for exhibitor ${stop.exhibitorId}` : `no zone ${stop.zoneId}`)
  }
  return point
}

const boothFronts = new WeakMap<FloorPlan, Map<string, Point>>()

function findStopPoint(plan: FloorPlan, stop: RouteStop): Point | null {
  if (stop.kind === 'zone') return plan.zones.find((z) => z.zoneId === stop.zoneId)?.arrival ?? null
  let fronts = boothFronts.get(plan)
  if (!fronts) {
    fronts = new Map(plan.booths.map((b) => [b.exhibitorId, b.front]))
    boothFronts.set(plan, fronts)
  }
  return fronts.get(stop.exhibitorId) ?? null
}

/**
 * Walking distances (metres) between every pair of points along the walk grid, never straight lines: one
 * `distancesFrom` per point. The two directions of a pair can differ by a metre or two, because each search smooths
 * its own grid path; the matrix keeps the shorter, since a walk is as long backwards and so the shorter is
 * achievable both ways. Symmetric with a zero diagonal; Infinity where there is no way through.
 */
export function routeDistanceMatrix(plan: FloorPlan, points: Point[]): number[][] {
  const directed = directedDistances(plan.walkGrid, points)
  const n = points.length
  const matrix = points.map(() => new Array<number>(n).fill(0))
  for (let i = 0; i < n; i++) {
    for (let j = i + 1; j < n; j++) matrix[i][j] = matrix[j][i] = Math.min(directed[i][j], directed[j][i])
  }
  return matrix
}

/** Directed distances already measured on a grid, by source then target point: a grid never changes once built. */
const measured = new WeakMap<WalkGrid, Map<string, Map<string, number>>>()
/** Beyond this many remembered pairs on one grid, start over: memory stays bounded in a long session. */
const MAX_MEASURED_PAIRS = 250_000
const pointKey = (p: Point) => `${p.x},${p.z}`

/**
 * Each search runs the grid until its targets are settled, tens of milliseconds on a big hall, so pairs are
 * remembered: optimising again, or after reordering, costs no search, and adding a stop searches only towards it.
 */
function directedDistances(grid: WalkGrid, points: Point[]): number[][] {
  let bySource = measured.get(grid)
  if (!bySource) {
    bySource = new Map()
    measured.set(grid, bySource)
  }
  let pairs = 0
  for (const row of bySource.values()) pairs += row.size
  if (pairs > MAX_MEASURED_PAIRS) bySource.clear()
  const keys = points.map(pointKey)
  return points.map((from, i) => {
    let row = bySource.get(keys[i])
    if (!row) {
      row = new Map()
      bySource.set(keys[i], row)
    }
    const missing = points.filter((_, j) => j !== i && !row.has(keys[j]))
    if (missing.length > 0) {
      const found = distancesFrom(grid, from, missing)
      missing.forEach((p, k) => row.set(pointKey(p), found[k]))
    }
    return keys.map((key, j) => (j === i ? 0 : row.get(key)!))
  })
}

/** Where each stop is walked to, with the stops the plan does not hold set apart. */
function placeStops(plan: FloorPlan, stops: readonly RouteStop[]) {
  const placed: number[] = []
  const missing: number[] = []
  const points: Point[] = []
  stops.forEach((stop, i) => {
    const point = findStopPoint(plan, stop)
    if (point) {
      placed.push(i)
      points.push(point)
    } else missing.push(i)
  })
  return { placed, missing, points }
}

export interface WalkedRoute {
  /** One polyline per leg, from `from` to the first stop, between stops, and back when returning; empty where there is no way through. */
  legs: Point[][]
  totalMetres: number
  estimatedMinutes: number
  /** Indices of stops the plan does not hold (a booth of another catalogue): not walked, not timed. */
  missing: number[]
}

/** The walk through the stops in the order given: the paths to draw and follow, their length and the time it takes. */
export function walkRoute(plan: FloorPlan, stops: readonly RouteStop[], options: PlanRouteOptions = {}): WalkedRoute {
  const from = options.from ?? plan.entrance
  const dwell = options.dwellMinutes ?? DEFAULT_DWELL_MINUTES
  const { placed, missing, points } = placeStops(plan, stops)
  const walk = [from, ...points]
  if (options.returnToStart && points.length > 0) walk.push(from)
  const legs: Point[][] = []
  let totalMetres = 0
  for (let k = 1; k < walk.length; k++) {
    const leg = findPath(plan.walkGrid, walk[k - 1], walk[k]) ?? []
    legs.push(leg)
    totalMetres += pathLength(leg)
  }
  return { legs, totalMetres, estimatedMinutes: totalMetres / WALKING_PACE_MPS / 60 + dwell * placed.length, missing }
}

/**
 * The shortest walking order of the stops from `from` (walking distances over the grid, never straight lines), as
 * indices into `stops`; stops the plan does not hold keep their relative order at the end.
 */
export function optimizeRouteOrder(plan: FloorPlan, stops: readonly RouteStop[], options: PlanRouteOptions = {}): number[] {
  const from = options.from ?? plan.entrance
  const { placed, missing, points } = placeStops(plan, stops)
  const visit = optimizeOrder(routeDistanceMatrix(plan, [from, ...points]), { start: 0, returnToStart: options.returnToStart ?? false })
  return [...visit.slice(1).map((node) => placed[node - 1]), ...missing]
}

/** Optimises the order, then walks it: `order` indexes the given stops. */
export function planRoute(plan: FloorPlan, stops: readonly RouteStop[], options: PlanRouteOptions = {}): PlannedRoute {
  const fullOrder = optimizeRouteOrder(plan, stops, options)
  const walked = walkRoute(plan, fullOrder.map((i) => stops[i]), options)
  const order = fullOrder.filter((i) => findStopPoint(plan, stops[i]))
  return { ...walked, order, missing: walked.missing.map((k) => fullOrder[k]) }
}
