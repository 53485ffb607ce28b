/** Tour ordering over a square matrix of distances: exact (Held–Karp) for short routes, iterated local search beyond. */
import { seededRandom } from '../seededRandom'

export interface OptimizeOptions {
  /** Index the order begins with: where the visitor stands. Default 0. */
  start?: number
  /** Close the tour back to `start` (its last leg counts); otherwise an open path that may end anywhere. */
  returnToStart?: boolean
}

/** Up to this many nodes (a start and 12 stops) the order is provably optimal: 2^12·12² steps, a few milliseconds. */
export const EXACT_MAX_NODES = 13
/** Largest matrix exactOrder accepts when called directly: 2^17·17 states, about 20 MB and a few hundred ms. */
const EXACT_LIMIT = 18
/** Candidate moves only look at this many nearest neighbours of a node: the usual 2-opt/Or-opt speed-up. */
const NEIGHBOURS = 10
/** Longest run of stops Or-opt moves elsewhere in one move. */
const OR_OPT_MAX_SEGMENT = 3
/** Perturbations (kicks) per node, and the bounds on their total: fixed counts, not a clock, so the same input gives the same order. */
const KICKS_PER_NODE = 40
const MIN_KICKS = 400
const MAX_KICKS = 6000
/** Longest segment a kick moves: local kicks repair cheaply and keep most of a good tour. */
const KICK_MAX_SEGMENT = 30
const SEED = 0x2021_0c1d
/** Distances are scaled to a largest finite value of 1, so a fixed tolerance suits every unit. */
const EPS = 1e-12

/**
 * The visiting order as indices into `distances`, beginning with `start` and visiting every index once.
 * The matrix is read as symmetric (an asymmetric one as the mean of both directions). Missing, NaN or infinite
 * entries mean "no way through": such legs are used as few times as possible, so stops the start cannot reach
 * come last on an open path.
 */
export function optimizeOrder(distances: number[][], options: OptimizeOptions = {}): number[] {
  const n = distances.length
  if (n <= EXACT_MAX_NODES) return exactOrder(distances, options)
  return heuristicOrder(distances, options)
}

/** Length of the walk `order` takes (closing back to its first index with `returnToStart`); Infinity if any leg has no finite distance. */
export function tourLength(distances: number[][], order: readonly number[], returnToStart = false): number {
  let total = 0
  const leg = (a: number, b: number) => {
    const d = Number(distances[a]?.[b])
    return Number.isFinite(d) ? d : Infinity
  }
  for (let k = 1; k < order.length; k++) total += leg(order[k - 1], order[k])
  if (returnToStart && order.length > 1) total += leg(order[order.length - 1], order[0])
  return total
}

/** Held–Karp dynamic programme over subsets: the optimal order. Exponential, so only meant for small matrices. */
export function exactOrder(distances: number[][], options: OptimizeOptions = {}): number[] {
  const { n, start, d } = prepare(distances, options)
  if (n <= 2) return trivialOrder(n, start)
  if (n > EXACT_LIMIT) throw new RangeError(`exactOrder is exponential: ${n} nodes is more than ${EXACT_LIMIT}`)
  const others: number[] = []
  for (let i = 0; i < n; i++) if (i !== start) others.push(i)
  const m = others.length
  const local = new Float64Array(m * m)
  for (let a = 0; a < m; a++) for (let b = 0; b < m; b++) local[a * m + b] = d[others[a] * n + others[b]]
  const subsets = 1 << m
  // cost[S·m + k]: shortest walk from start through exactly the set S, ending at k (k in S).
  const cost = new Float64Array(subsets * m).fill(Infinity)
  const parent = new Int8Array(subsets * m).fill(-1)
  for (let k = 0; k < m; k++) cost[(1 << k) * m + k] = d[start * n + others[k]]
  for (let set = 1; set < subsets; set++) {
    for (let k = 0; k < m; k++) {
      if (!(set & (1 << k))) continue
      const here = cost[set * m + k]
      if (here === Infinity) continue
      for (let j = 0; j < m; j++) {
        if (set & (1 << j)) continue
        const next = (set | (1 << j)) * m + j
        const c = here + local[k * m + j]
        if (c < cost[next]) {
          cost[next] = c
          parent[next] = k
        }
      }
    }
  }
  const full = subsets - 1
  let last = 0
  let best = Infinity
  for (let k = 0; k < m; k++) {
    const c = cost[full * m + k] + (options.returnToStart ? d[others[k] * n + start] : 0)
    if (c < best) {
      best = c
      last = k
    }
  }
  const reversed: number[] = []
  for (let set = full, k = last; k >= 0; ) {
    reversed.push(others[k])
    const p = parent[set * m + k]
    set &= ~(1 << k)
    k = p
  }
  return [start, ...reversed.reverse()]
}

