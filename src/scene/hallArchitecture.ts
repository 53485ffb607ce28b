/** The static hall (walls, columns, trusses, roof, entrance, sign boards, pavilions, negotiation furniture) merged into few meshes. */
import * as THREE from 'three'
import type { ContentPack } from '../content/schema'
import type { FloorPlan } from '../plan/types'
import { worldZ } from './coords'
import { HALL, PALETTE } from './dimensions'
import { directoryBoard, resultsBoard, type BoardPlacement } from './lobbyLayout'
import { FLOOR_OCCLUSION } from './materials'
import { BOX, BOX_NO_BOTTOM, colour, CYLINDER, MergedGeometryBuilder, PLANE } from './mergedGeometry'
import { addKoreaPavilion, addYrdGateway } from './pavilions'
import { koreaGate, yrdGateway, type SignPlacement } from './signLayout'

const _m = new THREE.Matrix4()
const _q = new THREE.Quaternion()
const _p = new THREE.Vector3()
const _s = new THREE.Vector3()
const _e = new THREE.Euler()

/** Truss rows: the distinct column rows of the plan, or a regular spacing when there are no columns. */
export function trussRows(plan: FloorPlan): number[] {
  const rows = [...new Set(plan.columns.map((c) => Math.round(c.z * 10) / 10))].sort((a, b) => a - b)
  if (rows.length >= 2) return rows
  const out: number[] = []
  for (let z = plan.hall.z + HALL.trussSpacing; z < plan.hall.z + plan.hall.depth - 1; z += HALL.trussSpacing) out.push(z)
  return out
}

function addWalls(b: MergedGeometryBuilder, plan: FloorPlan) {
  const { x, z, width, depth } = plan.hall
  const H = HALL.wallHeight
  const bottom = colour(PALETTE.wall).multiplyScalar(0.93)
  const top = colour(PALETTE.wall)
  // Walls are single planes facing into the hall: from the overview camera outside, the near walls vanish (a dollhouse).
  // A skirt along the floor carries the baked contact darkening; the wall above it its own gentle gradient.
  const skirt = FLOOR_OCCLUSION.reach
  const wall = (cx: number, cz: number, w: number, h: number, y: number, rotY: number) => {
    const base = y - h / 2
    if (base > 0) return b.place(PLANE(), [cx, y, cz], [w, h, 1], bottom, [0, rotY, 0], { top })
    b.place(PLANE(), [cx, skirt / 2, cz], [w, skirt, 1], bottom, [0, rotY, 0])
    return b.place(PLANE(), [cx, (skirt + h) / 2, cz], [w, h - skirt, 1], bottom, [0, rotY, 0], { top })
  }
  wall(x + width / 2, -(z + depth), width, H, H / 2, 0)
  wall(x, -(z + depth / 2), depth, H, H / 2, Math.PI / 2)
  wall(x + width, -(z + depth / 2), depth, H, H / 2, -Math.PI / 2)
  const ex = plan.entrance.x
  const half = plan.entranceWidth / 2
  const left = ex - half - x
  const right = x + width - (ex + half)
  if (left > 0) wall(x + left / 2, -z, left, H, H / 2, Math.PI)
  if (right > 0) wall(ex + half + right / 2, -z, right, H, H / 2, Math.PI)
  wall(ex, -z, plan.entranceWidth, H - HALL.entranceHeight, (H + HALL.entranceHeight) / 2, Math.PI)
}

function addEntrance(b: MergedGeometryBuilder, plan: FloorPlan, accent: string) {
  const ex = plan.entrance.x
  const ez = worldZ(plan.entrance)
  const half = plan.entranceWidth / 2
  const h = HALL.entranceHeight
  for (const sx of [-1, 1]) b.box(ex + sx * (half + 0.4), h / 2 + 0.6, ez, 0.8, h + 1.2, 1.0, colour(accent))
  b.box(ex, h + 1.1, ez, plan.entranceWidth + 1.6, 1.6, 1.0, colour(accent))
  // Canopy outside the doors: marks the entrance in the overview.
  b.box(ex, h + 0.2, ez + 3, plan.entranceWidth + 4, 0.3, 6, colour('#ffffff'))
  for (const sx of [-1, 1]) b.box(ex + sx * (half + 1.6), (h + 0.2) / 2, ez + 5.6, 0.3, h + 0.2, 0.3, colour('#cfd6de'))
}

