/** The on-screen joystick: a thumb's offset from the pad's centre becomes a walking intent. */
import { afterEach, describe, expect, it } from 'vitest'
import { JOYSTICK, joystickReading, pushJoystick, releaseJoystick } from '../../src/controls/joystick'
import { onWake } from '../../src/controls/wake'
import { walkIntent } from '../../src/state/transient'

const R = JOYSTICK.radius

describe('joystick', () => {
  afterEach(() => releaseJoystick())

  it('walks ahead when pushed up and backs away when pulled down, at full speed at the rim', () => {
    expect(joystickReading(0, -R)).toMatchObject({ forward: 1, strafe: 0 })
    expect(joystickReading(0, R)).toMatchObject({ forward: -1, strafe: 0 })
  })

  it('steps right when pushed right and left when pushed left', () => {
    expect(joystickReading(R, 0)).toMatchObject({ forward: 0, strafe: 1 })
    expect(joystickReading(-R, 0)).toMatchObject({ forward: 0, strafe: -1 })
  })

  it('ignores a thumb resting near the centre', () => {
    const rest = joystickReading(R * JOYSTICK.deadZone * 0.9, 0)
    expect(rest.forward).toBe(0)
    expect(rest.strafe).toBe(0)
  })

  it('grows from nothing at the dead zone to full speed at the rim, never beyond', () => {
    const half = joystickReading(0, -R * (JOYSTICK.deadZone + (1 - JOYSTICK.deadZone) / 2))
    expect(half.forward).toBeCloseTo(0.5, 5)
    const far = joystickReading(3 * R, -3 * R)
    expect(Math.hypot(far.forward, far.strafe)).toBeCloseTo(1, 5)
    expect(far.forward).toBeCloseTo(Math.SQRT1_2, 5)
    expect(far.strafe).toBeCloseTo(Math.SQRT1_2, 5)
  })

  it('keeps the knob on the pad however far the thumb slides', () => {
    const far = joystickReading(5 * R, 0)
    expect(far.knobX).toBeCloseTo(R, 5)
    expect(far.knobY).toBeCloseTo(0, 5)
    expect(joystickReading(0, 0)).toEqual({ forward: 0, strafe: 0, knobX: 0, knobY: 0 })
  })

  it('writes the walking intent, wakes the hall, and stops the walker on release', () => {
    let wakes = 0
    const off = onWake(() => wakes++)
    walkIntent.turn = 1
    pushJoystick(joystickReading(0, -R))
    expect(walkIntent).toMatchObject({ forward: 1, strafe: 0, turn: 1 })
    releaseJoystick()
    expect(walkIntent).toMatchObject({ forward: 0, strafe: 0, turn: 1 })
    expect(wakes).toBe(2)
    walkIntent.turn = 0
    off()
  })
})
