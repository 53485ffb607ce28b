/** The guided tour walks at walking pace by the wall clock, arrives once facing the stop, and stops when paused. */
import { beforeEach, describe, expect, it } from 'vitest'
import { pointAlong, stepTour, stopTourWalk, tourWalk, MAX_TOUR_STEP } from '../../src/controls/tourDriver'
import type { WalkPose } from '../../src/controls/walkController'
import { computeFloorPlan } from '../../src/plan/floorPlan'
import { findPath, pathLength } from '../../src/plan/walk'
import { WALKING_PACE_MPS } from '../../src/routes/routeDistances'
import type { GuidedTour, RouteStop } from '../../src/routes/types'
import { startWalkPose, tourStopPose } from '../../src/scene/cameraViews'
import { PHONE_FRAME } from '../../src/scene/framing'
import { loadRealPack } from '../helpers/realPack'

const pack = loadRealPack()
const plan = computeFloorPlan({ zones: pack.zones, exhibitors: pack.exhibitors })
const stops: RouteStop[] = [plan.booths[40], plan.booths[120]].map((b) => ({ kind: 'booth', exhibitorId: b.exhibitorId }))
const tourAt = (stopIndex: number, status: GuidedTour['status'] = 'walking'): GuidedTour => ({
  routeId: 'r',
  name: 't',
  stops,
  stopIndex,
  status,
  dwellEndsAt: null,
})

/** A walker at the entrance already facing the way to the first stop, so no turn on the spot holds it up. */
function startingPose(): WalkPose {
  const pose = startWalkPose(plan)
  const path = findPath(plan.walkGrid, pose, tourStopPose(plan, stops[0])!)!
  return { ...pose, yaw: Math.atan2(path[1].x - path[0].x, path[1].z - path[0].z), pitch: 0.02 }
}

describe('a point along a walk', () => {
  const path = [
    { x: 0, z: 0 },
    { x: 0, z: 6 },
    { x: 8, z: 6 },
  ]

  it('is where 1.2 m/s for t seconds takes the walker, with the heading of that stretch', () => {
    const at = pointAlong(path, WALKING_PACE_MPS * 4)
    expect(at.x).toBeCloseTo(0)
    expect(at.z).toBeCloseTo(4.8)
    expect(at.heading).toBeCloseTo(0)
    const round = pointAlong(path, WALKING_PACE_MPS * 7)
    expect(round.x).toBeCloseTo(8.4 - 6)
    expect(round.z).toBeCloseTo(6)
    expect(round.heading).toBeCloseTo(Math.PI / 2)
  })

  it('stays at the ends before the start and past the finish', () => {
    expect(pointAlong(path, -3)).toMatchObject({ x: 0, z: 0 })
    expect(pointAlong(path, 100)).toMatchObject({ x: 8, z: 6 })
  })
})

