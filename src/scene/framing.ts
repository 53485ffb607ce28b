/**
 * Where the camera stands to show a booth: a search over headings, heights and distances (overview) or standing places
 * (walk) for a pose that frames the whole stand in the part of the screen the panel leaves free, with a clear line of
 * sight to every corner. Pure maths over the plan and an obstacle model of the hall built from the same plan and
 * dimensions the scene draws with; no DOM, no React.
 */
import * as THREE from 'three'
import type { ZoneId } from '../content/schema'
import type { BoothPlacement, FloorPlan, Point } from '../plan/types'
import { computeBoothLayout } from './boothLayout'
import { KOREA_EAVE_HEIGHT, koreaGate, yrdGateway, POST_HALF } from '../plan/gates'
import { isWalkableDisc } from '../plan/walk'
import { trussRows } from './hallArchitecture'
import { zoneFront } from './landmarks'
import { cubeCentre, directoryBoard, resultsBoard, type BoardPlacement } from './lobbyLayout'
import { sectionSignHeight, sectionSignWidth, SIGN_PIXELS, zoneSignWidth } from './signLayout'
import { BOOTH, EYE_HEIGHT, HALL } from './dimensions'
import { boothOutward, rectCentre } from './coords'

/** The hall camera's vertical field of view, degrees (Hall.tsx). */
export const CAMERA_FOV = 55

/**
 * The part of the screen the overlay leaves free for the hall, as fractions of the viewport (0 at the left and top),
 * and the viewport's aspect.
 */
export interface ScreenFrame {
  aspect: number
  left: number
  right: number
  top: number
  bottom: number
}

/** Below this width (CSS pixels) the overlay lays out for phones: panels become bottom sheets (overlay.css). */
const PHONE_MAX_WIDTH = 760

/**
 * The free part of a viewport of this size while a booth panel is open, from the overlay's layout (overlay.css):
 * on a desktop between the zone menu (left, 264 px) and the side panel (right, 392 px), under the top bar; on a phone
 * above the bottom sheet (at most 72% of the height) and under the compact top bar.
 */
export function screenFrameFor(width: number, height: number): ScreenFrame {
  const w = Math.max(1, width)
  const h = Math.max(1, height)
  const gap = 12
  if (w <= PHONE_MAX_WIDTH) {
    return { aspect: w / h, left: 8 / w, right: 1 - 8 / w, top: (52 + 8) / h, bottom: 0.28 - 8 / h }
  }
  const menu = w >= 1000 ? 264 : 0
  return { aspect: w / h, left: (menu + gap) / w, right: 1 - (392 + gap) / w, top: (56 + gap) / h, bottom: 1 - gap / h }
}

/** The laptop and phone the framing is tuned and tested for. */
export const DESKTOP_FRAME = screenFrameFor(1366, 820)
export const PHONE_FRAME = screenFrameFor(390, 844)

type Vec3 = [number, number, number]

/** A world-space axis-aligned box, with the booth it belongs to (-1: the hall's architecture). */
interface Obstacle {
  min: Vec3
  max: Vec3
  booth: number
}

/** Obstacles bucketed on the floor in square cells, so a sight line tests only the few near it. */
interface ObstacleIndex {
  boxes: Obstacle[]
  /** Boxes longer than a few cells (trusses, purlins): tested by every line. */
  long: number[]
  cell: number
  originX: number
  originZ: number
  cols: number
  rows: number
  cells: number[][]
  /** Per box, the last query that tested it. */
  stamp: Uint32Array
  query: number
}

const INDEX_CELL = 6
const ARCHITECTURE_MARGIN = 0.08
/** Other stands' boxes are taken whole; the stand's own points are pulled this far inside it, off a shared edge. */
const NEIGHBOUR_INSET = 0
const POINT_INSET = 0.02

/** The top of a stand: its walls, a large stand's header, an island's totem and fascia. */
export function standTop(booth: BoothPlacement) {
  const ph = BOOTH.platformHeight
  if (booth.size === 'island') return ph + BOOTH.islandTotemHeight + 0.7
  if (booth.size === 'large') return ph + BOOTH.wallHeight + 0.7
  return ph + BOOTH.wallHeight
}

