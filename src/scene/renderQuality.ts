/**
 * How sharp the hall is drawn: a pixel-ratio ceiling by kind of device, and a judge of the frame rate that lowers
 * (or gives back) pixel ratio. Pure logic; the scene's AdaptiveQuality applies it.
 */

export const QUALITY = {
  /** Phones start no sharper than this: a 3x screen at full ratio fills 9x the pixels for little gain. */
  phoneDprCap: 1.5,
  desktopDprCap: 2,
  /** Never below one device pixel per CSS pixel: text on signs and fascias must stay legible. */
  dprFloor: 1,
  dprStep: 0.25,
  /** Frames drawn back to back that make one verdict. */
  sampleFrames: 30,
  /** Below this the ratio drops a step; at or above `highFps` it climbs back a step. */
  lowFps: 30,
  highFps: 55,
  /** After this many changes of direction the ratio stays where it is, rather than flip-flop for ever. */
  maxFlips: 3,
  /** Screens whose shorter side is under this many CSS pixels count as phones, whatever their pointer. */
  phoneShortSide: 600,
} as const

/** Phones and tablets: a coarse (touch) pointer, or a small screen. */
export function isPhoneLike(coarsePointer: boolean, width: number, height: number): boolean {
  return coarsePointer || Math.min(width, height) < QUALITY.phoneShortSide
}

export const dprCap = (phoneLike: boolean) => (phoneLike ? QUALITY.phoneDprCap : QUALITY.desktopDprCap)

/** The ratio drawn for a ceiling `level` on a screen of `devicePixelRatio`, as R3F resolves `dpr={[floor, level]}`. */
export const effectiveDpr = (level: number, devicePixelRatio: number) =>
  Math.min(Math.max(QUALITY.dprFloor, devicePixelRatio), level)

export type FrameRateVerdict = 'lower' | 'raise' | null

/**
 * Collects the intervals between frames drawn back to back (a frame that asked for the next one) and, every
 * `sampleFrames` of them, says whether the frame rate is too low or comfortably high. The gaps of an idle,
 * on-demand hall are never fed in, so they never read as a slow frame rate.
 */
export class FrameRateJudge {
  private frames = 0
  private seconds = 0

  add(intervalSeconds: number): FrameRateVerdict {
    if (!(intervalSeconds > 0)) return null
    this.frames++
    this.seconds += intervalSeconds
    if (this.frames < QUALITY.sampleFrames) return null
    const fps = this.frames / this.seconds
    this.frames = 0
    this.seconds = 0
    return fps < QUALITY.lowFps ? 'lower' : fps >= QUALITY.highFps ? 'raise' : null
  }
}

/**
 * The pixel-ratio ceiling the hall asks R3F for (`dpr={[floor, level]}`), moved a step at a time by frame-rate
 * verdicts: down from what is actually drawn (to the floor), or back up (to the cap). After `maxFlips` changes of
 * direction it stays put.
 */
export class DprGovernor {
  level: number
  private flips = 0
  private lastMove: FrameRateVerdict = null

  constructor(
    readonly cap: number,
    private readonly devicePixelRatio: number,
  ) {
    this.level = cap
  }

  get drawn() {
    return effectiveDpr(this.level, this.devicePixelRatio)
  }

  /** Applies a verdict; returns true when the drawn ratio changed. */
  judge(verdict: FrameRateVerdict): boolean {
    if (!verdict || this.flips >= QUALITY.maxFlips) return false
    const before = this.drawn
    if (verdict === 'lower') this.level = Math.max(QUALITY.dprFloor, Math.min(this.level, before - QUALITY.dprStep))
    else {
      // Climb only where the screen has the pixels to show it.
      const ceiling = Math.min(this.cap, Math.max(QUALITY.dprFloor, this.devicePixelRatio))
      this.level = Math.min(ceiling, before + QUALITY.dprStep)
    }
    if (this.drawn === before) return false
    if (this.lastMove && this.lastMove !== verdict) this.flips++
    this.lastMove = verdict
    return true
  }
}
