/** Gyroscope look: phone turns become view turns relative to the heading the visitor had when it was switched on. */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { deviceLook, lookTurn, startGyroscope, stopGyroscope, takeGyroTurn } from '../../src/controls/gyroscope'

const DEG = Math.PI / 180

describe('device look', () => {
  it('reads a phone held upright in portrait as looking level', () => {
    expect(deviceLook(0, 90, 0).pitch).toBeCloseTo(0, 6)
  })

  it('turns the view right when the phone turns right (alpha falls), and back', () => {
    expect(lookTurn(deviceLook(40, 90, 0), deviceLook(10, 90, 0)).yaw).toBeCloseTo(30 * DEG, 6)
    expect(lookTurn(deviceLook(10, 90, 0), deviceLook(40, 90, 0)).yaw).toBeCloseTo(-30 * DEG, 6)
  })

  it('looks up when the top of the phone tips back', () => {
    const turn = lookTurn(deviceLook(0, 90, 0), deviceLook(0, 105, 0))
    expect(turn.pitch).toBeCloseTo(15 * DEG, 6)
    expect(turn.yaw).toBeCloseTo(0, 6)
  })

  it('takes the short way round past north', () => {
    expect(lookTurn(deviceLook(350, 90, 0), deviceLook(10, 90, 0)).yaw).toBeCloseTo(-20 * DEG, 6)
  })

  it('turns the same way with the phone held in landscape', () => {
    const turn = lookTurn(deviceLook(0, 0, -90, 90), deviceLook(30, 0, -90, 90))
    expect(turn.yaw).toBeCloseTo(-30 * DEG, 6)
    expect(turn.pitch).toBeCloseTo(0, 6)
  })
})

type Listener = (event: Event) => void

/** A window with deviceorientation events, as a phone browser has. */
function fakePhone(requestPermission?: () => Promise<'granted' | 'denied'>) {
  const target = new EventTarget()
  class FakeOrientationEvent extends Event {}
  Object.assign(FakeOrientationEvent, requestPermission ? { requestPermission } : {})
  const fake = {
    DeviceOrientationEvent: FakeOrientationEvent,
    addEventListener: (type: string, listener: Listener) => target.addEventListener(type, listener),
    removeEventListener: (type: string, listener: Listener) => target.removeEventListener(type, listener),
  }
  vi.stubGlobal('window', fake)
  return {
    turnTo(alpha: number, beta = 90, gamma = 0) {
      target.dispatchEvent(Object.assign(new Event('deviceorientation'), { alpha, beta, gamma }))
    },
  }
}

describe('gyroscope controller', () => {
  beforeEach(() => vi.useFakeTimers())
  afterEach(() => {
    stopGyroscope()
    vi.useRealTimers()
    vi.unstubAllGlobals()
  })

  it('keeps the current heading when switched on, then follows the phone', async () => {
    const phone = fakePhone()
    const started = startGyroscope()
    // Pointing anywhere at all when switched on: that reading is the reference, not a turn.
    phone.turnTo(200)
    expect(await started).toBe('on')
    expect(takeGyroTurn()).toEqual({ yaw: 0, pitch: 0 })
    phone.turnTo(190)
    phone.turnTo(185)
    expect(takeGyroTurn().yaw).toBeCloseTo(15 * DEG, 6)
    // Taken once: the next frame starts from nothing.
    expect(takeGyroTurn()).toEqual({ yaw: 0, pitch: 0 })
  })

  it('falls back when no reading comes within a second', async () => {
    fakePhone()
    const started = startGyroscope()
    await vi.advanceTimersByTimeAsync(1100)
    expect(await started).toBe('unavailable')
  })

  it('asks for permission where the browser requires it, and falls back when refused', async () => {
    let asked = 0
    fakePhone(async () => {
      asked++
      return 'denied'
    })
    expect(await startGyroscope()).toBe('denied')
    expect(asked).toBe(1)
  })

  it('ignores readings without angles (a desktop browser without sensors)', async () => {
    const phone = fakePhone()
    const started = startGyroscope()
    phone.turnTo(null as unknown as number, null as unknown as number, null as unknown as number)
    await vi.advanceTimersByTimeAsync(1100)
    expect(await started).toBe('unavailable')
  })
})
