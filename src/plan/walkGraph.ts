/**
 * Walking distances between many points at once: the corners a taut walk turns round, joined where they see each
 * other (a reduced visibility graph of the walk grid), then one search per point over those few thousand corners
 * instead of one over the grid's hundreds of thousands of cells per pair.
 */
import type { Point, WalkGrid } from './types'
import { cellIndex, distancesFrom, nearestWalkable, PATH_CLEARANCE } from './walk'

/**
 * Corners of the blocked cells, each placed at the centre of the free cell diagonally off it, and the straight legs
 * between corners in sight of each other. A shortest walk among blocks of cells bends only round such corners, so
 * these legs hold every shortest walk, drawn taut with the clearance path smoothing keeps from walls.
 */
export interface WalkGraph {
  grid: WalkGrid
  /** Free cells from each cell onwards along its row (towards +x) and along its column (towards +z); 0 where blocked. */
  runX: Int32Array
  runZ: Int32Array
  /** Corners: positions in metres. */
  size: number
  x: Float64Array
  z: Float64Array
  /**
   * +1 when a corner's blocked cell lies towards -x-z or +x+z of it, -1 otherwise. A leg leaving the corner in
   * direction (dx, dz) can be part of a shortest walk only when dx·dz·turn ≤ 0: it grazes the blocked cell, neither
   * heading into it nor away from it (a taut walk never bends round a corner it does not touch).
   */
  turn: Int8Array
  /** Legs in compressed rows: the neighbours of corner k are `to[start[k]]` up to `to[start[k + 1]] - 1`, `metres` alike. */
  start: Int32Array
  to: Int32Array
  metres: Float64Array
}

/** Cell-unit tolerance for a segment passing exactly through a lattice point: both cells beside it count. */
const EPS = 1e-9
/** Between resumable steps, this many sight tests join corners, or this many points are searched from. */
const SIGHT_TESTS_PER_STEP = 8192
const SEARCHES_PER_STEP = 4

const graphs = new WeakMap<WalkGrid, WalkGraph>()

/** The grid's corner graph, built once per grid: a grid never changes once built. */
export function walkGraph(grid: WalkGrid): WalkGraph {
  return finish(walkGraphSteps(grid))
}

/** Runs a resumable computation to its end in one go. */
export function finish<T>(steps: Generator<void, T>): T {
  for (;;) {
    const next = steps.next()
    if (next.done) return next.value
  }
}

/** walkGraph as resumable steps (each a few milliseconds on a big hall), for a caller that must not hold the thread. */
export function* walkGraphSteps(grid: WalkGrid): Generator<void, WalkGraph> {
  let graph = graphs.get(grid)
  if (!graph) {
    graph = yield* buildWalkGraph(grid)
    graphs.set(grid, graph)
  }
  return graph
}

/**
 * Walking distances in metres between every pair of points, symmetric with a zero diagonal: the shortest chain of
 * legs in sight of each other through the corner graph. A point on a blocked cell walks from the nearest free one,
 * as findPath does. Where the graph finds no way (a gap too narrow for the clearance, say) the grid is searched
 * instead; Infinity only where the grid has no way through either.
 */
export function walkDistances(grid: WalkGrid, points: readonly Point[]): number[][] {
  return finish(walkDistanceSteps(grid, points))
}

/** walkDistances as resumable steps. */
export function* walkDistanceSteps(grid: WalkGrid, points: readonly Point[]): Generator<void, number[][]> {
  const graph = yield* walkGraphSteps(grid)
  const n = points.length
  const { anchors, walkable } = anchor(grid, points)
  const matrix = points.map(() => new Array<number>(n).fill(Infinity))
  for (let i = 0; i < n; i++) matrix[i][i] = 0
  // Each pair is measured once, from the point first in (x, z) order: the value never depends on how the points
  // were listed, so the matrix of the same points in another order holds exactly the same numbers.
  const byPlace = anchors.map((_, i) => i).sort((a, b) => anchors[a].x - anchors[b].x || anchors[a].z - anchors[b].z || a - b)
  const sight = yield* attachSteps(graph, anchors, walkable)
  const search = new PointSearch(graph, sight)
  for (let k = 0; k < n; k++) {
    const i = byPlace[k]
    if (!walkable[i]) continue
    const targets = byPlace.slice(k + 1).filter((j) => walkable[j])
    if (targets.length === 0) continue
    const found = search.run(i, targets)
    const lost = targets.filter((j, t) => {
      matrix[i][j] = matrix[j][i] = found[t]
      return found[t] === Infinity
    })
    if (lost.length > 0) {
      const walked = distancesFrom(grid, points[i], lost.map((j) => points[j]))
      lost.forEach((j, t) => (matrix[i][j] = matrix[j][i] = walked[t]))
    }
    if (k % SEARCHES_PER_STEP === SEARCHES_PER_STEP - 1) yield
  }
  return matrix
}

