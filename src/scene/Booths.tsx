/** Every stand of the hall as one InstancedMesh per part type, with hover and click picking by instance id. */
import type { ThreeEvent } from '@react-three/fiber'
import { useThree } from '@react-three/fiber'
import { useEffect, useMemo } from 'react'
import * as THREE from 'three'
import type { FloorPlan } from '../plan/types'
import { useExpoStore } from '../state/store'
import { disposeMesh } from './atlasQuads'
import { BoothProducts } from './BoothProducts'
import { BOOTH_PARTS, isPerBoothPart, MAX_INSTANCES_PER_BOOTH, type BoothLayout, type BoothPart } from './boothLayout'
import { PALETTE } from './dimensions'
import { boothPartMaterial, withBakedOcclusion } from './materials'
import { openBox } from './mergedGeometry'
import { sceneRegistry } from './sceneRegistry'

/** Geometry per part: unseen bottom faces are left out, they would cost triangles in every one of 3000 stands. */
const PART_GEOMETRY: Record<BoothPart, () => THREE.BufferGeometry> = {
  platform: () => openBox(['ny']),
  backWall: () => openBox(['ny']),
  sideWalls: () => openBox(['ny']),
  fascia: () => new THREE.BoxGeometry(1, 1, 1),
  counter: () => openBox(['ny']),
  display: () => openBox(['ny']),
}

/** Clicks travel less than this many CSS pixels between press and release; longer moves are drags. */
export const CLICK_TOLERANCE_PX = 5

/**
 * Whether a click was a drag that ended on the object (a look round with the mouse), not a click on it. A headset's
 * ray has no screen to drag across: its events have no `delta` (reading it throws), and its clicks always count.
 */
export function draggedBeforeClick(e: ThreeEvent<MouseEvent>) {
  try {
    return e.delta >= CLICK_TOLERANCE_PX
  } catch {
    return false
  }
}

export function createPartMeshes(layout: BoothLayout) {
  return BOOTH_PARTS.map((part) => {
    const { matrices, colours, count } = layout.parts[part]
    const capacity = Math.max(1, layout.count * MAX_INSTANCES_PER_BOOTH[part])
    const mesh = new THREE.InstancedMesh(withBakedOcclusion(PART_GEOMETRY[part]()), boothPartMaterial(), capacity)
    mesh.instanceMatrix.array.set(matrices.subarray(0, capacity * 16))
    mesh.instanceColor = new THREE.InstancedBufferAttribute(colours.slice(0, capacity * 3), 3)
    mesh.count = count
    mesh.name = `booth-${part}`
    mesh.userData.boothPart = part
    // Per-booth parts are indexed by BoothPlacement.index; packed parts only hold the stands that have them.
    mesh.userData.perBooth = isPerBoothPart(part)
    mesh.computeBoundingSphere()
    return mesh
  })
}

/** Invisible boxes round each stand: what the pointer picks (no draw call: the material is not visible). */
export function createHitMesh(layout: BoothLayout) {
  const mesh = new THREE.InstancedMesh(new THREE.BoxGeometry(1, 1, 1), new THREE.MeshBasicMaterial({ visible: false }), Math.max(1, layout.count))
  mesh.instanceMatrix.array.set(layout.hitMatrices.subarray(0, Math.max(1, layout.count) * 16))
  mesh.count = layout.count
  mesh.name = 'booth-hit'
  mesh.computeBoundingSphere()
  return mesh
}

function createOutline(hex: string, name: string) {
  const outline = new THREE.LineSegments(
    new THREE.EdgesGeometry(new THREE.BoxGeometry(1, 1, 1)),
    new THREE.LineBasicMaterial({ color: hex, toneMapped: false }),
  )
  outline.name = name
  outline.visible = false
  outline.matrixAutoUpdate = false
  outline.frustumCulled = false
  return outline
}

const _rest = new THREE.Color()
const _highlight = new THREE.Color(PALETTE.hover)
const _open = new THREE.Color(PALETTE.open).lerp(new THREE.Color('#ffffff'), 0.55)

