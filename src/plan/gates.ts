/**
 * Where the pavilions' gates and the entrance stand on the floor (the Korea pavilion's hanok gate and eave posts, the
 * YRD gateway's pillars, the entrance posts): pure geometry over the plan, shared by the walk grid and the scene.
 */
import type { BoothPlacement, Point, ZoneArea } from './types'
import type { ZoneId } from '../content/schema'

/** The edge of a zone that visitors arrive through: the one nearest its arrival point. */
export interface ZoneFront {
  /** Middle of the edge. */
  mid: Point
  /** Unit vector along the edge. */
  along: Point
  /** Unit vector out of the zone, towards the aisle. */
  outward: Point
  length: number
}

export function zoneFront(zone: ZoneArea): ZoneFront {
  const r = zone.rect
  const a = zone.arrival
  const edges: ZoneFront[] = [
    { mid: { x: r.x + r.width / 2, z: r.z }, along: { x: 1, z: 0 }, outward: { x: 0, z: -1 }, length: r.width },
    { mid: { x: r.x + r.width / 2, z: r.z + r.depth }, along: { x: 1, z: 0 }, outward: { x: 0, z: 1 }, length: r.width },
    { mid: { x: r.x, z: r.z + r.depth / 2 }, along: { x: 0, z: 1 }, outward: { x: -1, z: 0 }, length: r.depth },
    { mid: { x: r.x + r.width, z: r.z + r.depth / 2 }, along: { x: 0, z: 1 }, outward: { x: 1, z: 0 }, length: r.depth },
  ]
  const distance = (e: ZoneFront) => {
    // Distance from the arrival point to the edge segment.
    const half = e.length / 2
    const t = Math.max(-half, Math.min(half, (a.x - e.mid.x) * e.along.x + (a.z - e.mid.z) * e.along.z))
    return Math.hypot(a.x - (e.mid.x + e.along.x * t), a.z - (e.mid.z + e.along.z * t))
  }
  return edges.reduce((best, e) => (distance(e) < distance(best) ? e : best))
}

type Zones = { zones: ZoneArea[]; booths: BoothPlacement[] }

/**
 * A post must leave every booth's front (where visitors and the tour stand) walkable: its footprint, grown by a grid
 * cell and a walker's radius, stays clear of each front point.
 */
const FRONT_CLEARANCE = 0.8

function clearOfFronts(booths: BoothPlacement[], centre: Point, half: number) {
  const reach = half + FRONT_CLEARANCE
  return booths.every((b) => Math.abs(b.front.x - centre.x) >= reach || Math.abs(b.front.z - centre.z) >= reach)
}

/** The narrowest gate width from `width` up (half-metre steps) whose two posts leave every booth front free. */
function clearWidth(booths: BoothPlacement[], g: { mid: Point; along: Point }, width: number, half: number) {
  for (let w = width; w <= width + 8; w += 0.5) {
    if ([-w / 2, w / 2].every((a) => clearOfFronts(booths, offsetAlong(g, a), half))) return w
  }
  return width
}

export interface KoreaGate {
  mid: Point
  along: Point
  outward: Point
  width: number
  height: number
  /** Length of the pavilion's front edge, which the eaves line either side of the gate. */
  frontLength: number
  /** The eaves on posts along the rest of the front, either side of the gate (none on a short front). */
  eaves: EaveRun[]
}

/** How far out from a pavilion's front edge its gate stands, metres: in the aisle, clear of the front row. */
const GATE_STEP_OUT = 2

/** Height of the eaves beside the Korea gate: lower than the gate so the gate stands out. */
export const KOREA_EAVE_HEIGHT = 3.6

/** The Korea pavilion's gate: centred on its front edge, where visitors arrive. */
export function koreaGate(plan: Zones): KoreaGate | null {
  const place = gatewayOnFront(plan, 'korea-pavilion', { widest: 9, share: 0.6, postHalf: POST_HALF.koreaGate })
  if (!place) return null
  const gate = { ...place.gateway, height: 5.2, frontLength: place.frontLength, eaves: [] as EaveRun[] }
  gate.eaves = eaveRuns(plan.booths, gate)
  return gate
}

