/**
 * Where the panorama view looks and where a direction lands on the screen: pure maths shared by the WebGL pass (which
 * samples the picture along each pixel's ray), the hotspots (placed at their projected directions) and the tests.
 *
 * Directions are those of `src/plan/panoramas.ts`: yaw relative to the picture's centre, growing to the right; pitch
 * up-positive. In the view's own frame x points right, y up and z ahead, so yaw 0, pitch 0 is +z.
 */

/**
 * What the view shows: its heading and tilt (radians) and its field of view (radians) across the screen's shorter side,
 * so a phone held upright sees as much of the hall across as a wide screen does from top to bottom.
 */
export interface PanoramaLook {
  yaw: number
  pitch: number
  fov: number
}

type Vector = [x: number, y: number, z: number]

const DEG = Math.PI / 180
/** Narrower than this a 4K picture turns to blur; wider than this the rectilinear edges stretch badly. */
export const FOV_RANGE = { min: 35 * DEG, max: 100 * DEG } as const
/** Short of straight up or down, where the heading stops meaning anything and drags would spin the view. */
export const MAX_PITCH = 85 * DEG
/** The view a panorama opens with: straight ahead, level, a field of view near the eye's own. */
export const START_LOOK: PanoramaLook = { yaw: 0, pitch: 0, fov: 75 * DEG }

/** `a` in (-π, π]. */
export function wrapYaw(a: number) {
  const t = (a + Math.PI) % (2 * Math.PI)
  return (t <= 0 ? t + 2 * Math.PI : t) - Math.PI
}

/** The look kept within reach: yaw wrapped, pitch short of the poles, field of view within range. */
export function clampLook(look: PanoramaLook): PanoramaLook {
  return {
    yaw: wrapYaw(look.yaw),
    pitch: Math.min(MAX_PITCH, Math.max(-MAX_PITCH, look.pitch)),
    fov: Math.min(FOV_RANGE.max, Math.max(FOV_RANGE.min, look.fov)),
  }
}

/** The unit vector of a direction. */
export function directionVector(yaw: number, pitch: number): Vector {
  return [Math.sin(yaw) * Math.cos(pitch), Math.sin(pitch), Math.cos(yaw) * Math.cos(pitch)]
}

/** The view's right, up and forward axes: the WebGL pass builds each pixel's ray from them. */
export function lookBasis(look: PanoramaLook): { right: Vector; up: Vector; forward: Vector } {
  const [sy, cy, sp, cp] = [Math.sin(look.yaw), Math.cos(look.yaw), Math.sin(look.pitch), Math.cos(look.pitch)]
  return { right: [cy, 0, -sy], up: [-sy * sp, cp, -cy * sp], forward: [sy * cp, sp, cy * cp] }
}

const dot = (a: Vector, b: Vector) => a[0] * b[0] + a[1] * b[1] + a[2] * b[2]

/** Pixels from the centre to the nearer edge over tan(half the field of view): the pinhole's focal length. */
const focalLength = (look: PanoramaLook, width: number, height: number) => Math.min(width, height) / 2 / Math.tan(look.fov / 2)

/** tan of half the field across each side: how far each pixel's ray leans (the WebGL pass's extent). */
export function halfExtent(look: PanoramaLook, width: number, height: number): [x: number, y: number] {
  const f = focalLength(look, width, height)
  return [width / 2 / f, height / 2 / f]
}

export interface ScreenPoint {
  x: number
  y: number
  /** In front of the viewer (a point behind projects through the back and means nothing). */
  ahead: boolean
  /** Ahead and within the width × height rectangle. */
  onScreen: boolean
}

/** Where a direction lands in a `width` × `height` view (pixels from its top left). */
export function projectDirection(look: PanoramaLook, yaw: number, pitch: number, width: number, height: number): ScreenPoint {
  const { right, up, forward } = lookBasis(look)
  const d = directionVector(yaw, pitch)
  const depth = dot(d, forward)
  // a hair in front still divides into huge numbers: kept off the screen, but finite
  const ahead = depth > 1e-3
  const f = focalLength(look, width, height) / Math.max(depth, 1e-3)
  const x = width / 2 + dot(d, right) * f
  const y = height / 2 - dot(d, up) * f
  return { x, y, ahead, onScreen: ahead && x >= 0 && x <= width && y >= 0 && y <= height }
}

/** The direction seen at a pixel of a `width` × `height` view: the inverse of `projectDirection`. */
export function unprojectPoint(look: PanoramaLook, x: number, y: number, width: number, height: number) {
  const { right, up, forward } = lookBasis(look)
  const f = focalLength(look, width, height)
  const [a, b] = [(x - width / 2) / f, -(y - height / 2) / f]
  const ray: Vector = [0, 1, 2].map((i) => forward[i] + a * right[i] + b * up[i]) as Vector
  const length = Math.hypot(...ray)
  return { yaw: Math.atan2(ray[0], ray[2]), pitch: Math.asin(ray[1] / length) }
}

/** A drag of (dx, dy) pixels grabs the picture: what was under the finger stays under it (at the centre, exactly). */
export function dragLook(look: PanoramaLook, dx: number, dy: number, width: number, height: number): PanoramaLook {
  const f = focalLength(look, width, height)
  return clampLook({ ...look, yaw: look.yaw - Math.atan(dx / f), pitch: look.pitch + Math.atan(dy / f) })
}

/** Zooming by `factor` (below 1 narrows the field: closer). */
export function zoomLook(look: PanoramaLook, factor: number): PanoramaLook {
  return clampLook({ ...look, fov: look.fov * factor })
}

/** The look centred on a direction, keeping the field of view: where focusing a hotspot turns the view. */
export function lookTowards(look: PanoramaLook, yaw: number, pitch: number): PanoramaLook {
  return clampLook({ ...look, yaw, pitch })
}

/** Part of the way from `from` to `to` (0..1), the short way round in yaw: the steps of an eased turn. */
export function blendLook(from: PanoramaLook, to: PanoramaLook, t: number): PanoramaLook {
  return clampLook({
    yaw: from.yaw + wrapYaw(to.yaw - from.yaw) * t,
    pitch: from.pitch + (to.pitch - from.pitch) * t,
    fov: from.fov + (to.fov - from.fov) * t,
  })
}

/** Angle (radians) between the view's centre and a direction: the Cardboard view's gaze picks the nearest. */
export function angleFromCentre(look: PanoramaLook, yaw: number, pitch: number) {
  return Math.acos(Math.min(1, Math.max(-1, dot(directionVector(yaw, pitch), lookBasis(look).forward))))
}