export function Booths({ plan, layout }: { plan: FloorPlan; layout: BoothLayout }) {
  const gl = useThree((s) => s.gl)
  const parts = useMemo(() => createPartMeshes(layout), [layout])
  const hit = useMemo(() => createHitMesh(layout), [layout])
  const hoverOutline = useMemo(() => createOutline(PALETTE.hover, 'booth-hover-outline'), [])
  const openOutline = useMemo(() => createOutline(PALETTE.open, 'booth-open-outline'), [])
  const indexOf = useMemo(() => new Map(plan.booths.map((b) => [b.exhibitorId, b.index])), [plan])

  useEffect(() => {
    // The debug API picks through the same boxes the pointer does.
    if (sceneRegistry.booths) sceneRegistry.booths.hit = hit
    else sceneRegistry.booths = { layout, indexOf, hit }
    return () => {
      if (sceneRegistry.booths?.hit === hit) sceneRegistry.booths.hit = null
      parts.forEach(disposeMesh)
      disposeMesh(hit)
    }
  }, [parts, hit, layout, indexOf])
  useEffect(
    () => () => {
      disposeMesh(hoverOutline)
      disposeMesh(openOutline)
    },
    [hoverOutline, openOutline],
  )

  // Highlights follow the store without re-rendering React: tint the platform and draw an outline round the stand.
  useEffect(() => {
    const platform = parts.find((m) => m.userData.boothPart === 'platform')!
    const restore = (outline: THREE.LineSegments) => {
      const previous = outline.userData.index as number | undefined
      if (previous !== undefined) platform.setColorAt(previous, _rest.fromArray(layout.parts.platform.colours, previous * 3))
      outline.userData.index = undefined
      outline.visible = false
    }
    const show = (outline: THREE.LineSegments, id: string | null, tint: THREE.Color) => {
      const index = id ? indexOf.get(id) : undefined
      if (index === undefined) return
      outline.matrix.fromArray(layout.hitMatrices, index * 16)
      outline.matrixWorldNeedsUpdate = true
      outline.visible = true
      outline.userData.index = index
      platform.setColorAt(index, tint)
    }
    const apply = () => {
      const { hoveredBoothId, openBoothId } = useExpoStore.getState()
      restore(hoverOutline)
      restore(openOutline)
      show(openOutline, openBoothId, _open)
      // The open booth keeps its own tint when the pointer is over it.
      if (hoveredBoothId !== openBoothId) show(hoverOutline, hoveredBoothId, _highlight)
      if (platform.instanceColor) platform.instanceColor.needsUpdate = true
    }
    apply()
    const unsubscribe = useExpoStore.subscribe(
      (s) => [s.hoveredBoothId, s.openBoothId] as const,
      apply,
      { equalityFn: (a, b) => a[0] === b[0] && a[1] === b[1] },
    )
    return () => {
      unsubscribe()
      useExpoStore.getState().actions.hoverBooth(null)
      gl.domElement.style.cursor = ''
    }
  }, [parts, layout, indexOf, hoverOutline, openOutline, gl])

  const boothAt = (e: ThreeEvent<PointerEvent | MouseEvent>) =>
    e.instanceId !== undefined && e.instanceId < plan.booths.length ? plan.booths[e.instanceId] : undefined

  const onPointerMove = (e: ThreeEvent<PointerEvent>) => {
    e.stopPropagation()
    const booth = boothAt(e)
    useExpoStore.getState().actions.hoverBooth(booth?.exhibitorId ?? null)
    gl.domElement.style.cursor = booth ? 'pointer' : ''
  }
  const onPointerOut = () => {
    useExpoStore.getState().actions.hoverBooth(null)
    gl.domElement.style.cursor = ''
  }
  const onClick = (e: ThreeEvent<MouseEvent>) => {
    if (draggedBeforeClick(e)) return
    const booth = boothAt(e)
    if (!booth) return
    e.stopPropagation()
    const { mode, actions } = useExpoStore.getState()
    actions.openBooth(booth.exhibitorId, { fly: mode === 'overview' })
  }

  return (
    <>
      {parts.map((mesh) => (
        <primitive key={mesh.uuid} object={mesh} />
      ))}
      <BoothProducts layout={layout} />
      <primitive object={hit} onPointerMove={onPointerMove} onPointerOut={onPointerOut} onClick={onClick} />
      <primitive object={hoverOutline} />
      <primitive object={openOutline} />
    </>
  )
}
