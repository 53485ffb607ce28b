import { describe, expect, it } from 'vitest'
import { computeFloorPlan } from '../../src/plan/floorPlan'
import type { FloorPlan, Point, WalkGrid } from '../../src/plan/types'
import {
  cellIndex,
  distancesFrom,
  findCellPath,
  findPath,
  isWalkable,
  isWalkableDisc,
  moveWithCollision,
  nearestWalkable,
  pathLength,
  walkingDistance,
  zoneAt,
} from '../../src/plan/walk'
import { buildPlanInput } from '../helpers/planFixture'
import { gridFrom } from '../helpers/textGrid'


/** Plain Dijkstra over the grid (8-connected, no corner cutting), in metres between cell centres. */
function plainDijkstra(grid: WalkGrid, from: number, to: number): number {
  const { cols, rows, blocked } = grid
  const dist = new Float64Array(cols * rows).fill(Infinity)
  const done = new Uint8Array(cols * rows)
  const heap: [number, number][] = []
  const push = (d: number, i: number) => {
    heap.push([d, i])
    let k = heap.length - 1
    while (k > 0 && heap[(k - 1) >> 1][0] > heap[k][0]) {
      ;[heap[k], heap[(k - 1) >> 1]] = [heap[(k - 1) >> 1], heap[k]]
      k = (k - 1) >> 1
    }
  }
  const pop = () => {
    const top = heap[0]
    const last = heap.pop()!
    if (heap.length) {
      heap[0] = last
      let k = 0
      for (;;) {
        let m = k
        for (const c of [2 * k + 1, 2 * k + 2]) if (c < heap.length && heap[c][0] < heap[m][0]) m = c
        if (m === k) break
        ;[heap[k], heap[m]] = [heap[m], heap[k]]
        k = m
      }
    }
    return top
  }
  dist[from] = 0
  push(0, from)
  while (heap.length) {
    const [d, i] = pop()
    if (done[i]) continue
    done[i] = 1
    if (i === to) return d * grid.cellSize
    const c = i % cols
    const r = (i / cols) | 0
    for (let dc = -1; dc <= 1; dc++) {
      for (let dr = -1; dr <= 1; dr++) {
        const nc = c + dc
        const nr = r + dr
        if ((dc === 0 && dr === 0) || nc < 0 || nr < 0 || nc >= cols || nr >= rows) continue
        const n = nr * cols + nc
        if (blocked[n]) continue
        if (dc !== 0 && dr !== 0 && (blocked[r * cols + nc] || blocked[nr * cols + c])) continue
        const nd = d + (dc !== 0 && dr !== 0 ? Math.SQRT2 : 1)
        if (nd < dist[n]) {
          dist[n] = nd
          push(nd, n)
        }
      }
    }
  }
  return Infinity
}

/** Points every 0.1 m along a polyline, ends included. */
function samples(path: Point[]): Point[] {
  const out: Point[] = [path[0]]
  for (let i = 1; i < path.length; i++) {
    const a = path[i - 1]
    const b = path[i]
    const steps = Math.max(1, Math.ceil(Math.hypot(b.x - a.x, b.z - a.z) / 0.1))
    for (let k = 1; k <= steps; k++) out.push({ x: a.x + ((b.x - a.x) * k) / steps, z: a.z + ((b.z - a.z) * k) / steps })
  }
  return out
}

let samplePlan: FloorPlan | null = null
const plan170 = () => (samplePlan ??= computeFloorPlan(buildPlanInput(170)))

/** Booth fronts spread over the hall, picked by a fixed stride so the test is the same every run. */
const spreadFronts = (plan: FloorPlan, count: number) =>
  Array.from({ length: count }, (_, k) => plan.booths[Math.floor((k * plan.booths.length) / count)].front)

describe('walk grid queries', () => {
  const grid = gridFrom(['....', '.#..', '....'])

  it('maps a point to its row-major cell, and to -1 outside the grid', () => {
    expect(cellIndex(grid, { x: 0.1, z: 0.1 })).toBe(0)
    expect(cellIndex(grid, { x: 0.6, z: 0.6 })).toBe(5)
    expect(cellIndex(grid, { x: 1.99, z: 1.49 })).toBe(11)
    expect(cellIndex(grid, { x: -0.01, z: 0.2 })).toBe(-1)
    expect(cellIndex(grid, { x: 2, z: 0.2 })).toBe(-1)
  })

  it('treats blocked cells and everything outside the grid as not walkable', () => {
    expect(isWalkable(grid, { x: 0.75, z: 0.75 })).toBe(false)
    expect(isWalkable(grid, { x: 1.25, z: 0.75 })).toBe(true)
    expect(isWalkable(grid, { x: 5, z: 5 })).toBe(false)
  })

  it('refuses a disc that touches a blocked cell or leaves the grid', () => {
    expect(isWalkableDisc(grid, { x: 1.25, z: 0.75 }, 0.3)).toBe(false)
    expect(isWalkableDisc(grid, { x: 1.25, z: 0.75 }, 0.2)).toBe(true)
    expect(isWalkableDisc(grid, { x: 1.8, z: 0.75 }, 0.3)).toBe(false)
  })

  it('snaps a blocked point to the nearest walkable cell and leaves a walkable one alone', () => {
    expect(nearestWalkable(grid, { x: 1.3, z: 0.3 })).toEqual({ x: 1.3, z: 0.3 })
    const snapped = nearestWalkable(grid, { x: 0.95, z: 0.75 })
    expect(isWalkable(grid, snapped)).toBe(true)
    expect(snapped).toEqual({ x: 1.25, z: 0.75 })
  })

  it('names the zone a point stands in, and none in the aisles', () => {
    const plan = plan170()
    for (const b of plan.booths.slice(0, 40)) {
      expect(zoneAt(plan, { x: b.rect.x + b.rect.width / 2, z: b.rect.z + b.rect.depth / 2 })).toBe(b.zoneId)
    }
    expect(zoneAt(plan, plan.magicCube)).toBe('lobby')
    expect(zoneAt(plan, { x: plan.entrance.x, z: plan.hall.depth - 10 })).toBeNull()
  })
})

