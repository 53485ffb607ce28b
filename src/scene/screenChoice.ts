/**
 * Which screens with a source get a video: only those near the visitor (a few booths' distance) and in the camera's
 * view, nearest first, at most a couple, and never one whose source already failed. Pure, so it is tested directly.
 */

/** A screen that could play: its id and the centre of its face in world metres. */
export interface ScreenSpot {
  screen: string
  x: number
  y: number
  z: number
  /** Larger screens play from further away: the distances are multiplied by this (1 for a booth's screen). */
  reach?: number
}

export interface ScreenChoiceOptions {
  /** Start a video within this many metres. */
  near: number
  /** Keep one playing until it is this far: walking along the edge does not start and stop it. */
  keep: number
  /** At most this many videos at once. */
  max: number
}

/** About three stands along an aisle; the lobby's board is larger and reads from further away (see Screens.tsx). */
export const SCREEN_CHOICE: ScreenChoiceOptions = { near: 12, keep: 16, max: 1 }

/**
 * The screens to play now, nearest first. `inView` says whether a spot is inside the camera's view (the frustum,
 * with the screen's size as margin); `playing` are the ones playing now, which keep their place up to `keep` metres.
 */
export function chooseScreens(
  spots: readonly ScreenSpot[],
  camera: { x: number; y: number; z: number },
  inView: (spot: ScreenSpot) => boolean,
  playing: ReadonlySet<string>,
  options: ScreenChoiceOptions = SCREEN_CHOICE,
): string[] {
  const candidates: { screen: string; distance: number }[] = []
  for (const spot of spots) {
    const distance = Math.hypot(spot.x - camera.x, spot.y - camera.y, spot.z - camera.z)
    const reach = (playing.has(spot.screen) ? options.keep : options.near) * (spot.reach ?? 1)
    if (distance > reach || !inView(spot)) continue
    candidates.push({ screen: spot.screen, distance })
  }
  // one playing now stays ahead of a newcomer at the same distance, so two screens at the edge do not take turns
  candidates.sort((a, b) => a.distance - (playing.has(a.screen) ? 1 : 0) - (b.distance - (playing.has(b.screen) ? 1 : 0)))
  return candidates.slice(0, options.max).map((c) => c.screen)
}
