/** First-person walking on the plan: intents in, a new pose out, sliding along whatever the walk grid blocks. */
import type { Point, WalkGrid } from '../plan/types'
import { moveWithCollision } from '../plan/walk'

export const WALK = {
  /** Metres per second: a brisk walk, the hall is large. */
  speed: 3,
  /** Radians per second for the turn keys. */
  turnSpeed: 1.8,
  /** The walker's radius against booths, tables, columns and walls. */
  radius: 0.3,
  /** Radians per CSS pixel of drag. */
  lookPerPixel: 0.005,
  maxPitch: 1.2,
} as const

export interface WalkPose {
  x: number
  z: number
  yaw: number
  pitch: number
}

/** Plan unit vectors for a heading: forward, and to the right of it. */
export const forwardOf = (yaw: number): Point => ({ x: Math.sin(yaw), z: Math.cos(yaw) })
export const rightOf = (yaw: number): Point => ({ x: Math.cos(yaw), z: -Math.sin(yaw) })

export const clampPitch = (pitch: number) => Math.max(-WALK.maxPitch, Math.min(WALK.maxPitch, pitch))

/** Applies one frame of intent to `pose` (mutated); returns true when the walker moved or turned. */
export function stepWalk(
  pose: WalkPose,
  intent: { forward: number; strafe: number; turn: number },
  dt: number,
  grid: WalkGrid,
): boolean {
  const { forward, strafe, turn } = intent
  if (forward === 0 && strafe === 0 && turn === 0) return false
  pose.yaw += turn * WALK.turnSpeed * dt
  if (forward === 0 && strafe === 0) return true
  const f = forwardOf(pose.yaw)
  const r = rightOf(pose.yaw)
  let dx = f.x * forward + r.x * strafe
  let dz = f.z * forward + r.z * strafe
  // Diagonal keys should not walk faster than straight ones.
  const length = Math.hypot(dx, dz)
  if (length > 1) {
    dx /= length
    dz /= length
  }
  const next = moveWithCollision(grid, pose, { x: dx * WALK.speed * dt, z: dz * WALK.speed * dt }, WALK.radius)
  pose.x = next.x
  pose.z = next.z
  return true
}
