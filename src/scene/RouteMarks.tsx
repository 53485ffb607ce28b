/**
 * The visitor's route in the hall: a ribbon with arrows along the aisles (one merged mesh, rebuilt when the route
 * changes) and a numbered pin over each stop (one instanced mesh from a small atlas, turned towards the camera).
 */
import { useFrame, useThree } from '@react-three/fiber'
import { useEffect, useMemo, useRef } from 'react'
import * as THREE from 'three'
import type { FloorPlan } from '../plan/types'
import type { RouteStop } from '../routes/types'
import { activeRoute } from '../state/routeSlice'
import { useExpoStore } from '../state/store'
import { disposeMesh, quadMatrix } from './atlasQuads'
import { attachUvRects, createAtlasMaterial } from './atlasMaterial'
import { createCanvas2D, fitText, slotAt, textureOf, type AtlasSlot, type Canvas2D } from './canvasText'
import { worldZ } from './coords'
import { PALETTE, ROUTE_MARK } from './dimensions'
import { pathPointCount, pinState, routeDrawing, type PinState, type RouteMarker } from './routeDrawing'
import { routeRibbonGeometry, routeRibbonTexture } from './routeRibbon'
import { sceneRegistry } from './sceneRegistry'
import { usePageCamera } from './pageCamera'

const NO_STOPS: readonly RouteStop[] = []
const PIN_ATLAS_WIDTH = 1024
/** Height of the disc's centre in a pin, as a share of its size from the tip (drawn at 50 of 128 px from the top). */
const DISC_CENTRE = 1 - 50 / 128
/** The pin a guided tour heads for stands out a little. */
const CURRENT_PIN_SCALE = 1.25

/** Pin slots for `count` stops: powers of two from 8 (a route holds at most 500). */
export function pinCapacity(count: number) {
  let capacity = 8
  while (capacity < count) capacity *= 2
  return capacity
}

/** Big slots while they fit a 1024² atlas; a very long route gets smaller ones (a pin is rarely 64 px on screen). */
const pinSide = (capacity: number) => (capacity <= 64 ? 128 : 64)
const pinColumns = (capacity: number) => PIN_ATLAS_WIDTH / pinSide(capacity)
const pinAtlasHeight = (capacity: number) => Math.ceil(capacity / pinColumns(capacity)) * pinSide(capacity)

function pinSlot(i: number, capacity: number): AtlasSlot {
  const side = pinSide(capacity)
  const columns = pinColumns(capacity)
  return slotAt((i % columns) * side, Math.floor(i / columns) * side, side, side, PIN_ATLAS_WIDTH, pinAtlasHeight(capacity))
}

/** A map pin on a transparent square: a numbered disc with a white rim over a point at the bottom centre. */
export function drawPin(ctx: CanvasRenderingContext2D, slot: AtlasSlot, number: number, state: PinState) {
  const fill = state === 'current' ? PALETTE.routeCurrent : state === 'visited' ? PALETTE.routeVisited : PALETTE.route
  const pin = (radius: number, spread: number, tip: number) => {
    ctx.beginPath()
    ctx.arc(64, 50, radius, 0, Math.PI * 2)
    ctx.moveTo(64 - spread, 74)
    ctx.lineTo(64, tip)
    ctx.lineTo(64 + spread, 74)
    ctx.closePath()
    ctx.fill()
  }
  ctx.save()
  ctx.translate(slot.x, slot.y)
  ctx.scale(slot.width / 128, slot.height / 128)
  ctx.fillStyle = '#ffffff'
  pin(49, 30, 127)
  ctx.fillStyle = fill
  pin(42, 23, 117)
  ctx.textAlign = 'center'
  ctx.textBaseline = 'middle'
  ctx.fillStyle = state === 'current' ? '#17202b' : '#ffffff'
  fitText(ctx, String(number), 64, 53, 66, 52, 800)
  ctx.restore()
}

function createPins(capacity: number) {
  const surface: Canvas2D | null = createCanvas2D(PIN_ATLAS_WIDTH, pinAtlasHeight(capacity))
  const texture = textureOf(surface, 4)
  const geometry = new THREE.PlaneGeometry(1, 1)
  const uvRects = attachUvRects(geometry, capacity)
  for (let s = 0; s < capacity; s++) {
    const uv = pinSlot(s, capacity).uv
    uvRects.setXYZW(s, uv[0], uv[1], uv[2], uv[3])
  }
  const material = createAtlasMaterial(texture, { side: THREE.DoubleSide })
  // Cut-out pins: no blending, so they sort and depth-test like any opaque part; coverage smooths the rim.
  material.alphaTest = 0.5
  material.alphaToCoverage = true
  const mesh = new THREE.InstancedMesh(geometry, material, capacity)
  mesh.count = 0
  mesh.visible = false
  // Billboards move every frame; bounds would go stale.
  mesh.frustumCulled = false
  mesh.name = 'route-pins'
  return { mesh, texture, surface }
}

