/**
 * The stands' products: detailed library models on the stands nearest the visitor (merged into fixed slots of one mesh,
 * one draw call for every kind: productSlots.ts), plain boxes of the same size and colour everywhere else (one InstancedMesh). The detailed set follows
 * the camera at most twice a second, and once more when it comes to rest, so an idle hall still draws nothing.
 */
import { useFrame } from '@react-three/fiber'
import { useEffect, useMemo, useRef } from 'react'
import * as THREE from 'three'
import type { BoothLayout } from './boothLayout'
import { MAX_PRODUCTS_PER_BOOTH } from './boothLayout'
import { useHeldBackFrame } from './heldBackFrame'
import { openBox } from './mergedGeometry'
import { cameraFocus, detailedBoothCount, PRODUCT_DETAIL, ProductDetail } from './productDetail'
import { buildProductGeometry, MODEL_COUNT, VARIANTS } from './products'
import { ProductSlots } from './productSlots'
import { PRODUCT_KINDS } from '../content/schema'
import { isPhoneLike } from './renderQuality'
import { usePageCamera } from './pageCamera'

const _m = new THREE.Matrix4()
const _zero = new THREE.Matrix4().makeScale(0, 0, 0)
const _c = new THREE.Color()
const _dir = new THREE.Vector3()

export interface ProductMeshes {
  /** Stand-in boxes for every product of every stand, hidden on the detailed stands. */
  far: THREE.InstancedMesh
  /** Detailed models: `MAX_PRODUCTS_PER_BOOTH` model slots per detailed stand. */
  detail: ProductSlots
  detailSet: ProductDetail
}

/** Builds both meshes; `detailBooths` is how many stands show detailed models at once. */
export function createProductMeshes(layout: BoothLayout, detailBooths: number): ProductMeshes {
  const { products } = layout
  const capacity = Math.max(1, products.proxyCount)
  const far = new THREE.InstancedMesh(openBox(['ny']), new THREE.MeshLambertMaterial({ color: '#ffffff' }), capacity)
  far.instanceMatrix.array.set(products.proxyMatrices.subarray(0, capacity * 16))
  far.instanceColor = new THREE.InstancedBufferAttribute(products.proxyColours.slice(0, capacity * 3), 3)
  far.count = products.proxyCount
  far.name = 'booth-products-far'
  far.computeBoundingSphere()

  const geometries = PRODUCT_KINDS.flatMap((kind) => VARIANTS.map((variant) => buildProductGeometry(kind, variant)))
  if (geometries.length !== MODEL_COUNT) throw new Error('product library and model indices disagree')
  const detailSet = new ProductDetail(detailBooths, layout.centres, layout.count)
  // The colours are baked per slot (the body in the product's colour), so a plain vertex-coloured material draws them.
  const detail = new ProductSlots(detailSet.pool.slots * MAX_PRODUCTS_PER_BOOTH, geometries, new THREE.MeshLambertMaterial({ color: '#ffffff', vertexColors: true }))
  geometries.forEach((g) => g.dispose())
  detail.mesh.name = 'booth-products-detail'
  return { far, detail, detailSet }
}

/** Moves the detailed set to the stands nearest (x, z): their stand-ins hide, their models show. */
export function followFocus(meshes: ProductMeshes, layout: BoothLayout, x: number, z: number) {
  const { products } = layout
  const { far, detail, detailSet } = meshes
  const changes = detailSet.follow(x, z)
  for (const { slot, before, after } of changes) {
    if (before >= 0) {
      for (let k = 0; k < products.countOfBooth[before]; k++) {
        const proxy = products.proxyOf[products.firstOfBooth[before] + k]
        if (proxy >= 0) far.setMatrixAt(proxy, _m.fromArray(products.proxyMatrices, proxy * 16))
      }
    }
    for (let k = 0; k < MAX_PRODUCTS_PER_BOOTH; k++) {
      const id = slot * MAX_PRODUCTS_PER_BOOTH + k
      const shown = after >= 0 && k < products.countOfBooth[after]
      if (!shown) {
        detail.clear(id)
        continue
      }
      const n = products.firstOfBooth[after] + k
      detail.set(id, products.models[n], _m.fromArray(products.matrices, n * 16), _c.fromArray(products.colours, n * 3))
      const proxy = products.proxyOf[n]
      if (proxy >= 0) far.setMatrixAt(proxy, _zero)
    }
  }
  if (changes.length > 0) far.instanceMatrix.needsUpdate = true
  return changes.length
}

function phoneLikeDevice() {
  if (typeof window === 'undefined') return false
  const coarse = typeof window.matchMedia === 'function' && window.matchMedia('(pointer: coarse)').matches
  return isPhoneLike(coarse, window.innerWidth, window.innerHeight)
}

export function BoothProducts({ layout }: { layout: BoothLayout }) {
  const meshes = useMemo(() => createProductMeshes(layout, detailedBoothCount(phoneLikeDevice())), [layout])
  useEffect(
    () => () => {
      meshes.far.geometry.dispose()
      ;(meshes.far.material as THREE.Material).dispose()
      meshes.detail.dispose()
    },
    [meshes],
  )
  const last = useRef({ time: -Infinity, x: Infinity, z: Infinity })
  const holdBack = useHeldBackFrame()

  const camera = usePageCamera()
  useFrame(({ clock, invalidate }) => {
    const now = clock.elapsedTime
    const l = last.current
    const focus = cameraFocus(camera, _dir)
    if (Math.hypot(focus.x - l.x, focus.z - l.z) < PRODUCT_DETAIL.followDistance && l.time > -Infinity) return
    if (holdBack(PRODUCT_DETAIL.followSeconds - (now - l.time), invalidate)) return
    last.current = { time: now, x: focus.x, z: focus.z }
    // runs before this frame is drawn, so the frame shows the new set
    followFocus(meshes, layout, focus.x, focus.z)
  })

  return (
    <>
      <primitive object={meshes.far} />
      <primitive object={meshes.detail.mesh} />
    </>
  )
}
