/**
 * The hall draws only when something changes. Input that starts motion outside the frame loop (keys, the joystick,
 * a drag, the gyroscope) calls `wakeScene()`; the hall registers what waking means (a redraw) and the lobby cube
 * reads `activity.at` to know how long the visitor has been idle.
 */

/** performance.now() of the last input or camera move; 0 before any. */
export const activity = { at: 0 }

const sleepers = new Set<() => void>()

const now = () => (typeof performance !== 'undefined' ? performance.now() : Date.now())

/** Registers what a wake-up does (the hall's `invalidate`); returns the function that unregisters it. */
export function onWake(redraw: () => void): () => void {
  sleepers.add(redraw)
  return () => void sleepers.delete(redraw)
}

/** Something moved or will move: note the activity and ask for a frame. */
export function wakeScene() {
  activity.at = now()
  sleepers.forEach((redraw) => redraw())
}

/** The camera moved inside the frame loop (which already keeps itself drawing): note the activity only. */
export function noteActivity() {
  activity.at = now()
}
