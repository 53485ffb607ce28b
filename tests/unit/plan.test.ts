import { describe, expect, it } from 'vitest'
import { ZONE_IDS } from '../../src/content/schema'
import { BOOTH_SIDE, computeFloorPlan, PLAN_METRICS } from '../../src/plan/floorPlan'
import type { FloorPlan, Point, Rect } from '../../src/plan/types'
import { cellIndex, isWalkable } from '../../src/plan/walk'
import { buildPlanInput, shuffled } from '../helpers/planFixture'

const overlaps = (a: Rect, b: Rect) =>
  a.x < b.x + b.width - 1e-9 && b.x < a.x + a.width - 1e-9 && a.z < b.z + b.depth - 1e-9 && b.z < a.z + a.depth - 1e-9
const inside = (inner: Rect, outer: Rect) =>
  inner.x >= outer.x - 1e-9 &&
  inner.z >= outer.z - 1e-9 &&
  inner.x + inner.width <= outer.x + outer.width + 1e-9 &&
  inner.z + inner.depth <= outer.z + outer.depth + 1e-9
const squareAround = (c: Point, side: number): Rect => ({ x: c.x - side / 2, z: c.z - side / 2, width: side, depth: side })
const discHitsRect = (c: Point, radius: number, r: Rect) => {
  const dx = Math.max(r.x - c.x, 0, c.x - (r.x + r.width))
  const dz = Math.max(r.z - c.z, 0, c.z - (r.z + r.depth))
  return dx * dx + dz * dz < radius * radius
}

/** Cells reachable on foot from a point: a 4-connected flood fill over the walk grid. */
function reachableFrom(plan: FloorPlan, from: Point): Uint8Array {
  const { cols, rows, blocked } = plan.walkGrid
  const seen = new Uint8Array(cols * rows)
  const start = cellIndex(plan.walkGrid, from)
  const queue = new Int32Array(cols * rows)
  let head = 0
  let tail = 0
  seen[start] = 1
  queue[tail++] = start
  while (head < tail) {
    const i = queue[head++]
    const c = i % cols
    const r = (i / cols) | 0
    for (const [nc, nr] of [
      [c + 1, r],
      [c - 1, r],
      [c, r + 1],
      [c, r - 1],
    ]) {
      if (nc < 0 || nr < 0 || nc >= cols || nr >= rows) continue
      const n = nr * cols + nc
      if (seen[n] || blocked[n]) continue
      seen[n] = 1
      queue[tail++] = n
    }
  }
  return seen
}

const CASES = [
  { name: 'the sample catalogue (170 exhibitors)', count: 170 },
  { name: '10 booths', count: 10 },
  { name: '1000 booths', count: 1000 },
  { name: '3000 booths', count: 3000 },
]
const plans = new Map<number, FloorPlan>()
const planOf = (count: number) => {
  let plan = plans.get(count)
  if (!plan) {
    plan = computeFloorPlan(buildPlanInput(count))
    plans.set(count, plan)
  }
  return plan
}