/** The box enclosing a stand in world space (its hit box), as min and max corners. */
export function boothBox(booth: BoothPlacement): { min: Vec3; max: Vec3 } {
  const r = booth.rect
  return { min: [r.x, 0, -(r.z + r.depth)], max: [r.x + r.width, standTop(booth), -r.z] }
}

const boxOf = (cx: number, cy: number, cz: number, sx: number, sy: number, sz: number, booth = -1): Obstacle => ({
  min: [cx - sx / 2, cy - sy / 2, cz - sz / 2],
  max: [cx + sx / 2, cy + sy / 2, cz + sz / 2],
  booth,
})

/** A box in an edge frame (along, outward on the floor, y up), from plan to world; edges run along x or z only. */
function edgeBox(mid: Point, along: Point, outward: Point, a: number, o: number, y0: number, y1: number, halfAlong: number, halfOut: number): Obstacle {
  const px = mid.x + along.x * a + outward.x * o
  const pz = mid.z + along.z * a + outward.z * o
  const hx = Math.abs(along.x) * halfAlong + Math.abs(outward.x) * halfOut
  const hz = Math.abs(along.z) * halfAlong + Math.abs(outward.z) * halfOut
  return { min: [px - hx, y0, -pz - hz], max: [px + hx, y1, -pz + hz], booth: -1 }
}

/** A board facing along plan x or z (rotationY a multiple of a right angle), with its two hanging cables. */
function boardBoxes(out: Obstacle[], centre: Vec3, rotationY: number, width: number, height: number, depth: number, hang: boolean) {
  const acrossX = Math.abs(Math.cos(rotationY)) > 0.5
  const sx = acrossX ? width : depth
  const sz = acrossX ? depth : width
  // Faces and frames sit a little in front of the board: a margin covers them.
  out.push(boxOf(centre[0], centre[1], centre[2], sx + 0.1, height + 0.1, sz + 0.1))
  if (!hang) return
  const top = centre[1] + height / 2
  for (const side of [-0.4, 0.4]) {
    const x = centre[0] + (acrossX ? side * width : 0)
    const z = centre[2] + (acrossX ? 0 : side * width)
    out.push({ min: [x - 0.06, top, z - 0.06], max: [x + 0.06, HALL.trussBottom, z + 0.06], booth: -1 })
  }
}

function lobbyBoard(out: Obstacle[], board: BoardPlacement, hang: boolean) {
  boardBoxes(out, board.position, board.rotationY, board.width + 0.4, board.height + 0.4, board.depth + 0.1, hang)
  // A standing board's feet reach the floor.
  if (!hang) out.push(boxOf(board.position[0], board.position[1] / 2, board.position[2], board.width + 0.5, board.position[1], board.width + 0.5))
}