/**
 * Nearest neighbour, then 2-opt and Or-opt with neighbour lists and don't-look bits, iterated with segment-swap
 * kicks (double bridges) under a fixed, seeded budget. An open path is solved as a closed tour through a dummy
 * node tied to the start, so one set of moves serves both.
 */
export function heuristicOrder(distances: number[][], options: OptimizeOptions = {}): number[] {
  const prepared = prepare(distances, options)
  const { n, start } = prepared
  if (n <= 3) return exactOrder(distances, options)
  const open = !options.returnToStart
  const N = open ? n + 1 : n
  const d = open ? withDummy(prepared) : prepared.d
  const search = new TourSearch(N, d, nearestNeighbourTour(N, d, start))
  search.improve()
  search.iterate(Math.min(MAX_KICKS, Math.max(MIN_KICKS, KICKS_PER_NODE * N)), seededRandom(SEED ^ N))
  return search.orderFrom(start, open ? n : -1)
}

interface Prepared {
  n: number
  start: number
  /** Symmetric, row-major, scaled so the largest finite |distance| is 1; no way through is a large finite penalty. */
  d: Float64Array
  /** Cost of one leg with no way through: more than any tour of finite legs, so those legs are minimised first. */
  penalty: number
}

function prepare(distances: number[][], options: OptimizeOptions): Prepared {
  const n = distances.length
  const start = options.start ?? 0
  if (n > 0 && !(Number.isInteger(start) && start >= 0 && start < n)) {
    throw new RangeError(`start ${start} is not an index of the ${n}×${n} distance matrix`)
  }
  const raw = (i: number, j: number) => {
    const v = Number(distances[i]?.[j])
    return Number.isFinite(v) ? v : Infinity
  }
  const d = new Float64Array(n * n)
  let largest = 0
  for (let i = 0; i < n; i++) {
    for (let j = i + 1; j < n; j++) {
      const a = raw(i, j)
      const b = raw(j, i)
      // A way one direction is a way back: only when neither is finite is there none.
      const v = a === Infinity ? b : b === Infinity ? a : (a + b) / 2
      d[i * n + j] = d[j * n + i] = v
      if (v !== Infinity) largest = Math.max(largest, Math.abs(v))
    }
  }
  const scale = largest > 0 ? 1 / largest : 1
  const penalty = n + 1
  for (let k = 0; k < d.length; k++) d[k] = d[k] === Infinity ? penalty : d[k] * scale
  return { n, start, d, penalty }
}

function trivialOrder(n: number, start: number): number[] {
  if (n === 0) return []
  return n === 1 ? [start] : [start, 1 - start]
}

/** Adds node n with distance 0 to the start and a prohibitive one to everything else: a closed tour through it is an open path from the start. */
function withDummy({ n, start, d, penalty }: Prepared): Float64Array {
  const N = n + 1
  const far = penalty * (n + 2)
  const out = new Float64Array(N * N)
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < n; j++) out[i * N + j] = d[i * n + j]
    const tie = i === start ? 0 : far
    out[i * N + n] = tie
    out[n * N + i] = tie
  }
  return out
}

function nearestNeighbourTour(N: number, d: Float64Array, start: number): Int32Array {
  const tour = new Int32Array(N)
  const used = new Uint8Array(N)
  tour[0] = start
  used[start] = 1
  for (let k = 1; k < N; k++) {
    const from = tour[k - 1]
    let best = -1
    let bestD = Infinity
    for (let j = 0; j < N; j++) {
      if (!used[j] && d[from * N + j] < bestD) {
        bestD = d[from * N + j]
        best = j
      }
    }
    tour[k] = best
    used[best] = 1
  }
  return tour
}

