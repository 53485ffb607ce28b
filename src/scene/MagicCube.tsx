/**
 * The lobby's magic cube: six windows, each onto the small world of a featured zone. Every face writes its own
 * stencil value and only its world draws there, so each window shows a different 3D scene with true parallax
 * (the naked-eye 3D effect) for 13 draw calls in all.
 */
import type { ThreeEvent } from '@react-three/fiber'
import { useFrame, useThree } from '@react-three/fiber'
import { useEffect, useMemo, useRef } from 'react'
import * as THREE from 'three'
import type { ContentPack, ZoneId } from '../content/schema'
import { activity } from '../controls/wake'
import type { FloorPlan } from '../plan/types'
import { useExpoStore } from '../state/store'
import { createAmbientPacer, pageHidden } from './ambientPace'
import { createAtlasQuadMesh, disposeMesh, quadMatrix } from './atlasQuads'
import { draggedBeforeClick } from './Booths'
import { buildCubeWorld, WORLD_HALF } from './cubeWorlds'
import { cubeCentre } from './lobbyLayout'
import { colour, MergedGeometryBuilder, SPHERE } from './mergedGeometry'
import { prefersReducedMotion } from './motion'
import { sceneRegistry } from './sceneRegistry'
import type { SignAtlas } from './signAtlas'
import { cubeFaceZones } from './signLayout'
import { usePageCamera } from './pageCamera'

/** Face normals and the rotation that turns the canonical diorama (open towards +z) to look out of that face. */
const FACES: { normal: [number, number, number]; rotation: [number, number, number] }[] = [
  { normal: [0, 0, 1], rotation: [0, 0, 0] },
  { normal: [1, 0, 0], rotation: [0, Math.PI / 2, 0] },
  { normal: [0, 0, -1], rotation: [0, Math.PI, 0] },
  { normal: [-1, 0, 0], rotation: [0, -Math.PI / 2, 0] },
  { normal: [0, 1, 0], rotation: [-Math.PI / 2, 0, 0] },
  { normal: [0, -1, 0], rotation: [Math.PI / 2, 0, 0] },
]

/** Radians per second: one turn a minute, slow enough to read the captions. */
const TURN_SPEED = 0.1
/** The cube turns this long after the visitor last did something, then rests, so an idle hall draws nothing. */
export const TURN_AFTER_ACTIVITY_MS = 20_000

const _frustum = new THREE.Frustum()
const _viewProjection = new THREE.Matrix4()
const _sphere = new THREE.Sphere()

function buildFrame(size: number) {
  const b = new MergedGeometryBuilder()
  const h = size / 2
  const t = size * 0.03
  const white = colour('#ffffff')
  const corners = [-h, h]
  const a = new THREE.Vector3()
  const c = new THREE.Vector3()
  for (const y of corners) for (const z of corners) b.bar(a.set(-h, y, z), c.set(h, y, z), t, white)
  for (const x of corners) for (const z of corners) b.bar(a.set(x, -h, z), c.set(x, h, z), t, white)
  for (const x of corners) for (const y of corners) b.bar(a.set(x, y, -h), c.set(x, y, h), t, white)
  for (const x of corners) for (const y of corners) for (const z of corners) b.place(SPHERE(1), [x, y, z], [t * 2.2, t * 2.2, t * 2.2], colour('#dfe9f5'))
  return b.build()
}

