/** The hall's scene graph must not grow with the catalogue: the same meshes for 150 stands as for 3000. */
import ReactThreeTestRenderer from '@react-three/test-renderer'
import * as THREE from 'three'
import { describe, expect, it } from 'vitest'
import type { ContentPack } from '../../src/content/schema'
import { generateSyntheticExhibitors } from '../../src/content/synthetic'
import { computeFloorPlan } from '../../src/plan/floorPlan'
import type { FloorPlan } from '../../src/plan/types'
import { HallContent } from '../../src/scene/HallContent'
import { loadRealPack } from '../helpers/realPack'

// test-renderer drives React through act(); tell React this environment supports it.
Object.assign(globalThis, { IS_REACT_ACT_ENVIRONMENT: true })

const realPack = loadRealPack()

function hallOf(count: number): { pack: ContentPack; plan: FloorPlan } {
  const pack = { ...realPack, exhibitors: generateSyntheticExhibitors(count, realPack.zones, 7) }
  return { pack, plan: computeFloorPlan({ zones: pack.zones, exhibitors: pack.exhibitors }) }
}

interface Drawn {
  name: string
  instanced: boolean
  count: number
  perBooth: boolean
  triangles: number
}

/** Every mesh that reaches the GPU (invisible picking meshes excluded), with the triangles it draws. */
async function renderHall(count: number) {
  const { pack, plan } = hallOf(count)
  const renderer = await ReactThreeTestRenderer.create(<HallContent plan={plan} pack={pack} />)
  await renderer.advanceFrames(2, 16)
  const drawn: Drawn[] = []
  renderer.scene.instance.traverse((object) => {
    const mesh = object as THREE.Mesh | THREE.InstancedMesh | THREE.LineSegments
    if (!(mesh as THREE.Mesh).isMesh && !(mesh as THREE.LineSegments).isLineSegments) return
    const material = mesh.material as THREE.Material
    if (!material.visible) return
    const perBooth = mesh.userData.perBooth === true
    const instanced = (mesh as THREE.InstancedMesh).isInstancedMesh === true
    const instances = instanced ? (mesh as THREE.InstancedMesh).count : 1
    const geometry = mesh.geometry
    const vertices = geometry.index ? geometry.index.count : geometry.getAttribute('position').count
    drawn.push({
      name: mesh.name,
      instanced,
      count: instances,
      perBooth,
      triangles: (mesh as THREE.Mesh).isMesh ? (vertices / 3) * instances : 0,
    })
  })
  await renderer.unmount()
  return { plan, drawn }
}

describe('hall scene', () => {
  it('draws the same meshes for 150 stands as for 3000', async () => {
    const small = await renderHall(150)
    const large = await renderHall(3000)
    expect(large.drawn.length).toBe(small.drawn.length)
    expect(large.drawn.filter((d) => d.instanced).length).toBe(small.drawn.filter((d) => d.instanced).length)
    expect(large.drawn.map((d) => d.name).sort()).toEqual(small.drawn.map((d) => d.name).sort())
    // Well inside the 100 draw-call budget, with room for the overlay's needs (issue 12's look added the carpets,
    // the contact shadows, the standby screens and the lobby loop: four).
    expect(large.drawn.length).toBeLessThanOrEqual(44)
  })

  it('gives every per-booth part one instance per stand, at the booth index', async () => {
    for (const count of [150, 3000]) {
      const { plan, drawn } = await renderHall(count)
      const perBooth = drawn.filter((d) => d.perBooth)
      expect(perBooth.map((d) => d.name).sort()).toEqual(['booth-backWall', 'booth-counter', 'booth-display', 'booth-fascia', 'booth-platform'])
      for (const part of perBooth) expect(part.count, part.name).toBe(plan.booths.length)
      expect(plan.booths.every((b, i) => b.index === i)).toBe(true)
    }
  })

  it('keeps a 3000-stand hall under 400k triangles even with everything in view', async () => {
    const { drawn } = await renderHall(3000)
    const triangles = drawn.reduce((sum, d) => sum + d.triangles, 0)
    if (process.env.SCENE_REPORT) console.table(drawn)
    expect(triangles).toBeLessThan(400_000)
  })
})