/**
 * The walk walkDistances measures between two points: the points (or the nearest free ones) and the corners it
 * turns round. Null where the corner graph has no way through.
 */
export function walkGraphPath(grid: WalkGrid, from: Point, to: Point): Point[] | null {
  const graph = walkGraph(grid)
  const { anchors, walkable } = anchor(grid, [from, to])
  if (!walkable[0] || !walkable[1]) return null
  const search = new PointSearch(graph, finish(attachSteps(graph, anchors, walkable)))
  if (search.run(0, [1])[0] === Infinity) return null
  const path = [anchors[1]]
  for (let k = search.via[1]; k >= 0; k = search.parent[k]) path.push({ x: graph.x[k], z: graph.z[k] })
  path.push(anchors[0])
  return path.reverse()
}

/** Where walks from and to the points start: the point itself, or the nearest free point on a blocked cell. */
function anchor(grid: WalkGrid, points: readonly Point[]) {
  const anchors = points.map((p) => nearestWalkable(grid, p))
  const walkable = anchors.map((p) => {
    const cell = cellIndex(grid, p)
    return cell >= 0 && grid.blocked[cell] === 0
  })
  return { anchors, walkable }
}

/** Where the points stand among the corners: which corners each sees (taut there), and which points see each other. */
interface Sight {
  n: number
  /** Per point, the corners in sight and the metres to each. */
  corners: { corner: Int32Array; metres: Float64Array }[]
  /** Per corner, the points that see it (compressed rows, as the legs). */
  pointStart: Int32Array
  point: Int32Array
  pointMetres: Float64Array
  /** Straight metres between points in sight of each other, row-major; Infinity where out of sight. */
  direct: Float64Array
}

function* attachSteps(graph: WalkGraph, anchors: Point[], walkable: boolean[]): Generator<void, Sight> {
  const n = anchors.length
  const corners: Sight['corners'] = []
  const direct = new Float64Array(n * n).fill(Infinity)
  // A point is where a walk starts or ends, often a step from a booth or against the front wall: it needs plain
  // sight only, where corners, which walks pass, keep the clearance.
  for (let i = 0; i < n; i++) {
    const p = anchors[i]
    const corner: number[] = []
    const metres: number[] = []
    for (let k = 0; walkable[i] && k < graph.size; k++) {
      const dx = p.x - graph.x[k]
      const dz = p.z - graph.z[k]
      if (dx * dz * graph.turn[k] > 0 || !inSight(graph, graph.x[k], graph.z[k], p.x, p.z, 0)) continue
      corner.push(k)
      metres.push(Math.hypot(dx, dz))
    }
    corners.push({ corner: Int32Array.from(corner), metres: Float64Array.from(metres) })
    direct[i * n + i] = 0
    for (let j = 0; walkable[i] && j < i; j++) {
      const q = anchors[j]
      if (walkable[j] && inSight(graph, p.x, p.z, q.x, q.z, 0)) direct[i * n + j] = direct[j * n + i] = Math.hypot(q.x - p.x, q.z - p.z)
    }
    if (i % SEARCHES_PER_STEP === SEARCHES_PER_STEP - 1) yield
  }
  const pointStart = new Int32Array(graph.size + 1)
  for (const { corner } of corners) for (const k of corner) pointStart[k + 1]++
  for (let k = 0; k < graph.size; k++) pointStart[k + 1] += pointStart[k]
  const fill = pointStart.slice(0, graph.size)
  const point = new Int32Array(pointStart[graph.size])
  const pointMetres = new Float64Array(pointStart[graph.size])
  corners.forEach(({ corner, metres }, i) =>
    corner.forEach((k, t) => {
      point[fill[k]] = i
      pointMetres[fill[k]++] = metres[t]
    }),
  )
  return { n, corners, pointStart, point, pointMetres, direct }
}

