import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { AMBIENT_FPS, createAmbientPacer } from '../../src/scene/ambientPace'

/**
 * A display refreshing at `hz`: a frame asked for is drawn at the next refresh, as the browser's
 * requestAnimationFrame does, and every drawn frame tells the pacer. Returns how many frames one second drew.
 */
function framesInOneSecond(hz: number, hidden = () => false) {
  let requested = true
  let drawn = 0
  const pacer = createAmbientPacer(() => (requested = true), hidden)
  const refresh = 1000 / hz
  for (let tick = 0; tick < hz; tick++) {
    vi.advanceTimersByTime(refresh)
    if (!requested) continue
    requested = false
    drawn++
    pacer.frameDrawn()
  }
  pacer.cancel()
  return drawn
}

describe('ambient animation pace', () => {
  beforeEach(() => vi.useFakeTimers())
  afterEach(() => vi.useRealTimers())

  it.each([60, 75, 90, 120, 144, 240])('draws at most 30 frames a second on a %i Hz display, and close to 30', (hz) => {
    const frames = framesInOneSecond(hz)
    expect(frames).toBeLessThanOrEqual(AMBIENT_FPS)
    // 75 Hz refreshes every 13.3 ms: the nearest refresh after a 30th of a second is the third (40 ms, 25 a second).
    expect(frames).toBeGreaterThanOrEqual(hz === 75 ? 24 : 29)
  })

  it('asks for nothing while the page is hidden, nor when it was hidden after asking', () => {
    expect(framesInOneSecond(60, () => true)).toBe(1)

    let hidden = false
    const requestFrame = vi.fn()
    const pacer = createAmbientPacer(requestFrame, () => hidden)
    pacer.frameDrawn()
    hidden = true
    vi.advanceTimersByTime(100)
    expect(requestFrame).not.toHaveBeenCalled()
  })

  it('keeps one request at a time, and a cancelled one never fires', () => {
    const requestFrame = vi.fn()
    const pacer = createAmbientPacer(requestFrame, () => false)
    pacer.frameDrawn()
    pacer.frameDrawn()
    expect(pacer.pending).toBe(true)
    vi.advanceTimersByTime(40)
    expect(requestFrame).toHaveBeenCalledTimes(1)
    expect(pacer.pending).toBe(false)

    pacer.frameDrawn()
    pacer.cancel()
    vi.advanceTimersByTime(100)
    expect(requestFrame).toHaveBeenCalledTimes(1)
  })
})
