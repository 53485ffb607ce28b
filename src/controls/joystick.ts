/** The on-screen joystick's maths: a thumb offset from the pad's centre → walking intent (forward, strafe). */
import { walkIntent } from '../state/transient'
import { wakeScene } from './wake'

export const JOYSTICK = {
  /** CSS pixels from the centre at which the knob stops and the walk is at full speed. */
  radius: 44,
  /** Fraction of the radius that counts as resting: a thumb never lands exactly on the centre. */
  deadZone: 0.15,
} as const

export interface JoystickReading {
  /** +1 walks ahead (thumb pushed up), -1 backs away. */
  forward: number
  /** +1 steps right. */
  strafe: number
  /** Where to draw the knob, CSS pixels from the centre, clamped to the radius. */
  knobX: number
  knobY: number
}

/**
 * The intent of a thumb `dx`, `dy` CSS pixels from the pad's centre (y grows downwards): the direction of the push,
 * its strength growing from 0 at the dead zone's edge to 1 at the radius and beyond.
 */
export function joystickReading(dx: number, dy: number, radius: number = JOYSTICK.radius, deadZone: number = JOYSTICK.deadZone): JoystickReading {
  const distance = Math.hypot(dx, dy)
  const reach = Math.min(distance, radius)
  const knobX = distance > 0 ? (dx / distance) * reach : 0
  const knobY = distance > 0 ? (dy / distance) * reach : 0
  const push = radius > 0 ? reach / radius : 0
  if (push <= deadZone) return { forward: 0, strafe: 0, knobX, knobY }
  const strength = (push - deadZone) / (1 - deadZone)
  // `+ 0` turns a -0 into 0, so a push straight sideways reads as no forward intent at all.
  return { forward: (-dy / distance) * strength + 0, strafe: (dx / distance) * strength + 0, knobX, knobY }
}

/** Writes a reading into the shared walking intent and wakes the hall; turning stays with the keys and the drag. */
export function pushJoystick(reading: Pick<JoystickReading, 'forward' | 'strafe'>) {
  walkIntent.forward = reading.forward
  walkIntent.strafe = reading.strafe
  wakeScene()
}

/** The thumb left the pad (lifted, or the browser took the touch): stop walking. */
export function releaseJoystick() {
  pushJoystick({ forward: 0, strafe: 0 })
}
