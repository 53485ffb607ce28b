/** Lays out the hall from the catalogue: lobby, a central boulevard with blocks of zones either side, booths in rows, negotiation tables, roof columns and the walk grid. */
import { EXHIBITING_ZONE_IDS, ZONE_IDS, type BoothSize, type Exhibitor, type Zone } from '../content/schema'
import type {
  BoothPlacement,
  Facing,
  FloorPlan,
  NegotiationTable,
  Point,
  Rect,
  SectionArea,
  WalkGrid,
  ZoneArea,
} from './types'
import { gatePosts } from './gates'
import { nearestWalkable } from './walk'

export interface FloorPlanInput {
  zones: Pick<Zone, 'id'>[]
  exhibitors: Pick<Exhibitor, 'id' | 'zone' | 'boothSize' | 'section'>[]
}

/** Side length of each booth size: booths never shrink, the hall grows instead. */
export const BOOTH_SIDE: Record<BoothSize, number> = { standard: 3, large: 6, island: 9 }

/** The hall's fixed proportions, metres. */
export const PLAN_METRICS = {
  perimeterAisle: 4,
  boulevardWidth: 8,
  crossAisle: 5,
  /** Between zones side by side in one block. */
  zoneAisle: 4,
  /** Between sections of one zone. */
  sectionAisle: 3,
  /** Between rows of booths, and between runs of booths in a row. */
  boothAisle: 3,
  lobbyWidth: 40,
  lobbyDepth: 30,
  entranceWidth: 12,
  magicCubeSize: 6,
  magicCubeMargin: 1,
  resultsWallWidth: 14,
  resultsWallDepth: 0.6,
  tablePitch: 4,
  tableDiameter: 1.6,
  /** Table plus chairs: what blocks walking. */
  tableBlockRadius: 1.2,
  tableSeats: 4,
  minTables: 40,
  boothsPerTable: 10,
  columnSize: 0.8,
  columnPitch: 20,
  /** Free floor kept round a column so aisles stay wide enough to pass it. */
  columnClearance: 1,
  cellSize: 0.5,
  minZoneWidth: 12,
  minBlockDepth: 9,
  /** Width of a booth front the visitor stands in front of. */
  frontDistance: 1,
} as const

const M = PLAN_METRICS
/** Booths in one unbroken run before a cross-through gap: about 30 m of stands. */
const MAX_RUN: Record<BoothSize, number> = { standard: 10, large: 5, island: 1 }
const EPS = 1e-6
const FRONT_Z = M.lobbyDepth + M.crossAisle
/** The lobby (40 m) plus perimeter aisles must fit across the hall. */
const MIN_SIDE_WIDTH = (M.lobbyWidth + 2 * M.perimeterAisle - M.boulevardWidth) / 2 - M.perimeterAisle
/** Wider-than-deep halls read well from the entrance; this is the shape the search aims for. */
const TARGET_ASPECT = 1.25
const MAX_ASPECT = 2.5

type ExhibitingZoneId = (typeof EXHIBITING_ZONE_IDS)[number]

interface Group {
  section: string | undefined
  island: string[]
  large: string[]
  standard: string[]
}

interface ExhibitArea {
  kind: 'exhibits'
  zoneId: ExhibitingZoneId
  groups: Group[]
}
interface TableArea {
  kind: 'tables'
  zoneId: 'negotiation'
  tables: number
}
type Area = ExhibitArea | TableArea

/** A booth in a group's own frame: u runs away from the boulevard, v into the hall; `row` indexes the group's rows. */
interface LocalBooth {
  id: string
  size: BoothSize
  u: number
  v: number
  towardsEntrance: boolean
  row: number
}

interface Fit {
  width: number
  depth: number
}

const compareText = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0)
const floorHalf = (m: number) => Math.floor(m * 2 + EPS) / 2

/** Places booths one after another along a row, keeping runs short and islands free-standing. */
class RowCursor {
  private end = -1
  private kind: BoothSize | null = null
  private run = 0
  constructor(private readonly width: number) {}

