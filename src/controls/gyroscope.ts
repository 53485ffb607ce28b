/**
 * Look around by turning the phone: device orientation readings → turns of the walking view, relative to where the
 * phone pointed when the look was switched on, so the visitor keeps the heading they had. The camera rig takes the
 * accumulated turn once per frame (`takeGyroTurn`).
 */
import { wakeScene } from './wake'

/** Where the phone's back camera looks: heading (radians, positive turns left about the vertical) and pitch (up positive). */
export interface DeviceLook {
  heading: number
  pitch: number
}

type Quaternion = [x: number, y: number, z: number, w: number]

// Plain quaternion maths rather than three.js: this module is loaded with the overlay, before the 3D chunk.
function fromEulerYXZ(x: number, y: number, z: number): Quaternion {
  const [c1, c2, c3] = [Math.cos(x / 2), Math.cos(y / 2), Math.cos(z / 2)]
  const [s1, s2, s3] = [Math.sin(x / 2), Math.sin(y / 2), Math.sin(z / 2)]
  return [s1 * c2 * c3 + c1 * s2 * s3, c1 * s2 * c3 - s1 * c2 * s3, c1 * c2 * s3 - s1 * s2 * c3, c1 * c2 * c3 + s1 * s2 * s3]
}

function multiply([ax, ay, az, aw]: Quaternion, [bx, by, bz, bw]: Quaternion): Quaternion {
  return [
    ax * bw + aw * bx + ay * bz - az * by,
    ay * bw + aw * by + az * bx - ax * bz,
    az * bw + aw * bz + ax * by - ay * bx,
    aw * bw - ax * bx - ay * by - az * bz,
  ]
}

function rotate([qx, qy, qz, qw]: Quaternion, [vx, vy, vz]: [number, number, number]): [number, number, number] {
  const tx = 2 * (qy * vz - qz * vy)
  const ty = 2 * (qz * vx - qx * vz)
  const tz = 2 * (qx * vy - qy * vx)
  return [vx + qw * tx + qy * tz - qz * ty, vy + qw * ty + qz * tx - qx * tz, vz + qw * tz + qx * ty - qy * tx]
}

// The back camera looks out of the back of the device, not out of its top edge.
const BACK_CAMERA: Quaternion = [-Math.SQRT1_2, 0, 0, Math.SQRT1_2]
const DEG = Math.PI / 180

/**
 * The look of a device reporting W3C `alpha`, `beta`, `gamma` (degrees, intrinsic Z-X'-Y'') with its screen turned
 * `screenAngle` degrees (screen.orientation.angle), as three.js's old DeviceOrientationControls composed it.
 */
export function deviceLook(alpha: number, beta: number, gamma: number, screenAngle = 0): DeviceLook {
  const screen: Quaternion = [0, 0, Math.sin((-screenAngle * DEG) / 2), Math.cos((-screenAngle * DEG) / 2)]
  const q = multiply(multiply(fromEulerYXZ(beta * DEG, alpha * DEG, -gamma * DEG), BACK_CAMERA), screen)
  const [fx, fy, fz] = rotate(q, [0, 0, -1])
  return { heading: Math.atan2(-fx, -fz), pitch: Math.asin(Math.min(1, Math.max(-1, fy))) }
}

/** Looking nearly straight up or down the heading is meaningless: turns there are left out. */
const HEADING_PITCH_LIMIT = 1.4

/**
 * How the walking view turns between two readings: walking yaw grows to the right (the device heading grows to the
 * left), pitch follows the tilt. The shortest way round, so passing north never spins the view.
 */
export function lookTurn(from: DeviceLook, to: DeviceLook): { yaw: number; pitch: number } {
  const steep = Math.abs(from.pitch) > HEADING_PITCH_LIMIT || Math.abs(to.pitch) > HEADING_PITCH_LIMIT
  const turned = Math.atan2(Math.sin(to.heading - from.heading), Math.cos(to.heading - from.heading))
  return { yaw: steep ? 0 : -turned + 0, pitch: to.pitch - from.pitch }
}

export type GyroStart = 'on' | 'denied' | 'unavailable'

/** Without a first reading this soon after switching on, the device has no usable sensor. */
export const FIRST_READING_MS = 1000
/** Turns smaller than this (radians) ride along with the next frame instead of asking for one: sensor noise. */
const WAKE_THRESHOLD = 0.001

const gyro = {
  listening: false,
  last: null as DeviceLook | null,
  lastScreenAngle: 0,
  yaw: 0,
  pitch: 0,
  firstReading: null as (() => void) | null,
}

function screenAngle(): number {
  if (typeof screen !== 'undefined' && screen.orientation && typeof screen.orientation.angle === 'number') return screen.orientation.angle
  const legacy = (window as unknown as { orientation?: number }).orientation
  return typeof legacy === 'number' ? legacy : 0
}

function onOrientation(event: DeviceOrientationEvent) {
  const { alpha, beta, gamma } = event
  if (alpha === null || beta === null || gamma === null) return
  const angle = screenAngle()
  const look = deviceLook(alpha, beta, gamma, angle)
  const last = gyro.last
  gyro.last = look
  // A new screen orientation moves every reading at once: start afresh from there instead of turning.
  if (last && angle === gyro.lastScreenAngle) {
    const turn = lookTurn(last, look)
    gyro.yaw += turn.yaw
    gyro.pitch += turn.pitch
    if (Math.abs(turn.yaw) + Math.abs(turn.pitch) >= WAKE_THRESHOLD) wakeScene()
  }
  gyro.lastScreenAngle = angle
  gyro.firstReading?.()
}

type OrientationEventWithPermission = typeof DeviceOrientationEvent & { requestPermission?: () => Promise<'granted' | 'denied' | 'default'> }

/**
 * Switches the look on. Call it straight from a tap: iOS asks for permission only inside a user gesture. Resolves
 * 'on' once the first reading arrived, 'denied' when the visitor refused, 'unavailable' when no reading came.
 */
export async function startGyroscope(firstReadingMs = FIRST_READING_MS): Promise<GyroStart> {
  if (typeof window === 'undefined' || typeof window.DeviceOrientationEvent === 'undefined') return 'unavailable'
  const Orientation = window.DeviceOrientationEvent as OrientationEventWithPermission
  if (typeof Orientation.requestPermission === 'function') {
    try {
      if ((await Orientation.requestPermission()) !== 'granted') return 'denied'
    } catch {
      return 'denied'
    }
  }
  if (gyro.listening && gyro.last) return 'on'
  stopGyroscope()
  gyro.listening = true
  const arrived = new Promise<boolean>((resolve) => {
    const timer = setTimeout(() => resolve(false), firstReadingMs)
    gyro.firstReading = () => {
      clearTimeout(timer)
      gyro.firstReading = null
      resolve(true)
    }
  })
  window.addEventListener('deviceorientation', onOrientation)
  if (await arrived) return gyro.listening ? 'on' : 'unavailable'
  stopGyroscope()
  return 'unavailable'
}

/** Stops listening and forgets the reference reading: the next start keeps whatever heading the view has then. */
export function stopGyroscope() {
  if (typeof window !== 'undefined') window.removeEventListener('deviceorientation', onOrientation)
  gyro.listening = false
  gyro.last = null
  gyro.yaw = 0
  gyro.pitch = 0
  gyro.firstReading = null
}

/** The turn gathered since the last call (radians: yaw right-positive, pitch up-positive); read once per frame. */
export function takeGyroTurn(): { yaw: number; pitch: number } {
  const turn = { yaw: gyro.yaw, pitch: gyro.pitch }
  gyro.yaw = 0
  gyro.pitch = 0
  return turn
}
