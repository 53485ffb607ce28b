/** The product library and the stands' products: every kind builds small, variants differ, and detail follows the visitor. */
import * as THREE from 'three'
import { describe, expect, it } from 'vitest'
import { PRODUCT_KINDS } from '../../src/content/schema'
import { generateSyntheticExhibitors } from '../../src/content/synthetic'
import { computeFloorPlan } from '../../src/plan/floorPlan'
import { computeBoothLayout, MAX_PRODUCTS_PER_BOOTH } from '../../src/scene/boothLayout'
import { createProductMeshes, followFocus } from '../../src/scene/BoothProducts'
import { detailedBoothCount, PRODUCT_DETAIL } from '../../src/scene/productDetail'
import { buildProductGeometry, triangleCount, VARIANTS } from '../../src/scene/products'
import { loadRealPack } from '../helpers/realPack'

const realPack = loadRealPack()

function layoutOf(count: number | null) {
  const exhibitors = count === null ? realPack.exhibitors : generateSyntheticExhibitors(count, realPack.zones, 7)
  const plan = computeFloorPlan({ zones: realPack.zones, exhibitors })
  const products = new Map(exhibitors.map((e) => [e.id, e.products]))
  const layout = computeBoothLayout(plan, new Map(realPack.zones.map((z) => [z.id, z.colour])), (id) => products.get(id))
  return { plan, layout }
}

describe('the product library', () => {
  it('builds every kind in every variant as one coloured geometry of 40 to 250 triangles, within about a metre', () => {
    for (const kind of PRODUCT_KINDS)
      for (const variant of VARIANTS) {
        const geometry = buildProductGeometry(kind, variant)
        const what = `${kind} ${variant}`
        expect(geometry.getAttribute('color').count, what).toBe(geometry.getAttribute('position').count)
        expect(triangleCount(geometry), what).toBeGreaterThanOrEqual(40)
        expect(triangleCount(geometry), what).toBeLessThanOrEqual(250)
        const box = geometry.boundingBox!
        expect(box.min.y, what).toBeGreaterThanOrEqual(-0.01)
        expect(box.max.y, what).toBeLessThanOrEqual(1.2)
        expect(box.max.x - box.min.x, what).toBeLessThanOrEqual(1.3)
        expect(box.max.z - box.min.z, what).toBeLessThanOrEqual(1.05)
        geometry.dispose()
      }
  })

  it('paints only the main body in the product colour: its vertices are white and marked, the other parts keep theirs', () => {
    for (const kind of PRODUCT_KINDS)
      for (const variant of VARIANTS) {
        const geometry = buildProductGeometry(kind, variant)
        const tint = geometry.getAttribute('tint')
        const colour = geometry.getAttribute('color')
        let main = 0
        let other = 0
        for (let i = 0; i < tint.count; i++) {
          if (tint.getX(i) === 1) {
            main++
            expect([colour.getX(i), colour.getY(i), colour.getZ(i)], `${kind} ${variant}`).toEqual([1, 1, 1])
          } else other++
        }
        expect(main, `${kind} ${variant} has a body`).toBeGreaterThan(0)
        expect(other + main).toBe(tint.count)
        geometry.dispose()
      }
  })

  it('gives each kind three different shapes', () => {
    for (const kind of PRODUCT_KINDS) {
      const shapes = VARIANTS.map((v) => {
        const geometry = buildProductGeometry(kind, v)
        const key = Array.from(geometry.getAttribute('position').array as Float32Array, (x) => x.toFixed(3)).join(',')
        geometry.dispose()
        return key
      })
      expect(new Set(shapes).size, kind).toBe(3)
    }
  })
})