/**
 * Where a zone's gateway stands: centred on its front edge and out in the aisle, so its posts stand clear of the front
 * row's corners and its roof leaves the stands' fronts open to a camera looking down on them; as wide as the front
 * allows (`share` of it, at most `widest` metres) with its posts off every stand.
 */
function gatewayOnFront(plan: Zones, zoneId: ZoneId, size: { widest: number; share: number; postHalf: number }) {
  const zone = plan.zones.find((z) => z.zoneId === zoneId)
  if (!zone) return null
  const front = zoneFront(zone)
  const mid = { x: front.mid.x + front.outward.x * GATE_STEP_OUT, z: front.mid.z + front.outward.z * GATE_STEP_OUT }
  const width = clearWidth(plan.booths, { mid, along: front.along }, Math.min(size.widest, front.length * size.share), size.postHalf)
  return { gateway: { mid, along: front.along, outward: front.outward, width }, frontLength: front.length }
}

/** One run of eaves beside the gate: its posts' offsets along the gate's edge, and its centre and length. */
export interface EaveRun {
  centre: number
  length: number
  posts: number[]
}

/** Eave runs either side of the gate, each post moved along the edge (or left out) where it would stand on a booth's front. */
function eaveRuns(booths: BoothPlacement[], gate: Omit<KoreaGate, 'eaves'>): EaveRun[] {
  const half = gate.width / 2
  const sideLength = (gate.frontLength - gate.width) / 2 - 1
  if (sideLength <= 3) return []
  return [-1, 1].map((sign) => {
    const count = Math.max(2, Math.round(sideLength / 6) + 1)
    const posts: number[] = []
    for (let k = 0; k < count; k++) {
      const a = sign * (half + 1 + (k / (count - 1)) * sideLength)
      const moved = [0, 0.5, -0.5, 1, -1, 1.5, -1.5].map((d) => a + d).find((m) => clearOfFronts(booths, offsetAlong(gate, m), POST_HALF.koreaEave))
      if (moved !== undefined) posts.push(moved)
    }
    return { centre: sign * (half + 1 + sideLength / 2), length: sideLength, posts }
  })
}

export interface Gateway {
  mid: Point
  along: Point
  outward: Point
  width: number
  height: number
}

/** The YRD joint pavilion's shared gateway on its front edge. */
export function yrdGateway(plan: Zones): Gateway | null {
  const place = gatewayOnFront(plan, 'yrd', { widest: 12, share: 0.7, postHalf: POST_HALF.yrdPillar })
  return place && { ...place.gateway, height: 6 }
}

/** A post's footprint on the floor: a square (the widest part of it, its base) round a centre. */
export interface PostFootprint {
  centre: Point
  half: number
}

/** Footprints of what the scene draws for each post (stone base, pillar base), in metres. */
export const POST_HALF = { koreaGate: 0.4, koreaEave: 0.17, yrdPillar: 0.6, entrance: 0.5 } as const

const offsetAlong = (g: { mid: Point; along: Point }, a: number): Point => ({ x: g.mid.x + g.along.x * a, z: g.mid.z + g.along.z * a })

/**
 * Every gate and entrance post standing on the hall floor: the walk grid blocks them, so no one walks through a post.
 * The entrance posts stand in the front wall either side of the doorway.
 */
export function gatePosts(plan: Zones & { entrance: Point; entranceWidth: number }): PostFootprint[] {
  const posts: PostFootprint[] = []
  const gate = koreaGate(plan)
  if (gate) {
    for (const a of [-gate.width / 2, gate.width / 2]) posts.push({ centre: offsetAlong(gate, a), half: POST_HALF.koreaGate })
    for (const run of gate.eaves) for (const a of run.posts) posts.push({ centre: offsetAlong(gate, a), half: POST_HALF.koreaEave })
  }
  const yrd = yrdGateway(plan)
  if (yrd) for (const a of [-yrd.width / 2, yrd.width / 2]) posts.push({ centre: offsetAlong(yrd, a), half: POST_HALF.yrdPillar })
  const half = plan.entranceWidth / 2
  for (const side of [-1, 1]) posts.push({ centre: { x: plan.entrance.x + side * (half + 0.4), z: plan.entrance.z }, half: POST_HALF.entrance })
  return posts
}