function addColumnsAndRoof(b: MergedGeometryBuilder, plan: FloorPlan) {
  const H = HALL.wallHeight
  const cs = plan.columnSize
  const foot = FLOOR_OCCLUSION.reach
  for (const c of plan.columns) {
    // The foot apart, so the occlusion baked into its lower vertices stays near the floor.
    b.place(BOX_NO_BOTTOM(), [c.x, foot / 2, worldZ(c)], [cs, foot, cs], colour(PALETTE.column))
    b.place(BOX_NO_BOTTOM(), [c.x, (foot + H) / 2, worldZ(c)], [cs, H - foot, cs], colour(PALETTE.column))
  }

  const { x, z, width, depth } = plan.hall
  // Roof and trusses: the roof faces down only, so the overview camera above sees straight into the hall.
  b.place(PLANE(), [x + width / 2, HALL.roofHeight, -(z + depth / 2)], [width, depth, 1], colour(PALETTE.roof), [Math.PI / 2, 0, 0])
  const trussColour = colour(PALETTE.truss)
  const top = HALL.trussTop
  const bottom = HALL.trussBottom
  const from = new THREE.Vector3()
  const to = new THREE.Vector3()
  for (const row of trussRows(plan)) {
    const wz = -row
    b.box(x + width / 2, top, wz, width, 0.22, 0.22, trussColour)
    b.box(x + width / 2, bottom, wz, width, 0.22, 0.22, trussColour)
    // Wider panels in big halls keep the trusses to a few thousand triangles each.
    const panel = width > 200 ? 5 : 3.5
    const panels = Math.max(1, Math.round(width / panel))
    const step = width / panels
    for (let k = 0; k < panels; k++) {
      const x0 = x + k * step
      const up = k % 2 === 0
      from.set(x0, up ? bottom : top, wz)
      to.set(x0 + step, up ? top : bottom, wz)
      b.bar(from, to, 0.1, trussColour)
    }
  }
  // Purlins along the hall tie the trusses together.
  const purlins = Math.max(2, Math.round(width / 12))
  for (let k = 1; k < purlins; k++) b.box(x + (k / purlins) * width, top + 0.2, -(z + depth / 2), 0.16, 0.16, depth, trussColour)
}

/** Skylight strips between truss rows, facing down: bright from inside, invisible from the overview above. */
export function buildSkylights(plan: FloorPlan) {
  const b = new MergedGeometryBuilder()
  const { x, z, width, depth } = plan.hall
  const rows = [plan.hall.z, ...trussRows(plan), z + depth]
  for (let k = 0; k < rows.length - 1; k++) {
    const gap = rows[k + 1] - rows[k]
    if (gap < 4) continue
    const mid = (rows[k] + rows[k + 1]) / 2
    b.place(PLANE(), [x + width / 2, HALL.roofHeight - 0.05, -mid], [width - 6, Math.min(gap * 0.35, 5), 1], colour(PALETTE.skylight), [Math.PI / 2, 0, 0])
  }
  return b.build()
}

function addSignBoards(b: MergedGeometryBuilder, placements: SignPlacement[]) {
  const cable = colour('#aab4bf')
  const from = new THREE.Vector3()
  const to = new THREE.Vector3()
  for (const p of placements) {
    if (p.board) {
      _m.compose(
        _p.set(p.position[0], p.position[1], p.position[2]),
        _q.setFromEuler(_e.set(0, p.rotationY, 0)),
        _s.set(p.width + p.board.margin * 2, p.height + p.board.margin * 2, p.board.depth),
      )
      b.add(BOX(), _m, colour(p.board.colour))
    }
    if (p.hang) {
      const topY = p.position[1] + p.height / 2 + (p.board?.margin ?? 0)
      for (const side of [-0.4, 0.4]) {
        const dx = Math.cos(p.rotationY) * side * p.width
        const dz = -Math.sin(p.rotationY) * side * p.width
        from.set(p.position[0] + dx, topY, p.position[2] + dz)
        to.set(p.position[0] + dx, HALL.trussBottom, p.position[2] + dz)
        b.bar(from, to, 0.04, cable)
      }
    }
  }
}

