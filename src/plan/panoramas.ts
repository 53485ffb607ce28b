/**
 * Where each zone's 360° panorama is taken and where its hotspots fall: pure maths over the floor plan, shared by
 * `npm run panoramas` (which renders the picture from the hall) and the panorama view (which places the hotspots on
 * it). Both read the same viewpoint, so a hotspot sits on its booth as long as the plan is the one the picture was
 * taken of; the generator stores a fingerprint of the plan beside the pictures to tell when they are stale.
 *
 * Picture convention (equirectangular, 2:1): the centre column looks along `centreYaw`; yaw grows to the right
 * (towards plan +x when looking along plan +z), a full turn across the width; pitch +π/2 is the top row.
 */
import type { ZoneId } from '../content/schema'
import type { FloorPlan, Point, Rect } from './types'
import { nearestRoomyPoint } from './walk'

/** The camera height of every panorama: a standing visitor's eyes (the hall's walk mode uses the same). */
export const PANORAMA_EYE_HEIGHT = 1.6
/** Height on a booth a hotspot points at: its fascia, above the counters and products. */
const BOOTH_HOTSPOT_HEIGHT = 2.2
/** Two zones are neighbours when an aisle of at most this width separates their areas (across a crossing, diagonally, is farther). */
const NEIGHBOUR_GAP = 9
/** A viewpoint keeps this much room round it, so the lens is not pressed against a stand. */
const VIEWPOINT_CLEARANCE = 1.2

export interface PanoramaViewpoint {
  zoneId: ZoneId
  /** Plan position of the camera. */
  at: Point
  /** Height of the camera above the floor, metres. */
  eyeHeight: number
  /** Plan heading of the picture's centre column (yaw 0 looks along plan +z, positive turns towards plan +x). */
  centreYaw: number
}

export type PanoramaHotspot =
  | { kind: 'booth'; exhibitorId: string; yaw: number; pitch: number; distance: number }
  | { kind: 'zone'; zoneId: ZoneId; yaw: number; pitch: number; distance: number }

const centreOf = (r: Rect): Point => ({ x: r.x + r.width / 2, z: r.z + r.depth / 2 })
const headingTowards = (from: Point, to: Point) => Math.atan2(to.x - from.x, to.z - from.z)

/** Gap between two rectangles (0 when they touch or overlap). */
function rectGap(a: Rect, b: Rect) {
  const dx = Math.max(0, a.x - (b.x + b.width), b.x - (a.x + a.width))
  const dz = Math.max(0, a.z - (b.z + b.depth), b.z - (a.z + a.depth))
  return Math.hypot(dx, dz)
}

/**
 * The zone's panorama viewpoint: the walkable point nearest the middle of the zone with room round it (an island
 * stand often fills the very middle), looking where a visitor arriving there looks.
 */
export function panoramaViewpoint(plan: FloorPlan, zoneId: ZoneId): PanoramaViewpoint | null {
  const zone = plan.zones.find((z) => z.zoneId === zoneId)
  if (!zone) return null
  const middle = zoneId === 'lobby' ? zone.arrival : centreOf(zone.rect)
  const at = nearestRoomyPoint(plan.walkGrid, middle, VIEWPOINT_CLEARANCE, { within: zone.rect })
  return { zoneId, at, eyeHeight: PANORAMA_EYE_HEIGHT, centreYaw: headingTowards(zone.arrival, zone.lookAt) }
}

/** Shortest signed angle from `a` to `b`, in (-π, π]. */
function wrapAngle(a: number) {
  const t = (a + Math.PI) % (2 * Math.PI)
  return (t < 0 ? t + 2 * Math.PI : t) - Math.PI
}

/** Yaw (relative to the picture's centre) and pitch of a point seen from the viewpoint. */
export function panoramaDirection(view: PanoramaViewpoint, target: Point, height: number) {
  const distance = Math.hypot(target.x - view.at.x, target.z - view.at.z)
  return {
    yaw: wrapAngle(headingTowards(view.at, target) - view.centreYaw),
    pitch: Math.atan2(height - view.eyeHeight, Math.max(distance, 0.01)),
    distance,
  }
}

/** Every booth of the zone and every neighbouring zone, as directions from the viewpoint: nearest first. */
export function panoramaHotspots(plan: FloorPlan, view: PanoramaViewpoint): PanoramaHotspot[] {
  const zone = plan.zones.find((z) => z.zoneId === view.zoneId)
  if (!zone) return []
  const booths: PanoramaHotspot[] = plan.booths
    .filter((b) => b.zoneId === view.zoneId)
    .map((b) => ({ kind: 'booth', exhibitorId: b.exhibitorId, ...panoramaDirection(view, centreOf(b.rect), BOOTH_HOTSPOT_HEIGHT) }))
  const zones: PanoramaHotspot[] = plan.zones
    .filter((z) => z.zoneId !== view.zoneId && rectGap(z.rect, zone.rect) <= NEIGHBOUR_GAP)
    .map((z) => {
      const there = panoramaViewpoint(plan, z.zoneId)!
      // at eye height: the way over there, on the horizon
      return { kind: 'zone', zoneId: z.zoneId, ...panoramaDirection(view, there.at, view.eyeHeight) }
    })
  return [...booths, ...zones].sort((a, b) => a.distance - b.distance)
}

/** Picture coordinates (0..1 across, 0..1 down) of a direction relative to the picture's centre. */
export function equirectangularUv(yaw: number, pitch: number) {
  const u = 0.5 + wrapAngle(yaw) / (2 * Math.PI)
  return { u, v: 0.5 - pitch / Math.PI }
}
