/** Stands are built from instanced parts: one per booth where picking needs it, shared walls drawn once. */
import { describe, expect, it } from 'vitest'
import * as THREE from 'three'
import type { BoothPlacement } from '../../src/plan/types'
import { computeBoothLayout, PER_BOOTH_PARTS } from '../../src/scene/boothLayout'

const booth = (index: number, x: number, size: BoothPlacement['size'] = 'standard'): BoothPlacement => {
  const side = size === 'standard' ? 3 : size === 'large' ? 6 : 9
  return {
    exhibitorId: `b-${index}`,
    zoneId: 'ai',
    size,
    rect: { x, z: 10, width: side, depth: side },
    facing: 'south',
    front: { x: x + side / 2, z: 10 - 1 },
    index,
  }
}

describe('booth layout', () => {
  it('draws one wall between two stands side by side, and both walls of a lone stand', () => {
    const pair = computeBoothLayout({ booths: [booth(0, 0), booth(1, 3)] }, new Map())
    expect(pair.parts.sideWalls.count).toBe(3)
    const lone = computeBoothLayout({ booths: [booth(0, 0)] }, new Map())
    expect(lone.parts.sideWalls.count).toBe(2)
  })

  it('leaves islands open on all sides', () => {
    const layout = computeBoothLayout({ booths: [booth(0, 0, 'island')] }, new Map())
    expect(layout.parts.sideWalls.count).toBe(0)
  })

  it('puts each per-booth part at the booth index, inside the booth rect', () => {
    const booths = [booth(0, 0), booth(1, 20, 'large'), booth(2, 40, 'island')]
    const layout = computeBoothLayout({ booths }, new Map())
    const position = new THREE.Vector3()
    for (const part of PER_BOOTH_PARTS) {
      expect(layout.parts[part].count).toBe(3)
      booths.forEach((b, i) => {
        position.setFromMatrixPosition(new THREE.Matrix4().fromArray(layout.parts[part].matrices, i * 16))
        // World z is the plan z negated.
        expect(position.x, `${part} ${i}`).toBeGreaterThanOrEqual(b.rect.x)
        expect(position.x, `${part} ${i}`).toBeLessThanOrEqual(b.rect.x + b.rect.width)
        expect(-position.z, `${part} ${i}`).toBeGreaterThanOrEqual(b.rect.z)
        expect(-position.z, `${part} ${i}`).toBeLessThanOrEqual(b.rect.z + b.rect.depth)
      })
    }
  })

  it('turns the counter towards the aisle the booth faces', () => {
    const layout = computeBoothLayout({ booths: [booth(0, 0)] }, new Map())
    // Facing south (towards the entrance, plan -z): the counter sits in the front half, at small plan z.
    const counterPlanZ = -layout.anchors[2]
    expect(counterPlanZ).toBeLessThan(10 + 1.5)
  })
})