/** Everything the hall draws that can stand between a camera and a stand, as boxes. */
function collectObstacles(plan: FloorPlan): Obstacle[] {
  const out: Obstacle[] = []
  for (const b of plan.booths) {
    const { min, max } = boothBox(b)
    out.push({
      min: [min[0] + NEIGHBOUR_INSET, 0, min[2] + NEIGHBOUR_INSET],
      max: [max[0] - NEIGHBOUR_INSET, max[1], max[2] - NEIGHBOUR_INSET],
      booth: b.index,
    })
  }
  const cs = plan.columnSize + 0.05
  for (const c of plan.columns) out.push(boxOf(c.x, HALL.wallHeight / 2, -c.z, cs, HALL.wallHeight, cs))
  const { x, z, width, depth } = plan.hall
  // Trusses: two chords the width of the hall, and diagonals between them (hallArchitecture) cut into short boxes, so
  // a sight line may pass through the open panels between them as it does in the hall.
  const panel = width > 200 ? 5 : 3.5
  const panels = Math.max(1, Math.round(width / panel))
  const step = width / panels
  const pieces = 8
  const rise = HALL.trussTop - HALL.trussBottom
  for (const row of trussRows(plan)) {
    for (const y of [HALL.trussBottom, HALL.trussTop]) out.push({ min: [x, y - 0.12, -row - 0.12], max: [x + width, y + 0.12, -row + 0.12], booth: -1 })
    for (let k = 0; k < panels; k++) {
      const up = k % 2 === 0
      for (let j = 0; j < pieces; j++) {
        const x0 = x + k * step + (j / pieces) * step
        const x1 = x0 + step / pieces
        const ya = HALL.trussBottom + rise * (up ? j / pieces : 1 - j / pieces)
        const yb = HALL.trussBottom + rise * (up ? (j + 1) / pieces : 1 - (j + 1) / pieces)
        out.push({ min: [x0 - 0.06, Math.min(ya, yb) - 0.06, -row - 0.06], max: [x1 + 0.06, Math.max(ya, yb) + 0.06, -row + 0.06], booth: -1 })
      }
    }
  }
  const purlins = Math.max(2, Math.round(width / 12))
  for (let k = 1; k < purlins; k++) {
    const px = x + (k / purlins) * width
    out.push({ min: [px - 0.1, HALL.trussTop + 0.1, -(z + depth)], max: [px + 0.1, HALL.trussTop + 0.3, -z], booth: -1 })
  }
  // The entrance: posts, lintel, the canopy outside and its posts.
  const half = plan.entranceWidth / 2
  const eh = HALL.entranceHeight
  const ex = plan.entrance.x
  const ez = -plan.entrance.z
  for (const sx of [-1, 1]) {
    out.push(boxOf(ex + sx * (half + 0.4), eh / 2 + 0.6, ez, 0.9, eh + 1.2, 1.1))
    out.push(boxOf(ex + sx * (half + 1.6), (eh + 0.2) / 2, ez + 5.6, 0.4, eh + 0.2, 0.4))
  }
  out.push(boxOf(ex, eh + 1.1, ez, plan.entranceWidth + 1.7, 1.7, 1.1))
  out.push(boxOf(ex, eh + 0.2, ez + 3, plan.entranceWidth + 4.1, 0.4, 6.1))
  // Hanging zone and section signs, on their cables.
  for (const area of plan.zones) {
    if (area.zoneId === 'lobby') continue
    const w = zoneSignWidth(area)
    const h = (w * SIGN_PIXELS.zone[1]) / SIGN_PIXELS.zone[0]
    const outward = zoneFront(area).outward
    boardBoxes(out, [area.sign.x, HALL.zoneSignHeight, -area.sign.z], Math.atan2(outward.x, -outward.z), w + 0.24, h + 0.24, 0.16, true)
  }
  for (const s of plan.sections) {
    const zone = plan.zones.find((a) => a.zoneId === s.zoneId)
    if (!zone) continue
    const c = rectCentre(s.rect)
    const w = sectionSignWidth(s)
    const h = (w * SIGN_PIXELS.section[1]) / SIGN_PIXELS.section[0]
    const outward = zoneFront(zone).outward
    boardBoxes(out, [c.x, sectionSignHeight(w), -c.z], Math.atan2(outward.x, -outward.z), w + 0.16, h + 0.16, 0.1, true)
  }
  // The Korea gate (posts, beams and its curved roof), its eaves, and the YRD gateway with its lintel board.
  const gate = koreaGate(plan)
  if (gate) {
    const h = gate.height
    const { mid, along, outward } = gate
    for (const a of [-gate.width / 2, gate.width / 2]) out.push(edgeBox(mid, along, outward, a, 0, 0, h, POST_HALF.koreaGate + 0.05, POST_HALF.koreaGate + 0.05))
    out.push(edgeBox(mid, along, outward, 0, 0, h - 0.95, h + 2.3, gate.width / 2 + 2.15, 1.95))
    // The taegeuk board under the lintel (signLayout).
    out.push(edgeBox(mid, along, outward, 0, 0, h - 1.3 - 0.95, h - 1.3 + 0.95, 0.95, 0.1))
    for (const run of gate.eaves) {
      for (const a of run.posts) out.push(edgeBox(mid, along, outward, a, 0, 0, KOREA_EAVE_HEIGHT, 0.22, 0.22))
      out.push(edgeBox(mid, along, outward, run.centre, 0, KOREA_EAVE_HEIGHT - 0.7, KOREA_EAVE_HEIGHT + 1.35, run.length / 2 + 1.15, 1.2))
    }
  }
  const yrd = yrdGateway(plan)
  if (yrd) {
    const { mid, along, outward } = yrd
    for (const a of [-yrd.width / 2, yrd.width / 2]) out.push(edgeBox(mid, along, outward, a, 0, 0, yrd.height, POST_HALF.yrdPillar + 0.05, POST_HALF.yrdPillar + 0.05))
    out.push(edgeBox(mid, along, outward, 0, 0, yrd.height - 0.75 - 0.95, yrd.height - 0.75 + 0.95, (yrd.width - 0.6) / 2 + 0.1, 0.35))
  }
  // The lobby: the magic cube over its dais, the results board, the hanging directory.
  const cube = cubeCentre(plan)
  const s = plan.magicCubeSize
  out.push(boxOf(cube[0], cube[1] - 0.25, cube[2], s * 1.05, s + 1.0, s * 1.05))
  out.push(boxOf(plan.magicCube.x, 0.2, -plan.magicCube.z, s * 1.75, 0.4, s * 1.75))
  lobbyBoard(out, resultsBoard(plan), false)
  lobbyBoard(out, directoryBoard(plan), true)
  // Negotiation tables with their chairs.
  const reach = plan.tableDiameter / 2 + 0.35 + 0.3
  for (const t of plan.tables) out.push(boxOf(t.centre.x, 0.47, -t.centre.z, reach * 2, 0.95, reach * 2))
  return out
}

