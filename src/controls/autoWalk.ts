/** Walking along a path by itself (after a floor click, a point request or "go to table"); any key or new path takes over. */
import type { Point, WalkGrid } from '../plan/types'
import { findPath, moveWithCollision, nearestWalkable } from '../plan/walk'
import { angleDelta } from '../scene/coords'
import { WALK, type WalkPose } from './walkController'

/** Where the walker looks once arrived: a heading and a tilt. */
export interface ArrivalLook {
  yaw: number
  pitch: number
}

/** The path being walked, if any, and how to turn at its end: plain module state, read every frame. */
export const autoWalk: { path: Point[] | null; next: number; look: ArrivalLook | null } = { path: null, next: 0, look: null }

export function cancelAutoWalk() {
  autoWalk.path = null
  autoWalk.next = 0
  autoWalk.look = null
}

/** Plans a walk from `from` to `to`, turning to `look` on arrival; returns false (and walks nowhere) when there is no way there. */
export function startAutoWalk(grid: WalkGrid, from: Point, to: Point, look: ArrivalLook | null = null): boolean {
  const path = findPath(grid, from, nearestWalkable(grid, to))
  if (!path || path.length < 2) {
    cancelAutoWalk()
    return false
  }
  autoWalk.path = path
  autoWalk.next = 1
  autoWalk.look = look
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
  if (autoWalk.next >= path.length && (!autoWalk.look || turnTowards(pose, autoWalk.look, dt))) cancelAutoWalk()
  return true
}

/** Turns `pose` towards `look` for one frame at the following turn rate; true once it faces that way. */
function turnTowards(pose: WalkPose, look: ArrivalLook, dt: number): boolean {
  const step = FOLLOW_TURN * dt
  const turn = angleDelta(pose.yaw, look.yaw)
  const tilt = look.pitch - pose.pitch
  pose.yaw += Math.sign(turn) * Math.min(Math.abs(turn), step)
  pose.pitch += Math.sign(tilt) * Math.min(Math.abs(tilt), step)
  return Math.abs(turn) <= step && Math.abs(tilt) <= step
}