export function MagicCube({ plan, pack, atlas }: { plan: FloorPlan; pack: ContentPack; atlas: SignAtlas }) {
  const gl = useThree((s) => s.gl)
  const group = useRef<THREE.Group>(null)
  const size = plan.magicCubeSize
  const zones = useMemo(() => cubeFaceZones(pack), [pack])
  const colours = useMemo(() => new Map(pack.zones.map((z) => [z.id, z.colour])), [pack])

  const parts = useMemo(() => {
    const scale = size / (WORLD_HALF * 2)
    const faces = zones.map((zoneId, i) => {
      const f = FACES[i]
      const ref = i + 1
      const maskMaterial = new THREE.MeshBasicMaterial({
        colorWrite: false,
        depthWrite: false,
        stencilWrite: true,
        stencilRef: ref,
        stencilFunc: THREE.AlwaysStencilFunc,
        stencilZPass: THREE.ReplaceStencilOp,
      })
      const mask = new THREE.Mesh(new THREE.PlaneGeometry(size, size), maskMaterial)
      mask.rotation.set(...f.rotation)
      mask.position.set(f.normal[0] * (size / 2), f.normal[1] * (size / 2), f.normal[2] * (size / 2))
      // Windows first, then the worlds behind them.
      mask.renderOrder = 1
      mask.name = `cube-window-${zoneId}`
      mask.userData.zoneId = zoneId
      const worldMaterial = new THREE.MeshLambertMaterial({
        vertexColors: true,
        stencilWrite: true,
        stencilRef: ref,
        stencilFunc: THREE.EqualStencilFunc,
      })
      const world = new THREE.Mesh(buildCubeWorld(zoneId, colours.get(zoneId) ?? '#607d8b'), worldMaterial)
      world.rotation.set(...f.rotation)
      world.scale.setScalar(scale)
      world.renderOrder = 2
      world.name = `cube-world-${zoneId}`
      return { zoneId, mask, world, normal: new THREE.Vector3(...f.normal) }
    })
    const frame = new THREE.Mesh(buildFrame(size), new THREE.MeshLambertMaterial({ vertexColors: true }))
    frame.name = 'cube-frame'
    // Captions under the four side windows.
    const quads = faces.slice(0, 4).flatMap((face, i) => {
      const slot = atlas.slots.get(`caption:${face.zoneId}`)
      if (!slot) return []
      const rotY = FACES[i].rotation[1]
      const width = size * 0.62
      const n = FACES[i].normal
      const d = size / 2 + 0.02
      return [{ matrix: quadMatrix(n[0] * d, -size / 2 - 0.42, n[2] * d, rotY, width, width / 5), uv: slot.uv }]
    })
    const captions = createAtlasQuadMesh(atlas.texture, quads)
    captions.name = 'cube-captions'
    return { faces, frame, captions }
  }, [zones, colours, size, atlas])

  useEffect(() => {
    if (group.current) sceneRegistry.cube = { group: group.current, size, faces: parts.faces.map(({ zoneId, normal }) => ({ zoneId, normal })) }
    return () => {
      sceneRegistry.cube = null
      parts.faces.forEach(({ mask, world }) => {
        disposeMesh(mask)
        disposeMesh(world)
      })
      disposeMesh(parts.frame)
      disposeMesh(parts.captions)
    }
  }, [parts, size])

  const still = useRef(prefersReducedMotion())
  useEffect(() => {
    if (typeof window === 'undefined' || typeof window.matchMedia !== 'function') return
    const query = window.matchMedia('(prefers-reduced-motion: reduce)')
    const update = () => (still.current = query.matches)
    query.addEventListener?.('change', update)
    return () => query.removeEventListener?.('change', update)
  }, [])

  // The turn asks for its frames at most 30 times a second, and only while the tab is shown.
  const invalidate = useThree((s) => s.invalidate)
  const pacer = useMemo(() => createAmbientPacer(invalidate, pageHidden), [invalidate])
  useEffect(() => {
    // Back in sight: one frame, which carries on the turn if the visitor was active in the last 20 s.
    const onVisibility = () => !pageHidden() && invalidate()
    const doc = typeof document === 'undefined' ? undefined : document
    doc?.addEventListener('visibilitychange', onVisibility)
    return () => {
      doc?.removeEventListener('visibilitychange', onVisibility)
      pacer.cancel()
    }
  }, [pacer, invalidate])

  const camera = usePageCamera()
  useFrame((_, delta) => {
    const cube = group.current
    if (!cube || still.current || performance.now() - activity.at > TURN_AFTER_ACTIVITY_MS) return pacer.cancel()
    // Only while someone can see it: out of view it would keep the GPU busy for nothing.
    _viewProjection.multiplyMatrices(camera.projectionMatrix, camera.matrixWorldInverse)
    _frustum.setFromProjectionMatrix(_viewProjection)
    if (!_frustum.intersectsSphere(_sphere.set(cube.position, size * 0.9))) return pacer.cancel()
    cube.rotation.y += Math.min(delta, 0.1) * TURN_SPEED
    pacer.frameDrawn()
  })

  const onClick = (e: ThreeEvent<MouseEvent>) => {
    if (draggedBeforeClick(e)) return
    const zoneId = e.object.userData.zoneId as ZoneId | undefined
    if (!zoneId) return
    e.stopPropagation()
    useExpoStore.getState().actions.goToZone(zoneId)
  }
  const onOver = (e: ThreeEvent<PointerEvent>) => {
    e.stopPropagation()
    gl.domElement.style.cursor = 'pointer'
  }
  const onOut = () => {
    gl.domElement.style.cursor = ''
  }

  const [x, y, z] = cubeCentre(plan)
  return (
    <group ref={group} position={[x, y, z]} name="magic-cube">
      {parts.faces.map(({ mask, world }) => (
        <group key={mask.uuid}>
          <primitive object={mask} onClick={onClick} onPointerOver={onOver} onPointerOut={onOut} />
          <primitive object={world} />
        </group>
      ))}
      <primitive object={parts.frame} />
      <primitive object={parts.captions} />
    </group>
  )
}
