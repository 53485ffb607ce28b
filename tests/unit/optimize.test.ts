import { existsSync, readFileSync, readdirSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import { EXACT_MAX_NODES, exactOrder, heuristicOrder, optimizeOrder, tourLength } from '../../src/routes/optimize'
import { seededRandom } from '../../src/seededRandom'

const TSPLIB_DIR = fileURLToPath(new URL('../../../shared/reference/tsplib/', import.meta.url))

const euclidean = (points: number[][]) => points.map((a) => points.map((b) => Math.hypot(a[0] - b[0], a[1] - b[1])))

/** Points spread over a 100 m square, or bunched in a few clusters like booths in zones. */
function instance(n: number, seed: number, clustered = false): number[][] {
  const next = seededRandom(seed)
  const centres = Array.from({ length: 5 }, () => [next() * 100, next() * 100])
  const points = Array.from({ length: n }, () => {
    if (!clustered) return [next() * 100, next() * 100]
    const c = centres[Math.floor(next() * centres.length)]
    return [c[0] + next() * 15, c[1] + next() * 15]
  })
  return euclidean(points)
}

/** Length of the best order by trying every one. */
function bruteForce(d: number[][], start: number, returnToStart: boolean): number {
  const rest = d.map((_, i) => i).filter((i) => i !== start)
  let best = Infinity
  const visit = (last: number, left: number[], length: number) => {
    if (length >= best) return
    if (left.length === 0) {
      best = Math.min(best, length + (returnToStart ? d[last][start] : 0))
      return
    }
    left.forEach((next, k) => visit(next, [...left.slice(0, k), ...left.slice(k + 1)], length + d[last][next]))
  }
  visit(start, rest, 0)
  return best
}

/**
 * Branch and bound that looks for any order shorter than `bound`: a certificate of optimality independent of the
 * dynamic programme. The lower bound adds, for each unvisited node, its cheapest edge to where it can be reached from.
 */
function existsShorter(d: number[][], start: number, returnToStart: boolean, bound: number): boolean {
  const n = d.length
  const visited = new Array<boolean>(n).fill(false)
  visited[start] = true
  const search = (last: number, count: number, length: number): boolean => {
    if (count === n) return length + (returnToStart ? d[last][start] : 0) < bound - 1e-9
    let lower = length
    for (let j = 0; j < n; j++) {
      if (visited[j]) continue
      let cheapest = d[last][j]
      for (let i = 0; i < n; i++) if (!visited[i] && i !== j) cheapest = Math.min(cheapest, d[i][j])
      lower += cheapest
    }
    if (lower >= bound - 1e-9) return false
    for (let j = 0; j < n; j++) {
      if (visited[j]) continue
      visited[j] = true
      const found = search(j, count + 1, length + d[last][j])
      visited[j] = false
      if (found) return true
    }
    return false
  }
  return search(start, 1, 0)
}

/**
 * The yardstick for big instances: many restarts from random orders, each taken to a full 2-opt and Or-opt optimum
 * by exhaustive scans (no neighbour lists, no kicks). An open path is a closed tour through a dummy node.
 */
function multiStartBest(d: number[][], start: number, returnToStart: boolean, restarts: number): number {
  const n = d.length
  const N = returnToStart ? n : n + 1
  const far = 1e9
  const w = (a: number, b: number) => (a === n || b === n ? (a === start || b === start ? 0 : far) : d[a][b])
  const next = seededRandom(99)
  let best = Infinity
  for (let r = 0; r < restarts; r++) {
    const tour = Array.from({ length: N }, (_, i) => i)
    for (let i = N - 1; i > 0; i--) {
      const j = Math.floor(next() * (i + 1))
      ;[tour[i], tour[j]] = [tour[j], tour[i]]
    }
    for (let improved = true; improved; ) {
      improved = false
      for (let i = 0; i < N - 1 && !improved; i++) {
        for (let j = i + 2; j < N && !improved; j++) {
          const a = tour[i], b = tour[i + 1], c = tour[j], e = tour[(j + 1) % N]
          if (e === a) continue
          if (w(a, c) + w(b, e) < w(a, b) + w(c, e) - 1e-9) {
            tour.splice(i + 1, j - i, ...tour.slice(i + 1, j + 1).reverse())
            improved = true
          }
        }
      }
      for (let len = 1; len <= 3 && !improved; len++) {
        for (let i = 0; i + len < N && !improved; i++) {
          const seg = tour.slice(i, i + len)
          const p = tour[(i - 1 + N) % N], q = tour[(i + len) % N]
          const gain = w(p, seg[0]) + w(seg[len - 1], q) - w(p, q)
          const rest = [...tour.slice(i + len), ...tour.slice(0, i)]
          for (let k = 0; k < rest.length - 1 && !improved; k++) {
            const c = rest[k], e = rest[k + 1]
            for (const s of [seg, [...seg].reverse()]) {
              if (w(c, s[0]) + w(s[len - 1], e) - w(c, e) < gain - 1e-9) {
                tour.splice(0, N, ...rest.slice(0, k + 1), ...s, ...rest.slice(k + 1))
                improved = true
                break
              }
            }
          }
        }
      }
    }
    let length = 0
    for (let i = 0; i < N; i++) length += w(tour[i], tour[(i + 1) % N])
    best = Math.min(best, returnToStart ? length : length - far)
  }
  return best
}

function expectPermutation(order: number[], n: number, start: number) {
  expect(order).toHaveLength(n)
  expect(new Set(order).size).toBe(n)
  expect(order.every((i) => Number.isInteger(i) && i >= 0 && i < n)).toBe(true)
  expect(order[0]).toBe(start)
}

const tsplib = () =>
  existsSync(TSPLIB_DIR)
    ? readdirSync(TSPLIB_DIR)
        .filter((f) => f.endsWith('.json'))
        .map((f) => JSON.parse(readFileSync(join(TSPLIB_DIR, f), 'utf8')) as { name: string; optimum: number; coords: number[][] })
    : []

describe('optimizeOrder', () => {
  it('handles empty, one- and two-node matrices', () => {
    expect(optimizeOrder([])).toEqual([])
    expect(optimizeOrder([[0]])).toEqual([0])
    expect(optimizeOrder([[0, 5], [5, 0]], { start: 1 })).toEqual([1, 0])
  })

  it('refuses a start that is not an index of the matrix', () => {
    expect(() => optimizeOrder(instance(4, 1), { start: 4 })).toThrow(RangeError)
    expect(() => optimizeOrder(instance(20, 1), { start: -1 })).toThrow(RangeError)
    expect(() => exactOrder(instance(40, 1))).toThrow(/exponential/)
  })

  it.each([false, true])('matches brute force for 2 to 9 nodes (returnToStart: %s)', (returnToStart) => {
    for (let n = 2; n <= 9; n++) {
      for (let seed = 0; seed < (n <= 8 ? 12 : 4); seed++) {
        const d = instance(n, 1000 * n + seed, seed % 2 === 1)
        const start = seed % n
        const order = optimizeOrder(d, { start, returnToStart })
        expectPermutation(order, n, start)
        expect(tourLength(d, order, returnToStart)).toBeCloseTo(bruteForce(d, start, returnToStart), 9)
      }
    }
  })

  it(`is exact up to ${EXACT_MAX_NODES} nodes, which covers a start and 10 stops`, () => {
    expect(EXACT_MAX_NODES).toBeGreaterThanOrEqual(11)
    for (const n of [10, 11, EXACT_MAX_NODES]) {
      for (const returnToStart of [false, true]) {
        for (let seed = 0; seed < 2; seed++) {
          const d = instance(n, 77 * n + seed, seed === 1)
          const order = optimizeOrder(d, { start: seed, returnToStart })
          expectPermutation(order, n, seed)
          expect(existsShorter(d, seed, returnToStart, tourLength(d, order, returnToStart))).toBe(false)
        }
      }
    }
  })

  it('keeps the heuristic alone within 1% of the optimum on average over 50 random 9-stop routes', () => {
    let gap = 0
    for (let seed = 0; seed < 50; seed++) {
      const d = instance(10, 500 + seed, seed % 2 === 0)
      gap += tourLength(d, heuristicOrder(d), false) / tourLength(d, exactOrder(d), false) - 1
    }
    expect(gap / 50).toBeLessThan(0.01)
  })

  it('begins with the start it is given, open or closed, exact or not', () => {
    for (const n of [7, 40]) {
      const d = instance(n, n)
      for (const start of [0, 3, n - 1]) {
        for (const returnToStart of [false, true]) expectPermutation(optimizeOrder(d, { start, returnToStart }), n, start)
      }
    }
  })

  it('never makes a closed tour longer than the open path plus the walk back, nor shorter than the path', () => {
    const d = instance(35, 8)
    const open = tourLength(d, optimizeOrder(d), false)
    const closedOrder = optimizeOrder(d, { returnToStart: true })
    expect(tourLength(d, closedOrder, true)).toBeGreaterThanOrEqual(open - 1e-9)
    expect(tourLength(d, closedOrder, true)).toBeLessThanOrEqual(tourLength(d, closedOrder, false) + Math.max(...d[0]))
  })

  it('gives the same order for the same input', () => {
    const d = instance(60, 3, true)
    expect(optimizeOrder(d, { start: 2 })).toEqual(optimizeOrder(d, { start: 2 }))
    expect(optimizeOrder(d, { returnToStart: true })).toEqual(optimizeOrder(d.map((row) => [...row]), { returnToStart: true }))
  })

  it.each([8, 40])('puts stops with no way to them last and never yields NaN (%i nodes)', (n) => {
    const d = instance(n, 21)
    const cutOff = [2, 5]
    for (const i of cutOff) {
      for (let j = 0; j < n; j++) {
        if (j === i) continue
        d[i][j] = d[j][i] = cutOff.includes(j) ? 3 : Infinity
      }
    }
    d[4][6] = NaN
    const order = optimizeOrder(d)
    expectPermutation(order, n, 0)
    expect(order.slice(-2).sort()).toEqual(cutOff)
    expect(tourLength(d, order)).toBe(Infinity)
    expect(order.some((i) => Number.isNaN(i))).toBe(false)
  })

  it('reads an asymmetric matrix as the mean of both directions', () => {
    const d = instance(6, 4)
    const skewed = d.map((row, i) => row.map((v, j) => (i < j ? v + 2 : Math.max(0, v - 2))))
    expect(optimizeOrder(skewed)).toEqual(optimizeOrder(d))
  })

  it('comes within 3% of a long multi-start search on random 30- to 100-stop routes', () => {
    const cases: [number, number, boolean, boolean][] = [
      [31, 1, false, false],
      [51, 2, true, false],
      [76, 3, false, true],
      [101, 4, true, false],
    ]
    for (const [n, seed, clustered, returnToStart] of cases) {
      const d = instance(n, seed, clustered)
      const ours = tourLength(d, optimizeOrder(d, { returnToStart }), returnToStart)
      const yardstick = multiStartBest(d, 0, returnToStart, n > 80 ? 12 : 25)
      expect(ours, `${n} nodes`).toBeLessThanOrEqual(yardstick * 1.03)
    }
  })

  it('orders 100 stops in well under a second', () => {
    const d = instance(101, 12)
    optimizeOrder(instance(101, 13))
    const t0 = performance.now()
    optimizeOrder(d)
    expect(performance.now() - t0).toBeLessThan(1000)
  })

  it.skipIf(tsplib().length === 0)('comes within 2% of the published optima of the TSPLIB instances, each well under a second', () => {
    for (const { name, optimum, coords } of tsplib()) {
      const d = coords.map((a) => coords.map((b) => Math.round(Math.hypot(a[0] - b[0], a[1] - b[1]))))
      const t0 = performance.now()
      const order = optimizeOrder(d, { returnToStart: true })
      const ms = performance.now() - t0
      expectPermutation(order, coords.length, 0)
      expect(tourLength(d, order, true) / optimum - 1, name).toBeLessThan(0.02)
      expect(ms, name).toBeLessThan(1000)
    }
  })
})

describe('tourLength', () => {
  it('adds the legs, and the way back when asked', () => {
    const d = [
      [0, 1, 4],
      [1, 0, 2],
      [4, 2, 0],
    ]
    expect(tourLength(d, [0, 1, 2])).toBe(3)
    expect(tourLength(d, [0, 1, 2], true)).toBe(7)
    expect(tourLength(d, [1])).toBe(0)
  })

  it('is Infinity, never NaN, when a leg has no distance', () => {
    expect(tourLength([[0, NaN], [NaN, 0]], [0, 1])).toBe(Infinity)
    expect(tourLength([[0, Infinity], [Infinity, 0]], [0, 1], true)).toBe(Infinity)
    expect(tourLength([[0]], [0, 3])).toBe(Infinity)
  })
})