/** Dijkstra from one point through the corners to a set of points, with buffers kept between searches. */
class PointSearch {
  private dist: Float64Array
  private settled: Uint8Array
  private heap: CornerHeap
  private best: Float64Array
  private target: Uint8Array
  /** The corner each corner was reached from (-1: straight from the start point), and each target's last corner (-1: in plain sight). */
  parent: Int32Array
  via: Int32Array

  constructor(
    private graph: WalkGraph,
    private sight: Sight,
  ) {
    this.dist = new Float64Array(graph.size)
    this.settled = new Uint8Array(graph.size)
    this.heap = new CornerHeap(graph.size, this.dist)
    this.parent = new Int32Array(graph.size)
    this.best = new Float64Array(sight.n)
    this.target = new Uint8Array(sight.n)
    this.via = new Int32Array(sight.n)
  }

  /** Metres from point `from` to each of `targets`, in their order; Infinity where the corners hold no way. */
  run(from: number, targets: number[]): number[] {
    const { graph, sight, dist, settled, heap, best, target, parent, via } = this
    const { start, to, metres } = graph
    const { pointStart, point, pointMetres, n } = sight
    dist.fill(Infinity)
    settled.fill(0)
    heap.clear()
    target.fill(0)
    for (const j of targets) {
      target[j] = 1
      best[j] = sight.direct[from * n + j]
      via[j] = -1
    }
    const seed = sight.corners[from]
    for (let t = 0; t < seed.corner.length; t++) {
      if (heap.lower(seed.corner[t], seed.metres[t])) parent[seed.corner[t]] = -1
    }
    const farthest = () => targets.reduce((m, j) => Math.max(m, best[j]), 0)
    let bound = farthest()
    let pops = 0
    while (heap.size > 0) {
      const u = heap.pop()
      const du = dist[u]
      settled[u] = 1
      // Every target is settled once the nearest unsettled corner is farther than the farthest target's best.
      if (du >= bound && du >= (bound = farthest())) break
      if ((++pops & 63) === 0) bound = farthest()
      for (let e = pointStart[u]; e < pointStart[u + 1]; e++) {
        const j = point[e]
        if (target[j] && du + pointMetres[e] < best[j]) {
          best[j] = du + pointMetres[e]
          via[j] = u
        }
      }
      for (let e = start[u]; e < start[u + 1]; e++) {
        const v = to[e]
        if (!settled[v] && heap.lower(v, du + metres[e])) parent[v] = u
      }
    }
    return targets.map((j) => best[j])
  }
}

/** Binary min-heap of corners keyed by their distance, each corner in it at most once (a lower distance moves it up). */
class CornerHeap {
  size = 0
  private items: Int32Array
  /** Where each corner sits in `items`, -1 when not in the heap. */
  private at: Int32Array

  constructor(
    capacity: number,
    private key: Float64Array,
  ) {
    this.items = new Int32Array(capacity)
    this.at = new Int32Array(capacity).fill(-1)
  }

  clear() {
    for (let k = 0; k < this.size; k++) this.at[this.items[k]] = -1
    this.size = 0
  }

  /** Sets the corner's key to `value` if that is lower, adding the corner when it is not in the heap; true if it was. */
  lower(corner: number, value: number): boolean {
    const { key, items, at } = this
    if (!(value < key[corner])) return false
    key[corner] = value
    let i = at[corner]
    if (i < 0) i = this.size++
    while (i > 0) {
      const up = (i - 1) >> 1
      if (key[items[up]] <= value) break
      items[i] = items[up]
      at[items[i]] = i
      i = up
    }
    items[i] = corner
    at[corner] = i
    return true
  }

