/** The pavilions' gate posts, the YRD pillars and the entrance posts block walking like any stand or column. */
import { describe, expect, it } from 'vitest'
import { WALK, stepWalk } from '../../src/controls/walkController'
import { generateSyntheticExhibitors } from '../../src/content/synthetic'
import { computeFloorPlan } from '../../src/plan/floorPlan'
import { gatePosts, koreaGate, yrdGateway, type PostFootprint } from '../../src/plan/gates'
import type { FloorPlan, Point } from '../../src/plan/types'
import { findPath, isWalkable, isWalkableDisc, nearestWalkable } from '../../src/plan/walk'
import { tableApproaches, tourStopPose } from '../../src/scene/cameraViews'
import { loadRealPack } from '../helpers/realPack'

const pack = loadRealPack()
const halls: { name: string; plan: FloorPlan }[] = [
  { name: 'the sample hall', plan: computeFloorPlan({ zones: pack.zones, exhibitors: pack.exhibitors }) },
  { name: 'a 1,000-booth hall', plan: computeFloorPlan({ zones: pack.zones, exhibitors: generateSyntheticExhibitors(1000, pack.zones) }) },
]

/** Distance from a point to a post's square footprint (0 inside it). */
const toPost = (p: Point, post: PostFootprint) =>
  Math.hypot(Math.max(0, Math.abs(p.x - post.centre.x) - post.half), Math.max(0, Math.abs(p.z - post.centre.z) - post.half))

/** Posts standing inside the hall (the entrance posts stand in its front wall, half outside). */
const insidePosts = (plan: FloorPlan) => gatePosts(plan).filter((p) => p.centre.z > plan.hall.z + p.half)

describe.each(halls)('gate posts in $name', ({ plan }) => {
  const posts = gatePosts(plan)

  it('has the Korea gate with its eave posts, the YRD pillars and the entrance posts', () => {
    expect(koreaGate(plan)).not.toBeNull()
    expect(yrdGateway(plan)).not.toBeNull()
    // Two gate posts, eave posts either side, two pillars, two entrance posts.
    expect(posts.length).toBeGreaterThan(6)
  })

  it('blocks the floor under every post', () => {
    for (const post of posts) expect(isWalkable(plan.walkGrid, post.centre), JSON.stringify(post)).toBe(false)
  })

  it('stops a walker at its radius when it walks straight into a post, from each side', () => {
    for (const post of insidePosts(plan)) {
      for (const [yaw, dx, dz] of [
        [0, 0, -1],
        [Math.PI, 0, 1],
        [Math.PI / 2, -1, 0],
        [-Math.PI / 2, 1, 0],
      ] as const) {
        // Start a few metres off the post, on walkable floor, and walk at it for four seconds.
        const start = nearestWalkable(plan.walkGrid, { x: post.centre.x + dx * (post.half + 2.5), z: post.centre.z + dz * (post.half + 2.5) })
        if (!isWalkableDisc(plan.walkGrid, start, WALK.radius)) continue
        const pose = { x: start.x, z: start.z, yaw, pitch: 0 }
        for (let frame = 0; frame < 240; frame++) {
          stepWalk(pose, { forward: 1, strafe: 0, turn: 0 }, 1 / 60, plan.walkGrid)
          expect(toPost(pose, post)).toBeGreaterThanOrEqual(WALK.radius - 1e-9)
        }
      }
    }
  })

  it('routes every walk round the posts, and every tour stop stands clear of them', () => {
    const from = nearestWalkable(plan.walkGrid, { x: plan.entrance.x, z: 3 })
    const faults: string[] = []
    for (const booth of plan.booths) {
      const stop = tourStopPose(plan, { kind: 'booth', exhibitorId: booth.exhibitorId })
      if (!stop) faults.push(`${booth.exhibitorId}: no stop`)
      else if (posts.some((post) => toPost(stop, post) < WALK.radius)) faults.push(`${booth.exhibitorId}: stop at a post`)
    }
    // Walks to the stands near a gate: each path's points, sampled every 10 cm, keep off every post.
    const nearGate = plan.booths.filter((b) => posts.some((p) => Math.hypot(b.front.x - p.centre.x, b.front.z - p.centre.z) < 12))
    expect(nearGate.length).toBeGreaterThan(0)
    for (const booth of nearGate) {
      const path = findPath(plan.walkGrid, from, tourStopPose(plan, { kind: 'booth', exhibitorId: booth.exhibitorId })!)
      if (!path) {
        faults.push(`${booth.exhibitorId}: no path`)
        continue
      }
      for (let i = 1; i < path.length; i++) {
        const a = path[i - 1]
        const b = path[i]
        const steps = Math.ceil(Math.hypot(b.x - a.x, b.z - a.z) / 0.1)
        for (let k = 0; k <= steps; k++) {
          const p = { x: a.x + ((b.x - a.x) * k) / steps, z: a.z + ((b.z - a.z) * k) / steps }
          if (posts.some((post) => toPost(p, post) === 0)) faults.push(`${booth.exhibitorId}: path through a post at ${p.x.toFixed(1)}, ${p.z.toFixed(1)}`)
        }
      }
    }
    expect(faults).toEqual([])
  }, 120_000)

  it('leaves an approach to every negotiation table', () => {
    for (const table of plan.tables) expect(tableApproaches(plan, table).length, table.id).toBeGreaterThan(0)
  })
})
