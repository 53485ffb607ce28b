import { describe, expect, it } from 'vitest'
import { computeFloorPlan } from '../../src/plan/floorPlan'
import type { Point } from '../../src/plan/types'
import { findCellPath, isWalkable, nearestWalkable, pathLength, walkingDistance } from '../../src/plan/walk'
import { optimizeOrder, tourLength } from '../../src/routes/optimize'
import {
  DEFAULT_DWELL_MINUTES,
  WALKING_PACE_MPS,
  planRoute,
  routeDistanceMatrix,
  stopPoint,
} from '../../src/routes/routeDistances'
import type { RouteStop } from '../../src/routes/types'
import { buildPlanInput } from '../helpers/planFixture'

const plan = computeFloorPlan(buildPlanInput(170))
const grid = plan.walkGrid
const booth = (i: number): RouteStop => ({ kind: 'booth', exhibitorId: plan.booths[i].exhibitorId })
const straight = (a: Point, b: Point) => Math.hypot(b.x - a.x, b.z - a.z)

/** Booths from all over the hall, a few zones and the entrance. */
const points: Point[] = [
  plan.entrance,
  ...plan.booths.filter((_, i) => i % 11 === 0).map((b) => b.front),
  ...plan.zones.filter((_, i) => i % 4 === 1).map((z) => z.arrival),
]
const matrix = routeDistanceMatrix(plan, points)

/** Samples a polyline every few centimetres: every sample must stand on a walkable cell. */
function crossesBlocked(line: Point[]): boolean {
  for (let k = 1; k < line.length; k++) {
    const a = line[k - 1]
    const b = line[k]
    const steps = Math.max(1, Math.ceil(straight(a, b) / 0.05))
    for (let s = 0; s <= steps; s++) {
      const t = s / steps
      if (!isWalkable(grid, { x: a.x + (b.x - a.x) * t, z: a.z + (b.z - a.z) * t })) return true
    }
  }
  return false
}

describe('stopPoint', () => {
  it("is a booth's aisle front and a zone's arrival spot", () => {
    expect(stopPoint(plan, booth(3))).toEqual(plan.booths[3].front)
    expect(stopPoint(plan, { kind: 'zone', zoneId: 'nev' })).toEqual(plan.zones.find((z) => z.zoneId === 'nev')!.arrival)
  })

  it('refuses a booth the plan does not hold', () => {
    expect(() => stopPoint(plan, { kind: 'booth', exhibitorId: 'gone-0001' })).toThrow(/gone-0001/)
  })
})

describe('routeDistanceMatrix', () => {
  it('is symmetric with a zero diagonal and finite everywhere in one connected hall', () => {
    expect(matrix).toHaveLength(points.length)
    matrix.forEach((row, i) => {
      expect(row).toHaveLength(points.length)
      expect(row[i]).toBe(0)
      row.forEach((v, j) => {
        expect(Number.isFinite(v)).toBe(true)
        expect(v).toBe(matrix[j][i])
      })
    })
  })

  it('is never shorter than the straight line: walks go round walls and booths', () => {
    let detours = 0
    for (let i = 0; i < points.length; i++) {
      for (let j = i + 1; j < points.length; j++) {
        const line = straight(nearestWalkable(grid, points[i]), nearestWalkable(grid, points[j]))
        expect(matrix[i][j]).toBeGreaterThanOrEqual(line - 1e-9)
        if (matrix[i][j] > line * 1.05) detours++
      }
    }
    // Booth rows stand between most pairs: a matrix of straight lines would have none.
    expect(detours).toBeGreaterThan(points.length)
  })

  it('equals the shortest path of the walkability model, as walkingDistance measures it', () => {
    for (let i = 0; i < points.length; i += 2) {
      for (let j = i + 1; j < points.length; j += 3) {
        const walked = Math.min(walkingDistance(grid, points[i], points[j]), walkingDistance(grid, points[j], points[i]))
        // Both smooth a shortest grid path by line of sight; equal-cost grid paths can smooth a little differently.
        expect(Math.abs(matrix[i][j] - walked), `${i}→${j}`).toBeLessThanOrEqual(0.03 * walked + 0.5)
        // Smoothing only shortens the grid path (up to the half cells between a point and its cell's centre).
        expect(matrix[i][j]).toBeLessThanOrEqual(findCellPath(grid, points[i], points[j])!.length + grid.cellSize)
      }
    }
  })

  it('gives the same matrix when asked again, and for the points in another order', () => {
    expect(routeDistanceMatrix(plan, points)).toEqual(matrix)
    const reversed = routeDistanceMatrix(plan, [...points].reverse())
    const n = points.length
    expect(reversed[0][n - 1]).toBe(matrix[n - 1][0])
    expect(reversed[3][7]).toBe(matrix[n - 4][n - 8])
  })
})

