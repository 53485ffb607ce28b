/** The route on the hall floor follows the store's route walk: a path mesh and one numbered pin per stop, in fixed meshes. */
import ReactThreeTestRenderer from '@react-three/test-renderer'
import * as THREE from 'three'
import { afterEach, beforeAll, describe, expect, it } from 'vitest'
import { computeFloorPlan } from '../../src/plan/floorPlan'
import { stopPoint } from '../../src/routes/routeDistances'
import type { RouteStop } from '../../src/routes/types'
import { HallContent } from '../../src/scene/HallContent'
import { routeRibbonGeometry } from '../../src/scene/routeRibbon'
import { sceneRegistry } from '../../src/scene/sceneRegistry'
import { useExpoStore } from '../../src/state/store'
import { loadRealPack } from '../helpers/realPack'

Object.assign(globalThis, { IS_REACT_ACT_ENVIRONMENT: true })

const pack = loadRealPack()
const plan = computeFloorPlan({ zones: pack.zones, exhibitors: pack.exhibitors })
const booth = (i: number): RouteStop => ({ kind: 'booth', exhibitorId: plan.booths[(i * 7 + 3) % plan.booths.length].exhibitorId })
const actions = () => useExpoStore.getState().actions

function routeOf(stops: RouteStop[]) {
  actions().newRoute('test')
  for (const stop of stops) actions().addStop(stop)
}

/** Meshes that reach the GPU, and what the route parts draw. */
function drawn(renderer: Awaited<ReturnType<typeof ReactThreeTestRenderer.create>>) {
  const names: string[] = []
  let path: THREE.Mesh | null = null
  let pins: THREE.InstancedMesh | null = null
  renderer.scene.instance.traverse((object) => {
    const mesh = object as THREE.Mesh
    if (!mesh.isMesh || !(mesh.material as THREE.Material).visible) return
    names.push(mesh.name)
    if (mesh.name === 'route-path') path = mesh
    if (mesh.name === 'route-pins') pins = mesh as THREE.InstancedMesh
  })
  const p = path as THREE.Mesh | null
  const q = pins as THREE.InstancedMesh | null
  return {
    names: names.sort(),
    pathTriangles: p && p.visible && p.geometry.index ? p.geometry.index.count / 3 : 0,
    pins: q && q.visible ? q.count : 0,
    numbers: (sceneRegistry.route?.markers ?? []).map((m) => m.number),
    pathPoints: sceneRegistry.route?.pathPoints ?? 0,
  }
}

async function renderHall() {
  const renderer = await ReactThreeTestRenderer.create(<HallContent plan={plan} pack={pack} />)
  await renderer.advanceFrames(2, 16)
  return renderer
}

const act = (fn: () => void) => ReactThreeTestRenderer.act(async () => fn())

