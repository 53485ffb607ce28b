/** Camera poses for every destination (start, zone, booth, table, point) in both modes: pure maths over the plan. */
import * as THREE from 'three'
import type { ZoneId } from '../content/schema'
import type { BoothPlacement, FloorPlan, NegotiationTable, Point } from '../plan/types'
import type { RouteStop } from '../routes/types'
import { distancesFrom, isWalkableDisc, nearestWalkable } from '../plan/walk'
import { forwardOf, WALK, type WalkPose } from '../controls/walkController'
import { rectCentre, worldZ, yawTowards } from './coords'
import { EYE_HEIGHT } from './dimensions'
import { standSize } from './boothLayout'
import { DESKTOP_FRAME, framedOverview, framedWalkPose, type ScreenFrame } from './framing'

/** A camera position and the point it looks at, in world space. */
export interface View {
  position: THREE.Vector3
  target: THREE.Vector3
}


const world = (p: Point, y = 0) => new THREE.Vector3(p.x, y, worldZ(p))

/** World target one metre ahead of a walking pose at eye height. */
export function walkView(pose: WalkPose): View {
  const position = new THREE.Vector3(pose.x, EYE_HEIGHT, worldZ(pose))
  const c = Math.cos(pose.pitch)
  const target = position.clone().add(new THREE.Vector3(Math.sin(pose.yaw) * c, Math.sin(pose.pitch), -Math.cos(pose.yaw) * c))
  return { position, target }
}

/** Overview looking at a floor point from `back` metres behind along a heading, `height` up. */
function overviewOf(target: Point, heading: Point, back: number, height: number, side = 0): View {
  const r = { x: heading.z, z: -heading.x }
  const eye = { x: target.x - heading.x * back + r.x * side, z: target.z - heading.z * back + r.z * side }
  return { position: world(eye, height), target: world(target, 0) }
}

const span = (plan: FloorPlan) => Math.max(plan.hall.width, plan.hall.depth)

export function startWalkPose(plan: FloorPlan): WalkPose {
  const inside = nearestWalkable(plan.walkGrid, { x: plan.entrance.x, z: plan.entrance.z + 3 })
  return { x: inside.x, z: inside.z, yaw: yawTowards(inside, plan.magicCube), pitch: 0.04 }
}

/** A 3/4 view from outside the entrance over the lobby and on into the hall. */
export function startOverview(plan: FloorPlan): View {
  const reach = THREE.MathUtils.clamp(span(plan) * 0.3, 36, 90)
  const target = { x: plan.magicCube.x, z: plan.magicCube.z + reach * 0.3 }
  return overviewOf(target, { x: 0.42, z: 0.91 }, reach * 0.95, reach * 0.72)
}

export function zoneWalkPose(plan: FloorPlan, zoneId: ZoneId): WalkPose | null {
  const zone = plan.zones.find((z) => z.zoneId === zoneId)
  if (!zone) return null
  const at = nearestWalkable(plan.walkGrid, zone.arrival)
  return { x: at.x, z: at.z, yaw: yawTowards(at, zone.lookAt), pitch: 0 }
}

/** A high 3/4 view over the zone, from the side visitors arrive on. */
export function zoneOverview(plan: FloorPlan, zoneId: ZoneId): View | null {
  const zone = plan.zones.find((z) => z.zoneId === zoneId)
  if (!zone) return null
  const centre = rectCentre(zone.rect)
  let heading = { x: centre.x - zone.arrival.x, z: centre.z - zone.arrival.z }
  const length = Math.hypot(heading.x, heading.z)
  heading = length > 0.5 ? { x: heading.x / length, z: heading.z / length } : { x: 0, z: 1 }
  const size = Math.max(zone.rect.width, zone.rect.depth)
  const distance = size * 0.75 + 14
  return overviewOf(centre, heading, distance * 0.75, distance * 0.8)
}

/**
 * Standing at a booth in walk mode: the place in the aisle before it that sees the whole stand with nothing in between,
 * turned so the stand sits in the part of the screen the opened panel leaves free (framing.ts); the front point when
 * the aisle has no room at all.
 */
export function boothWalkPose(plan: FloorPlan, booth: BoothPlacement, frame: ScreenFrame = DESKTOP_FRAME): WalkPose {
  const framed = framedWalkPose(plan, booth, frame, WALK.radius)
  if (framed) return framed
  const { centre } = standSize(booth)
  return { x: booth.front.x, z: booth.front.z, yaw: yawTowards(booth.front, centre), pitch: 0.08 }
}

/**
 * Where the guided tour stands at a stop: at a booth, where walk mode stands to show it (boothWalkPose); or on a
 * zone's arrival spot facing what the zone shows. Null for a stop not in this hall.
 */