const indexes = new WeakMap<FloorPlan, ObstacleIndex>()

/** The obstacle model of a plan, built once and kept with it. */
export function hallObstacles(plan: FloorPlan): ObstacleIndex {
  const cached = indexes.get(plan)
  if (cached) return cached
  // The architecture's boxes grow by a margin: sight lines from the search and the scene's real faces differ by a hair.
  const boxes = collectObstacles(plan).map((b) =>
    b.booth >= 0 ? b : { min: b.min.map((v) => v - ARCHITECTURE_MARGIN) as Vec3, max: b.max.map((v) => v + ARCHITECTURE_MARGIN) as Vec3, booth: -1 },
  )
  const originX = plan.hall.x - 20
  const originZ = -(plan.hall.z + plan.hall.depth) - 20
  const cols = Math.ceil((plan.hall.width + 40) / INDEX_CELL)
  const rows = Math.ceil((plan.hall.depth + 40) / INDEX_CELL)
  const cells: number[][] = Array.from({ length: cols * rows }, () => [])
  const long: number[] = []
  const clampCol = (v: number) => Math.max(0, Math.min(cols - 1, Math.floor((v - originX) / INDEX_CELL)))
  const clampRow = (v: number) => Math.max(0, Math.min(rows - 1, Math.floor((v - originZ) / INDEX_CELL)))
  boxes.forEach((b, i) => {
    const c0 = clampCol(b.min[0])
    const c1 = clampCol(b.max[0])
    const r0 = clampRow(b.min[2])
    const r1 = clampRow(b.max[2])
    if ((c1 - c0 + 1) * (r1 - r0 + 1) > 24) {
      long.push(i)
      return
    }
    for (let r = r0; r <= r1; r++) for (let c = c0; c <= c1; c++) cells[r * cols + c].push(i)
  })
  const index: ObstacleIndex = { boxes, long, cell: INDEX_CELL, originX, originZ, cols, rows, cells, stamp: new Uint32Array(boxes.length), query: 0 }
  indexes.set(plan, index)
  return index
}

