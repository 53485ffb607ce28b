/**
 * Which stands show their products as detailed models: the few nearest the visitor's focus, fewer on phones; every
 * other stand shows plain stand-in boxes. Pure logic over the layout's booth centres, reusing the label pool's slots.
 */
import type * as THREE from 'three'
import { LabelPool, nearestBooths } from './labelPool'

export const PRODUCT_DETAIL = {
  /** Stands with detailed models at once: ~3 models of ≤250 triangles each, so at most ~30k (desktop), ~9k (phone). */
  desktopBooths: 40,
  phoneBooths: 12,
  /** How often the detailed set follows the camera, and how far the focus must have moved first. */
  followSeconds: 0.5,
  followDistance: 2,
} as const

export const detailedBoothCount = (phoneLike: boolean) => (phoneLike ? PRODUCT_DETAIL.phoneBooths : PRODUCT_DETAIL.desktopBooths)

export class ProductDetail {
  readonly pool: LabelPool

  constructor(
    readonly slots: number,
    private readonly centres: Float32Array,
    private readonly boothCount: number,
  ) {
    this.pool = new LabelPool(Math.min(slots, Math.max(1, boothCount)), boothCount)
  }

  /**
   * Makes the stands nearest (x, z) the detailed ones; returns the slots whose stand changed, each with the stand it
   * had (to give back its stand-ins) and the stand it has now (-1 when empty).
   */
  follow(x: number, z: number): { slot: number; before: number; after: number }[] {
    const before = Array.from(this.pool.boothOfSlot)
    const changed = this.pool.assign(nearestBooths(this.centres, this.boothCount, x, z, this.pool.slots))
    return changed.map((slot) => ({ slot, before: before[slot], after: this.pool.boothOfSlot[slot] }))
  }

  /** Stands shown in detail now. */
  get detailed(): number[] {
    return Array.from(this.pool.boothOfSlot).filter((b) => b >= 0)
  }
}

/** The floor point the visitor looks at: where the view meets the floor from above, a few steps ahead when walking. */
export function cameraFocus(camera: THREE.Camera, direction: THREE.Vector3): { x: number; z: number } {
  camera.getWorldDirection(direction)
  const p = camera.position
  if (p.y > 3 && direction.y < -0.05) {
    const t = Math.min(p.y / -direction.y, 150)
    return { x: p.x + direction.x * t, z: p.z + direction.z * t }
  }
  return { x: p.x + direction.x * 8, z: p.z + direction.z * 8 }
}