describe.each(CASES)('the floor plan for $name', ({ count }) => {
  it('places a booth for every exhibitor, in its own zone and at one of the three stand sizes', () => {
    const input = buildPlanInput(count)
    const plan = planOf(count)
    expect(plan.booths).toHaveLength(count)
    const zoneOf = new Map(input.exhibitors.map((e) => [e.id, e]))
    plan.booths.forEach((b, i) => {
      const e = zoneOf.get(b.exhibitorId)!
      expect(b.zoneId).toBe(e.zone)
      expect(b.size).toBe(e.boothSize)
      expect(b.rect.width).toBe(BOOTH_SIDE[b.size])
      expect(b.rect.depth).toBe(BOOTH_SIDE[b.size])
      expect(b.index).toBe(i)
    })
  })

  it('never places two booths on the same floor area', () => {
    const booths = [...planOf(count).booths].sort((a, b) => a.rect.x - b.rect.x)
    const clashes: string[] = []
    for (let i = 0; i < booths.length; i++) {
      for (let j = i + 1; j < booths.length && booths[j].rect.x < booths[i].rect.x + 9; j++) {
        if (overlaps(booths[i].rect, booths[j].rect)) clashes.push(`${booths[i].exhibitorId} / ${booths[j].exhibitorId}`)
      }
    }
    expect(clashes).toEqual([])
  })

  it('keeps booths clear of tables, columns, the magic cube and the results wall', () => {
    const plan = planOf(count)
    const cube = squareAround(plan.magicCube, plan.magicCubeSize)
    const columns = plan.columns.map((c) => squareAround(c, plan.columnSize))
    const clashes: string[] = []
    for (const b of plan.booths) {
      if (overlaps(b.rect, cube)) clashes.push(`${b.exhibitorId} / magic cube`)
      if (overlaps(b.rect, plan.resultsWall)) clashes.push(`${b.exhibitorId} / results wall`)
      for (const c of columns) if (overlaps(b.rect, c)) clashes.push(`${b.exhibitorId} / column`)
      for (const t of plan.tables) if (discHitsRect(t.centre, plan.tableDiameter / 2, b.rect)) clashes.push(`${b.exhibitorId} / ${t.id}`)
    }
    expect(clashes).toEqual([])
  })

  it('keeps every booth inside the hall and inside its zone area, and sections inside their zone', () => {
    const plan = planOf(count)
    const areaOf = new Map(plan.zones.map((z) => [z.zoneId, z.rect]))
    const misplaced = plan.booths
      .filter((b) => !inside(b.rect, plan.hall) || !inside(b.rect, areaOf.get(b.zoneId)!))
      .map((b) => b.exhibitorId)
    expect(misplaced).toEqual([])
    for (const s of plan.sections) expect(inside(s.rect, areaOf.get(s.zoneId)!)).toBe(true)
  })

  it('gives every zone an area of its own, all fifteen of them', () => {
    const plan = planOf(count)
    expect(plan.zones.map((z) => z.zoneId)).toEqual([...ZONE_IDS])
    for (let i = 0; i < plan.zones.length; i++) {
      expect(inside(plan.zones[i].rect, plan.hall)).toBe(true)
      for (let j = i + 1; j < plan.zones.length; j++) expect(overlaps(plan.zones[i].rect, plan.zones[j].rect)).toBe(false)
    }
  })

  it('keeps zones, the boulevard and cross aisles apart, the lobby at the front on the axis', () => {
    const plan = planOf(count)
    const lobby = plan.zones[0].rect
    expect(lobby.z).toBe(0)
    expect(lobby.x + lobby.width / 2).toBe(plan.entrance.x)
    expect(plan.boulevard.x + plan.boulevard.width / 2).toBe(plan.entrance.x)
    for (const zone of plan.zones) {
      expect(overlaps(zone.rect, plan.boulevard)).toBe(false)
      for (const aisle of plan.crossAisles) expect(overlaps(zone.rect, aisle)).toBe(false)
    }
  })

  it('turns every booth towards an aisle: its front is one metre out, walkable and reachable from the entrance', () => {
    const plan = planOf(count)
    const reachable = reachableFrom(plan, plan.entrance)
    const stranded: string[] = []
    for (const b of plan.booths) {
      const { rect, front } = b
      const expected = {
        north: { x: rect.x + rect.width / 2, z: rect.z + rect.depth + 1 },
        south: { x: rect.x + rect.width / 2, z: rect.z - 1 },
        east: { x: rect.x + rect.width + 1, z: rect.z + rect.depth / 2 },
        west: { x: rect.x - 1, z: rect.z + rect.depth / 2 },
      }[b.facing]
      if (front.x !== expected.x || front.z !== expected.z) stranded.push(`${b.exhibitorId}: front not 1 m out`)
      else if (!isWalkable(plan.walkGrid, front)) stranded.push(`${b.exhibitorId}: front blocked`)
      else if (!reachable[cellIndex(plan.walkGrid, front)]) stranded.push(`${b.exhibitorId}: front unreachable`)
    }
    expect(stranded).toEqual([])
  })

  it('lets a visitor reach every zone arrival point and every negotiation table from the entrance', () => {
    const plan = planOf(count)
    const reachable = reachableFrom(plan, plan.entrance)
    for (const z of plan.zones) expect(reachable[cellIndex(plan.walkGrid, z.arrival)], z.zoneId).toBe(1)
    // Somewhere just beyond each table's chairs is walkable and reachable.
    const unreachable = plan.tables
      .filter((t) => {
        const beside = [1.5, -1.5].flatMap((d) => [
          { x: t.centre.x + d, z: t.centre.z },
          { x: t.centre.x, z: t.centre.z + d },
        ])
        return !beside.some((p) => isWalkable(plan.walkGrid, p) && reachable[cellIndex(plan.walkGrid, p)] === 1)
      })
      .map((t) => t.id)
    expect(unreachable).toEqual([])
  })

  it('blocks booth interiors, tables, columns, the cube and the results wall on the walk grid', () => {
    const plan = planOf(count)
    const grid = plan.walkGrid
    const open: string[] = []
    for (const b of plan.booths) {
      for (let x = b.rect.x + 0.05; x < b.rect.x + b.rect.width; x += 0.25) {
        for (let z = b.rect.z + 0.05; z < b.rect.z + b.rect.depth; z += 0.25) {
          if (isWalkable(grid, { x, z })) open.push(`${b.exhibitorId} at ${x},${z}`)
        }
      }
    }
    for (const t of plan.tables) if (isWalkable(grid, t.centre)) open.push(t.id)
    for (const c of plan.columns) if (isWalkable(grid, c)) open.push(`column at ${c.x},${c.z}`)
    expect(open).toEqual([])
    expect(isWalkable(grid, plan.magicCube)).toBe(false)
    expect(isWalkable(grid, { x: plan.resultsWall.x + 1, z: plan.resultsWall.z + 0.3 })).toBe(false)
    expect(isWalkable(grid, { x: 0.1, z: plan.hall.depth / 2 })).toBe(false)
    expect(isWalkable(grid, plan.entrance)).toBe(true)
  })

  it('keeps the booths of a section together in one run inside the section area', () => {
    const input = buildPlanInput(count)
    const plan = planOf(count)
    const sectionOf = new Map(input.exhibitors.map((e) => [e.id, e.section]))
    for (const s of plan.sections) {
      const members = plan.booths.filter((b) => b.zoneId === s.zoneId && sectionOf.get(b.exhibitorId) === s.section)
      expect(members.length).toBeGreaterThan(0)
      expect(members.filter((b) => !inside(b.rect, s.rect))).toEqual([])
      // No booth of the zone from outside the section sits in its area.
      const intruders = plan.booths.filter(
        (b) => b.zoneId === s.zoneId && sectionOf.get(b.exhibitorId) !== s.section && overlaps(b.rect, s.rect),
      )
      expect(intruders).toEqual([])
    }
  })

  it('seats the negotiation area: at least forty tables and one per ten booths, none touching', () => {
    const plan = planOf(count)
    expect(plan.tables.length).toBeGreaterThanOrEqual(Math.max(40, Math.ceil(count / 10)))
    const area = plan.zones.find((z) => z.zoneId === 'negotiation')!.rect
    for (const t of plan.tables) {
      expect(t.seats).toBe(4)
      expect(inside(squareAround(t.centre, plan.tableDiameter), area)).toBe(true)
    }
    for (let i = 1; i < plan.tables.length; i++) {
      const a = plan.tables[i - 1].centre
      const b = plan.tables[i].centre
      expect(Math.hypot(a.x - b.x, a.z - b.z)).toBeGreaterThanOrEqual(PLAN_METRICS.tablePitch - 1e-9)
    }
  })

  it('keeps the hall within a sensible shape', () => {
    const { hall } = planOf(count)
    expect(hall.width / hall.depth).toBeLessThanOrEqual(2.5)
    expect(hall.depth / hall.width).toBeLessThanOrEqual(2.5)
  })
})

