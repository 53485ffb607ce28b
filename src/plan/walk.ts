/** Walking on the floor plan's grid: collision with sliding, shortest paths and walking distances, over typed arrays. */
import type { ZoneId } from '../content/schema'
import type { FloorPlan, Point, Rect, WalkGrid } from './types'

const SQRT2 = Math.SQRT2
const EPS = 1e-9
/** Clearance a smoothed path keeps from blocked cells where it can: just under half a cell. */
export const PATH_CLEARANCE = 0.2

/** Row-major index of the cell holding `p`, or -1 outside the grid. */
export function cellIndex(grid: WalkGrid, p: Point): number {
  const col = Math.floor((p.x - grid.originX) / grid.cellSize)
  const row = Math.floor((p.z - grid.originZ) / grid.cellSize)
  if (!(col >= 0 && col < grid.cols && row >= 0 && row < grid.rows)) return -1
  return row * grid.cols + col
}

export function isWalkable(grid: WalkGrid, p: Point): boolean {
  const i = cellIndex(grid, p)
  return i >= 0 && grid.blocked[i] === 0
}

const blockedAt = (grid: WalkGrid, col: number, row: number) =>
  col < 0 || row < 0 || col >= grid.cols || row >= grid.rows || grid.blocked[row * grid.cols + col] !== 0

/** True when a disc of `radius` round `p` touches no blocked cell (outside the grid counts as blocked). */
export function isWalkableDisc(grid: WalkGrid, p: Point, radius: number): boolean {
  if (!isWalkable(grid, p)) return false
  const cs = grid.cellSize
  const c0 = Math.floor((p.x - radius - grid.originX) / cs)
  const c1 = Math.floor((p.x + radius - grid.originX) / cs)
  const r0 = Math.floor((p.z - radius - grid.originZ) / cs)
  const r1 = Math.floor((p.z + radius - grid.originZ) / cs)
  const r2 = radius * radius
  for (let row = r0; row <= r1; row++) {
    for (let col = c0; col <= c1; col++) {
      if (!blockedAt(grid, col, row)) continue
      const x0 = grid.originX + col * cs
      const z0 = grid.originZ + row * cs
      const dx = Math.max(x0 - p.x, 0, p.x - (x0 + cs))
      const dz = Math.max(z0 - p.z, 0, p.z - (z0 + cs))
      if (dx * dx + dz * dz < r2) return false
    }
  }
  return true
}

/**
 * The nearest point to `p` where a disc of `clearance` round it touches nothing blocked (searched in square rings of
 * `step` metres, up to `maxRings`), inside `within` when given; the nearest walkable cell when there is none. A
 * panorama's camera keeps room round it this way, and a visitor set down by a teleport keeps an arm's length from
 * the stand they aimed at.
 */
export function nearestRoomyPoint(
  grid: WalkGrid,
  p: Point,
  clearance: number,
  { within, step = 0.5, maxRings = 60 }: { within?: Rect; step?: number; maxRings?: number } = {},
): Point {
  for (let ring = 0; ring <= maxRings; ring++) {
    let best: Point | null = null
    let bestD = Infinity
    for (let i = -ring; i <= ring; i++) {
      for (let j = -ring; j <= ring; j++) {
        if (Math.max(Math.abs(i), Math.abs(j)) !== ring) continue
        const q = { x: p.x + i * step, z: p.z + j * step }
        const inside = !within || (q.x >= within.x && q.x <= within.x + within.width && q.z >= within.z && q.z <= within.z + within.depth)
        if (!inside || !isWalkableDisc(grid, q, clearance)) continue
        const d = Math.hypot(q.x - p.x, q.z - p.z)
        if (d < bestD) {
          best = q
          bestD = d
        }
      }
    }
    if (best) return best
  }
  return nearestWalkable(grid, p)
}

