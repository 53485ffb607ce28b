/**
 * The panoramas' manifest (`assets/panoramas/manifest.json`) and their byte budget, shared by `npm run panoramas`
 * which writes it, the freshness test which checks it against the floor plan, and the bench which reports the sizes.
 */
import type { ZoneId } from '../src/content/schema'
import type { PanoramaViewpoint } from '../src/plan/panoramas'
import type { FloorPlan } from '../src/plan/types'

export const PANORAMA_DIR = 'assets/panoramas'
export const PANORAMA_MANIFEST = `${PANORAMA_DIR}/manifest.json`
/** The budget per picture (WebP), checked by the tests and the bench. */
export const PANORAMA_BUDGET_KB = 400
/** What the generator aims at, leaving room below the budget for an encoder that packs a little worse. */
export const PANORAMA_TARGET_KB = 380

/** Where a picture was taken, rounded to what a manifest needs: millimetres and a ten-thousandth of a radian. */
export interface ManifestViewpoint {
  at: { x: number; z: number }
  eyeHeight: number
  centreYaw: number
}

export interface PanoramaEntry {
  file: string
  width: number
  height: number
  bytes: number
  /** The WebP quality it was encoded at (0–1). */
  quality: number
  viewpoint: ManifestViewpoint
}

export interface PanoramaManifest {
  /** The floor plan the pictures show (planFingerprint): stands moved since are in the wrong places. */
  plan: string
  zones: Partial<Record<ZoneId, PanoramaEntry>>
}

const round = (n: number, digits: number) => Math.round(n * 10 ** digits) / 10 ** digits || 0

export function manifestViewpoint(view: PanoramaViewpoint): ManifestViewpoint {
  return {
    at: { x: round(view.at.x, 3), z: round(view.at.z, 3) },
    eyeHeight: round(view.eyeHeight, 3),
    centreYaw: round(view.centreYaw, 4),
  }
}

/**
 * A short hash of what a panorama shows of the plan's layout: the hall, every zone's area and every stand and table
 * where it stands. Content that does not move anything (a new description) leaves it alone.
 */
export function planFingerprint(plan: FloorPlan): string {
  const rect = (r: { x: number; z: number; width: number; depth: number }) => [r.x, r.z, r.width, r.depth].map((n) => round(n, 3)).join(',')
  const parts = [
    rect(plan.hall),
    ...plan.zones.map((z) => `${z.zoneId}:${rect(z.rect)}`),
    ...plan.booths.map((b) => `${b.exhibitorId}:${rect(b.rect)}:${b.facing}`),
    ...plan.tables.map((t) => `${t.id}:${round(t.centre.x, 3)},${round(t.centre.z, 3)}`),
  ]
  // FNV-1a, 32 bits: enough to notice a change, and the same in Node and the browser
  const text = parts.join('|')
  let hash = 0x811c9dc5
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i)
    hash = Math.imul(hash, 0x01000193) >>> 0
  }
  return hash.toString(16).padStart(8, '0')
}