describe('moveWithCollision', () => {
  const plan = plan170()
  const grid = plan.walkGrid
  const booth = plan.booths.find((b) => b.size === 'standard' && b.facing === 'south')!
  const into = { x: 0, z: 1 }
  const insideBooth = (p: Point) =>
    p.x > booth.rect.x && p.x < booth.rect.x + booth.rect.width && p.z > booth.rect.z && p.z < booth.rect.z + booth.rect.depth

  it('cannot walk into a booth in many small steps', () => {
    let p = booth.front
    for (let i = 0; i < 400; i++) {
      p = moveWithCollision(grid, p, { x: into.x * 0.05, z: into.z * 0.05 })
      expect(isWalkable(grid, p)).toBe(true)
      expect(insideBooth(p)).toBe(false)
    }
    // Stopped at the booth's open side, a walker's radius away.
    expect(p.z).toBeLessThanOrEqual(booth.rect.z - 0.3 + 1e-9)
    expect(p.z).toBeGreaterThan(booth.rect.z - 1)
  })

  it('cannot jump through a booth with one huge step', () => {
    for (const length of [3, 9, 40, 1e6]) {
      const p = moveWithCollision(grid, booth.front, { x: 0, z: length })
      expect(isWalkable(grid, p)).toBe(true)
      expect(p.z).toBeLessThan(booth.rect.z)
    }
  })

  it('slides along a wall when pushed into it at an angle', () => {
    const corridor = gridFrom(['##########', '..........', '..........', '..........', '##########'])
    const from = { x: 1, z: 1.25 }
    const p = moveWithCollision(corridor, from, { x: 2, z: -2 }, 0.3)
    expect(p.x).toBeCloseTo(3, 5)
    expect(p.z).toBeGreaterThanOrEqual(0.5 + 0.3 - 1e-9)
    expect(p.z).toBeLessThan(1.25)
    expect(isWalkableDisc(corridor, p, 0.3)).toBe(true)
  })

  it('moves freely in the open and stays put for a zero step', () => {
    const start = nearestWalkable(grid, { x: plan.entrance.x, z: 5 })
    expect(moveWithCollision(grid, start, { x: 0, z: 0 })).toEqual(start)
    const p = moveWithCollision(grid, start, { x: 0.5, z: 0.2 })
    expect(p.x).toBeCloseTo(start.x + 0.5, 9)
    expect(p.z).toBeCloseTo(start.z + 0.2, 9)
  })

  it('puts a walker found inside a blocked cell back on walkable floor', () => {
    const centre = { x: booth.rect.x + 1.5, z: booth.rect.z + 1.5 }
    expect(isWalkable(grid, moveWithCollision(grid, centre, { x: 0.1, z: 0 }))).toBe(true)
  })
})