function addBoardFrame(b: MergedGeometryBuilder, board: BoardPlacement, frameColour: string, hang: boolean) {
  const back = -board.depth / 2 - 0.01
  const cx = board.position[0] + Math.sin(board.rotationY) * back
  const cz = board.position[2] + Math.cos(board.rotationY) * back
  b.box(cx, board.position[1], cz, board.width + 0.4, board.height + 0.4, board.depth, colour(frameColour), board.rotationY)
  if (!hang) {
    // Feet so the standing board does not float.
    b.box(cx, (board.position[1] - board.height / 2 - 0.2) / 2, cz, board.width * 0.9, board.position[1] - board.height / 2 - 0.2, board.depth * 1.6, colour('#cfd6de'), board.rotationY)
    return
  }
  const from = new THREE.Vector3()
  const to = new THREE.Vector3()
  for (const side of [-0.4, 0.4]) {
    const dx = Math.cos(board.rotationY) * side * board.width
    const dz = -Math.sin(board.rotationY) * side * board.width
    from.set(cx + dx, board.position[1] + board.height / 2 + 0.2, cz + dz)
    to.set(cx + dx, HALL.trussBottom, cz + dz)
    b.bar(from, to, 0.04, colour('#aab4bf'))
  }
}

function addLobby(b: MergedGeometryBuilder, plan: FloorPlan, accent: string) {
  const s = plan.magicCubeSize
  const cx = plan.magicCube.x
  const cz = worldZ(plan.magicCube)
  // The cube floats over a round dais with an accent ring.
  b.place(CYLINDER(40), [cx, 0.15, cz], [s * 1.7, 0.3, s * 1.7], colour('#ffffff'))
  b.place(CYLINDER(40), [cx, 0.31, cz], [s * 1.3, 0.03, s * 1.3], colour(accent, 0.15))
  b.place(CYLINDER(40), [cx, 0.33, cz], [s * 1.15, 0.03, s * 1.15], colour('#ffffff'))
  addBoardFrame(b, resultsBoard(plan), '#ffffff', false)
  addBoardFrame(b, directoryBoard(plan), accent, true)
}

/** Round tables with chairs; kept to about 150 triangles a table, since big halls have hundreds. */
function addNegotiation(b: MergedGeometryBuilder, plan: FloorPlan, chairColour: string) {
  const top = colour(PALETTE.tableTop)
  const leg = colour(PALETTE.tableLeg)
  const chair = colour(chairColour)
  const r = plan.tableDiameter / 2
  for (const t of plan.tables) {
    const x = t.centre.x
    const z = worldZ(t.centre)
    b.place(CYLINDER(12), [x, 0.74, z], [r * 2, 0.05, r * 2], top)
    b.box(x, 0.36, z, 0.12, 0.72, 0.12, leg)
    for (let k = 0; k < t.seats; k++) {
      const a = (k / t.seats) * Math.PI * 2
      const d = r + 0.35
      const sx = x + Math.sin(a) * d
      const sz = z + Math.cos(a) * d
      // A block seat standing on the floor, and its back.
      b.place(BOX_NO_BOTTOM(), [sx, 0.23, sz], [0.46, 0.46, 0.46], chair, [0, a, 0])
      b.box(sx + Math.sin(a) * 0.2, 0.68, sz + Math.cos(a) * 0.2, 0.46, 0.45, 0.06, chair, a)
    }
  }
}

export function buildArchitecture(plan: FloorPlan, pack: Pick<ContentPack, 'zones'>, placements: SignPlacement[]) {
  const colours = new Map(pack.zones.map((z) => [z.id, z.colour]))
  const accent = colours.get('lobby') ?? '#1d4f91'
  const b = new MergedGeometryBuilder({ floorOcclusion: true })
  addWalls(b, plan)
  addEntrance(b, plan, accent)
  addColumnsAndRoof(b, plan)
  addSignBoards(b, placements)
  addLobby(b, plan, accent)
  addNegotiation(b, plan, colours.get('negotiation') ?? '#607d8b')
  const gate = koreaGate(plan)
  if (gate) addKoreaPavilion(b, gate)
  const yrd = yrdGateway(plan)
  if (yrd) addYrdGateway(b, yrd, colours.get('yrd') ?? '#b5793a')
  return b.build()
}
