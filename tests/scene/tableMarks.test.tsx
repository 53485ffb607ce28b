/** Marks on the visitor's tables follow the bookings, and cost the same two draw calls for one meeting or forty. */
import ReactThreeTestRenderer from '@react-three/test-renderer'
import * as THREE from 'three'
import { afterEach, describe, expect, it } from 'vitest'
import type { Booking } from '../../src/booking/types'
import { computeFloorPlan } from '../../src/plan/floorPlan'
import { HallContent } from '../../src/scene/HallContent'
import { sceneRegistry } from '../../src/scene/sceneRegistry'
import { useExpoStore } from '../../src/state/store'
import { loadRealPack } from '../helpers/realPack'

Object.assign(globalThis, { IS_REACT_ACT_ENVIRONMENT: true })

const pack = loadRealPack()
const plan = computeFloorPlan({ zones: pack.zones, exhibitors: pack.exhibitors })
const HOUR = 3_600_000

function bookingsAt(tableIds: string[], status: Booking['status'] = 'confirmed'): Booking[] {
  const soon = Date.now() + 3 * HOUR
  return tableIds.map((tableId, i) => ({
    id: `b${i}`,
    exhibitorId: pack.exhibitors[i % pack.exhibitors.length].id,
    start: soon + i * HOUR,
    end: soon + i * HOUR + HOUR / 2,
    mode: 'online',
    visitorId: 'visitor',
    status,
    confirmationCode: `CODE${i}`,
    tableId,
    topic: 'Supply',
    profile: { name: 'Li Hua', company: 'Hefei Parts', email: 'li@example.com', role: 'buyer' },
    visitorTimeZone: 'Asia/Shanghai',
    exhibitorTimeZone: 'Asia/Shanghai',
    createdAt: 0,
  }))
}

/** Meshes that reach the GPU, by name, with how many instances each draws. */
async function renderWith(bookings: Booking[]) {
  useExpoStore.getState().actions.setBookings(bookings)
  const renderer = await ReactThreeTestRenderer.create(<HallContent plan={plan} pack={pack} />)
  await renderer.advanceFrames(2, 16)
  const drawn = new Map<string, number>()
  let meshes = 0
  renderer.scene.instance.traverse((object) => {
    const mesh = object as THREE.Mesh
    if (!mesh.isMesh || !(mesh.material as THREE.Material).visible) return
    meshes++
    const instanced = mesh as THREE.InstancedMesh
    drawn.set(mesh.name, instanced.isInstancedMesh ? (mesh.visible ? instanced.count : 0) : 1)
  })
  const marked = [...(sceneRegistry.tableMarks?.tableIds ?? [])]
  return { renderer, drawn, meshes, marked }
}

describe('the visitor’s tables in the hall', () => {
  afterEach(() => useExpoStore.getState().actions.setBookings([]))

  it('marks exactly the tables of confirmed, upcoming meetings, and follows the bookings as they change', async () => {
    const confirmed = bookingsAt(['table-3', 'table-7'])
    const cancelled = bookingsAt(['table-9'], 'cancelled').map((b) => ({ ...b, id: 'c9' }))
    const { renderer, drawn, marked } = await renderWith([...confirmed, ...cancelled])
    expect([...marked].sort()).toEqual(['table-3', 'table-7'])
    expect(drawn.get('table-marks')).toBe(2)
    expect(drawn.get('table-labels')).toBe(2)

    await ReactThreeTestRenderer.act(async () => useExpoStore.getState().actions.setBookings(confirmed.slice(1)))
    expect(sceneRegistry.tableMarks?.tableIds).toEqual(['table-7'])
    await ReactThreeTestRenderer.act(async () => useExpoStore.getState().actions.setBookings([]))
    expect(sceneRegistry.tableMarks?.tableIds).toEqual([])
    await renderer.unmount()
    expect(sceneRegistry.tableMarks).toBeNull()
  })

  it('draws the same meshes for no meeting, one, or one at every table', async () => {
    const counts = []
    for (const bookings of [[], bookingsAt(['table-1']), bookingsAt(plan.tables.map((t) => t.id))]) {
      const { renderer, drawn, meshes, marked } = await renderWith(bookings)
      counts.push({ meshes, names: [...drawn.keys()].sort() })
      expect(marked.length).toBe(bookings.length)
      expect(drawn.get('table-marks')).toBe(bookings.length)
      expect(drawn.get('table-labels')).toBe(bookings.length)
      await renderer.unmount()
    }
    expect(counts[1]).toEqual(counts[0])
    expect(counts[2]).toEqual(counts[0])
  })

  it('ignores a booking whose table is not in this hall', async () => {
    const { renderer, marked } = await renderWith(bookingsAt(['table-3', 'table-99999']))
    expect(marked).toEqual(['table-3'])
    await renderer.unmount()
  })
})
