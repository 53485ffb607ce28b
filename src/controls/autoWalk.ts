/** Walking along a path by itself (after a click on the floor or a point request); any key or new path takes over. */
import type { Point, WalkGrid } from '../plan/types'
import { findPath, moveWithCollision, nearestWalkable } from '../plan/walk'
import { angleDelta } from '../scene/coords'
import { WALK, type WalkPose } from './walkController'

/** The path being walked, if any: plain module state, read every frame. */
export const autoWalk: { path: Point[] | null; next: number } = { path: null, next: 0 }

export function cancelAutoWalk() {
  autoWalk.path = null
  autoWalk.next = 0
}

/** Plans a walk from `from` to `to`; returns false (and walks nowhere) when there is no way there. */
export function startAutoWalk(grid: WalkGrid, from: Point, to: Point): boolean {
  const path = findPath(grid, from, nearestWalkable(grid, to))
  if (!path || path.length < 2) {
    cancelAutoWalk()
    return false
  }
  autoWalk.path = path
  autoWalk.next = 1
  return true
}

/** Turn rate while following a path, radians per second: quick, but not a snap. */
const FOLLOW_TURN = 4

/** Moves `pose` along the path for one frame; returns true while walking. */
export function stepAutoWalk(pose: WalkPose, dt: number, grid: WalkGrid): boolean {
  const path = autoWalk.path
  if (!path) return false
  let budget = WALK.speed * dt
  while (budget > 0 && autoWalk.next < path.length) {
    const target = path[autoWalk.next]
    const dx = target.x - pose.x
    const dz = target.z - pose.z
    const distance = Math.hypot(dx, dz)
    if (distance < 0.05) {
      autoWalk.next++
      continue
    }
    const heading = Math.atan2(dx, dz)
    const turn = angleDelta(pose.yaw, heading)
    pose.yaw += Math.sign(turn) * Math.min(Math.abs(turn), FOLLOW_TURN * dt)
    const step = Math.min(budget, distance)
    const next = moveWithCollision(grid, pose, { x: (dx / distance) * step, z: (dz / distance) * step }, WALK.radius * 0.5)
    const moved = Math.hypot(next.x - pose.x, next.z - pose.z)
    pose.x = next.x
    pose.z = next.z
    budget -= step
    // Stuck against something the path did not expect: give up rather than push forever.
    if (moved < step * 0.1) {
      cancelAutoWalk()
      return false
    }
  }
  if (autoWalk.next >= path.length) cancelAutoWalk()
  return true
}