  /** Where the next booth of this size would start, or -1 when the row is full. */
  peek(size: BoothSize): number {
    let start: number
    if (this.end < 0) start = 0
    else if (size === this.kind && size !== 'island' && this.run < MAX_RUN[size]) start = this.end
    else start = this.end + M.boothAisle
    return start + BOOTH_SIDE[size] <= this.width + EPS ? start : -1
  }

  take(size: BoothSize, start: number) {
    this.run = size === this.kind && start === this.end ? this.run + 1 : 1
    this.kind = size
    this.end = start + BOOTH_SIDE[size]
  }
}

/**
 * Packs a group into a strip `width` wide: island rows first (showpieces nearest the entrance), then large, then
 * standard booths, each in back-to-back pairs of rows with an aisle between. Returns the depth used, or Infinity.
 */
function packGroup(group: Group, width: number, out: LocalBooth[] | null): { depth: number; rows: number } {
  const { island, large, standard } = group
  let iI = 0
  let iL = 0
  let iS = 0
  let v = 0
  let rows = 0
  const startRow = () => {
    if (rows > 0) v += M.boothAisle
    rows++
    return v
  }
  const put = (id: string, size: BoothSize, u: number, rv: number, towardsEntrance: boolean) => {
    out?.push({ id, size, u, v: rv, towardsEntrance, row: rows - 1 })
  }
  // Fills what is left of a row at least 6 m deep: large booths, then standard booths back to back.
  const fillLeftover = (row: RowCursor, rv: number) => {
    for (let u = row.peek('large'); iL < large.length && u >= 0; u = row.peek('large')) {
      row.take('large', u)
      put(large[iL++], 'large', u, rv, true)
    }
    for (let u = row.peek('standard'); iS < standard.length && u >= 0; u = row.peek('standard')) {
      row.take('standard', u)
      put(standard[iS++], 'standard', u, rv, true)
      if (iS < standard.length) put(standard[iS++], 'standard', u, rv + 3, false)
    }
  }
  // Rows of one size: single-sided when one side holds the rest, else back to back.
  const pairedRows = (size: 'large' | 'standard', ids: string[], index: () => number, advance: () => void) => {
    const side = BOOTH_SIDE[size]
    const perSide = rowCapacity(width, size)
    if (perSide === 0) return false
    while (index() < ids.length) {
      const rv = startRow()
      const row = new RowCursor(width)
      const single = ids.length - index() <= perSide
      for (let u = row.peek(size); index() < ids.length && u >= 0; u = row.peek(size)) {
        row.take(size, u)
        put(ids[index()], size, u, rv, true)
        advance()
        if (!single && index() < ids.length) {
          put(ids[index()], size, u, rv + side, false)
          advance()
        }
      }
      if (single && size === 'large') fillLeftover(row, rv)
      v += single ? side : 2 * side
    }
    return true
  }

  while (iI < island.length) {
    const rv = startRow()
    const row = new RowCursor(width)
    const u0 = row.peek('island')
    if (u0 < 0) return { depth: Infinity, rows }
    for (let u = u0; iI < island.length && u >= 0; u = row.peek('island')) {
      row.take('island', u)
      put(island[iI++], 'island', u, rv, true)
    }
    fillLeftover(row, rv)
    v += BOOTH_SIDE.island
  }
  if (iL < large.length && !pairedRows('large', large, () => iL, () => iL++)) return { depth: Infinity, rows }
  if (iS < standard.length && !pairedRows('standard', standard, () => iS, () => iS++)) return { depth: Infinity, rows }
  return { depth: v, rows }
}

function rowCapacity(width: number, size: BoothSize) {
  const row = new RowCursor(width)
  let n = 0
  for (let u = row.peek(size); u >= 0; u = row.peek(size)) {
    row.take(size, u)
    n++
  }
  return n
}