/** True when the segment from `a` to `b` (ending a hair short of `b`) crosses no box but the booth's own. */
function segmentClear(index: ObstacleIndex, a: Vec3, b: Vec3, ownBooth: number): boolean {
  const dx = b[0] - a[0]
  const dy = b[1] - a[1]
  const dz = b[2] - a[2]
  const length = Math.hypot(dx, dy, dz)
  if (length < 1e-6) return true
  const tEnd = 1 - 0.03 / length
  const stamp = ++index.query
  const hits = (i: number) => {
    if (index.stamp[i] === stamp) return false
    index.stamp[i] = stamp
    const box = index.boxes[i]
    if (box.booth === ownBooth) return false
    return rayBox(a, dx, dy, dz, box, tEnd)
  }
  for (const i of index.long) if (hits(i)) return false
  // Every cell the segment's floor projection passes (a 2D walk over the index grid).
  const cs = index.cell
  const x0 = (a[0] - index.originX) / cs
  const z0 = (a[2] - index.originZ) / cs
  const x1 = (b[0] - index.originX) / cs
  const z1 = (b[2] - index.originZ) / cs
  const steps = Math.max(1, Math.ceil(Math.max(Math.abs(x1 - x0), Math.abs(z1 - z0)) * 2))
  let last = -1
  for (let k = 0; k <= steps; k++) {
    const t = k / steps
    const c = Math.floor(x0 + (x1 - x0) * t)
    const r = Math.floor(z0 + (z1 - z0) * t)
    // Half-cell steps can cut a corner: the neighbouring cells are checked too.
    for (let dr = -1; dr <= 1; dr++) {
      for (let dc = -1; dc <= 1; dc++) {
        const cc = c + dc
        const rr = r + dr
        if (cc < 0 || rr < 0 || cc >= index.cols || rr >= index.rows) continue
        const cell = rr * index.cols + cc
        if (cell === last && dr === 0 && dc === 0) continue
        for (const i of index.cells[cell]) if (hits(i)) return false
      }
    }
    last = r * index.cols + c
  }
  return true
}

/** Slab test: does a + t·d for t in [0, tEnd] enter the box? */
function rayBox(a: Vec3, dx: number, dy: number, dz: number, box: Obstacle, tEnd: number) {
  let t0 = 0
  let t1 = tEnd
  const d = [dx, dy, dz]
  for (let k = 0; k < 3; k++) {
    if (Math.abs(d[k]) < 1e-12) {
      if (a[k] < box.min[k] || a[k] > box.max[k]) return false
      continue
    }
    let near = (box.min[k] - a[k]) / d[k]
    let far = (box.max[k] - a[k]) / d[k]
    if (near > far) [near, far] = [far, near]
    if (near > t0) t0 = near
    if (far < t1) t1 = far
    if (t0 > t1) return false
  }
  return true
}

/**
 * The points of a stand the camera must see: the corners of its box and its fascia's top corners, from the same layout
 * function the scene draws the stand with, and its centre at counter height.
 */
export function sightPoints(booth: BoothPlacement): Vec3[] {
  const { min, max } = boothBox(booth)
  const points: Vec3[] = []
  const i = POINT_INSET
  for (const x of [min[0] + i, max[0] - i]) for (const y of [min[1], max[1]]) for (const z of [min[2] + i, max[2] - i]) points.push([x, y, z])
  const layout = computeBoothLayout({ booths: [{ ...booth, index: 0 }] }, NO_COLOURS)
  const fascia = new THREE.Matrix4().fromArray(layout.parts.fascia.matrices, 0)
  const corner = new THREE.Vector3()
  for (const x of [-0.5, 0.5]) {
    for (const z of [-0.5, 0.5]) {
      corner.set(x, 0.5, z).applyMatrix4(fascia)
      points.push([corner.x, corner.y, corner.z])
    }
  }
  const c = rectCentre(booth.rect)
  points.push([c.x, 1, -c.z])
  return points
}

const NO_COLOURS = new Map<ZoneId, string>()

/** A camera orientation without roll, as three.js Euler angles (order YXZ): turn about y, then pitch. */
export interface Aim {
  turn: number
  pitch: number
}

const tanHalfFov = Math.tan(((CAMERA_FOV / 2) * Math.PI) / 180)

/** Normalised device coordinates of the free part of the screen's centre. */
const freeCentre = (f: ScreenFrame) => ({ x: f.left + f.right - 1, y: 1 - (f.top + f.bottom) })

