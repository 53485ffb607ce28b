/** The hall's look: baked occlusion, baked contact shadows, screens that are never black, the lobby loop, the light. */
import ReactThreeTestRenderer from '@react-three/test-renderer'
import * as THREE from 'three'
import { describe, expect, it } from 'vitest'
import type { ZoneId } from '../../src/content/schema'
import { generateSyntheticExhibitors } from '../../src/content/synthetic'
import { computeFloorPlan } from '../../src/plan/floorPlan'
import { computeBoothLayout } from '../../src/scene/boothLayout'
import { createPartMeshes } from '../../src/scene/Booths'
import { PALETTE } from '../../src/scene/dimensions'
import { buildFloorShadows, floorShadows, SHADOW } from '../../src/scene/floorShadows'
import { buildArchitecture } from '../../src/scene/hallArchitecture'
import { ENVIRONMENT_FRAMES, HallLight } from '../../src/scene/HallLight'
import { LOOP_PAGES, LOOP_SECONDS, loopPageAt } from '../../src/scene/lobbyLoop'
import { environmentReceivers, FLOOR_OCCLUSION, litMaterial, withBakedOcclusion } from '../../src/scene/materials'
import { computeSigns } from '../../src/scene/signLayout'
import { createStandbyScreens, luminance, STANDBY_MIN_LUMINANCE, standbyColour } from '../../src/scene/standbyScreens'
import { loadRealPack } from '../helpers/realPack'

Object.assign(globalThis, { IS_REACT_ACT_ENVIRONMENT: true })

const realPack = loadRealPack()
const realPlan = computeFloorPlan({ zones: realPack.zones, exhibitors: realPack.exhibitors })
const zoneColours = new Map<ZoneId, string>(realPack.zones.map((z) => [z.id, z.colour]))

function syntheticHall(count: number) {
  const pack = { ...realPack, exhibitors: generateSyntheticExhibitors(count, realPack.zones, 7) }
  const plan = computeFloorPlan({ zones: pack.zones, exhibitors: pack.exhibitors })
  return { pack, plan, layout: computeBoothLayout(plan, zoneColours) }
}

describe('baked ambient occlusion', () => {
  it('darkens every stand part towards its foot, times the instance colour', () => {
    const layout = computeBoothLayout(realPlan, zoneColours)
    for (const mesh of createPartMeshes(layout)) {
      const colour = mesh.geometry.getAttribute('color')
      const position = mesh.geometry.getAttribute('position')
      expect(colour, mesh.name).toBeDefined()
      expect((mesh.material as THREE.Material).vertexColors, mesh.name).toBe(true)
      let bottom = Infinity
      let top = -Infinity
      const box = new THREE.Box3().setFromBufferAttribute(position as THREE.BufferAttribute)
      for (let i = 0; i < position.count; i++) {
        if (position.getY(i) <= box.min.y + 1e-6) bottom = Math.min(bottom, colour.getX(i))
        if (position.getY(i) >= box.max.y - 1e-6) top = Math.max(top, colour.getX(i))
      }
      expect(bottom, mesh.name).toBeLessThan(top * 0.8)
      expect(top, mesh.name).toBe(1)
    }
  })

  it('multiplies colours a geometry already has', () => {
    const box = new THREE.BoxGeometry(1, 1, 1)
    box.setAttribute('color', new THREE.Float32BufferAttribute(new Array(box.getAttribute('position').count * 3).fill(0.5), 3))
    const colour = withBakedOcclusion(box).getAttribute('color')
    const values = Array.from({ length: colour.count }, (_, i) => colour.getX(i))
    expect(Math.max(...values)).toBe(0.5)
    expect(Math.min(...values)).toBeLessThan(0.5)
  })

  it('darkens the architecture where it meets the floor', () => {
    const geometry = buildArchitecture(realPlan, realPack, computeSigns(realPlan, realPack).placements)
    const position = geometry.getAttribute('position')
    const colour = geometry.getAttribute('color')
    let atFloor = 0
    for (let i = 0; i < position.count; i++) {
      if (Math.abs(position.getY(i)) > 1e-4) continue
      atFloor++
      const brightest = Math.max(colour.getX(i), colour.getY(i), colour.getZ(i))
      expect(brightest).toBeLessThanOrEqual(1 - FLOOR_OCCLUSION.depth + 1e-6)
    }
    // Walls, column feet, the dais, chairs: a good share of the building stands on the floor.
    expect(atFloor).toBeGreaterThan(100)
  })
})

describe('baked contact shadows', () => {
  it('shades round every stand, counter and column, from dark at the foot to nothing at the reach', () => {
    const layout = computeBoothLayout(realPlan, zoneColours)
    const shadows = floorShadows(realPlan, layout).entries()
    for (const booth of realPlan.booths) {
      const x = booth.rect.x + booth.rect.width / 2
      const z = -(booth.rect.z + booth.rect.depth / 2)
      const own = shadows.find((s) => Math.abs(s.x - x) < 1e-4 && Math.abs(s.z - z) < 1e-4)
      expect(own, booth.exhibitorId).toMatchObject({ alpha: SHADOW.stand.alpha, reach: SHADOW.stand.reach })
    }
    expect(shadows.filter((s) => s.alpha === SHADOW.fitting.alpha).length).toBeGreaterThanOrEqual(realPlan.booths.length)
    expect(shadows.filter((s) => s.alpha === SHADOW.column.alpha).length).toBe(realPlan.columns.length)
    expect(shadows.every((s) => s.alpha > 0 && Math.abs(s.reach) > 0)).toBe(true)
  })

  it('costs two triangles a shadow, well under the budget in a 3000-stand hall', () => {
    const { plan, layout } = syntheticHall(3000)
    const geometry = buildFloorShadows(plan, layout) as THREE.InstancedBufferGeometry
    expect(geometry.index!.count / 3).toBe(2)
    expect(geometry.instanceCount * 2).toBeLessThan(25_000)
  })
})