/** The narrowest whole-metre width at which the group fits in `depth`, found by bisection over a memo. */
function groupFit(group: Group, depth: number, memo: Map<number, number>): Fit {
  const depthAt = (w: number) => {
    let d = memo.get(w)
    if (d === undefined) {
      d = packGroup(group, w, null).depth
      memo.set(w, d)
    }
    return d
  }
  const n = group.island.length + group.large.length + group.standard.length
  if (n === 0) return { width: 0, depth: 0 }
  let lo = group.island.length ? 9 : group.large.length ? 6 : 3
  // Wide enough for one row of each size.
  let hi = Math.ceil(12 * group.island.length + 7 * group.large.length + 3.5 * group.standard.length + 12)
  if (depthAt(hi) > depth) return { width: Infinity, depth: Infinity }
  while (lo < hi) {
    const mid = (lo + hi) >> 1
    if (depthAt(mid) <= depth) hi = mid
    else lo = mid + 1
  }
  return { width: lo, depth: depthAt(lo) }
}

function tableGrid(tables: number, width: number) {
  const cols = Math.max(1, Math.floor(width / M.tablePitch + EPS))
  const rows = Math.ceil(tables / cols)
  return { cols, rows }
}

/** Computes, per area, its narrowest width for a block depth; memoised because the search asks many times. */
class AreaFitter {
  private readonly memos: Map<number, number>[][]
  private readonly fits = new Map<string, { width: number; depth: number; groups: Fit[] }>()
  constructor(private readonly areas: Area[]) {
    this.memos = areas.map((a) => (a.kind === 'exhibits' ? a.groups.map(() => new Map()) : []))
  }

  fit(areaIndex: number, depth: number) {
    const key = `${areaIndex}:${depth}`
    let fit = this.fits.get(key)
    if (fit) return fit
    const area = this.areas[areaIndex]
    if (area.kind === 'tables') {
      const rowsFit = Math.floor(depth / M.tablePitch + EPS)
      if (rowsFit === 0) fit = { width: Infinity, depth: Infinity, groups: [] }
      else {
        const width = Math.max(M.minZoneWidth, Math.ceil(area.tables / rowsFit) * M.tablePitch)
        fit = { width, depth: tableGrid(area.tables, width).rows * M.tablePitch, groups: [] }
      }
    } else {
      const groups = area.groups.map((g, i) => groupFit(g, depth, this.memos[areaIndex][i]))
      const used = groups.filter((g) => g.width > 0)
      const width = Math.max(
        M.minZoneWidth,
        used.reduce((s, g) => s + g.width, 0) + M.sectionAisle * Math.max(0, used.length - 1),
      )
      fit = { width, depth: Math.max(0, ...groups.map((g) => g.depth)), groups }
    }
    this.fits.set(key, fit)
    return fit
  }
}

/**
 * Splits the ordered areas into `runs` contiguous runs (left, right, left, right… block by block) so that the widest
 * run is as narrow as it can be: a linear partition by dynamic programming.
 */
function partitionAreas(widths: number[], runs: number): number[][] | null {
  const n = widths.length
  if (runs > n) return null
  const runWidth = (from: number, to: number) => {
    let sum = M.zoneAisle * (to - from - 1)
    for (let i = from; i < to; i++) sum += widths[i]
    return sum
  }
  // best[j][i]: narrowest widest run when the first i areas form j runs; cut[j][i]: where the last run starts.
  const best = Array.from({ length: runs + 1 }, () => new Array<number>(n + 1).fill(Infinity))
  const cut = Array.from({ length: runs + 1 }, () => new Array<number>(n + 1).fill(0))
  best[0][0] = 0
  for (let j = 1; j <= runs; j++) {
    for (let i = j; i <= n - (runs - j); i++) {
      for (let k = j - 1; k < i; k++) {
        const value = Math.max(best[j - 1][k], runWidth(k, i))
        if (value < best[j][i] - EPS) {
          best[j][i] = value
          cut[j][i] = k
        }
      }
    }
  }
  if (!Number.isFinite(best[runs][n])) return null
  const chunks: number[][] = []
  for (let j = runs, i = n; j > 0; j--) {
    const k = cut[j][i]
    chunks.unshift(Array.from({ length: i - k }, (_, m) => k + m))
    i = k
  }
  return chunks
}

