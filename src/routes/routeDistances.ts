/** Routes on the hall: where each stop stands, walking distances between stops along the aisles, and the ordered, drawable route. */
import type { RouteStop } from './types'
import type { FloorPlan, Point, WalkGrid } from '../plan/types'
import { findPath, pathLength } from '../plan/walk'
import { finish, walkDistanceSteps, walkDistances } from '../plan/walkGraph'
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
 * Walking distances (metres) between every pair of points along the aisles, never straight lines: one search per
 * point over the hall's corner graph (see walkGraph), not one over the grid per pair. Each is the taut walk with the
 * clearance path smoothing keeps, so it agrees with the length of the drawn walk (findPath) to within 3 % or half a
 * metre. Symmetric with a zero diagonal; Infinity where there is no way through.
 */
export function routeDistanceMatrix(plan: FloorPlan, points: readonly Point[]): number[][] {
  return walkDistances(plan.walkGrid, points)
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
  const walk = walkThrough(from, points, options.returnToStart ?? false)
  const legs = walk.slice(1).map((to, k) => drawnLeg(plan.walkGrid, walk[k], to))
  const totalMetres = legs.reduce((sum, leg) => sum + pathLength(leg), 0)
  return { legs, totalMetres, estimatedMinutes: totalMetres / WALKING_PACE_MPS / 60 + dwell * placed.length, missing }
}

/** The points a walk goes through: `from`, the stops' points, and `from` again when returning. */
const walkThrough = (from: Point, points: readonly Point[], returnToStart: boolean): Point[] =>
  returnToStart && points.length > 0 ? [from, ...points, from] : [from, ...points]

/** Legs already drawn on a grid, by their ends: a changed stop redraws only the legs it touches. */
const drawnLegs = new WeakMap<WalkGrid, Map<string, Point[]>>()
/** Beyond this many remembered legs on one grid, start over: memory stays bounded in a long session. */
const MAX_DRAWN_LEGS = 5000
const legKey = (a: Point, b: Point) => `${a.x},${a.z};${b.x},${b.z}`

function legsOn(grid: WalkGrid): Map<string, Point[]> {
  let legs = drawnLegs.get(grid)
  if (!legs) {
    legs = new Map()
    drawnLegs.set(grid, legs)
  }
  if (legs.size > MAX_DRAWN_LEGS) legs.clear()
  return legs
}

/** findPath from `a` to `b` (empty where there is no way through), found once per grid. */
function drawnLeg(grid: WalkGrid, a: Point, b: Point): Point[] {
  const legs = legsOn(grid)
  const key = legKey(a, b)
  let leg = legs.get(key)
  if (!leg) {
    leg = findPath(grid, a, b) ?? []
    legs.set(key, leg)
  }
  return leg
}

/**
 * An ordering asked of the route worker, as plain data it can be sent: the grid, and the points with `from` first.
 * (Nothing of the plan but its grid crosses to the worker.)
 */
export interface RouteOrderRequest {
  grid: WalkGrid
  points: Point[]
  returnToStart: boolean
}

export interface RouteOrderResult {
  /** Indices into the request's points in walking order, 0 (`from`) first. */
  visit: number[]
  /** The legs of that walk, drawn as walkRoute draws them, so that drawing the reordered route costs nothing more. */
  legs: Point[][]
}

/** The request for ordering `stops`, and how to read its result as indices into `stops`. */
export function routeOrderRequest(plan: FloorPlan, stops: readonly RouteStop[], options: PlanRouteOptions = {}) {
  const { placed, missing, points } = placeStops(plan, stops)
  const request: RouteOrderRequest = { grid: plan.walkGrid, points: [options.from ?? plan.entrance, ...points], returnToStart: options.returnToStart ?? false }
  /** Stops the plan does not hold keep their relative order at the end. */
  const stopOrder = (visit: readonly number[]) => [...visit.slice(1).map((node) => placed[node - 1]), ...missing]
  return { request, stopOrder }
}

/** Orders the request's points (walking distances, then optimizeOrder) and draws the walk, as resumable steps. */
export function* routeOrderSteps(request: RouteOrderRequest): Generator<void, RouteOrderResult> {
  const { grid, points, returnToStart } = request
  const matrix = yield* walkDistanceSteps(grid, points)
  yield
  const visit = optimizeOrder(matrix, { start: 0, returnToStart })
  yield
  const walk = walkThrough(points[0], visit.slice(1).map((node) => points[node]), returnToStart)
  const legs: Point[][] = []
  for (let k = 1; k < walk.length; k++) {
    legs.push(drawnLeg(grid, walk[k - 1], walk[k]))
    if (k % LEGS_PER_STEP === 0) yield
  }
  return { visit, legs }
}
const LEGS_PER_STEP = 4

/** Keeps the legs of an ordering found elsewhere (in the route worker) for walkRoute to draw the reordered route with. */
export function rememberOrderedWalk(request: RouteOrderRequest, result: RouteOrderResult): void {
  const { points, returnToStart } = request
  const walk = walkThrough(points[0], result.visit.slice(1).map((node) => points[node]), returnToStart)
  const legs = legsOn(request.grid)
  result.legs.forEach((leg, k) => legs.set(legKey(walk[k], walk[k + 1]), leg))
}

/**
 * The shortest walking order of the stops from `from` (walking distances along the aisles, never straight lines),
 * as indices into `stops`; stops the plan does not hold keep their relative order at the end.
 */
export function optimizeRouteOrder(plan: FloorPlan, stops: readonly RouteStop[], options: PlanRouteOptions = {}): number[] {
  const { request, stopOrder } = routeOrderRequest(plan, stops, options)
  return stopOrder(finish(routeOrderSteps(request)).visit)
}

/** Optimises the order, then walks it: `order` indexes the given stops. */
export function planRoute(plan: FloorPlan, stops: readonly RouteStop[], options: PlanRouteOptions = {}): PlannedRoute {
  const fullOrder = optimizeRouteOrder(plan, stops, options)
  const walked = walkRoute(plan, fullOrder.map((i) => stops[i]), options)
  const order = fullOrder.filter((i) => findStopPoint(plan, stops[i]))
  return { ...walked, order, missing: walked.missing.map((k) => fullOrder[k]) }
}
