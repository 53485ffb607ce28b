/** First-person steps: walking ahead follows the heading, and walls stop the walker. */
import { describe, expect, it } from 'vitest'
import { forwardOf, rightOf, stepWalk, WALK } from '../../src/controls/walkController'
import type { WalkGrid } from '../../src/plan/types'

/** A 10 m × 10 m room of half-metre cells with a wall across z = 6. */
function room(): WalkGrid {
  const cols = 20
  const rows = 20
  const blocked = new Uint8Array(cols * rows)
  for (let c = 0; c < cols; c++) blocked[12 * cols + c] = 1
  return { cellSize: 0.5, cols, rows, originX: 0, originZ: 0, blocked }
}

describe('walking', () => {
  it('walks along the heading: yaw 0 is into the hall (+z), positive yaw turns towards +x', () => {
    expect(forwardOf(0).z).toBeCloseTo(1)
    expect(forwardOf(Math.PI / 2).x).toBeCloseTo(1)
    // Facing into the hall, the right hand points to +x.
    expect(rightOf(0).x).toBeCloseTo(1)
    const pose = { x: 5, z: 2, yaw: 0, pitch: 0 }
    stepWalk(pose, { forward: 1, strafe: 0, turn: 0 }, 0.5, room())
    expect(pose.z).toBeCloseTo(2 + WALK.speed * 0.5)
    expect(pose.x).toBeCloseTo(5)
  })

  it('does not walk through a wall', () => {
    const pose = { x: 5, z: 4, yaw: 0, pitch: 0 }
    for (let i = 0; i < 50; i++) stepWalk(pose, { forward: 1, strafe: 0, turn: 0 }, 0.1, room())
    expect(pose.z).toBeLessThan(6 - WALK.radius + 1e-6)
  })

  it('turns right with a positive turn intent', () => {
    const pose = { x: 5, z: 2, yaw: 0, pitch: 0 }
    stepWalk(pose, { forward: 0, strafe: 0, turn: 1 }, 0.5, room())
    expect(pose.yaw).toBeCloseTo(WALK.turnSpeed * 0.5)
  })
})