interface Layout {
  blocks: number
  depth: number
  sideWidth: number
  chunks: number[][]
}

/** Tries every block count and block depth; keeps the smallest hall whose shape is near the target aspect. */
function chooseLayout(areas: Area[], fitter: AreaFitter, boothArea: number): Layout {
  const maxBlocks = Math.ceil(areas.length / 2)
  const maxDepth = Math.max(60, Math.ceil(Math.sqrt(boothArea * 6)) + 60)
  let best: (Layout & { cost: number }) | null = null
  for (let blocks = 1; blocks <= maxBlocks; blocks++) {
    for (let depth = M.minBlockDepth; depth <= maxDepth; depth += 3) {
      const fits = areas.map((_, a) => fitter.fit(a, depth))
      if (fits.some((f) => !Number.isFinite(f.width))) continue
      const chunks = partitionAreas(
        fits.map((f) => f.width),
        2 * blocks,
      )
      if (!chunks) continue
      let side = MIN_SIDE_WIDTH
      const blockDepths = new Array<number>(blocks).fill(M.minBlockDepth)
      chunks.forEach((chunk, j) => {
        let sum = M.zoneAisle * (chunk.length - 1)
        for (const a of chunk) {
          sum += fits[a].width
          blockDepths[j >> 1] = Math.max(blockDepths[j >> 1], fits[a].depth)
        }
        side = Math.max(side, sum)
      })
      const width = hallWidth(side)
      const hallDepth = FRONT_Z + blockDepths.reduce((s, d) => s + d, 0) + M.crossAisle * (blocks - 1) + M.perimeterAisle
      const aspect = width / hallDepth
      const penalty = Math.exp(1.5 * Math.abs(Math.log(aspect / TARGET_ASPECT))) * (aspect > MAX_ASPECT ? 4 : 1)
      const cost = width * hallDepth * penalty
      if (!best || cost < best.cost - EPS) best = { blocks, depth, sideWidth: side, chunks, cost }
    }
  }
  if (!best) throw new Error('computeFloorPlan: no layout fits the booths')
  return best
}

const hallWidth = (side: number) => 2 * side + 2 * M.perimeterAisle + M.boulevardWidth

/** Shares `total` over `weights` in whole metres; the remainder goes to the first share. */
function shareOut(total: number, weights: number[]): number[] {
  const sum = weights.reduce((s, w) => s + w, 0)
  if (weights.length === 0) return []
  const shares = weights.map((w) => (sum > 0 ? Math.floor((total * w) / sum) : Math.floor(total / weights.length)))
  shares[0] += total - shares.reduce((s, x) => s + x, 0)
  return shares
}

function buildAreas(input: FloorPlanInput): { areas: Area[]; boothCount: number; boothArea: number } {
  const known = new Set<string>(input.zones.map((z) => z.id))
  const byZone = new Map<string, FloorPlanInput['exhibitors']>()
  const seen = new Set<string>()
  for (const e of input.exhibitors) {
    if (seen.has(e.id)) throw new Error(`computeFloorPlan: exhibitor ${e.id} appears twice`)
    seen.add(e.id)
    if (!(EXHIBITING_ZONE_IDS as readonly string[]).includes(e.zone)) continue
    const list = byZone.get(e.zone) ?? []
    list.push(e)
    byZone.set(e.zone, list)
  }
  const areas: Area[] = []
  let boothCount = 0
  let boothArea = 0
  for (const zoneId of EXHIBITING_ZONE_IDS) {
    const list = byZone.get(zoneId) ?? []
    if (!known.has(zoneId) && list.length === 0) continue
    const sorted = [...list].sort(
      (a, b) => compareText(a.section ?? '', b.section ?? '') || compareText(a.id, b.id),
    )
    const groups: Group[] = []
    for (const e of sorted) {
      let group = groups[groups.length - 1]
      if (!group || group.section !== e.section) {
        group = { section: e.section, island: [], large: [], standard: [] }
        groups.push(group)
      }
      group[e.boothSize].push(e.id)
      boothCount++
      boothArea += BOOTH_SIDE[e.boothSize] ** 2
    }
    areas.push({ kind: 'exhibits', zoneId, groups })
  }
  areas.push({
    kind: 'tables',
    zoneId: 'negotiation',
    tables: Math.max(M.minTables, Math.ceil(boothCount / M.boothsPerTable)),
  })
  return { areas, boothCount, boothArea }
}