export function tourStopPose(plan: FloorPlan, stop: RouteStop, frame: ScreenFrame = DESKTOP_FRAME): WalkPose | null {
  if (stop.kind === 'zone') return zoneWalkPose(plan, stop.zoneId)
  const booth = plan.booths.find((b) => b.exhibitorId === stop.exhibitorId)
  if (!booth) return null
  return boothWalkPose(plan, booth, frame)
}

/**
 * The overview of a booth: the camera the framing search chooses (framing.ts), which frames the whole stand in the
 * part of the screen the panel leaves free with a clear view of it; the orbit pivots at the stand.
 */
export function boothOverview(plan: FloorPlan, booth: BoothPlacement, frame: ScreenFrame = DESKTOP_FRAME): View {
  const { eye, aim, pivot } = framedOverview(plan, booth, frame)
  const position = new THREE.Vector3(...eye)
  const forward = new THREE.Vector3(0, 0, -1).applyEuler(new THREE.Euler(aim.pitch, aim.turn, 0, 'YXZ'))
  return { position, target: position.clone().addScaledVector(forward, pivot) }
}

/** Re-targets the overview on a floor point, keeping the current viewing offset. */
export function pointOverview(point: Point, current: View): View {
  const offset = current.position.clone().sub(current.target)
  const target = world(point, 0)
  return { position: target.clone().add(offset), target }
}

/** Rising from a walking pose to look down on where the visitor stood, facing the same way. */
export function overviewAbove(pose: WalkPose): View {
  return overviewOf(pose, forwardOf(pose.yaw), 18, 20)
}

/** Landing from the overview: the floor point it looks at (nearest walkable), facing the same way. */
export function walkPoseBelow(plan: FloorPlan, view: View): WalkPose {
  const floor = { x: view.target.x, z: -view.target.z }
  const at = nearestWalkable(plan.walkGrid, floor)
  const yaw = Math.atan2(view.target.x - view.position.x, -(view.target.z - view.position.z))
  return { x: at.x, z: at.z, yaw, pitch: 0 }
}

/**
 * How far from a table's centre a visitor stands, best first: far enough to see the table and its label together,
 * which diagonals between tables allow; at a 4 m pitch the gap straight between two tables only fits the last.
 */
const TABLE_STAND_OFFS = [3, 2.6, 2.2, 2] as const
/** Stand-offs from which table and label are framed comfortably; nearer ones are used only when none of these is free. */
const COMFORTABLE_STAND_OFF = 2.6
/** Slight upward tilt at a table, so the tabletop and its floating label are both in view. */
const TABLE_PITCH = 0.03

/** Walkable places round a table, one per compass point and diagonal (tables themselves block the grid). */
export function tableApproaches(plan: FloorPlan, table: NegotiationTable): Point[] {
  const grid = plan.walkGrid
  const places: { at: Point; off: number }[] = []
  for (let k = 0; k < 8; k++) {
    const a = (k / 8) * Math.PI * 2
    const along = (off: number) => ({ x: table.centre.x + Math.sin(a) * off, z: table.centre.z + Math.cos(a) * off })
    const off = TABLE_STAND_OFFS.find((d) => isWalkableDisc(grid, along(d), WALK.radius))
    if (off !== undefined) places.push({ at: along(off), off })
  }
  const comfortable = places.filter((p) => p.off >= COMFORTABLE_STAND_OFF)
  if (comfortable.length > 0) return comfortable.map((p) => p.at)
  if (places.length > 0) return places.map((p) => p.at)
  // Hemmed in on every side: the nearest standing room at all.
  return [nearestWalkable(grid, { x: table.centre.x, z: table.centre.z - TABLE_STAND_OFFS[0] })]
}

/** Beside the table on the side reached by the shortest walk from `from`, facing the table. */
export function tableWalkPose(plan: FloorPlan, table: NegotiationTable, from: Point): WalkPose {
  const approaches = tableApproaches(plan, table)
  const walking = distancesFrom(plan.walkGrid, from, approaches)
  const straight = (p: Point) => Math.hypot(p.x - from.x, p.z - from.z)
  let best = 0
  for (let i = 1; i < approaches.length; i++) {
    const better = walking[i] < walking[best] || (walking[i] === walking[best] && straight(approaches[i]) < straight(approaches[best]))
    if (better) best = i
  }
  const at = approaches[best]
  return { x: at.x, z: at.z, yaw: yawTowards(at, table.centre), pitch: TABLE_PITCH }
}

/** A 3/4 view down on a table, keeping the current heading so the visitor stays oriented. */
export function tableOverview(table: NegotiationTable, current: View): View {
  let heading = { x: current.target.x - current.position.x, z: -(current.target.z - current.position.z) }
  const length = Math.hypot(heading.x, heading.z)
  heading = length > 0.01 ? { x: heading.x / length, z: heading.z / length } : { x: 0, z: 1 }
  const view = overviewOf(table.centre, heading, 7, 6.5)
  // Between the tabletop and its label, so both are framed.
  view.target.y = 1.4
  return view
}