/** The point itself when walkable, else the centre of the nearest walkable cell (or `p` if there is none). */
export function nearestWalkable(grid: WalkGrid, p: Point): Point {
  if (isWalkable(grid, p)) return { x: p.x, z: p.z }
  const cs = grid.cellSize
  const pc = Math.min(grid.cols - 1, Math.max(0, Math.floor((p.x - grid.originX) / cs)))
  const pr = Math.min(grid.rows - 1, Math.max(0, Math.floor((p.z - grid.originZ) / cs)))
  let best = -1
  let bestD = Infinity
  const maxRing = Math.max(grid.cols, grid.rows)
  for (let ring = 0; ring <= maxRing; ring++) {
    // Cells of a later ring are at least (ring - 1) cells away: stop once that cannot beat the best.
    if (best >= 0 && (ring - 1) * cs > Math.sqrt(bestD)) break
    for (let row = pr - ring; row <= pr + ring; row++) {
      if (row < 0 || row >= grid.rows) continue
      const edge = row === pr - ring || row === pr + ring
      for (let col = pc - ring; col <= pc + ring; col += edge ? 1 : 2 * ring) {
        if (col >= 0 && col < grid.cols && grid.blocked[row * grid.cols + col] === 0) {
          const dx = grid.originX + (col + 0.5) * cs - p.x
          const dz = grid.originZ + (row + 0.5) * cs - p.z
          const d = dx * dx + dz * dz
          if (d < bestD) {
            bestD = d
            best = row * grid.cols + col
          }
        }
        if (ring === 0) break
      }
    }
  }
  return best < 0 ? { x: p.x, z: p.z } : cellCentre(grid, best)
}

const cellCentre = (grid: WalkGrid, i: number): Point => ({
  x: grid.originX + ((i % grid.cols) + 0.5) * grid.cellSize,
  z: grid.originZ + (Math.floor(i / grid.cols) + 0.5) * grid.cellSize,
})

/**
 * Moves a walker of `radius` by `delta`, sliding along what it bumps into (full move, else x only, else z only).
 * Sub-steps of a quarter cell mean nothing thinner than a cell can be jumped. A walker already wedged closer than
 * `radius` to a wall may still move to walkable cells, so it can get free; one inside a blocked cell is put out.
 */
export function moveWithCollision(grid: WalkGrid, from: Point, delta: { x: number; z: number }, radius = 0.3): Point {
  if (!isWalkable(grid, from)) return nearestWalkable(grid, from)
  let dx = delta.x
  let dz = delta.z
  let length = Math.hypot(dx, dz)
  if (!(length > 0) || !Number.isFinite(length)) return { x: from.x, z: from.z }
  // Beyond the grid's span every extra metre would only press against a wall.
  const span = 2 * (grid.cols + grid.rows) * grid.cellSize
  if (length > span) {
    dx *= span / length
    dz *= span / length
    length = span
  }
  const steps = Math.ceil(length / (grid.cellSize / 4))
  const sx = dx / steps
  const sz = dz / steps
  let x = from.x
  let z = from.z
  const fits = (px: number, pz: number, wedged: boolean) => {
    const p = { x: px, z: pz }
    return isWalkableDisc(grid, p, radius) || (wedged && isWalkable(grid, p))
  }
  for (let i = 0; i < steps; i++) {
    const wedged = !isWalkableDisc(grid, { x, z }, radius)
    if (fits(x + sx, z + sz, wedged)) {
      x += sx
      z += sz
    } else if (sx !== 0 && fits(x + sx, z, wedged)) x += sx
    else if (sz !== 0 && fits(x, z + sz, wedged)) z += sz
    else break
  }
  return { x, z }
}

/** Reusable search buffers per grid, so a path query allocates almost nothing. */
interface SearchState {
  g: Float64Array
  parent: Int32Array
  closed: Uint8Array
  heap: MinHeap
}
const states = new WeakMap<WalkGrid, SearchState>()

function searchState(grid: WalkGrid): SearchState {
  const n = grid.cols * grid.rows
  let s = states.get(grid)
  if (!s || s.g.length !== n) {
    s = { g: new Float64Array(n), parent: new Int32Array(n), closed: new Uint8Array(n), heap: new MinHeap(1024) }
    states.set(grid, s)
  }
  s.g.fill(Infinity)
  s.closed.fill(0)
  s.heap.clear()
  return s
}