/** Lays out the whole hall. Deterministic: the same catalogue, in any order, gives a deep-equal plan. */
export function computeFloorPlan(input: FloorPlanInput): FloorPlan {
  const { areas, boothArea } = buildAreas(input)
  const fitter = new AreaFitter(areas)
  const layout = chooseLayout(areas, fitter, boothArea)
  const S = layout.sideWidth
  const W = hallWidth(S)
  const axis = W / 2
  const boulevardLeft = axis - M.boulevardWidth / 2
  const boulevardRight = axis + M.boulevardWidth / 2

  // Final widths: each run of areas is stretched to the full side width.
  const widths = new Array<number>(areas.length).fill(0)
  for (const chunk of layout.chunks) {
    const mins = chunk.map((a) => fitter.fit(a, layout.depth).width)
    const slack = S - mins.reduce((s, w) => s + w, 0) - M.zoneAisle * Math.max(0, chunk.length - 1)
    const extra = shareOut(slack, mins)
    chunk.forEach((a, k) => (widths[a] = mins[k] + extra[k]))
  }

  // Pack every group at its final width; block depth is the deepest area in it.
  interface PackedGroup {
    group: Group
    u: number
    width: number
    depth: number
    rows: number
    booths: LocalBooth[]
  }
  const packed: PackedGroup[][] = areas.map((area, a) => {
    if (area.kind === 'tables') return []
    const fits = fitter.fit(a, layout.depth).groups
    const usedWidth =
      fits.reduce((s, f) => s + f.width, 0) + M.sectionAisle * Math.max(0, fits.filter((f) => f.width > 0).length - 1)
    const extra = shareOut(Math.max(0, widths[a] - usedWidth), fits.map((f) => f.width))
    let u = 0
    return area.groups.map((group, g) => {
      const width = fits[g].width + extra[g]
      const booths: LocalBooth[] = []
      const { depth, rows } = packGroup(group, width, booths)
      const result = { group, u, width, depth, rows, booths }
      u += width + M.sectionAisle
      return result
    })
  })
  const areaDepth = (a: number) => {
    const area = areas[a]
    if (area.kind === 'tables') return tableGrid(area.tables, widths[a]).rows * M.tablePitch
    return Math.max(0, ...packed[a].map((p) => p.depth))
  }
  const blockDepths = Array.from({ length: layout.blocks }, (_, b) =>
    Math.max(M.minBlockDepth, ...[...layout.chunks[2 * b], ...layout.chunks[2 * b + 1]].map(areaDepth)),
  )
  const blockZ: number[] = []
  let z = FRONT_Z
  for (const d of blockDepths) {
    blockZ.push(z)
    z += d + M.crossAisle
  }
  const D = z - M.crossAisle + M.perimeterAisle
  const hall: Rect = { x: 0, z: 0, width: W, depth: D }

  // Area rects, from the boulevard outwards on each side.
  const rects: Rect[] = new Array(areas.length)
  const besideBoulevard = new Array<boolean>(areas.length).fill(false)
  layout.chunks.forEach((chunk, j) => {
    const block = j >> 1
    const left = j % 2 === 0
    let offset = 0
    chunk.forEach((a, k) => {
      const w = widths[a]
      const x = left ? boulevardLeft - offset - w : boulevardRight + offset
      rects[a] = { x, z: blockZ[block], width: w, depth: blockDepths[block] }
      besideBoulevard[a] = k === 0
      offset += w + M.zoneAisle
    })
  })

  // Booths: local frames mapped to the hall, rows spread over spare depth.
  const booths: BoothPlacement[] = []
  const sections: SectionArea[] = []
  areas.forEach((area, a) => {
    if (area.kind === 'tables') return
    const rect = rects[a]
    const left = rect.x < axis
    for (const p of packed[a]) {
      const toWorldX = (u: number, w: number) => (left ? rect.x + rect.width - u - w : rect.x + u)
      if (p.group.section !== undefined) {
        sections.push({
          zoneId: area.zoneId,
          section: p.group.section,
          rect: { x: toWorldX(p.u, p.width), z: rect.z, width: p.width, depth: rect.depth },
        })
      }
      const extra = rect.depth - p.depth
      const perAisle = p.rows > 1 ? Math.min(2, floorHalf(extra / (p.rows + 1))) : 0
      const lead = floorHalf((extra - perAisle * (p.rows - 1)) / 2)
      for (const b of p.booths) {
        const side = BOOTH_SIDE[b.size]
        const boothRect: Rect = {
          x: toWorldX(p.u + b.u, side),
          z: rect.z + lead + b.row * perAisle + b.v,
          width: side,
          depth: side,
        }
        const facing: Facing = b.towardsEntrance ? 'south' : 'north'
        const front: Point = {
          x: boothRect.x + side / 2,
          z: b.towardsEntrance ? boothRect.z - M.frontDistance : boothRect.z + side + M.frontDistance,
        }
        booths.push({ exhibitorId: b.id, zoneId: area.zoneId, size: b.size, rect: boothRect, facing, front, index: 0 })
      }
    }
  })
  const zoneOrder = new Map<string, number>(ZONE_IDS.map((id, i) => [id, i]))
  const sectionOf = new Map(input.exhibitors.map((e) => [e.id, e.section ?? '']))
  booths.sort(
    (a, b) =>
      zoneOrder.get(a.zoneId)! - zoneOrder.get(b.zoneId)! ||
      compareText(sectionOf.get(a.exhibitorId)!, sectionOf.get(b.exhibitorId)!) ||
      compareText(a.exhibitorId, b.exhibitorId),
  )
  booths.forEach((b, i) => (b.index = i))

  // Negotiation tables on a centred grid.
  const tables: NegotiationTable[] = []
  areas.forEach((area, a) => {
    if (area.kind !== 'tables') return
    const rect = rects[a]
    const { cols, rows } = tableGrid(area.tables, rect.width)
    const x0 = rect.x + (rect.width - cols * M.tablePitch) / 2 + M.tablePitch / 2
    const z0 = rect.z + (rect.depth - rows * M.tablePitch) / 2 + M.tablePitch / 2
    for (let i = 0; i < area.tables; i++) {
      tables.push({
        id: `table-${i + 1}`,
        centre: { x: x0 + (i % cols) * M.tablePitch, z: z0 + Math.floor(i / cols) * M.tablePitch },
        seats: M.tableSeats,
      })
    }
  })

  // Lobby: cube in the centre, results wall to its right, facing the entrance.
  const lobby: Rect = { x: axis - M.lobbyWidth / 2, z: 0, width: M.lobbyWidth, depth: M.lobbyDepth }
  const magicCube: Point = { x: axis, z: M.lobbyDepth / 2 }
  const resultsWall: Rect = {
    x: axis + M.magicCubeSize / 2 + M.magicCubeMargin + 2,
    z: magicCube.z - M.resultsWallDepth / 2,
    width: M.resultsWallWidth,
    depth: M.resultsWallDepth,
  }
  const cubeBlock: Rect = {
    x: magicCube.x - M.magicCubeSize / 2 - M.magicCubeMargin,
    z: magicCube.z - M.magicCubeSize / 2 - M.magicCubeMargin,
    width: M.magicCubeSize + 2 * M.magicCubeMargin,
    depth: M.magicCubeSize + 2 * M.magicCubeMargin,
  }

  // Walk grid: walls, booths, tables, cube and results wall; columns go where they leave the aisles open.
  const grid = emptyGrid(W, D)
  blockWalls(grid, axis)
  for (const b of booths) blockRect(grid, b.rect)
  for (const t of tables) blockDisc(grid, t.centre, M.tableBlockRadius)
  blockRect(grid, cubeBlock)
  blockRect(grid, resultsWall)
  const columns = placeColumns(grid, hall, lobby, booths, axis)
  for (const c of columns) blockRect(grid, columnRect(c, 0))

  const zones: ZoneArea[] = [
    {
      zoneId: 'lobby',
      rect: lobby,
      sign: { x: axis, z: M.lobbyDepth / 2 },
      arrival: nearestWalkable(grid, { x: axis, z: 6 }),
      lookAt: { ...magicCube },
    },
  ]
  areas.forEach((area, a) => {
    const rect = rects[a]
    const centre = { x: rect.x + rect.width / 2, z: rect.z + rect.depth / 2 }
    const left = rect.x < axis
    // Beside the boulevard a visitor looks into the zone sideways; farther out, from the cross aisle in front.
    const arrival = besideBoulevard[a]
      ? { x: left ? boulevardLeft + 1.5 : boulevardRight - 1.5, z: centre.z }
      : { x: centre.x, z: rect.z - 2 }
    zones.push({ zoneId: area.zoneId, rect, sign: centre, arrival: nearestWalkable(grid, arrival), lookAt: centre })
  })
  zones.sort((a, b) => zoneOrder.get(a.zoneId)! - zoneOrder.get(b.zoneId)!)
  // Gate and entrance posts stand on the zones' front edges, which the zones' arrival points decide: blocked last.
  for (const post of gatePosts({ zones, booths, entrance: { x: axis, z: 0 }, entranceWidth: M.entranceWidth })) {
    blockRect(grid, { x: post.centre.x - post.half, z: post.centre.z - post.half, width: 2 * post.half, depth: 2 * post.half })
  }

  const crossAisles: Rect[] = [{ x: M.perimeterAisle, z: M.lobbyDepth, width: W - 2 * M.perimeterAisle, depth: M.crossAisle }]
  for (let b = 0; b + 1 < layout.blocks; b++) {
    crossAisles.push({
      x: M.perimeterAisle,
      z: blockZ[b] + blockDepths[b],
      width: W - 2 * M.perimeterAisle,
      depth: M.crossAisle,
    })
  }

  return {
    hall,
    entrance: { x: axis, z: 0 },
    entranceWidth: M.entranceWidth,
    boulevard: { x: boulevardLeft, z: M.lobbyDepth, width: M.boulevardWidth, depth: D - M.lobbyDepth },
    crossAisles,
    zones,
    booths,
    sections,
    tables,
    tableDiameter: M.tableDiameter,
    columns,
    columnSize: M.columnSize,
    magicCube,
    magicCubeSize: M.magicCubeSize,
    resultsWall,
    walkGrid: grid,
  }
}