/** The orientation from `eye` that puts `point` at the centre of the frame's free part. */
export function aimAt(eye: Vec3, point: Vec3, frame: ScreenFrame): Aim {
  const centre = freeCentre(frame)
  const a = centre.x * tanHalfFov * frame.aspect
  const b = centre.y * tanHalfFov
  const wx = point[0] - eye[0]
  const wy = point[1] - eye[1]
  const wz = point[2] - eye[2]
  const length = Math.hypot(wx, wy, wz) || 1
  const n = Math.hypot(a, b, 1)
  const s = Math.max(-1, Math.min(1, ((wy / length) * n) / Math.hypot(1, b)))
  const pitch = Math.asin(s) - Math.atan(b)
  const turn = Math.atan2(wx, wz) - Math.atan2(a, b * Math.sin(pitch) - Math.cos(pitch))
  return { turn, pitch }
}

/** The camera's forward, right and up vectors for an aim. */
export function aimBasis({ turn, pitch }: Aim) {
  const cp = Math.cos(pitch)
  const sp = Math.sin(pitch)
  const ct = Math.cos(turn)
  const st = Math.sin(turn)
  return {
    forward: [-cp * st, sp, -cp * ct] as Vec3,
    right: [ct, 0, -st] as Vec3,
    up: [sp * st, cp, sp * ct] as Vec3,
  }
}

/** Normalised device coordinates of a point seen from `eye` with `aim`; null behind the near plane. */
export function projectPoint(eye: Vec3, aim: Aim, point: Vec3, aspect: number): { x: number; y: number } | null {
  const { forward, right, up } = aimBasis(aim)
  const v: Vec3 = [point[0] - eye[0], point[1] - eye[1], point[2] - eye[2]]
  const depth = v[0] * forward[0] + v[1] * forward[1] + v[2] * forward[2]
  if (depth < 0.3) return null
  const x = (v[0] * right[0] + v[1] * right[1] + v[2] * right[2]) / (depth * tanHalfFov * aspect)
  const y = (v[0] * up[0] + v[1] * up[1] + v[2] * up[2]) / (depth * tanHalfFov)
  return { x, y }
}

/** How much of the free part's edge a framed stand keeps clear, in normalised device units. */
const FRAME_MARGIN = 0.03

/** How many of the points project inside the frame's free part. */
export function pointsInFrame(eye: Vec3, aim: Aim, points: Vec3[], frame: ScreenFrame, margin = 0) {
  const xl = 2 * frame.left - 1 + margin
  const xr = 2 * frame.right - 1 - margin
  const yt = 1 - 2 * frame.top - margin
  const yb = 1 - 2 * frame.bottom + margin
  let inside = 0
  for (const p of points) {
    const q = projectPoint(eye, aim, p, frame.aspect)
    if (q && q.x >= xl && q.x <= xr && q.y <= yt && q.y >= yb) inside++
  }
  return inside
}

const boxCentre = (booth: BoothPlacement): Vec3 => {
  const { min, max } = boothBox(booth)
  return [(min[0] + max[0]) / 2, (min[1] + max[1]) / 2, (min[2] + max[2]) / 2]
}

function boxCorners(booth: BoothPlacement): Vec3[] {
  const { min, max } = boothBox(booth)
  const out: Vec3[] = []
  for (const x of [min[0], max[0]]) for (const y of [min[1], max[1]]) for (const z of [min[2], max[2]]) out.push([x, y, z])
  return out
}

/** Headings tried round the stand's outward direction, degrees: all round, since a gate may stand before a front. */
const OVERVIEW_TURNS = Array.from({ length: 24 }, (_, k) => (k <= 12 ? k * 15 : (k - 24) * 15))
/** Camera elevations tried, degrees above the horizon seen from the stand: low ones look in under a gate's lintel. */
const OVERVIEW_ELEVATIONS = [40, 33, 47, 54, 27, 61, 20, 68, 76, 13, 82, 87]
/** A comfortable look down on a stand: fascia, counter and products all read. */
const COMFORTABLE_ELEVATION = 40

export interface FramedView {
  eye: Vec3
  aim: Aim
  /** Distance along the view to the stand's centre: where the orbit pivots. */
  pivot: number
}

const DEG = Math.PI / 180
const MAX_PITCH = 86 * DEG

/**
 * The overview camera for a stand: from the candidates round its front (heading, elevation; each at the distance that
 * just frames the stand's box in the free part of the screen), the most comfortable whose sight lines to the stand's
 * corners all stay clear of the hall's architecture, signs, gates and other stands.
 */
