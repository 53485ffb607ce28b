/**
 * The guided tour's walk: from wherever the visitor stands to the tour's current stop along the aisles, at walking
 * pace by the wall clock, turning to face the stop on arrival. Plain module state, advanced by the camera rig's frame.
 */
import type { FloorPlan, Point } from '../plan/types'
import { findPath, pathLength } from '../plan/walk'
import { WALKING_PACE_MPS } from '../routes/routeDistances'
import type { GuidedTour } from '../routes/types'
import { tourStopPose } from '../scene/cameraViews'
import { DESKTOP_FRAME, type ScreenFrame } from '../scene/framing'
import { angleDelta } from '../scene/coords'
import type { WalkPose } from './walkController'

/** Longest step of wall-clock time counted in one frame, seconds: a software renderer's 3 frames a second keep the pace. */
export const MAX_TOUR_STEP = 0.5
/** Turn rate while walking and on arrival, radians per second. */
const TOUR_TURN = 2.5
/** Facing further off the way ahead than this, the walker turns on the spot before walking on. */
const TURN_IN_PLACE = 1.2
/** Pitch while walking: level, eyes on the aisle ahead. */
const WALKING_PITCH = 0.02
/** Moved further than this by anything else (keys, a flight) since the last frame, the walk is planned afresh. */
const DISPLACED = 0.5

/** The leg being walked: its polyline, how far along it the walker is, and the stop it leads to. */
export const tourWalk: {
  /** `${routeId}#${stopIndex}` of the stop this leg leads to; null when no leg is planned. */
  leg: string | null
  path: Point[] | null
  length: number
  travelled: number
  /** The pose to take on arrival. */
  arrival: WalkPose | null
  /** Where this driver left the walker last frame. */
  last: Point | null
} = { leg: null, path: null, length: 0, travelled: 0, arrival: null, last: null }

export function stopTourWalk() {
  tourWalk.leg = null
  tourWalk.path = null
  tourWalk.length = 0
  tourWalk.travelled = 0
  tourWalk.arrival = null
  tourWalk.last = null
}

/** Where a walker is `metres` along a polyline, and the heading of the segment there (yaw: 0 along +z, towards +x positive). */
export function pointAlong(path: readonly Point[], metres: number): { x: number; z: number; heading: number | null } {
  if (path.length === 0) return { x: 0, z: 0, heading: null }
  let left = Math.max(0, metres)
  for (let i = 1; i < path.length; i++) {
    const a = path[i - 1]
    const b = path[i]
    const segment = Math.hypot(b.x - a.x, b.z - a.z)
    if (segment === 0) continue
    const heading = Math.atan2(b.x - a.x, b.z - a.z)
    if (left <= segment || i === path.length - 1) {
      const t = Math.min(1, left / segment)
      return { x: a.x + (b.x - a.x) * t, z: a.z + (b.z - a.z) * t, heading }
    }
    left -= segment
  }
  const end = path[path.length - 1]
  return { x: end.x, z: end.z, heading: null }
}

/** Turns yaw and pitch towards a target at `rate` for `dt` seconds; true once both are there. */
function turnTowards(pose: WalkPose, yaw: number, pitch: number, rate: number, dt: number): boolean {
  const step = rate * dt
  const turn = angleDelta(pose.yaw, yaw)
  const tilt = pitch - pose.pitch
  pose.yaw += Math.sign(turn) * Math.min(Math.abs(turn), step)
  pose.pitch += Math.sign(tilt) * Math.min(Math.abs(tilt), step)
  return Math.abs(turn) <= step && Math.abs(tilt) <= step
}

/** Plans the leg from the pose to the tour's current stop; false when the stop is not in this hall. */
function planLeg(pose: WalkPose, tour: GuidedTour, plan: FloorPlan, leg: string, frame: ScreenFrame): boolean {
  const stop = tour.stops[tour.stopIndex]
  const arrival = stop ? tourStopPose(plan, stop, frame) : null
  stopTourWalk()
  tourWalk.leg = leg
  if (!arrival) return false
  // No way through (a stop walled in): the walk is the stop itself, a cut.
  const path = findPath(plan.walkGrid, pose, arrival) ?? [{ x: arrival.x, z: arrival.z }]
  tourWalk.path = path
  tourWalk.length = pathLength(path)
  tourWalk.arrival = arrival
  return true
}

/**
 * Advances the tour's walk by `dt` seconds of wall clock: plans a leg when the stop changes or the walker was moved,
 * follows it at WALKING_PACE_MPS, turns to the stop and then calls `arrived` once. Returns true while it moves the
 * pose; false (and forgets its leg) whenever the tour is not walking, so pause, dwell and exit leave the walker be.
 */
export function stepTour(
  pose: WalkPose,
  tour: GuidedTour | null,
  plan: FloorPlan,
  dt: number,
  arrived: () => void,
  // the free part of the screen, asked for only when a leg is planned: a stop is framed for the screen it shows on
  screenFrame: () => ScreenFrame = () => DESKTOP_FRAME,
): boolean {
  if (!tour || tour.status !== 'walking') {
    if (tourWalk.leg !== null) stopTourWalk()
    return false
  }
  const leg = `${tour.routeId}#${tour.stopIndex}`
  const displaced = tourWalk.last !== null && Math.hypot(pose.x - tourWalk.last.x, pose.z - tourWalk.last.z) > DISPLACED
  if (tourWalk.leg !== leg || displaced) {
    if (!planLeg(pose, tour, plan, leg, screenFrame())) {
      // A stop this hall does not hold: count it as reached, so the tour moves on.
      arrived()
      return false
    }
  }
  const { path, arrival } = tourWalk
  // Arrived already and waiting for the store to notice: nothing more to do.
  if (!path || !arrival) return false
  const step = Math.min(Math.max(0, dt), MAX_TOUR_STEP)

  if (tourWalk.travelled < tourWalk.length) {
    const ahead = pointAlong(path, tourWalk.travelled)
    const facingAway = ahead.heading !== null && Math.abs(angleDelta(pose.yaw, ahead.heading)) > TURN_IN_PLACE
    if (ahead.heading !== null) turnTowards(pose, ahead.heading, WALKING_PITCH, TOUR_TURN, step)
    if (!facingAway) tourWalk.travelled = Math.min(tourWalk.length, tourWalk.travelled + WALKING_PACE_MPS * step)
    const at = pointAlong(path, tourWalk.travelled)
    pose.x = at.x
    pose.z = at.z
  } else {
    const end = path[path.length - 1]
    pose.x = end.x
    pose.z = end.z
    if (turnTowards(pose, arrival.yaw, arrival.pitch, TOUR_TURN, step)) {
      pose.yaw = arrival.yaw
      pose.pitch = arrival.pitch
      tourWalk.path = null
      tourWalk.last = null
      arrived()
      return true
    }
  }
  tourWalk.last = { x: pose.x, z: pose.z }
  return true
}