describe('computeFloorPlan', () => {
  it('gives a deep-equal plan for the same input', () => {
    expect(computeFloorPlan(buildPlanInput(170))).toEqual(computeFloorPlan(buildPlanInput(170)))
  })

  it('gives the same plan whatever order the exhibitors and zones come in', () => {
    const input = buildPlanInput(170)
    const reordered = { zones: shuffled(input.zones, 3), exhibitors: shuffled(input.exhibitors, 11) }
    expect(computeFloorPlan(reordered)).toEqual(computeFloorPlan(input))
  })

  it('grows the hall as booths are added, while booths keep their 3, 6 and 9 m sizes', () => {
    const areas = CASES.map((c) => c.count)
      .sort((a, b) => a - b)
      .map((count) => {
        const plan = planOf(count)
        for (const b of plan.booths) expect(b.rect.width).toBe(BOOTH_SIDE[b.size])
        return plan.hall.width * plan.hall.depth
      })
    for (let i = 1; i < areas.length; i++) expect(areas[i]).toBeGreaterThan(areas[i - 1])
  })

  it('lays out 3000 booths in well under a second', () => {
    const input = buildPlanInput(3000)
    const started = performance.now()
    computeFloorPlan(input)
    expect(performance.now() - started).toBeLessThan(1000)
  })

  it('still gives every zone an area when a zone has no exhibitors', () => {
    const input = buildPlanInput(170)
    const plan = computeFloorPlan({ ...input, exhibitors: input.exhibitors.filter((e) => e.zone !== 'korea-pavilion') })
    const korea = plan.zones.find((z) => z.zoneId === 'korea-pavilion')!
    expect(korea.rect.width * korea.rect.depth).toBeGreaterThan(0)
  })

  it('refuses a catalogue that names one exhibitor twice', () => {
    const input = buildPlanInput(10)
    expect(() => computeFloorPlan({ ...input, exhibitors: [...input.exhibitors, input.exhibitors[0]] })).toThrow(
      /appears twice/,
    )
  })
})