/** Binary min-heap of cell indices keyed by cost; stale entries are skipped by the caller. */
class MinHeap {
  private keys: Float64Array
  private values: Int32Array
  size = 0
  constructor(capacity: number) {
    this.keys = new Float64Array(capacity)
    this.values = new Int32Array(capacity)
  }
  clear() {
    this.size = 0
  }
  push(value: number, key: number) {
    if (this.size === this.keys.length) {
      const keys = new Float64Array(this.size * 2)
      keys.set(this.keys)
      const values = new Int32Array(this.size * 2)
      values.set(this.values)
      this.keys = keys
      this.values = values
    }
    let i = this.size++
    const { keys, values } = this
    while (i > 0) {
      const up = (i - 1) >> 1
      if (keys[up] <= key) break
      keys[i] = keys[up]
      values[i] = values[up]
      i = up
    }
    keys[i] = key
    values[i] = value
  }
  /** Removes the smallest entry and returns its value. */
  pop(): number {
    const { keys, values } = this
    const top = values[0]
    const n = --this.size
    const key = keys[n]
    const value = values[n]
    let i = 0
    for (;;) {
      let child = 2 * i + 1
      if (child >= n) break
      if (child + 1 < n && keys[child + 1] < keys[child]) child++
      if (keys[child] >= key) break
      keys[i] = keys[child]
      values[i] = values[child]
      i = child
    }
    keys[i] = key
    values[i] = value
    return top
  }
}

const DIRS_COL = [1, -1, 0, 0, 1, 1, -1, -1]
const DIRS_ROW = [0, 0, 1, -1, 1, -1, 1, -1]

/**
 * Shortest 8-connected search from `start` (no corner cutting); A* towards `goal`, or Dijkstra until every cell in
 * `targets` is settled when `goal` is -1. Costs are in cells; the tree is left in the returned state.
 */
function search(grid: WalkGrid, start: number, goal: number, targets: Set<number> | null): SearchState {
  const s = searchState(grid)
  const { g, parent, closed, heap } = s
  const { cols, rows, blocked } = grid
  const gc = goal >= 0 ? goal % cols : 0
  const gr = goal >= 0 ? (goal / cols) | 0 : 0
  // Octile distance, scaled a hair up so that among equal costs the cell nearer the goal goes first: that saves
  // most of the work on open floor and lengthens no route by more than a millionth.
  const weight = goal < 0 ? 0 : 1 + 1e-7
  const heuristic = (c: number, r: number) => {
    const dx = c > gc ? c - gc : gc - c
    const dy = r > gr ? r - gr : gr - r
    return (dx < dy ? (SQRT2 - 1) * dx + dy : (SQRT2 - 1) * dy + dx) * weight
  }
  let remaining = targets ? targets.size : 0
  g[start] = 0
  parent[start] = -1
  heap.push(start, heuristic(start % cols, (start / cols) | 0))
  while (heap.size > 0) {
    const i = heap.pop()
    if (closed[i]) continue
    closed[i] = 1
    if (i === goal) break
    if (targets && targets.has(i) && --remaining === 0) break
    const c = i % cols
    const r = (i / cols) | 0
    const gi = g[i]
    for (let d = 0; d < 8; d++) {
      const nc = c + DIRS_COL[d]
      const nr = r + DIRS_ROW[d]
      if (nc < 0 || nr < 0 || nc >= cols || nr >= rows) continue
      const n = nr * cols + nc
      if (blocked[n] || closed[n]) continue
      let cost = 1
      if (d >= 4) {
        if (blocked[r * cols + nc] || blocked[nr * cols + c]) continue
        cost = SQRT2
      }
      const ng = gi + cost
      if (ng < g[n]) {
        g[n] = ng
        parent[n] = i
        heap.push(n, ng + heuristic(nc, nr))
      }
    }
  }
  return s
}

/** Where a search starts or ends for a point: its own cell when walkable, else the nearest walkable cell. */
function anchorCell(grid: WalkGrid, p: Point): { cell: number; point: Point } {
  const point = nearestWalkable(grid, p)
  return { cell: cellIndex(grid, point), point }
}

function cellsTo(parent: Int32Array, cell: number): number[] {
  const cells: number[] = []
  for (let i = cell; i >= 0; i = parent[i]) cells.push(i)
  return cells.reverse()
}

/** The 8-connected cell path (no corner cutting) and its length along cell centres, metres; null if unreachable. */
export function findCellPath(grid: WalkGrid, from: Point, to: Point): { cells: number[]; length: number } | null {
  const start = anchorCell(grid, from)
  const goal = anchorCell(grid, to)
  if (start.cell < 0 || goal.cell < 0 || grid.blocked[start.cell] || grid.blocked[goal.cell]) return null
  const s = search(grid, start.cell, goal.cell, null)
  if (!s.closed[goal.cell]) return null
  return { cells: cellsTo(s.parent, goal.cell), length: s.g[goal.cell] * grid.cellSize }
}