describe('products on the stands', () => {
  it('puts up to three of each exhibitor’s products on its stand, inside the stand', () => {
    const { plan, layout } = layoutOf(null)
    const { products } = layout
    const position = new THREE.Vector3()
    for (const booth of plan.booths) {
      const shown = products.countOfBooth[booth.index]
      expect(shown).toBeGreaterThanOrEqual(2)
      expect(shown).toBeLessThanOrEqual(MAX_PRODUCTS_PER_BOOTH)
      for (let k = 0; k < shown; k++) {
        position.setFromMatrixPosition(new THREE.Matrix4().fromArray(products.matrices, (products.firstOfBooth[booth.index] + k) * 16))
        expect(position.x).toBeGreaterThanOrEqual(booth.rect.x)
        expect(position.x).toBeLessThanOrEqual(booth.rect.x + booth.rect.width)
        expect(-position.z).toBeGreaterThanOrEqual(booth.rect.z)
        expect(-position.z).toBeLessThanOrEqual(booth.rect.z + booth.rect.depth)
      }
    }
  })

  it('draws all products of 150 or 3000 stands with the same two meshes: one merged mesh for every kind, one for stand-ins', () => {
    for (const count of [150, 3000]) {
      const { layout } = layoutOf(count)
      const meshes = createProductMeshes(layout, detailedBoothCount(false))
      // one plain mesh, one draw call with or without WEBGL_multi_draw, whatever kinds the near stands show
      expect(meshes.detail.mesh.isMesh && !(meshes.detail.mesh as THREE.InstancedMesh).isInstancedMesh).toBe(true)
      expect(meshes.detail.capacity).toBe(detailedBoothCount(false) * MAX_PRODUCTS_PER_BOOTH)
      expect(meshes.far.isInstancedMesh).toBe(true)
      expect(meshes.far.count).toBe(layout.products.proxyCount)
      meshes.detail.dispose()
    }
  })

  it('paints the main body of a detailed product in its colour and leaves its other parts as modelled', () => {
    const { layout } = layoutOf(150)
    const meshes = createProductMeshes(layout, detailedBoothCount(false))
    const kind = PRODUCT_KINDS.indexOf('robot-arm') * VARIANTS.length
    const model = buildProductGeometry('robot-arm', 0)
    const flat = model.index ? model.toNonIndexed() : model
    const red = new THREE.Color(1, 0, 0)
    meshes.detail.set(0, kind, new THREE.Matrix4(), red)
    const colours = meshes.detail.mesh.geometry.getAttribute('color')
    const own = flat.getAttribute('color')
    const tint = flat.getAttribute('tint')
    let painted = 0
    for (let i = 0; i < flat.getAttribute('position').count; i++) {
      if (tint.getX(i) === 1) {
        painted++
        expect(colours.getY(i)).toBe(0)
      } else expect(colours.getY(i)).toBeCloseTo(own.getY(i))
    }
    expect(painted).toBeGreaterThan(0)
    meshes.detail.clear(0)
    const position = meshes.detail.mesh.geometry.getAttribute('position')
    for (let i = 0; i < meshes.detail.slotVertices; i++) expect(position.getX(i)).toBe(0)
    meshes.detail.dispose()
  })

  it('details at most the nearest few stands, fewer on phones, and gives the stand-ins back to stands it leaves', () => {
    const { layout } = layoutOf(3000)
    const { products } = layout
    expect(detailedBoothCount(true)).toBeLessThan(detailedBoothCount(false))
    for (const phone of [false, true]) {
      const meshes = createProductMeshes(layout, detailedBoothCount(phone))
      const limit = phone ? PRODUCT_DETAIL.phoneBooths : PRODUCT_DETAIL.desktopBooths
      // a hidden stand-in is scaled to nothing: its rotation-and-scale part is all zeros
      const proxyIsHidden = (proxy: number) => meshes.far.instanceMatrix.array.slice(proxy * 16, proxy * 16 + 12).every((v) => v === 0)
      let previous: number[] = []
      for (const [x, z] of [
        [0, 0],
        [60, -40],
        [-80, -120],
        [0, 0],
      ]) {
        followFocus(meshes, layout, x, z)
        const detailed = meshes.detailSet.detailed
        expect(detailed.length).toBe(limit)
        let visible = 0
        for (let i = 0; i < meshes.detail.capacity; i++) if (meshes.detail.modelAt(i) >= 0) visible++
        expect(visible).toBe(detailed.reduce((sum, b) => sum + products.countOfBooth[b], 0))
        expect(visible).toBeLessThanOrEqual(limit * MAX_PRODUCTS_PER_BOOTH)
        for (const b of detailed)
          for (let k = 0; k < products.countOfBooth[b]; k++) {
            const proxy = products.proxyOf[products.firstOfBooth[b] + k]
            if (proxy >= 0) expect(proxyIsHidden(proxy)).toBe(true)
          }
        for (const b of previous.filter((b) => !detailed.includes(b)))
          for (let k = 0; k < products.countOfBooth[b]; k++) {
            const proxy = products.proxyOf[products.firstOfBooth[b] + k]
            if (proxy >= 0) expect(proxyIsHidden(proxy), `stand ${b} left the detailed set`).toBe(false)
          }
        previous = detailed
      }
      meshes.detail.dispose()
    }
  })
})