/** A closed tour as an array plus each node's position, improved in place. */
class TourSearch {
  private readonly pos: Int32Array
  private readonly neighbours: Int32Array
  private readonly k: number
  private readonly queue: Int32Array
  private readonly queued: Uint8Array
  private head = 0
  private count = 0
  private scratch: Int32Array

  constructor(
    private readonly N: number,
    private readonly d: Float64Array,
    private tour: Int32Array,
  ) {
    this.pos = new Int32Array(N)
    this.syncPositions()
    this.k = Math.min(NEIGHBOURS, N - 1)
    this.neighbours = new Int32Array(N * this.k)
    const others = new Array<number>(N - 1)
    for (let a = 0; a < N; a++) {
      let w = 0
      for (let b = 0; b < N; b++) if (b !== a) others[w++] = b
      others.sort((x, y) => d[a * N + x] - d[a * N + y] || x - y)
      for (let i = 0; i < this.k; i++) this.neighbours[a * this.k + i] = others[i]
    }
    this.queue = new Int32Array(N)
    this.queued = new Uint8Array(N)
    this.scratch = new Int32Array(N)
  }

  /** Local search to a 2-opt and Or-opt optimum, starting with every node to be looked at. */
  improve(): void {
    for (let i = 0; i < this.N; i++) this.push(this.tour[i])
    this.run()
  }

  /** Iterated local search: kick, repair, keep the result unless it is longer. */
  iterate(kicks: number, random: () => number): void {
    const { N } = this
    if (N < 8) return
    const kept = Int32Array.from(this.tour)
    let keptLength = this.length()
    for (let i = 0; i < kicks; i++) {
      this.kick(random)
      this.run()
      const length = this.length()
      // Equal tours are accepted: drifting across plateaus finds exits that strict descent misses.
      if (length <= keptLength + EPS) {
        keptLength = length
        kept.set(this.tour)
      } else {
        this.tour.set(kept)
        this.syncPositions()
      }
    }
  }

  /** The tour read from `start`, walking away from `dummy` (when there is one) and leaving it out. */
  orderFrom(start: number, dummy: number): number[] {
    const { N, tour, pos } = this
    const at = pos[start]
    const step = dummy >= 0 && tour[(at + 1) % N] === dummy ? N - 1 : 1
    const order: number[] = []
    for (let k = 0; k < N; k++) {
      const node = tour[(at + k * step) % N]
      if (node !== dummy) order.push(node)
    }
    return order
  }

  private length(): number {
    const { N, tour, d } = this
    let total = 0
    for (let i = 0; i < N; i++) total += d[tour[i] * N + tour[(i + 1) % N]]
    return total
  }

  private syncPositions() {
    for (let i = 0; i < this.N; i++) this.pos[this.tour[i]] = i
  }

  private push(node: number) {
    if (this.queued[node]) return
    this.queued[node] = 1
    this.queue[(this.head + this.count++) % this.N] = node
  }

  private run() {
    while (this.count > 0) {
      const a = this.queue[this.head]
      this.head = (this.head + 1) % this.N
      this.count--
      this.queued[a] = 0
      if (this.twoOpt(a) || this.orOpt(a)) this.push(a)
    }
  }

  private next(node: number) {
    return this.tour[(this.pos[node] + 1) % this.N]
  }

  private prev(node: number) {
    return this.tour[(this.pos[node] + this.N - 1) % this.N]
  }

  /** Replaces edges (a, b) and (c, e) by (a, c) and (b, e), b and e being a's and c's successors (or both predecessors). */
  private twoOpt(a: number): boolean {
    const { d, N, k, neighbours } = this
    for (let forward = 1; forward >= 0; forward--) {
      const b = forward ? this.next(a) : this.prev(a)
      const ab = d[a * N + b]
      for (let i = 0; i < k; i++) {
        const c = neighbours[a * k + i]
        const ac = d[a * N + c]
        if (ac >= ab - EPS) break
        const e = forward ? this.next(c) : this.prev(c)
        if (c === b || e === a) continue
        const delta = ac + d[b * N + e] - ab - d[c * N + e]
        if (delta < -EPS) {
          if (forward) this.reverse(this.pos[b], this.pos[c])
          else this.reverse(this.pos[a], this.pos[e])
          this.push(b)
          this.push(c)
          this.push(e)
          return true
        }
      }
    }
    return false
  }