export function framedOverview(plan: FloorPlan, booth: BoothPlacement, frame: ScreenFrame): FramedView {
  const index = hallObstacles(plan)
  const centre = boxCentre(booth)
  const corners = boxCorners(booth)
  const points = sightPoints(booth)
  const out = boothOutward(booth.rect, booth.facing, booth.front)
  const base = Math.atan2(out.x, -out.z)
  const clear = (view: FramedView) => points.every((p) => segmentClear(index, view.eye, p, booth.index))
  const coarse = overviewCandidates(centre, corners, frame, base, OVERVIEW_TURNS, OVERVIEW_ELEVATIONS, [1])
  const found = coarse.find(clear)
  if (found) return found
  // A crowded spot (a phone's narrow strip above the sheet looks from far, across trusses and signs): a finer search.
  const fine = overviewCandidates(centre, corners, frame, base, FINE_TURNS, FINE_ELEVATIONS, FINE_STRETCHES)
  const found2 = fine.find(clear)
  if (found2) return found2
  // Nothing is clear: of the most comfortable framings, the one with the fewest lines blocked.
  const blocked = (view: FramedView) => points.filter((p) => !segmentClear(index, view.eye, p, booth.index)).length
  let best: { view: FramedView; blocked: number } | null = null
  for (const view of fine.slice(0, 300)) {
    const n = blocked(view)
    if (!best || n < best.blocked) best = { view, blocked: n }
  }
  return best?.view ?? coarse[0] ?? straightAbove(centre, frame)
}

/** Headings every 5° and elevations every 3°, for the few stands the coarse search cannot show clearly. */
const FINE_TURNS = Array.from({ length: 72 }, (_, k) => (k <= 36 ? k * 5 : (k - 72) * 5))
const FINE_ELEVATIONS = Array.from({ length: 26 }, (_, k) => 10 + k * 3)
/**
 * Distances tried, as multiples of the one that just frames the stand: standing back moves the eye past a truss or a
 * sign that every tight framing looks through, at the cost of a smaller stand.
 */
const FINE_STRETCHES = [1, 1.2, 1.45, 1.75, 2.1]

/** Every (heading, elevation, stretch) from the distance that just frames the stand, most comfortable first. */
function overviewCandidates(centre: Vec3, corners: Vec3[], frame: ScreenFrame, base: number, turns: number[], elevations: number[], stretches: number[]): FramedView[] {
  const candidates: { view: FramedView; score: number }[] = []
  for (const turn of turns) {
    for (const elevation of elevations) {
      const heading = base + turn * DEG
      const dir: Vec3 = [Math.sin(heading) * Math.cos(elevation * DEG), Math.sin(elevation * DEG), Math.cos(heading) * Math.cos(elevation * DEG)]
      const fit = fitDistance(centre, dir, corners, frame)
      if (fit === null) continue
      for (const stretch of stretches) {
        const distance = fit * stretch
        const eye: Vec3 = [centre[0] + dir[0] * distance, centre[1] + dir[1] * distance, centre[2] + dir[2] * distance]
        const aim = aimAt(eye, centre, frame)
        // Past straight down the camera would have to roll over, which a look-at camera (the orbit controls) cannot.
        if (Math.abs(aim.pitch) > MAX_PITCH) continue
        const { forward } = aimBasis(aim)
        const pivot = (centre[0] - eye[0]) * forward[0] + (centre[1] - eye[1]) * forward[1] + (centre[2] - eye[2]) * forward[2]
        // Turning away from the front costs more the further it goes: from behind, the fascia shows its back.
        const score = Math.abs(turn) / 15 + Math.max(0, Math.abs(turn) - 60) / 10 + Math.abs(elevation - COMFORTABLE_ELEVATION) / 9 + distance / 40
        candidates.push({ view: { eye, aim, pivot }, score })
        }
    }
  }
  return candidates.sort((a, b) => a.score - b.score).map((c) => c.view)
}

function straightAbove(centre: Vec3, frame: ScreenFrame): FramedView {
  const eye: Vec3 = [centre[0], centre[1] + 30, centre[2] + 0.01]
  return { eye, aim: aimAt(eye, centre, frame), pivot: 30 }
}