describe('screens', () => {
  it('gives every screen of the hall a lit standby card in its zone colour', () => {
    for (const { plan, layout } of [{ plan: realPlan, layout: computeBoothLayout(realPlan, zoneColours) }, syntheticHall(1000)]) {
      const standby = createStandbyScreens(plan, layout, zoneColours, 'Cloud Expo')
      const screens = layout.hasScreen.reduce((n, s) => n + s, 0)
      expect(screens).toBeGreaterThan(0)
      expect(standby.mesh.count).toBe(screens)
      const colour = new THREE.Color()
      const matrix = new THREE.Matrix4()
      for (let k = 0; k < standby.mesh.count; k++) {
        standby.mesh.getColorAt(k, colour)
        expect(luminance(colour), `screen ${k}`).toBeGreaterThanOrEqual(STANDBY_MIN_LUMINANCE)
        standby.mesh.getMatrixAt(k, matrix)
        expect(Math.abs(matrix.determinant()), `screen ${k}`).toBeGreaterThan(0)
      }
      standby.dispose()
    }
  })

  it('puts a standby card away only while that screen shows its title card', () => {
    const layout = computeBoothLayout(realPlan, zoneColours)
    const standby = createStandbyScreens(realPlan, layout, zoneColours, 'Cloud Expo')
    const visible = () => {
      const matrix = new THREE.Matrix4()
      return standby.booths.filter((_, k) => (standby.mesh.getMatrixAt(k, matrix), matrix.determinant() !== 0))
    }
    const carded = standby.booths.slice(0, 3)
    standby.showAllBut(carded)
    expect(visible()).toEqual(standby.booths.slice(3))
    standby.showAllBut(standby.booths.slice(2, 4))
    expect(visible()).toEqual(standby.booths.filter((_, k) => k < 2 || k >= 4))
    standby.showAllBut([])
    expect(visible()).toEqual(standby.booths)
    standby.dispose()
  })

  it('lifts even the darkest zone colour to a lit screen', () => {
    expect(luminance(standbyColour(PALETTE.screen))).toBeGreaterThanOrEqual(STANDBY_MIN_LUMINANCE)
    expect(luminance(standbyColour('#000000'))).toBeGreaterThanOrEqual(STANDBY_MIN_LUMINANCE)
  })

  it('cycles the lobby loop through every page, the results board first', () => {
    expect(LOOP_PAGES[0]).toBe('results')
    const seen = Array.from({ length: LOOP_PAGES.length * 2 }, (_, k) => loopPageAt(k * LOOP_SECONDS + 0.5))
    expect(seen).toEqual([...LOOP_PAGES, ...LOOP_PAGES])
  })
})

describe('light', () => {
  it('renders the Lightformer environment once, not every frame', async () => {
    let cubeRenders = 0
    const update = THREE.CubeCamera.prototype.update
    // Counted, not drawn: the test renderer's WebGL stub cannot render into a cube map.
    THREE.CubeCamera.prototype.update = () => {
      cubeRenders++
    }
    try {
      const floor = litMaterial({ polished: true })
      const painted = litMaterial()
      const standard = new THREE.MeshStandardMaterial()
      const meshes = (
        <>
          <mesh material={floor} />
          <mesh material={painted} />
          <mesh material={standard} />
        </>
      )
      const renderer = await ReactThreeTestRenderer.create(
        <>
          <HallLight reach={100} />
          {meshes}
        </>,
      )
      await renderer.advanceFrames(10, 16)
      expect(cubeRenders).toBe(ENVIRONMENT_FRAMES)
      // The canvas re-renders its children (a new pixel ratio, a new plan): the cube map is not drawn again.
      await renderer.update(
        <>
          <HallLight reach={120} />
          {meshes}
        </>,
      )
      await renderer.advanceFrames(5, 16)
      expect(cubeRenders).toBe(ENVIRONMENT_FRAMES)
      // Only the polished floor mirrors it, as a cheap Lambert mix: as scene.environment it would reach every stand too.
      expect((renderer.scene.instance as unknown as THREE.Scene).environment).toBeNull()
      expect(floor).toBeInstanceOf(THREE.MeshLambertMaterial)
      expect(floor.envMap).toBeInstanceOf(THREE.Texture)
      expect(floor.combine).toBe(THREE.MixOperation)
      expect(painted.envMap).toBeNull()
      expect(standard.envMap).toBeNull()
      // a disposed floor (another hall was built) is handed nothing more
      floor.dispose()
      expect(environmentReceivers.has(floor)).toBe(false)
      await renderer.unmount()
    } finally {
      THREE.CubeCamera.prototype.update = update
    }
  })
})