/**
 * Shortest walk from `from` to `to` as a polyline, smoothed by line of sight. A blocked `to` (a booth's middle, say)
 * is replaced by the nearest walkable point; so is a blocked `from`. Null when there is no way through.
 */
export function findPath(grid: WalkGrid, from: Point, to: Point): Point[] | null {
  const start = anchorCell(grid, from)
  const goal = anchorCell(grid, to)
  if (start.cell < 0 || goal.cell < 0 || grid.blocked[start.cell] || grid.blocked[goal.cell]) return null
  const s = search(grid, start.cell, goal.cell, null)
  if (!s.closed[goal.cell]) return null
  return smoothPath(grid, start.point, cellsTo(s.parent, goal.cell), goal.point)
}

export function pathLength(path: Point[]): number {
  let length = 0
  for (let i = 1; i < path.length; i++) length += Math.hypot(path[i].x - path[i - 1].x, path[i].z - path[i - 1].z)
  return length
}

/** Length of the walk findPath takes, metres; Infinity when there is none. */
export function walkingDistance(grid: WalkGrid, from: Point, to: Point): number {
  const path = findPath(grid, from, to)
  return path ? pathLength(path) : Infinity
}

/** Walking distances from one point to many (one Dijkstra run), each measured like walkingDistance. */
export function distancesFrom(grid: WalkGrid, from: Point, targets: Point[]): number[] {
  const start = anchorCell(grid, from)
  if (start.cell < 0 || grid.blocked[start.cell]) return targets.map(() => Infinity)
  const goals = targets.map((t) => anchorCell(grid, t))
  const wanted = new Set(goals.filter((g) => g.cell >= 0 && !grid.blocked[g.cell]).map((g) => g.cell))
  const s = search(grid, start.cell, -1, wanted)
  return goals.map((goal) => {
    if (goal.cell < 0 || grid.blocked[goal.cell] || !s.closed[goal.cell]) return Infinity
    return pathLength(smoothPath(grid, start.point, cellsTo(s.parent, goal.cell), goal.point))
  })
}

/** Which zone's area holds `p`; null in the aisles between them. */
export function zoneAt(plan: FloorPlan, p: Point): ZoneId | null {
  for (const zone of plan.zones) {
    const r = zone.rect
    if (p.x >= r.x && p.x < r.x + r.width && p.z >= r.z && p.z < r.z + r.depth) return zone.zoneId
  }
  return null
}

/**
 * Draws a cell path taut: keeps its turns, skips every turn it can see past with some clearance, then cuts the
 * remaining corners. Every new segment is checked for sight, so the result never crosses a blocked cell.
 */
function smoothPath(grid: WalkGrid, from: Point, cells: number[], to: Point): Point[] {
  const raw: Point[] = [from]
  for (let k = 0; k < cells.length; k++) {
    const prev = cells[k - 1]
    const next = cells[k + 1]
    // Index steps name the direction uniquely (±1, ±cols, ±cols±1), so equal steps mean a straight run.
    if (k === 0 || k === cells.length - 1 || cells[k] - prev !== next - cells[k]) raw.push(cellCentre(grid, cells[k]))
  }
  raw.push(to)
  const points = raw.filter((p, i) => i === 0 || p.x !== raw[i - 1].x || p.z !== raw[i - 1].z)
  if (points.length <= 2) return points.map((p) => ({ x: p.x, z: p.z }))
  let path = pullString(grid, points)
  // Turning points sit where the grid route turned, not at the corners it turned round: cut each corner as far as
  // sight allows, a few times, which draws the path taut against the obstacles.
  for (let pass = 0; pass < MAX_CUT_PASSES; pass++) {
    const before = pathLength(path)
    path = pullString(grid, cutCorners(grid, path))
    if (before - pathLength(path) < 0.01) break
  }
  return path
}

const MAX_CUT_PASSES = 6
const MIN_CUT_GAIN = 0.02
const dist = (a: Point, b: Point) => Math.hypot(b.x - a.x, b.z - a.z)

/** From each kept point, jumps to the farthest later point in sight; the next point is always reachable. */
function pullString(grid: WalkGrid, points: Point[]): Point[] {
  const out: Point[] = [points[0]]
  for (let a = 0; a < points.length - 1; ) {
    let next = a + 1
    for (let j = points.length - 1; j > a + 1; j--) {
      if (clearLine(grid, points[a], points[j])) {
        next = j
        break
      }
    }
    out.push(points[next])
    a = next
  }
  return out
}