describe('the tour driver', () => {
  beforeEach(() => stopTourWalk())

  it('walks at 1.2 m/s of wall clock even at three frames a second, then arrives once facing the booth', () => {
    const pose = startingPose()
    let arrivals = 0
    const arrived = () => arrivals++
    stepTour(pose, tourAt(0), plan, 1 / 3, arrived)
    const length = tourWalk.length
    expect(length).toBeGreaterThan(5)
    expect(tourWalk.travelled).toBeCloseTo(WALKING_PACE_MPS / 3)
    for (let frame = 1; frame < 9; frame++) stepTour(pose, tourAt(0), plan, 1 / 3, arrived)
    // Three seconds of frames, three seconds of walking (no turn longer than its allowance on the way).
    expect(tourWalk.travelled).toBeCloseTo(Math.min(length, 3 * WALKING_PACE_MPS), 1)

    let seconds = 3
    while (arrivals === 0 && seconds < 600) {
      stepTour(pose, tourAt(0), plan, 1 / 3, arrived)
      seconds += 1 / 3
    }
    expect(arrivals).toBe(1)
    // About the time the walk takes at the pace, plus turns.
    expect(seconds).toBeGreaterThanOrEqual(length / WALKING_PACE_MPS - 0.5)
    expect(seconds).toBeLessThan(length / WALKING_PACE_MPS + 6)
    const at = tourStopPose(plan, stops[0])!
    expect(pose.x).toBeCloseTo(at.x, 1)
    expect(pose.z).toBeCloseTo(at.z, 1)
    expect(pose.yaw).toBeCloseTo(at.yaw)
    // The store has not switched to dwelling here: the driver still never calls arrival twice.
    for (let i = 0; i < 10; i++) stepTour(pose, tourAt(0), plan, 0.5, arrived)
    expect(arrivals).toBe(1)
  })

  it('stops where the stand fits the screen it is shown on: above the sheet on a phone', () => {
    const phone = tourStopPose(plan, stops[0], PHONE_FRAME)!
    const desktop = tourStopPose(plan, stops[0])!
    // the phone's free strip is narrow and high: the walker stands elsewhere and looks down more
    expect(Math.hypot(phone.x - desktop.x, phone.z - desktop.z)).toBeGreaterThan(1)
    stepTour(startingPose(), tourAt(0), plan, 0.5, () => {}, () => PHONE_FRAME)
    expect(tourWalk.arrival).toEqual(phone)
  })

  it('counts at most half a second of a long frame', () => {
    const pose = startingPose()
    stepTour(pose, tourAt(0), plan, 5, () => {})
    expect(tourWalk.travelled).toBeCloseTo(WALKING_PACE_MPS * MAX_TOUR_STEP)
  })

  it('stops where it is when paused, and walks on from there when played again', () => {
    const pose = startingPose()
    for (let i = 0; i < 10; i++) stepTour(pose, tourAt(0), plan, 0.5, () => {})
    const paused = { ...pose }
    for (let i = 0; i < 10; i++) expect(stepTour(pose, tourAt(0, 'paused'), plan, 0.5, () => {})).toBe(false)
    expect(pose).toEqual(paused)
    expect(tourWalk.path).toBeNull()

    stepTour(pose, tourAt(0), plan, 0.5, () => {})
    const rest = pathLength(findPath(plan.walkGrid, paused, tourStopPose(plan, stops[0])!)!)
    expect(tourWalk.length).toBeCloseTo(rest, 1)
  })

  it('heads for the new stop when the tour moves on, and leaves the walker be while it dwells', () => {
    const pose = startingPose()
    stepTour(pose, tourAt(0), plan, 0.5, () => {})
    const dwelling = { ...pose }
    expect(stepTour(pose, tourAt(0, 'dwelling'), plan, 0.5, () => {})).toBe(false)
    expect(pose).toEqual(dwelling)
    stepTour(pose, tourAt(1), plan, 0.5, () => {})
    expect(tourWalk.leg).toBe('r#1')
    const end = tourWalk.path![tourWalk.path!.length - 1]
    const target = tourStopPose(plan, stops[1])!
    expect(Math.hypot(end.x - target.x, end.z - target.z)).toBeLessThan(0.5)
  })

  it('re-plans from where the visitor was moved to', () => {
    const pose = startingPose()
    stepTour(pose, tourAt(0), plan, 0.5, () => {})
    const first = tourWalk.path
    pose.z += 3
    stepTour(pose, tourAt(0), plan, 0.5, () => {})
    expect(tourWalk.path).not.toBe(first)
  })

  it('passes over a stop this hall does not hold', () => {
    let arrivals = 0
    const tour = { ...tourAt(0), stops: [{ kind: 'booth', exhibitorId: 'not-here' } as RouteStop] }
    stepTour(startingPose(), tour, plan, 0.5, () => arrivals++)
    stepTour(startingPose(), tour, plan, 0.5, () => arrivals++)
    expect(arrivals).toBe(1)
  })
})