describe('planRoute', () => {
  const stops: RouteStop[] = [booth(150), booth(2), { kind: 'zone', zoneId: 'korea-pavilion' }, booth(90), booth(40), booth(120), booth(11)]

  it('visits every stop once, from the entrance by default', () => {
    const route = planRoute(plan, stops)
    expect([...route.order].sort((a, b) => a - b)).toEqual(stops.map((_, i) => i))
    expect(route.legs).toHaveLength(stops.length)
    expect(route.missing).toEqual([])
    expect(route.legs[0][0]).toEqual(nearestWalkable(grid, plan.entrance))
    route.order.forEach((stop, k) => expect(route.legs[k].at(-1)).toEqual(stopPoint(plan, stops[stop])))
  })

  it('never draws a leg across a blocked cell', () => {
    const route = planRoute(plan, stops, { returnToStart: true })
    expect(route.legs).toHaveLength(stops.length + 1)
    for (const leg of route.legs) {
      expect(leg.length).toBeGreaterThanOrEqual(2)
      expect(crossesBlocked(leg)).toBe(false)
    }
  })

  it('reports the drawn length and the time at walking pace plus the dwell at each stop', () => {
    const route = planRoute(plan, stops, { dwellMinutes: 5 })
    const drawn = route.legs.reduce((sum, leg) => sum + pathLength(leg), 0)
    expect(route.totalMetres).toBeCloseTo(drawn, 9)
    expect(route.estimatedMinutes).toBeCloseTo(drawn / WALKING_PACE_MPS / 60 + 5 * stops.length, 9)
    expect(planRoute(plan, stops).estimatedMinutes).toBeCloseTo(drawn / WALKING_PACE_MPS / 60 + DEFAULT_DWELL_MINUTES * stops.length, 9)
  })

  it('walks no further than the stops in the order they were added', () => {
    const from = plan.entrance
    const d = routeDistanceMatrix(plan, [from, ...stops.map((s) => stopPoint(plan, s))])
    const route = planRoute(plan, stops, { from })
    const optimised = tourLength(d, [0, ...route.order.map((i) => i + 1)])
    expect(optimised).toBeLessThanOrEqual(tourLength(d, d.map((_, i) => i)) + 1e-9)
    expect(optimised).toBeCloseTo(tourLength(d, optimizeOrder(d)), 9)
  })

  it('starts where the visitor stands', () => {
    const here = plan.booths[150].front
    const route = planRoute(plan, stops, { from: here })
    // The booth in front of the visitor comes first, with next to no walk to it.
    expect(route.order[0]).toBe(0)
    expect(route.legs[0][0]).toEqual(here)
    expect(pathLength(route.legs[0])).toBeLessThan(0.01)
  })

  it('leaves out stops the plan does not hold, and says which', () => {
    const route = planRoute(plan, [booth(5), { kind: 'booth', exhibitorId: 'gone-0001' }, booth(60)])
    expect(route.missing).toEqual([1])
    expect([...route.order].sort()).toEqual([0, 2])
    expect(route.legs).toHaveLength(2)
  })

  it('is an empty walk with no stops', () => {
    expect(planRoute(plan, [])).toEqual({ order: [], legs: [], totalMetres: 0, estimatedMinutes: 0, missing: [] })
  })
})
