/**
 * Exhibitors' logos for the fascia labels: fetched only for labelled booths near the visitor, decoded off the frame,
 * and drawn into their label's slot when they arrive (the label shows its text until then, and for good if a logo
 * fails). Where there is no Image (node tests) nothing is fetched or drawn.
 */
import { gridSlot, type PooledAtlas } from './pooledAtlas'
import type { AtlasSlot } from './canvasText'

/** Loads and decodes an image; rejects when it cannot. */
export type LoadImage = (url: string) => Promise<CanvasImageSource>

/** The browser's loader: an <img> decoded before it is handed over, so drawing it never waits on the main thread. */
export const browserLoadImage: LoadImage | null =
  typeof Image === 'undefined'
    ? null
    : (url) => {
        const image = new Image()
        image.decoding = 'async'
        image.src = url
        return image.decode().then(() => image)
      }

/** Fascias farther than this from where the visitor looks wait for their logo: at that distance it would be a few pixels. */
export const LOGO_REQUEST_RADIUS = 30

/**
 * Logos loading at once, and started per task. Each SVG <img> builds a small document of its own on the main thread
 * (3–8 ms in software rendering) in the task that starts it: thirty started together held the page for up to 300 ms
 * after a flight.
 */
export const LOGOS_IN_FLIGHT = 2

const NONE: string[] = []

interface Wanted {
  exhibitorId: string
  url: string
}

export class LogoImages {
  private readonly state = new Map<string, CanvasImageSource | 'loading' | 'failed'>()
  private readonly arrivedIds = new Set<string>()
  /** Logos to load once one of those in flight is done, nearest first. */
  private queue: Wanted[] = []
  private inFlight = 0
  /** onArrive was called for the logos waiting now: one frame draws them all. */
  private announced = false

  /**
   * `onArrive` hears that logos wait to be drawn, once all that were wanted have come (or failed): the hall asks for one
   * frame then, not one per logo. A hall at rest draws nothing else, and a frame in software rendering costs 300 ms.
   */
  constructor(
    private readonly load: LoadImage | null,
    private readonly onArrive: () => void,
    private readonly maxInFlight = LOGOS_IN_FLIGHT,
  ) {}

  /**
   * The logos wanted now, in order of need: those not loaded, loading or failed yet wait their turn, and whatever waited
   * from an earlier call and is no longer wanted is forgotten (a visitor flying across the hall does not fetch every
   * fascia passed on the way).
   */
  want(wanted: readonly Wanted[]): void {
    if (!this.load) return
    this.queue = wanted.filter((w) => !this.state.has(w.exhibitorId))
    this.startNext()
  }

  private startNext(): void {
    if (this.inFlight === 0 && this.queue.length === 0 && this.arrivedIds.size > 0 && !this.announced) {
      this.announced = true
      this.onArrive()
    }
    while (this.load && this.inFlight < this.maxInFlight && this.queue.length > 0) {
      const { exhibitorId, url } = this.queue.shift()!
      if (this.state.has(exhibitorId)) continue
      this.state.set(exhibitorId, 'loading')
      this.inFlight++
      this.load(url)
        .then(
          (image) => {
            this.state.set(exhibitorId, image)
            this.arrivedIds.add(exhibitorId)
          },
          // the label keeps its text; the logo is not asked for again in this visit
          () => this.state.set(exhibitorId, 'failed'),
        )
        .finally(() => {
          this.inFlight--
          // in a task of its own: a logo already in memory decodes at once, and starting the next from here would chain
          // every waiting logo into this one task
          setTimeout(() => this.startNext(), 0)
        })
    }
  }

  /** Logos wanted and not drawn yet: waiting their turn, loading, or arrived and waiting for their frame. */
  get waiting(): number {
    return this.queue.length + this.inFlight + this.arrivedIds.size
  }

  /** The decoded logo, or undefined while it waits, loads, failed or was never asked for. */
  image(exhibitorId: string): CanvasImageSource | undefined {
    const image = this.state.get(exhibitorId)
    return typeof image === 'object' ? image : undefined
  }

  /** Exhibitors whose logos arrived since the last call. */
  takeArrived(): string[] {
    // asked every frame: no garbage while nothing arrives
    if (this.arrivedIds.size === 0) return NONE
    const ids = [...this.arrivedIds]
    this.arrivedIds.clear()
    this.announced = false
    return ids
  }
}

/**
 * Wants the logos of the labelled booths within LOGO_REQUEST_RADIUS of (x, z), nearest first. `centres` holds x, z per
 * booth (BoothLayout.centres); `exhibitorOf` names each booth's exhibitor.
 */
export function requestLogosNear(
  atlas: PooledAtlas,
  logos: LogoImages,
  centres: Float32Array,
  x: number,
  z: number,
  exhibitorOf: (booth: number) => string,
  urlOf: (exhibitorId: string) => string | undefined,
): void {
  const { boothOfSlot } = atlas.pool
  const near: (Wanted & { distance: number })[] = []
  for (let s = 0; s < boothOfSlot.length; s++) {
    const b = boothOfSlot[s]
    if (b < 0) continue
    const distance = Math.hypot(centres[b * 2] - x, centres[b * 2 + 1] - z)
    if (distance > LOGO_REQUEST_RADIUS) continue
    const exhibitorId = exhibitorOf(b)
    const url = urlOf(exhibitorId)
    if (url) near.push({ exhibitorId, url, distance })
  }
  logos.want(near.sort((a, b) => a.distance - b.distance))
}

/**
 * Redraws the slots of booths whose logos arrived, each with its logo, and marks the texture for one upload; a booth
 * that lost its slot meanwhile is drawn with its logo when it gets one again. Returns the number of slots redrawn.
 */
export function drawArrivedLogos(
  atlas: PooledAtlas,
  logos: LogoImages,
  boothOf: ReadonlyMap<string, number>,
  draw: (booth: number, slot: AtlasSlot, ctx: CanvasRenderingContext2D, logo: CanvasImageSource) => void,
): number {
  const arrived = logos.takeArrived()
  if (!atlas.surface) return 0
  let redrawn = 0
  for (const id of arrived) {
    const b = boothOf.get(id)
    const image = logos.image(id)
    if (b === undefined || !image) continue
    const s = atlas.pool.slotOfBooth[b]
    if (s < 0) continue
    draw(b, gridSlot(atlas.grid, s), atlas.surface.ctx, image)
    redrawn++
  }
  if (redrawn > 0) atlas.texture.needsUpdate = true
  return redrawn
}