describe('findPath', () => {
  const plan = plan170()
  const grid = plan.walkGrid
  const targets = spreadFronts(plan, 24)

  it('never crosses a blocked cell (sampled every 0.1 m)', () => {
    const crossings: string[] = []
    for (const [i, to] of targets.entries()) {
      const from = i % 2 ? plan.entrance : targets[(i * 7) % targets.length]
      const path = findPath(grid, from, to)
      expect(path).not.toBeNull()
      for (const p of samples(path!)) if (!isWalkable(grid, p)) crossings.push(`path ${i} at ${p.x},${p.z}`)
    }
    expect(crossings).toEqual([])
  })

  it('starts at the start, ends at the goal, and is never shorter than the straight line', () => {
    for (const to of targets) {
      const path = findPath(grid, plan.entrance, to)!
      expect(path[0]).toEqual(plan.entrance)
      expect(path[path.length - 1]).toEqual(to)
      expect(pathLength(path)).toBeGreaterThanOrEqual(Math.hypot(to.x - plan.entrance.x, to.z - plan.entrance.z) - 1e-9)
    }
  })

  it('follows the shortest grid route: A* matches a plain Dijkstra, and smoothing only shortens it', () => {
    const cell = grid.cellSize
    for (const to of targets.slice(0, 10)) {
      const cells = findCellPath(grid, plan.entrance, to)!
      const dijkstra = plainDijkstra(grid, cellIndex(grid, plan.entrance), cellIndex(grid, to))
      expect(cells.length).toBeCloseTo(dijkstra, 6)
      const smooth = pathLength(findPath(grid, plan.entrance, to)!)
      // Within a cell of the grid route, never longer; an 8-way grid overstates a straight walk by at most 8.3%.
      expect(smooth).toBeLessThanOrEqual(dijkstra + cell)
      expect(smooth).toBeGreaterThanOrEqual(dijkstra / 1.0824 - cell)
    }
  })

  it('walks a straight, open corridor as a single straight segment', () => {
    const corridor = gridFrom(['##########', '..........', '..........', '..........', '##########'])
    const path = findPath(corridor, { x: 0.25, z: 1.25 }, { x: 4.75, z: 1.25 })!
    expect(path).toEqual([
      { x: 0.25, z: 1.25 },
      { x: 4.75, z: 1.25 },
    ])
  })

  it('goes round a wall, and agrees with the grid distance round it', () => {
    const room = gridFrom(['..........', '.....#....', '.....#....', '.....#....', '.....#....', '..........'])
    const from = { x: 1.25, z: 1.25 }
    const to = { x: 4.25, z: 1.25 }
    const path = findPath(room, from, to)!
    for (const p of samples(path)) expect(isWalkable(room, p)).toBe(true)
    const length = pathLength(path)
    expect(length).toBeGreaterThan(3)
    expect(length).toBeLessThanOrEqual(plainDijkstra(room, cellIndex(room, from), cellIndex(room, to)) + room.cellSize)
  })

  it('snaps a blocked destination, such as the middle of a booth, to the nearest walkable point', () => {
    const booth = plan.booths.find((b) => b.size === 'island')!
    const centre = { x: booth.rect.x + 4.5, z: booth.rect.z + 4.5 }
    const path = findPath(grid, plan.entrance, centre)!
    const end = path[path.length - 1]
    expect(isWalkable(grid, end)).toBe(true)
    expect(Math.hypot(end.x - centre.x, end.z - centre.z)).toBeLessThan(4.5 + 1)
  })

  it('returns null, and an infinite distance, when the goal is walled off', () => {
    const walled = gridFrom(['..........', '......###.', '......#.#.', '......###.'])
    const inside = { x: 3.75, z: 1.25 }
    expect(findPath(walled, { x: 0.25, z: 0.25 }, inside)).toBeNull()
    expect(walkingDistance(walled, { x: 0.25, z: 0.25 }, inside)).toBe(Infinity)
    expect(distancesFrom(walled, { x: 0.25, z: 0.25 }, [inside, { x: 0.75, z: 0.25 }])).toEqual([Infinity, 0.5])
  })

  it('crosses a 3000-booth hall quickly', () => {
    const big = computeFloorPlan(buildPlanInput(3000))
    const far = big.booths.reduce((a, b) => (b.front.z > a.front.z ? b : a))
    findPath(big.walkGrid, big.entrance, far.front)
    const started = performance.now()
    const path = findPath(big.walkGrid, big.entrance, far.front)
    const elapsed = performance.now() - started
    expect(path).not.toBeNull()
    // Generous against a slow CI machine; typically ~20 ms.
    expect(elapsed).toBeLessThan(250)
  })
})

describe('distancesFrom', () => {
  // Both measure an optimal grid route drawn taut; two equally short grid routes may pass an obstacle on different
  // sides, so they agree to within a few per cent, not exactly.
  it('agrees with walkingDistance for every target from one search', () => {
    const plan = plan170()
    const sources = [plan.entrance, plan.booths[3].front, plan.zones[7].arrival]
    const targets = [...spreadFronts(plan, 40), plan.zones[5].arrival, { x: -10, z: -10 }]
    for (const from of sources) {
      const many = distancesFrom(plan.walkGrid, from, targets)
      expect(many).toHaveLength(targets.length)
      targets.forEach((t, i) => {
        const one = walkingDistance(plan.walkGrid, from, t)
        expect(Math.abs(many[i] - one)).toBeLessThanOrEqual(0.03 * one + plan.walkGrid.cellSize)
      })
    }
  })

  it('gives a larger distance to a farther point down the same open aisle', () => {
    const corridor = gridFrom(['##########', '..........', '..........', '..........', '##########'])
    const [near, far] = distancesFrom(corridor, { x: 0.25, z: 1.25 }, [{ x: 2.25, z: 1.25 }, { x: 4.25, z: 1.25 }])
    expect(near).toBeCloseTo(2, 9)
    expect(far).toBeCloseTo(4, 9)
  })
})
