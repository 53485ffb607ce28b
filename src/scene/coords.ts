/** Maps floor-plan metres to three.js world space and back, so the 3D hall reads like the plan (x right, into the hall ahead). */
import type { Facing, Point, Rect } from '../plan/types'

// Plan z runs into the hall; three.js cameras look down -z with +x on the right. Negating z keeps plan-right on
// screen-right when a visitor looks into the hall, so the 3D view, the minimap and the plan never disagree.
export const worldZ = (p: Point) => -p.z
/** Plan point of a world position. */
export const planPoint = (wx: number, wz: number): Point => ({ x: wx, z: -wz })

/** Camera rotation.y for a plan heading (yaw 0 looks along plan +z, positive turns towards plan +x). */
export const cameraRotationY = (yaw: number) => -yaw
/** Plan heading from one plan point towards another. */
export const yawTowards = (from: Point, to: Point) => Math.atan2(to.x - from.x, to.z - from.z)

/** Unit vector in plan coordinates for a facing. North is into the hall (+z), as on the minimap. */
export const FACING_VECTORS: Record<Facing, Point> = {
  north: { x: 0, z: 1 },
  south: { x: 0, z: -1 },
  east: { x: 1, z: 0 },
  west: { x: -1, z: 0 },
}

export const rectCentre = (r: Rect): Point => ({ x: r.x + r.width / 2, z: r.z + r.depth / 2 })

/**
 * The booth's outward direction in plan coordinates. The `front` point is the authority (it is where the visitor
 * stands); the facing name is the fallback when the front point sits inside the rect.
 */
export function boothOutward(rect: Rect, facing: Facing, front: Point): Point {
  const c = rectCentre(rect)
  const dx = (front.x - c.x) / Math.max(rect.width, 0.01)
  const dz = (front.z - c.z) / Math.max(rect.depth, 0.01)
  if (Math.abs(dx) > 0.5 || Math.abs(dz) > 0.5) {
    return Math.abs(dx) > Math.abs(dz) ? { x: Math.sign(dx), z: 0 } : { x: 0, z: Math.sign(dz) }
  }
  return FACING_VECTORS[facing]
}

/** Shortest signed difference between two angles. */
export function angleDelta(from: number, to: number) {
  let d = (to - from) % (Math.PI * 2)
  if (d > Math.PI) d -= Math.PI * 2
  if (d < -Math.PI) d += Math.PI * 2
  return d
}
