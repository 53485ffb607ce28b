import { describe, expect, it } from 'vitest'
import { computeFloorPlan } from '../../src/plan/floorPlan'
import type { Point, WalkGrid } from '../../src/plan/types'
import { distancesFrom, isWalkable, nearestWalkable, pathLength } from '../../src/plan/walk'
import { walkDistances, walkDistanceSteps, walkGraph, walkGraphPath } from '../../src/plan/walkGraph'
import { buildPlanInput } from '../helpers/planFixture'
import { loadRealPack } from '../helpers/realPack'
import { gridFrom } from '../helpers/textGrid'


const straight = (a: Point, b: Point) => Math.hypot(b.x - a.x, b.z - a.z)

/** Samples a polyline every few centimetres: every sample must stand on a walkable cell. */
function crossesBlocked(grid: WalkGrid, line: Point[]): boolean {
  for (let k = 1; k < line.length; k++) {
    const steps = Math.max(1, Math.ceil(straight(line[k - 1], line[k]) / 0.05))
    for (let s = 0; s <= steps; s++) {
      const t = s / steps
      const p = { x: line[k - 1].x + (line[k].x - line[k - 1].x) * t, z: line[k - 1].z + (line[k].z - line[k - 1].z) * t }
      if (!isWalkable(grid, p)) return true
    }
  }
  return false
}

describe('walkDistances on the real hall', () => {
  const pack = loadRealPack()
  const plan = computeFloorPlan({ zones: pack.zones, exhibitors: pack.exhibitors })
  const grid = plan.walkGrid
  const points: Point[] = [
    plan.entrance,
    ...plan.booths.filter((_, i) => i % 6 === 0).map((b) => b.front),
    ...plan.zones.filter((_, i) => i % 2 === 0).map((z) => z.arrival),
  ]
  const matrix = walkDistances(grid, points)
  // What it replaces: one grid search per point, each path smoothed, the shorter direction of each pair kept.
  const searched = points.map((p) => distancesFrom(grid, p, points))
  const perPair = (i: number, j: number) => Math.min(searched[i][j], searched[j][i])

  it('is never more than 1 % and half a metre longer than the per-pair grid search it replaces', () => {
    let longer = 0
    for (let i = 0; i < points.length; i++) {
      for (let j = i + 1; j < points.length; j++) {
        expect(matrix[i][j], `${i}→${j}`).toBeLessThanOrEqual(perPair(i, j) * 1.01 + 0.5)
        if (matrix[i][j] > perPair(i, j)) longer++
      }
    }
    // Its corners sit a quarter metre off the booths, a hair wider than smoothing cuts: most pairs are a little longer.
    expect(longer).toBeGreaterThan(0)
  })

  it('is shorter only by a real walk: round other corners, crossing no blocked cell', () => {
    let shorter = 0
    for (let i = 0; i < points.length; i++) {
      for (let j = i + 1; j < points.length; j++) {
        if (matrix[i][j] >= perPair(i, j) - 0.01) continue
        shorter++
        const walk = walkGraphPath(grid, points[i], points[j])!
        expect(walk[0]).toEqual(nearestWalkable(grid, points[i]))
        expect(walk.at(-1)).toEqual(nearestWalkable(grid, points[j]))
        expect(pathLength(walk)).toBeCloseTo(matrix[i][j], 6)
        expect(crossesBlocked(grid, walk), `${i}→${j}`).toBe(false)
      }
    }
    // The grid's shortest route, once smoothed, is not always the shortest walk: some pairs must show it.
    expect(shorter).toBeGreaterThan(0)
  })

  it('is symmetric with a zero diagonal, and the same numbers for the points in any order', () => {
    const n = points.length
    matrix.forEach((row, i) => {
      expect(row[i]).toBe(0)
      row.forEach((v, j) => {
        expect(v).toBe(matrix[j][i])
        if (i !== j) expect(v).toBeGreaterThanOrEqual(straight(points[i], points[j]) - 1e-9)
      })
    })
    const shuffled = points.map((_, i) => (i * 7) % n)
    const again = walkDistances(grid, shuffled.map((i) => points[i]))
    shuffled.forEach((i, a) => shuffled.forEach((j, b) => expect(again[a][b]).toBe(matrix[i][j])))
  })
})

