/**
 * Route benchmarks for `npm run bench` (or alone: `npx tsx scripts/routeBench.ts`): walking-matrix and ordering times on
 * the 1,000- and 3,000-booth halls, drawing a 50-stop walk, gaps to exact and published optima.
 */
import { existsSync, readFileSync, readdirSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'
import { zonesFileSchema } from '../src/content/schema'
import { generateSyntheticExhibitors } from '../src/content/synthetic'
import { computeFloorPlan } from '../src/plan/floorPlan'
import type { Point } from '../src/plan/types'
import { EXACT_MAX_NODES, exactOrder, heuristicOrder, optimizeOrder, tourLength } from '../src/routes/optimize'
import { walkGraph } from '../src/plan/walkGraph'
import { routeDistanceMatrix, walkRoute } from '../src/routes/routeDistances'
import { seededRandom } from '../src/seededRandom'

const ROOT = fileURLToPath(new URL('..', import.meta.url))
const ZONES_FILE = join(ROOT, 'assets/content/wmc2021/zones.json')
const TSPLIB_DIR = resolve(ROOT, '../shared/reference/tsplib')
const HALL_BOOTHS = 1000
const BIG_HALL_BOOTHS = 3000
const BIG_HALL_STOPS = 100
const DRAWN_STOPS = 50
const ROUTE_SIZES = [10, 50, 100] as const
const SMALL_INSTANCES = 50
const SMALL_STOPS = 9

const round = (v: number, digits = 1) => Math.round(v * 10 ** digits) / 10 ** digits
const percent = (ratio: number) => round(100 * ratio, 3)

function time<T>(run: () => T): { value: T; ms: number } {
  const t0 = performance.now()
  const value = run()
  return { value, ms: round(performance.now() - t0) }
}

/** `count` distinct indices below `limit`, in random order. */
function sample(limit: number, count: number, random: () => number): number[] {
  const all = Array.from({ length: limit }, (_, i) => i)
  for (let i = 0; i < count; i++) {
    const j = i + Math.floor(random() * (limit - i))
    ;[all[i], all[j]] = [all[j], all[i]]
  }
  return all.slice(0, count)
}

export async function routeBenchmarks() {
  const zones = zonesFileSchema.parse(JSON.parse(readFileSync(ZONES_FILE, 'utf8')))
  const planned = time(() => computeFloorPlan({ zones, exhibitors: generateSyntheticExhibitors(HALL_BOOTHS, zones) }))
  const plan = planned.value
  // Warm the optimiser's code paths so the first timed size does not pay for compilation.
  const random = seededRandom(2021)
  const warm = Array.from({ length: 60 }, () => ({ x: random() * 100, z: random() * 100 }))
  optimizeOrder(warm.map((a) => warm.map((b) => Math.hypot(a.x - b.x, a.z - b.z))))

  // The corner graph is built once per hall (in the route worker as soon as a route can be ordered): timed apart.
  const graph = time(() => walkGraph(plan.walkGrid))
  const picks = sample(plan.booths.length, ROUTE_SIZES.reduce((s, n) => s + n, 0), random)
  const routes: Record<string, unknown> = {}
  let largest: number[][] = []
  let offset = 0
  for (const stops of ROUTE_SIZES) {
    const points: Point[] = [plan.entrance, ...picks.slice(offset, offset + stops).map((i) => plan.booths[i].front)]
    offset += stops
    const matrix = time(() => routeDistanceMatrix(plan, points))
    const order = time(() => optimizeOrder(matrix.value))
    const closed = time(() => optimizeOrder(matrix.value, { returnToStart: true }))
    routes[`${stops} stops`] = {
      method: stops + 1 <= EXACT_MAX_NODES ? 'exact' : 'heuristic',
      matrixMs: matrix.ms,
      optimizeMs: order.ms,
      optimizeClosedMs: closed.ms,
      walkMetres: round(tourLength(matrix.value, order.value)),
      closedWalkMetres: round(tourLength(matrix.value, closed.value, true)),
    }
    largest = matrix.value
  }

  // Small routes drawn from the largest hall matrix: real walking distances, no more grid searches.
  let gap = 0
  let heuristicGap = 0
  let worstHeuristicGap = 0
  for (let k = 0; k < SMALL_INSTANCES; k++) {
    const nodes = [0, ...sample(largest.length - 1, SMALL_STOPS, random).map((i) => i + 1)]
    const d = nodes.map((a) => nodes.map((b) => largest[a][b]))
    const optimum = tourLength(d, exactOrder(d))
    const g = tourLength(d, optimizeOrder(d)) / optimum - 1
    const h = tourLength(d, heuristicOrder(d)) / optimum - 1
    gap += g
    heuristicGap += h
    worstHeuristicGap = Math.max(worstHeuristicGap, h)
  }

  // Drawing a 50-stop walk from cold, as refreshRouteWalk does on the main thread when a shared route opens.
  const drawnStops = picks.slice(0, DRAWN_STOPS).map((i) => ({ kind: 'booth' as const, exhibitorId: plan.booths[i].exhibitorId }))
  const drawn = time(() => walkRoute(plan, drawnStops))

  return {
    hall: {
      booths: plan.booths.length,
      gridCells: plan.walkGrid.cols * plan.walkGrid.rows,
      planMs: planned.ms,
      corners: graph.value.size,
      cornerLegs: graph.value.to.length / 2,
      cornerGraphMs: graph.ms,
    },
    routes,
    [`walk of ${DRAWN_STOPS} stops drawn`]: { legs: drawn.value.legs.length, ms: drawn.ms },
    bigHall: bigHallMatrix(zones, random),
    [`${SMALL_STOPS}-stop routes`]: {
      instances: SMALL_INSTANCES,
      meanGapPercent: percent(gap / SMALL_INSTANCES),
      heuristicAloneMeanGapPercent: percent(heuristicGap / SMALL_INSTANCES),
      heuristicAloneWorstGapPercent: percent(worstHeuristicGap),
    },
    tsplib: tsplibGaps(),
  }
}

/** The goal: 100 stops on the 3,000-booth hall from cold, the corner graph's building included. */
function bigHallMatrix(zones: ReturnType<typeof zonesFileSchema.parse>, random: () => number) {
  const plan = computeFloorPlan({ zones, exhibitors: generateSyntheticExhibitors(BIG_HALL_BOOTHS, zones) })
  const points: Point[] = [plan.entrance, ...sample(plan.booths.length, BIG_HALL_STOPS, random).map((i) => plan.booths[i].front)]
  const graph = time(() => walkGraph(plan.walkGrid))
  const matrix = time(() => routeDistanceMatrix(plan, points))
  const order = time(() => optimizeOrder(matrix.value))
  return {
    booths: plan.booths.length,
    gridCells: plan.walkGrid.cols * plan.walkGrid.rows,
    stops: BIG_HALL_STOPS,
    corners: graph.value.size,
    cornerLegs: graph.value.to.length / 2,
    cornerGraphMs: graph.ms,
    searchesMs: matrix.ms,
    matrixMs: round(graph.ms + matrix.ms),
    optimizeMs: order.ms,
  }
}

interface TsplibInstance {
  name: string
  edgeWeightType?: string
  optimum: number
  coords: [number, number][]
}

/** Closed tours on the TSPLIB instances, distances rounded to the nearest integer (TSPLIB's nint for EUC_2D). */
function tsplibGaps(): Record<string, unknown> {
  if (!existsSync(TSPLIB_DIR)) return { missing: `no TSPLIB folder at ${TSPLIB_DIR}` }
  const out: Record<string, unknown> = {}
  for (const file of readdirSync(TSPLIB_DIR).filter((f) => f.endsWith('.json')).sort()) {
    try {
      const { name, optimum, coords, edgeWeightType } = JSON.parse(readFileSync(join(TSPLIB_DIR, file), 'utf8')) as TsplibInstance
      if (edgeWeightType && edgeWeightType !== 'EUC_2D') {
        out[name ?? file] = { skipped: `edge weight type ${edgeWeightType}` }
        continue
      }
      const d = coords.map(([ax, ay]) => coords.map(([bx, by]) => Math.round(Math.hypot(ax - bx, ay - by))))
      const run = time(() => optimizeOrder(d, { returnToStart: true }))
      const length = tourLength(d, run.value, true)
      out[name ?? file] = { nodes: coords.length, optimum, length, gapPercent: percent(length / optimum - 1), ms: run.ms }
    } catch (error) {
      out[file] = { error: String(error) }
    }
  }
  return out
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  routeBenchmarks().then((report) => console.log(JSON.stringify(report, null, 2)))
}
