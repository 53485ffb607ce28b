/**
 * A pooled label atlas: one canvas cut into equal slots, one instanced quad mesh (one draw call) whose instances each
 * show their own slot, and the LabelPool that hands the slots to the booths nearest the visitor. The booth labels
 * and the screens' title cards are both drawn this way; only what they draw and where they stand differs.
 */
import * as THREE from 'three'
import { disposeMesh } from './atlasQuads'
import { attachUvRects, createAtlasMaterial } from './atlasMaterial'
import { createCanvas2D, slotAt, textureOf, type AtlasSlot, type Canvas2D } from './canvasText'
import { LabelPool } from './labelPool'

/** An atlas of equal slots, filled row by row. */
export interface AtlasGrid {
  readonly width: number
  readonly height: number
  readonly slotWidth: number
  readonly slotHeight: number
}

export interface PooledAtlas {
  grid: AtlasGrid
  mesh: THREE.InstancedMesh
  texture: THREE.Texture
  /** Null where there is no canvas (node tests): nothing is drawn, the mesh still places its quads. */
  surface: Canvas2D | null
  pool: LabelPool
}

const _zero = new THREE.Matrix4().makeScale(0, 0, 0)

/** Slot `s` of the grid, in pixels and UV. */
export function gridSlot(grid: AtlasGrid, s: number): AtlasSlot {
  const columns = Math.floor(grid.width / grid.slotWidth)
  return slotAt((s % columns) * grid.slotWidth, Math.floor(s / columns) * grid.slotHeight, grid.slotWidth, grid.slotHeight, grid.width, grid.height)
}

/** `slots` slots for `count` candidates (booths, or stands with a screen); every slot starts hidden. */
export function createPooledAtlas(grid: AtlasGrid, slots: number, count: number, name: string): PooledAtlas {
  const surface = createCanvas2D(grid.width, grid.height)
  const texture = textureOf(surface, 4)
  const geometry = new THREE.PlaneGeometry(1, 1)
  // an InstancedMesh needs one instance at least, even with nothing to label
  const capacity = Math.max(1, slots)
  const uvRects = attachUvRects(geometry, capacity)
  const mesh = new THREE.InstancedMesh(geometry, createAtlasMaterial(texture), capacity)
  for (let s = 0; s < capacity; s++) {
    const uv = gridSlot(grid, s).uv
    uvRects.setXYZW(s, uv[0], uv[1], uv[2], uv[3])
    mesh.setMatrixAt(s, _zero)
  }
  mesh.count = slots
  mesh.name = name
  // the instances move about the whole hall: the geometry's own bounds say nothing
  mesh.frustumCulled = false
  return { grid, mesh, texture, surface, pool: new LabelPool(slots, count) }
}

export function disposePooledAtlas(atlas: PooledAtlas) {
  disposeMesh(atlas.mesh)
  atlas.texture.dispose()
}

/**
 * Hands the slots to `wanted` (candidate indices, nearest first) and redraws only the slots that changed: a freed
 * slot is hidden, a newly given one is placed by `show`, which returns the quad's matrix and draws its slot when
 * there is a canvas.
 */
export function reassignSlots(
  atlas: PooledAtlas,
  wanted: readonly number[],
  show: (candidate: number, slot: AtlasSlot, ctx: CanvasRenderingContext2D | null) => THREE.Matrix4,
) {
  const { pool, mesh, surface, texture, grid } = atlas
  const changed = pool.assign(wanted)
  if (changed.length === 0) return
  for (const s of changed) {
    const candidate = pool.boothOfSlot[s]
    mesh.setMatrixAt(s, candidate < 0 ? _zero : show(candidate, gridSlot(grid, s), surface?.ctx ?? null))
  }
  mesh.instanceMatrix.needsUpdate = true
  if (surface) texture.needsUpdate = true
}