describe('walkDistances on small grids', () => {
  it('measures an open corridor as the straight line', () => {
    const corridor = gridFrom(['##########', '..........', '..........', '..........', '##########'])
    const [[, d]] = walkDistances(corridor, [{ x: 0.25, z: 1.25 }, { x: 4.75, z: 1.25 }])
    expect(d).toBeCloseTo(4.5, 9)
  })

  it('walks round the end of a wall through the corner beside it, taut', () => {
    const grid = gridFrom(['........', '........', '#####...', '........', '........'])
    const from = { x: 0.25, z: 0.25 }
    const to = { x: 0.25, z: 2.25 }
    // The corners walked round: the centres of the free cells diagonally off the wall's end, above and below it.
    const corner = { x: 2.75, z: 0.75 }
    const below = { x: 2.75, z: 1.75 }
    const [[, d]] = walkDistances(grid, [from, to])
    expect(d).toBeCloseTo(straight(from, corner) + straight(corner, below) + straight(below, to), 9)
    expect(walkGraphPath(grid, from, to)).toEqual([from, corner, below, to])
  })

  it('falls back to the grid where a gap is too narrow for the clearance, and is Infinity only where there is no way', () => {
    // 0.3 m cells: the one-cell gap is narrower than the clearance either side of a corner's leg.
    const gap = gridFrom(['.......', '.......', '###.###', '.......', '.......'], 0.3)
    const from = { x: 0.15, z: 0.15 }
    const to = { x: 0.15, z: 1.35 }
    const [[, through]] = walkDistances(gap, [from, to])
    expect(walkGraphPath(gap, from, to)).toBeNull()
    // The grid search's length, in one direction or the other.
    expect([distancesFrom(gap, from, [to])[0], distancesFrom(gap, to, [from])[0]]).toContain(through)
    expect(through).toBeLessThan(Infinity)
    const walled = gridFrom(['....', '####', '....'])
    expect(walkDistances(walled, [{ x: 0.25, z: 0.25 }, { x: 0.25, z: 1.25 }])[0][1]).toBe(Infinity)
  })

  it('walks from the nearest free point when a point stands on a blocked cell, as findPath does', () => {
    const grid = gridFrom(['......', '..##..', '......'])
    const inside = { x: 1.25, z: 0.75 }
    const to = { x: 2.75, z: 0.25 }
    const [[, d]] = walkDistances(grid, [inside, to])
    expect(d).toBeCloseTo(straight(nearestWalkable(grid, inside), to), 9)
  })
})

describe('walkDistanceSteps', () => {
  it('gives the same matrix in short resumable steps on a 1,000-booth hall', () => {
    const plan = computeFloorPlan(buildPlanInput(1000))
    const points = [plan.entrance, ...plan.booths.filter((_, i) => i % 25 === 0).map((b) => b.front)]
    const steps = walkDistanceSteps(plan.walkGrid, points)
    const durations: number[] = []
    let result: IteratorResult<void, number[][]>
    do {
      const t0 = performance.now()
      result = steps.next()
      durations.push(performance.now() - t0)
    } while (!result.done)
    expect(result.value).toEqual(walkDistances(plan.walkGrid, points))
    expect(durations.length).toBeGreaterThan(20)
    // Typically a few milliseconds each; the 90th percentile, since a shared machine may stall any one of them.
    durations.sort((a, b) => a - b)
    expect(durations[Math.floor(durations.length * 0.9)]).toBeLessThan(50)
    expect(walkGraph(plan.walkGrid).size).toBeGreaterThan(100)
  })
})