function emptyGrid(width: number, depth: number): WalkGrid {
  const cols = Math.ceil(width / M.cellSize - EPS)
  const rows = Math.ceil(depth / M.cellSize - EPS)
  return { cellSize: M.cellSize, cols, rows, originX: 0, originZ: 0, blocked: new Uint8Array(cols * rows) }
}

/** Cell ranges a rect touches; any overlap counts, a shared edge does not. */
function cellRange(grid: WalkGrid, r: Rect) {
  const cs = grid.cellSize
  return {
    c0: Math.max(0, Math.floor((r.x - grid.originX) / cs + EPS)),
    c1: Math.min(grid.cols - 1, Math.ceil((r.x + r.width - grid.originX) / cs - EPS) - 1),
    r0: Math.max(0, Math.floor((r.z - grid.originZ) / cs + EPS)),
    r1: Math.min(grid.rows - 1, Math.ceil((r.z + r.depth - grid.originZ) / cs - EPS) - 1),
  }
}

function blockRect(grid: WalkGrid, r: Rect) {
  const { c0, c1, r0, r1 } = cellRange(grid, r)
  for (let row = r0; row <= r1; row++) grid.blocked.fill(1, row * grid.cols + c0, row * grid.cols + c1 + 1)
}

function blockDisc(grid: WalkGrid, c: Point, radius: number) {
  const cs = grid.cellSize
  const { c0, c1, r0, r1 } = cellRange(grid, { x: c.x - radius, z: c.z - radius, width: 2 * radius, depth: 2 * radius })
  for (let row = r0; row <= r1; row++) {
    for (let col = c0; col <= c1; col++) {
      const x0 = grid.originX + col * cs
      const z0 = grid.originZ + row * cs
      const dx = Math.max(x0 - c.x, 0, c.x - (x0 + cs))
      const dz = Math.max(z0 - c.z, 0, c.z - (z0 + cs))
      if (dx * dx + dz * dz < radius * radius - EPS) grid.blocked[row * grid.cols + col] = 1
    }
  }
}