describe('the route drawn in the hall', () => {
  beforeAll(() => actions().setContent(pack, plan, null))
  afterEach(() => {
    actions().exitTour()
    for (const route of useExpoStore.getState().routes) actions().deleteRoute(route.id)
  })

  it('draws the active route’s walk on the floor and a numbered pin over each stop, in order', async () => {
    const stops = [booth(1), booth(2), { kind: 'zone', zoneId: 'korea-pavilion' } as RouteStop]
    routeOf(stops)
    const renderer = await renderHall()
    const shown = drawn(renderer)
    const walk = useExpoStore.getState().routeWalk!
    expect(shown.pathTriangles).toBeGreaterThan(0)
    expect(shown.pathPoints).toBe(walk.legs.reduce((n, leg) => n + leg.length, 0))
    expect(shown.pins).toBe(3)
    expect(shown.numbers).toEqual([1, 2, 3])
    // Each pin stands over its stop's point.
    sceneRegistry.route!.markers.forEach((marker, i) => {
      const point = stopPoint(plan, stops[i])
      expect(marker.centre.x).toBeCloseTo(point.x)
      expect(marker.centre.z).toBeCloseTo(-point.z)
    })
    await renderer.unmount()
    expect(sceneRegistry.route).toBeNull()
  })

  it('follows the route as stops are added, moved and removed', async () => {
    routeOf([booth(1), booth(2)])
    const renderer = await renderHall()
    expect(drawn(renderer).pins).toBe(2)

    await act(() => actions().addStop(booth(3)))
    expect(drawn(renderer).pins).toBe(3)
    const before = drawn(renderer).pathPoints

    await act(() => actions().moveStop(2, 0))
    const first = useExpoStore.getState().routes[0].stops[0]
    expect(sceneRegistry.route!.markers[0].centre.x).toBeCloseTo(stopPoint(plan, first).x)
    expect(drawn(renderer).pathPoints).toBe(useExpoStore.getState().routeWalk!.legs.reduce((n, leg) => n + leg.length, 0))
    expect(before).toBeGreaterThan(0)

    await act(() => {
      actions().removeStop(0)
      actions().removeStop(0)
      actions().removeStop(0)
    })
    const empty = drawn(renderer)
    expect(empty.pins).toBe(0)
    expect(empty.pathTriangles).toBe(0)
    expect(empty.pathPoints).toBe(0)
    await renderer.unmount()
  })

  it('draws the same meshes for no route, three stops or forty', async () => {
    const shapes = []
    for (const count of [0, 3, 40]) {
      routeOf(Array.from({ length: count }, (_, i) => booth(i)))
      const renderer = await renderHall()
      const shown = drawn(renderer)
      expect(shown.pins).toBe(count)
      shapes.push(shown.names)
      await renderer.unmount()
      for (const route of useExpoStore.getState().routes) actions().deleteRoute(route.id)
    }
    expect(shapes[1]).toEqual(shapes[0])
    expect(shapes[2]).toEqual(shapes[0])
  })

  it('draws a running tour’s own stops when they are not the active route’s', async () => {
    routeOf([booth(1), booth(2)])
    const renderer = await renderHall()
    const curated = [booth(5), booth(6), booth(7), booth(8)]
    await act(() => actions().startTour({ routeId: 'curated:test', name: 'Curated', stops: curated }))
    const touring = drawn(renderer)
    expect(touring.pins).toBe(4)
    expect(touring.pathPoints).toBeGreaterThan(0)
    expect(sceneRegistry.route!.markers[3].centre.x).toBeCloseTo(stopPoint(plan, curated[3]).x)

    await act(() => actions().exitTour())
    expect(drawn(renderer).pins).toBe(2)
    await renderer.unmount()
  })
})

describe('the route ribbon', () => {
  it('is one strip per leg plus a spot per stop, facing up', () => {
    const legs = [
      [{ x: 0, z: 0 }, { x: 0, z: 10 }, { x: 5, z: 10 }],
      [{ x: 5, z: 10 }, { x: 5, z: 0 }],
    ]
    const geometry = routeRibbonGeometry(legs, [{ x: 5, z: 10 }, { x: 5, z: 0 }])
    const position = geometry.getAttribute('position')
    const index = geometry.getIndex()!
    // Strips: 2 triangles per segment (3 segments); spots: 24 each.
    expect(index.count / 3).toBe(3 * 2 + 2 * 24)
    const a = new THREE.Vector3()
    const b = new THREE.Vector3()
    const c = new THREE.Vector3()
    for (let t = 0; t < index.count; t += 3) {
      a.fromBufferAttribute(position, index.getX(t))
      b.fromBufferAttribute(position, index.getX(t + 1))
      c.fromBufferAttribute(position, index.getX(t + 2))
      const normal = new THREE.Vector3().subVectors(b, a).cross(new THREE.Vector3().subVectors(c, a))
      expect(normal.y).toBeGreaterThan(0)
    }
  })

  it('is empty with nothing to draw', () => {
    expect(routeRibbonGeometry([], []).getIndex()!.count).toBe(0)
  })
})
