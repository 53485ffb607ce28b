/** The pooled atlas behind the booth labels and the screens' title cards: each slot shows its own cell, and only changed slots move. */
import * as THREE from 'three'
import { describe, expect, it } from 'vitest'
import { UV_RECT_ATTRIBUTE } from '../../src/scene/atlasMaterial'
import { createPooledAtlas, gridSlot, reassignSlots } from '../../src/scene/pooledAtlas'

/** Four cells a row, two rows. */
const GRID = { width: 512, height: 128, slotWidth: 128, slotHeight: 64 } as const

const matrixAt = (mesh: THREE.InstancedMesh, s: number) => {
  const m = new THREE.Matrix4()
  mesh.getMatrixAt(s, m)
  return m
}
const hidden = (mesh: THREE.InstancedMesh, s: number) => new THREE.Vector3().setFromMatrixScale(matrixAt(mesh, s)).length() === 0
/** Where a candidate stands: a matrix that says which one it is. */
const placeOf = (candidate: number) => new THREE.Matrix4().makeTranslation(candidate, 0, 0)

describe('pooled atlas', () => {
  it('cuts the grid row by row and gives every instance its own cell, all hidden until handed out', () => {
    expect(gridSlot(GRID, 5)).toMatchObject({ x: 128, y: 64, width: 128, height: 64 })
    const atlas = createPooledAtlas(GRID, 6, 20, 'test-labels')
    expect(atlas.mesh.count).toBe(6)
    expect(atlas.mesh.name).toBe('test-labels')
    const uvRects = atlas.mesh.geometry.getAttribute(UV_RECT_ATTRIBUTE)
    for (let s = 0; s < 6; s++) {
      expect([uvRects.getX(s), uvRects.getY(s), uvRects.getZ(s), uvRects.getW(s)]).toEqual(gridSlot(GRID, s).uv)
      expect(hidden(atlas.mesh, s)).toBe(true)
    }
    // rows run down the canvas and up the flipped texture: the second row sits lower in UV
    expect(gridSlot(GRID, 4).uv[1]).toBeLessThan(gridSlot(GRID, 0).uv[1])
  })

  it('places and draws only the slots that changed, and hides the ones let go', () => {
    const atlas = createPooledAtlas(GRID, 3, 10, 'test-labels')
    const shown: { candidate: number; x: number; y: number }[] = []
    const show = (candidate: number, slot: { x: number; y: number }) => {
      shown.push({ candidate, x: slot.x, y: slot.y })
      return placeOf(candidate)
    }
    const placed = () => [0, 1, 2].map((s) => (hidden(atlas.mesh, s) ? null : new THREE.Vector3().setFromMatrixPosition(matrixAt(atlas.mesh, s)).x))
    const version = atlas.mesh.instanceMatrix.version

    reassignSlots(atlas, [4, 2, 7], show)
    expect(shown.map((s) => s.candidate).sort()).toEqual([2, 4, 7])
    // each drawn where its slot is in the atlas
    for (const { candidate, x, y } of shown) expect(gridSlot(GRID, atlas.pool.slotOfBooth[candidate])).toMatchObject({ x, y })
    expect(placed().sort()).toEqual([2, 4, 7])
    expect(atlas.mesh.instanceMatrix.version).toBeGreaterThan(version)

    shown.length = 0
    reassignSlots(atlas, [4, 1, 7], show)
    expect(shown.map((s) => s.candidate)).toEqual([1])
    expect(placed().sort()).toEqual([1, 4, 7])

    shown.length = 0
    reassignSlots(atlas, [7], show)
    expect(shown).toEqual([])
    expect(placed().filter((x) => x !== null)).toEqual([7])

    const unchanged = atlas.mesh.instanceMatrix.version
    reassignSlots(atlas, [7], show)
    expect(atlas.mesh.instanceMatrix.version).toBe(unchanged)
  })
})