  pop(): number {
    const { key, items, at } = this
    const top = items[0]
    at[top] = -1
    const n = --this.size
    if (n === 0) return top
    const last = items[n]
    const value = key[last]
    let i = 0
    for (;;) {
      let child = 2 * i + 1
      if (child >= n) break
      if (child + 1 < n && key[items[child + 1]] < key[items[child]]) child++
      if (key[items[child]] >= value) break
      items[i] = items[child]
      at[items[i]] = i
      i = child
    }
    items[i] = last
    at[last] = i
    return top
  }
}

function* buildWalkGraph(grid: WalkGrid): Generator<void, WalkGraph> {
  const { cols, rows, blocked, cellSize: cs } = grid
  const runX = new Int32Array(cols * rows)
  const runZ = new Int32Array(cols * rows)
  for (let r = 0; r < rows; r++) {
    for (let c = cols - 1; c >= 0; c--) {
      const i = r * cols + c
      runX[i] = blocked[i] ? 0 : c + 1 < cols ? runX[i + 1] + 1 : 1
    }
  }
  for (let r = rows - 1; r >= 0; r--) {
    for (let c = 0; c < cols; c++) {
      const i = r * cols + c
      runZ[i] = blocked[i] ? 0 : r + 1 < rows ? runZ[i + cols] + 1 : 1
    }
  }
  yield
  const xs: number[] = []
  const zs: number[] = []
  const turns: number[] = []
  // Lattice point (c, r) is shared by cells (c-1, r-1), (c, r-1), (c-1, r) and (c, r): a convex corner when exactly
  // one of them is blocked, walked round through the cell diagonally opposite.
  for (let r = 1; r < rows; r++) {
    for (let c = 1; c < cols; c++) {
      const nw = blocked[(r - 1) * cols + c - 1]
      const ne = blocked[(r - 1) * cols + c]
      const sw = blocked[r * cols + c - 1]
      const se = blocked[r * cols + c]
      if (nw + ne + sw + se !== 1) continue
      const qx = nw || sw ? -1 : 1
      const qz = nw || ne ? -1 : 1
      xs.push(grid.originX + (c - qx * 0.5) * cs)
      zs.push(grid.originZ + (r - qz * 0.5) * cs)
      turns.push(qx * qz)
    }
  }
  const size = xs.length
  const x = Float64Array.from(xs)
  const z = Float64Array.from(zs)
  const turn = Int8Array.from(turns)
  const partial: WalkGraph = { grid, runX, runZ, size, x, z, turn, start: new Int32Array(size + 1), to: new Int32Array(0), metres: new Float64Array(0) }
  const from: number[] = []
  const to: number[] = []
  // In cell units, as the sight test works.
  const cx = x.map((v) => (v - grid.originX) / cs)
  const cz = z.map((v) => (v - grid.originZ) / cs)
  const clearance = PATH_CLEARANCE / cs
  const join = (u: number, v: number) => {
    sightLine[0] = cx[u]
    sightLine[1] = cz[u]
    sightLine[2] = cx[v]
    sightLine[3] = cz[v]
    sightLine[4] = clearance
    if (!lineInSight(partial)) return
    from.push(u)
    to.push(v)
  }
  // Along a row or a column, a corner is joined to its neighbours only: a longer straight leg passes through them and
  // is no shorter for it, and any leg along a line is taut at both ends.
  const all = Array.from({ length: size }, (_, k) => k)
  const along = (key: Float64Array, position: Float64Array) => {
    const sorted = [...all].sort((a, b) => key[a] - key[b] || position[a] - position[b])
    for (let k = 1; k < size; k++) if (key[sorted[k]] === key[sorted[k - 1]]) join(sorted[k - 1], sorted[k])
  }
  along(z, x)
  yield
  along(x, z)
  yield
  // A slanted leg is taut at both ends only between corners that turn the same way, heading the way both turn:
  // with dx > 0, towards smaller z for turn +1 and larger z for turn -1.
  let tests = 0
  for (const t of [1, -1]) {
    const group = all.filter((k) => turn[k] === t).sort((a, b) => x[a] - x[b])
    for (let a = 0; a < group.length; a++) {
      const u = group[a]
      const ux = x[u]
      const uz = z[u]
      for (let b = a + 1; b < group.length; b++) {
        const v = group[b]
        const dz = z[v] - uz
        if (x[v] === ux || dz === 0 || dz * t > 0) continue
        join(u, v)
        if (++tests % SIGHT_TESTS_PER_STEP === 0) yield
      }
    }
  }
  // Both directions of each leg, in rows by corner.
  const start = partial.start
  for (let k = 0; k < from.length; k++) {
    start[from[k] + 1]++
    start[to[k] + 1]++
  }
  for (let k = 0; k < size; k++) start[k + 1] += start[k]
  const fill = start.slice(0, size)
  const targets = new Int32Array(2 * from.length)
  const metres = new Float64Array(2 * from.length)
  for (let k = 0; k < from.length; k++) {
    const u = from[k]
    const v = to[k]
    const d = Math.hypot(x[v] - x[u], z[v] - z[u])
    targets[fill[u]] = v
    metres[fill[u]++] = d
    targets[fill[v]] = u
    metres[fill[v]++] = d
  }
  return { ...partial, to: targets, metres }
}