/** Replaces each inner vertex by two points on its legs, as far back along them as the cut stays in sight. */
function cutCorners(grid: WalkGrid, path: Point[]): Point[] {
  const out: Point[] = [path[0]]
  for (let i = 1; i < path.length - 1; i++) {
    const prev = out[out.length - 1]
    const v = path[i]
    const next = path[i + 1]
    const at = (t: number) => ({
      p: { x: v.x + (prev.x - v.x) * t, z: v.z + (prev.z - v.z) * t },
      q: { x: v.x + (next.x - v.x) * t, z: v.z + (next.z - v.z) * t },
    })
    let lo = 0
    let hi = 1
    for (let k = 0; k < 10; k++) {
      const mid = (lo + hi) / 2
      const { p, q } = at(mid)
      if (clearLine(grid, p, q)) lo = mid
      else hi = mid
    }
    const { p, q } = at(lo)
    const gain = dist(prev, v) + dist(v, next) - (dist(prev, p) + dist(p, q) + dist(q, next))
    // Tiny cuts would only multiply vertices round a corner.
    if (gain < MIN_CUT_GAIN) out.push(v)
    else out.push(p, q)
  }
  out.push(path[path.length - 1])
  return out
}

/** Line of sight with clearance: the segment and two parallels PATH_CLEARANCE either side cross no blocked cell. */
function clearLine(grid: WalkGrid, a: Point, b: Point): boolean {
  if (!segmentClear(grid, a.x, a.z, b.x, b.z)) return false
  const length = Math.hypot(b.x - a.x, b.z - a.z)
  if (length < EPS) return true
  const nx = (-(b.z - a.z) / length) * PATH_CLEARANCE
  const nz = ((b.x - a.x) / length) * PATH_CLEARANCE
  return (
    segmentClear(grid, a.x + nx, a.z + nz, b.x + nx, b.z + nz) &&
    segmentClear(grid, a.x - nx, a.z - nz, b.x - nx, b.z - nz)
  )
}

/** Grid traversal of every cell a segment touches; passing exactly through a corner checks both side cells. */
function segmentClear(grid: WalkGrid, ax: number, az: number, bx: number, bz: number): boolean {
  const cs = grid.cellSize
  const x0 = (ax - grid.originX) / cs
  const y0 = (az - grid.originZ) / cs
  const x1 = (bx - grid.originX) / cs
  const y1 = (bz - grid.originZ) / cs
  let c = Math.floor(x0)
  let r = Math.floor(y0)
  const ce = Math.floor(x1)
  const re = Math.floor(y1)
  if (blockedAt(grid, c, r)) return false
  const dx = x1 - x0
  const dy = y1 - y0
  const stepX = dx > 0 ? 1 : dx < 0 ? -1 : 0
  const stepY = dy > 0 ? 1 : dy < 0 ? -1 : 0
  const tDeltaX = stepX !== 0 ? 1 / Math.abs(dx) : Infinity
  const tDeltaY = stepY !== 0 ? 1 / Math.abs(dy) : Infinity
  let tMaxX = stepX > 0 ? (c + 1 - x0) / dx : stepX < 0 ? (x0 - c) / -dx : Infinity
  let tMaxY = stepY > 0 ? (r + 1 - y0) / dy : stepY < 0 ? (y0 - r) / -dy : Infinity
  let guard = Math.abs(ce - c) + Math.abs(re - r) + 2
  while ((c !== ce || r !== re) && guard-- > 0) {
    if (Math.abs(tMaxX - tMaxY) < 1e-9) {
      if (tMaxX > 1 + 1e-9) break
      if (blockedAt(grid, c + stepX, r) || blockedAt(grid, c, r + stepY)) return false
      c += stepX
      r += stepY
      tMaxX += tDeltaX
      tMaxY += tDeltaY
    } else if (tMaxX < tMaxY) {
      if (tMaxX > 1 + 1e-9) break
      c += stepX
      tMaxX += tDeltaX
    } else {
      if (tMaxY > 1 + 1e-9) break
      r += stepY
      tMaxY += tDeltaY
    }
    if (blockedAt(grid, c, r)) return false
  }
  return true
}