/** The nearest distance along `dir` from `centre` at which every corner projects inside the free part; null if none. */
function fitDistance(centre: Vec3, dir: Vec3, corners: Vec3[], frame: ScreenFrame): number | null {
  const fits = (d: number) => {
    const eye: Vec3 = [centre[0] + dir[0] * d, centre[1] + dir[1] * d, centre[2] + dir[2] * d]
    const aim = aimAt(eye, centre, frame)
    return Math.abs(aim.pitch) <= MAX_PITCH && pointsInFrame(eye, aim, corners, frame, FRAME_MARGIN) === corners.length
  }
  let hi = 120
  if (!fits(hi)) return null
  let lo = 1
  for (let k = 0; k < 16; k++) {
    const mid = (lo + hi) / 2
    if (fits(mid)) hi = mid
    else lo = mid
  }
  return hi
}

/** A walking pose: plan position, heading (0 along plan +z) and pitch. */
export interface StandingPose {
  x: number
  z: number
  yaw: number
  pitch: number
}

/** How far out from a stand's front edge the walker may stand, metres: nearest to the comfortable distance first. */
const WALK_DISTANCES = [3, 3.5, 2.5, 4, 4.5, 2, 5, 1.5, 1, 6, 7, 8]
/**
 * Steps sideways along the stand's front, as fractions of its width: past its edges the walker sees it at an angle from
 * along the aisle, which holds a wide stand that a 3 m aisle cannot hold square on (154 of the sample's 185 framed whole,
 * against 104 within its width).
 */
const WALK_SIDES = [0, 0.15, -0.15, 0.3, -0.3, 0.5, -0.5, 0.7, -0.7, 0.9, -0.9, 1.1, -1.1, 1.4, -1.4, 1.8, -1.8]

/**
 * Where a walker stands to see a stand: in the aisle before it, at a place with room for the walker, facing so the
 * stand sits in the free part of the screen. The chosen place sees every corner of the stand with nothing in between,
 * framing as much of it as the aisle allows (a narrow aisle cannot hold a whole wide stand at eye height).
 */
export function framedWalkPose(plan: FloorPlan, booth: BoothPlacement, frame: ScreenFrame, walkerRadius: number): StandingPose | null {
  const index = hallObstacles(plan)
  const centre = boxCentre(booth)
  const points = sightPoints(booth)
  const corners = boxCorners(booth)
  const out = boothOutward(booth.rect, booth.facing, booth.front)
  const c = rectCentre(booth.rect)
  const halfDepth = (out.x !== 0 ? booth.rect.width : booth.rect.depth) / 2
  const width = out.x !== 0 ? booth.rect.depth : booth.rect.width
  const along = { x: -out.z, z: out.x }
  let best: { pose: StandingPose; score: number } | null = null
  for (const d of WALK_DISTANCES) {
    for (const side of WALK_SIDES) {
      const at = { x: c.x + out.x * (halfDepth + d) + along.x * side * width, z: c.z + out.z * (halfDepth + d) + along.z * side * width }
      if (!isWalkableDisc(plan.walkGrid, at, walkerRadius)) continue
      const eye: Vec3 = [at.x, EYE_HEIGHT, -at.z]
      const aim = aimAt(eye, centre, frame)
      if (!points.every((p) => segmentClear(index, eye, p, booth.index))) continue
      const framed = pointsInFrame(eye, aim, corners, frame, FRAME_MARGIN)
      // Whole corners framed count most; then nearer the middle of the front, then nearer the comfortable distance.
      const score = framed * 10 - Math.abs(side) * 4 - Math.abs(d - 3)
      if (!best || score > best.score) best = { pose: { x: at.x, z: at.z, yaw: -aim.turn, pitch: aim.pitch }, score }
    }
  }
  return best?.pose ?? null
}

/** Sight lines from `eye` to each of the stand's sight points that something else blocks (for checks and tests). */
export function blockedSightLines(plan: FloorPlan, booth: BoothPlacement, eye: Vec3) {
  const index = hallObstacles(plan)
  return sightPoints(booth).filter((p) => !segmentClear(index, eye, p, booth.index)).length
}
