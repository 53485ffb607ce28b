/**
 * The pace of ambient animation (the lobby cube's turn). The hall draws on demand; an animation that asked for the
 * next frame from every frame would draw the whole hall at the display's full rate (60, 120 Hz and more) for a
 * slow turn nobody can tell from 30 frames a second. So ambient motion asks for its next frame through this pacer:
 * no sooner than a 30th of a second after the frame it drew, and not at all while the tab is hidden.
 */

/** At most 30 ambient frames a second. */
export const AMBIENT_FPS = 30

/**
 * The request goes out a little before the 30th of a second is up, so the display's refresh at 33.3 ms takes it rather
 * than the one after: a frame every 33.3 ms at 60 Hz, not every 50. Small enough that no refresh of a display up to
 * 240 Hz falls between the request and the 30th of a second (it refreshes every 4.2 ms).
 */
export const VSYNC_ALLOWANCE_MS = 2

export interface Timers {
  setTimeout(callback: () => void, ms: number): unknown
  clearTimeout(handle: unknown): void
}

export interface AmbientPacer {
  /** From a frame that moved the animation: asks for the next frame a 30th of a second later, once. */
  frameDrawn(): void
  /** Nothing pending any more (the animation rested, or the hall is going away). */
  cancel(): void
  /** True while a next frame is waiting for its time. */
  readonly pending: boolean
}

const browserTimers: Timers = {
  setTimeout: (callback, ms) => setTimeout(callback, ms),
  clearTimeout: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
}

/**
 * `requestFrame` is the hall's `invalidate`; `isHidden` tells whether the page is out of sight (a hidden tab draws
 * nothing: the browser would not run the frame, and the timer alone would wake the page every second for nothing).
 */
export function createAmbientPacer(requestFrame: () => void, isHidden: () => boolean, timers: Timers = browserTimers): AmbientPacer {
  let handle: unknown = null
  return {
    frameDrawn() {
      if (handle !== null || isHidden()) return
      handle = timers.setTimeout(() => {
        handle = null
        if (!isHidden()) requestFrame()
      }, 1000 / AMBIENT_FPS - VSYNC_ALLOWANCE_MS)
    },
    cancel() {
      if (handle !== null) timers.clearTimeout(handle)
      handle = null
    },
    get pending() {
      return handle !== null
    },
  }
}

/** Whether the page is hidden (another tab, a minimised window); never where there is no document (tests, workers). */
export const pageHidden = () => typeof document !== 'undefined' && document.visibilityState === 'hidden'
