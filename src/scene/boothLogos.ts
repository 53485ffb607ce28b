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

const NONE: string[] = []

export class LogoImages {
  private readonly state = new Map<string, CanvasImageSource | 'loading' | 'failed'>()
  private readonly arrivedIds = new Set<string>()

  /** `onArrive` hears (once per burst of arrivals) that logos wait to be drawn: the hall asks for one frame. */
  constructor(
    private readonly load: LoadImage | null,
    private readonly onArrive: () => void,
  ) {}

  /** Starts loading the exhibitor's logo unless it is loaded, loading or failed already. */
  request(exhibitorId: string, url: string | undefined): void {
    if (!this.load || !url || this.state.has(exhibitorId)) return
    this.state.set(exhibitorId, 'loading')
    this.load(url).then(
      (image) => {
        this.state.set(exhibitorId, image)
        const first = this.arrivedIds.size === 0
        this.arrivedIds.add(exhibitorId)
        if (first) this.onArrive()
      },
      // the label keeps its text; the logo is not asked for again in this visit
      () => this.state.set(exhibitorId, 'failed'),
    )
  }

  /** The decoded logo, or undefined while it loads, failed or was never asked for. */
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
    return ids
  }
}

/**
 * Asks for the logos of the labelled booths within LOGO_REQUEST_RADIUS of (x, z). `centres` holds x, z per booth
 * (BoothLayout.centres); `exhibitorOf` names each booth's exhibitor.
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
  for (let s = 0; s < boothOfSlot.length; s++) {
    const b = boothOfSlot[s]
    if (b < 0) continue
    if (Math.hypot(centres[b * 2] - x, centres[b * 2 + 1] - z) > LOGO_REQUEST_RADIUS) continue
    const id = exhibitorOf(b)
    logos.request(id, urlOf(id))
  }
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