  /** Moves a run of 1–3 nodes starting or ending at `a` between two neighbouring nodes elsewhere, either way round. */
  private orOpt(a: number): boolean {
    const { d, N, k, neighbours, tour, pos } = this
    for (let len = 1; len <= OR_OPT_MAX_SEGMENT && len + 3 <= N; len++) {
      for (let side = 0; side < (len === 1 ? 1 : 2); side++) {
        const first = side === 0 ? pos[a] : (pos[a] - len + 1 + N) % N
        const s1 = tour[first]
        const s2 = tour[(first + len - 1) % N]
        const p = tour[(first + N - 1) % N]
        const nx = tour[(first + len) % N]
        const gain = d[p * N + s1] + d[s2 * N + nx] - d[p * N + nx]
        if (gain <= EPS) continue
        const inSegment = (node: number) => (pos[node] - first + N) % N < len
        for (let end = 0; end < 2; end++) {
          const near = end === 0 ? s1 : s2
          const far = end === 0 ? s2 : s1
          for (let i = 0; i < k; i++) {
            const c = neighbours[near * k + i]
            const nc = d[near * N + c]
            if (nc >= gain - EPS) break
            if (inSegment(c)) continue
            for (let dir = 0; dir < 2; dir++) {
              const e = dir === 0 ? this.next(c) : this.prev(c)
              if (inSegment(e)) continue
              const delta = nc + d[far * N + e] - d[c * N + e] - gain
              if (delta < -EPS) {
                this.moveSegment(first, len, c, e, near)
                for (const node of [p, nx, s1, s2, c, e]) this.push(node)
                return true
              }
            }
          }
        }
      }
    }
    return false
  }

  /** Reverses tour positions i..j (cyclic, inclusive), or the complement when shorter: the same cycle either way. */
  private reverse(i: number, j: number) {
    const { N, tour, pos } = this
    let len = ((j - i + N) % N) + 1
    if (2 * len > N) {
      const from = (j + 1) % N
      j = (i + N - 1) % N
      i = from
      len = N - len
    }
    for (let s = 0; s < len >> 1; s++) {
      const x = tour[i]
      const y = tour[j]
      tour[i] = y
      pos[y] = i
      tour[j] = x
      pos[x] = j
      i = (i + 1) % N
      j = (j + N - 1) % N
    }
  }

  /** Rebuilds the tour with the `len` nodes at `first` taken out and put between c and e, `near` next to c. */
  private moveSegment(first: number, len: number, c: number, e: number, near: number) {
    const { N, tour } = this
    const s1 = tour[first]
    const out = this.scratch
    const restLength = N - len
    let w = 0
    const emitSegment = (forward: boolean) => {
      for (let s = 0; s < len; s++) out[w++] = tour[(first + (forward ? s : len - 1 - s)) % N]
    }
    for (let r = 0; r < restLength; r++) {
      const x = tour[(first + len + r) % N]
      out[w++] = x
      if (r === restLength - 1) break
      const y = tour[(first + len + r + 1) % N]
      if (x === c && y === e) emitSegment(near === s1)
      else if (x === e && y === c) emitSegment(near !== s1)
    }
    this.scratch = this.tour
    this.tour = out
    this.syncPositions()
  }

  /** Double bridge on a local window: swaps two adjacent runs of nodes, a move 2-opt and Or-opt cannot undo in one step. */
  private kick(random: () => number) {
    const { N, tour } = this
    const maxSegment = Math.max(1, Math.min(KICK_MAX_SEGMENT, Math.floor((N - 2) / 3)))
    const l1 = 1 + Math.floor(random() * maxSegment)
    const l2 = 1 + Math.floor(random() * maxSegment)
    const base = Math.floor(random() * N)
    const out = this.scratch
    let w = 0
    for (let s = 0; s < l2; s++) out[w++] = tour[(base + l1 + s) % N]
    for (let s = 0; s < l1; s++) out[w++] = tour[(base + s) % N]
    for (let s = l1 + l2; s < N; s++) out[w++] = tour[(base + s) % N]
    this.scratch = this.tour
    this.tour = out
    this.syncPositions()
    for (const i of [0, l2 - 1, l2, l1 + l2 - 1, l1 + l2, N - 1]) this.push(out[i])
  }
}