/** The outermost ring of cells is wall, except the doorway either side of the entrance. */
function blockWalls(grid: WalkGrid, axis: number) {
  const { cols, rows, blocked, cellSize } = grid
  const doorFrom = Math.floor((axis - M.entranceWidth / 2) / cellSize + EPS)
  const doorTo = Math.ceil((axis + M.entranceWidth / 2) / cellSize - EPS) - 1
  for (let c = 0; c < cols; c++) {
    if (c < doorFrom || c > doorTo) blocked[c] = 1
    blocked[(rows - 1) * cols + c] = 1
  }
  for (let r = 0; r < rows; r++) {
    blocked[r * cols] = 1
    blocked[r * cols + cols - 1] = 1
  }
}

const columnRect = (c: Point, margin: number): Rect => ({
  x: c.x - M.columnSize / 2 - margin,
  z: c.z - M.columnSize / 2 - margin,
  width: M.columnSize + 2 * margin,
  depth: M.columnSize + 2 * margin,
})

/**
 * A regular grid of columns, the boulevard left clear (it falls mid-bay). A column is kept only where it and a
 * metre round it are free floor, so it never closes an aisle, and where it does not stand on a booth's front.
 */
function placeColumns(grid: WalkGrid, hall: Rect, lobby: Rect, booths: BoothPlacement[], axis: number): Point[] {
  const reserved = new Uint8Array(grid.blocked.length)
  for (const b of booths) blockInto(grid, reserved, { x: b.front.x - 0.5, z: b.front.z - 0.5, width: 1, depth: 1 })
  // Wall columns stand mid-way across the perimeter aisle.
  const wallInset = M.perimeterAisle / 2
  const xs: number[] = [wallInset, hall.width - wallInset]
  for (let off = M.columnPitch / 2; axis - off > wallInset + M.columnPitch / 2; off += M.columnPitch) {
    xs.push(axis - off, axis + off)
  }
  xs.sort((a, b) => a - b)
  const zs: number[] = []
  for (let z = FRONT_Z - M.crossAisle / 2; z < hall.depth - wallInset - M.columnPitch / 2; z += M.columnPitch) zs.push(z)
  zs.push(hall.depth - wallInset)
  const columns: Point[] = []
  for (const z of zs) {
    for (const x of xs) {
      const c = { x, z }
      const outer = columnRect(c, M.columnClearance)
      if (outer.x < hall.x || outer.z < hall.z || outer.x + outer.width > hall.width || outer.z + outer.depth > hall.depth) continue
      if (overlaps(outer, lobby)) continue
      const { c0, c1, r0, r1 } = cellRange(grid, outer)
      let free = true
      for (let row = r0; row <= r1 && free; row++) {
        for (let col = c0; col <= c1; col++) {
          const i = row * grid.cols + col
          if (grid.blocked[i] || reserved[i]) {
            free = false
            break
          }
        }
      }
      if (free) columns.push(c)
    }
  }
  return columns
}

function blockInto(grid: WalkGrid, cells: Uint8Array, r: Rect) {
  const { c0, c1, r0, r1 } = cellRange(grid, r)
  for (let row = r0; row <= r1; row++) cells.fill(1, row * grid.cols + c0, row * grid.cols + c1 + 1)
}

const overlaps = (a: Rect, b: Rect) =>
  a.x < b.x + b.width - EPS && b.x < a.x + a.width - EPS && a.z < b.z + b.depth - EPS && b.z < a.z + a.depth - EPS