function createRibbon() {
  const material = new THREE.MeshBasicMaterial({ map: routeRibbonTexture(), toneMapped: false })
  const mesh = new THREE.Mesh(routeRibbonGeometry([], []), material)
  mesh.visible = false
  mesh.name = 'route-path'
  return mesh
}

const _m = new THREE.Matrix4()

export function RouteMarks({ plan }: { plan: FloorPlan }) {
  const invalidate = useThree((s) => s.invalidate)
  const routeWalk = useExpoStore((s) => s.routeWalk)
  const routeStops = useExpoStore((s) => activeRoute(s)?.stops ?? NO_STOPS)
  const tourStops = useExpoStore((s) => s.guidedTour?.stops ?? null)
  const tourIndex = useExpoStore((s) => s.guidedTour?.stopIndex ?? -1)
  const drawing = useMemo(() => routeDrawing(plan, routeStops, routeWalk, tourStops), [plan, routeStops, routeWalk, tourStops])

  const ribbon = useMemo(createRibbon, [])
  useEffect(
    () => () => {
      disposeMesh(ribbon)
      ;(ribbon.material as THREE.MeshBasicMaterial).map?.dispose()
    },
    [ribbon],
  )
  const capacity = pinCapacity(drawing.markers.length)
  const pins = useMemo(() => createPins(capacity), [capacity])
  useEffect(
    () => () => {
      disposeMesh(pins.mesh)
      pins.texture.dispose()
    },
    [pins],
  )

  useEffect(() => {
    ribbon.geometry.dispose()
    ribbon.geometry = routeRibbonGeometry(drawing.legs, drawing.markers.map((m) => m.point))
    ribbon.visible = ribbon.geometry.getIndex()!.count > 0
  }, [ribbon, drawing])

  /** The pins the frame loop turns towards the camera, and where the camera was when it last did. */
  const aimed = useRef<{ markers: RouteMarker[]; grow: number[]; centres: THREE.Vector3[]; from: THREE.Vector3 }>({
    markers: [],
    grow: [],
    centres: [],
    from: new THREE.Vector3(),
  })

  useEffect(() => {
    const { surface, texture, mesh } = pins
    const markers = drawing.markers.slice(0, capacity)
    if (surface) {
      surface.ctx.clearRect(0, 0, surface.canvas.width, surface.canvas.height)
      markers.forEach((marker, i) => drawPin(surface.ctx, pinSlot(i, capacity), marker.number, pinState(marker.number, tourIndex)))
      texture.needsUpdate = true
    }
    const grow = markers.map((m) => (pinState(m.number, tourIndex) === 'current' ? CURRENT_PIN_SCALE : 1))
    mesh.count = markers.length
    mesh.visible = markers.length > 0
    const centres = markers.map((m) => new THREE.Vector3(m.point.x, ROUTE_MARK.pinTip + ROUTE_MARK.pinMinSize * DISC_CENTRE, worldZ(m.point)))
    aimed.current = { markers, grow, centres, from: aimed.current.from.set(Infinity, Infinity, Infinity) }
    sceneRegistry.route = { markers: markers.map((m, i) => ({ number: m.number, centre: centres[i] })), pathPoints: pathPointCount(drawing) }
    // Drawn on demand: a change made here (not through the store) needs its own frame.
    invalidate()
  }, [drawing, tourIndex, pins, capacity, invalidate])
  useEffect(
    () => () => {
      sceneRegistry.route = null
    },
    [],
  )

  const camera = usePageCamera()
  useFrame(() => {
    const { markers, grow, centres, from } = aimed.current
    if (markers.length === 0 || from.equals(camera.position)) return
    from.copy(camera.position)
    const { pinTip, pinMinSize, pinMaxSize, pinSizePerMetre } = ROUTE_MARK
    markers.forEach((marker, i) => {
      const x = marker.point.x
      const z = worldZ(marker.point)
      const distance = camera.position.distanceTo(centres[i].set(x, pinTip, z))
      const size = THREE.MathUtils.clamp(distance * pinSizePerMetre, pinMinSize, pinMaxSize) * grow[i]
      centres[i].y = pinTip + size * DISC_CENTRE
      // Turned about the vertical only, so the number stays upright.
      const facing = Math.atan2(camera.position.x - x, camera.position.z - z)
      pins.mesh.setMatrixAt(i, quadMatrix(x, pinTip + size / 2, z, facing, size, size, _m))
    })
    pins.mesh.instanceMatrix.needsUpdate = true
  })

  return (
    <>
      <primitive object={ribbon} />
      <primitive object={pins.mesh} />
    </>
  )
}