/**
 * Line of sight as clearLine has it: the segment and two parallels `clearance` metres either side touch no blocked
 * cell. Checked a row (or column) of cells at a time against the runs of free cells, not cell by cell.
 */
export function inSight(graph: WalkGraph, ax: number, az: number, bx: number, bz: number, clearance: number): boolean {
  const { originX, originZ, cellSize: cs } = graph.grid
  sightLine[0] = (ax - originX) / cs
  sightLine[1] = (az - originZ) / cs
  sightLine[2] = (bx - originX) / cs
  sightLine[3] = (bz - originZ) / cs
  sightLine[4] = clearance / cs
  return lineInSight(graph)
}

/**
 * The segment and clearance of a sight test, in cell units: x0, z0, x1, z1, clearance. Millions of tests build a
 * big hall's graph, and numbers handed over in a typed array are not boxed on every call as arguments would be.
 */
const sightLine = new Float64Array(5)

/** inSight for the segment in `sightLine`. */
function lineInSight(graph: WalkGraph): boolean {
  const { cols, rows } = graph.grid
  let ax = sightLine[0]
  let az = sightLine[1]
  let bx = sightLine[2]
  let bz = sightLine[3]
  const clearance = sightLine[4]
  const length = Math.hypot(bx - ax, bz - az)
  // The runs go along the segment's longer extent (u); the lines of cells it crosses are across (v).
  const alongX = Math.abs(bx - ax) >= Math.abs(bz - az)
  const run = alongX ? graph.runX : graph.runZ
  const along = alongX ? cols : rows
  const across = alongX ? rows : cols
  const uStride = alongX ? 1 : cols
  const vStride = alongX ? cols : 1
  if (alongX ? bx < ax : bz < az) {
    let t = ax
    ax = bx
    bx = t
    t = az
    az = bz
    bz = t
  }
  const lines = clearance > 0 && length > EPS ? 3 : 1
  for (let side = 0; side < lines; side++) {
    // The centre line, then a parallel either side.
    const offset = side === 0 ? 0 : side === 1 ? clearance / length : -clearance / length
    const ox = -(bz - az) * offset
    const oz = (bx - ax) * offset
    const u0 = alongX ? ax + ox : az + oz
    const v0 = alongX ? az + oz : ax + ox
    const u1 = alongX ? bx + ox : bz + oz
    const v1 = alongX ? bz + oz : bx + ox
    const first = Math.floor(v0)
    const last = Math.floor(v1)
    if (first < 0 || first >= across || last < 0 || last >= across) return false
    const step = last >= first ? 1 : -1
    const slope = v1 !== v0 ? (u1 - u0) / (v1 - v0) : 0
    const cu0 = Math.floor(u0)
    const cu1 = Math.floor(u1)
    for (let v = first; ; v += step) {
      // Where the segment crosses into the next line of cells exactly at a lattice point, the cells either side
      // count; nothing beyond its ends does.
      const ca = v === first ? cu0 : Math.max(cu0, Math.floor(u0 + ((step > 0 ? v : v + 1) - v0) * slope - EPS))
      const cb = v === last ? cu1 : Math.min(cu1, Math.floor(u0 + ((step > 0 ? v + 1 : v) - v0) * slope + EPS))
      if (ca < 0 || cb >= along || run[ca * uStride + v * vStride] <= cb - ca) return false
      if (v === last) break
    }
  }
  return true
}
