// @vitest-environment jsdom
import { beforeEach, describe, expect, it } from 'vitest'
import { computeFloorPlan } from '../../src/plan/floorPlan'
import { activeRoute } from '../../src/state/routeSlice'
import { useExpoStore } from '../../src/state/store'
import type { ContentPack } from '../../src/content/schema'
import { buildPlanInput } from '../helpers/planFixture'

const input = buildPlanInput(60)
const plan = computeFloorPlan(input)
const pack = { zones: input.zones, exhibitors: input.exhibitors } as unknown as ContentPack
const initial = useExpoStore.getState()
const actions = () => useExpoStore.getState().actions

describe('store actions', () => {
  beforeEach(() => {
    localStorage.clear()
    useExpoStore.setState(initial, true)
    actions().setContent(pack, plan, null)
  })

  it('opening a booth selects it, moves the visitor to its zone and asks the camera to fly there', () => {
    const booth = plan.booths.find((b) => b.zoneId === 'nev')!
    actions().openBooth(booth.exhibitorId)
    const state = useExpoStore.getState()
    expect(state.openBoothId).toBe(booth.exhibitorId)
    expect(state.currentZoneId).toBe('nev')
    expect(state.cameraRequest).toMatchObject({ kind: 'booth', exhibitorId: booth.exhibitorId })
  })

  it('opening a booth without flying keeps the camera where it is', () => {
    actions().goToZone('ai')
    const request = useExpoStore.getState().cameraRequest
    actions().openBooth(plan.booths[0].exhibitorId, { fly: false })
    expect(useExpoStore.getState().cameraRequest).toBe(request)
  })

  it('ignores a booth that is not in the plan', () => {
    actions().openBooth('no-such-booth')
    expect(useExpoStore.getState().openBoothId).toBeNull()
  })

  it('each zone request is a new camera request, even for the same zone twice', () => {
    actions().goToZone('ai')
    const first = useExpoStore.getState().cameraRequest
    actions().goToZone('ai')
    const second = useExpoStore.getState().cameraRequest
    expect(second).toMatchObject({ kind: 'zone', zoneId: 'ai' })
    expect(second!.nonce).not.toBe(first!.nonce)
  })

  it('going to a zone closes the open booth panel', () => {
    actions().openBooth(plan.booths[0].exhibitorId)
    actions().goToZone('lobby')
    expect(useExpoStore.getState().openBoothId).toBeNull()
  })

  it('toggles favourites on and off', () => {
    actions().toggleFavourite('a')
    actions().toggleFavourite('b')
    actions().toggleFavourite('a')
    expect(useExpoStore.getState().favourites).toEqual(['b'])
  })

  it('adds each route stop once and removes by position', () => {
    actions().addStop({ kind: 'booth', exhibitorId: 'a' })
    actions().addStop({ kind: 'zone', zoneId: 'ai' })
    actions().addStop({ kind: 'booth', exhibitorId: 'a' })
    expect(activeRoute(useExpoStore.getState())!.stops).toHaveLength(2)
    actions().removeStop(0)
    expect(activeRoute(useExpoStore.getState())!.stops).toEqual([{ kind: 'zone', zoneId: 'ai' }])
  })

  it('keeps at most four notices, the newest last', () => {
    for (let i = 0; i < 6; i++) actions().notify({ kind: 'info', key: 'notice.badParam', params: { param: String(i) } })
    expect(useExpoStore.getState().notices.map((n) => n.params?.param)).toEqual(['2', '3', '4', '5'])
  })

  it('toggles between overview and walk', () => {
    expect(useExpoStore.getState().mode).toBe('overview')
    actions().toggleMode()
    expect(useExpoStore.getState().mode).toBe('walk')
    actions().toggleMode()
    expect(useExpoStore.getState().mode).toBe('overview')
  })
})

describe('route and tour actions', () => {
  beforeEach(() => {
    localStorage.clear()
    useExpoStore.setState(initial, true)
    actions().setContent(pack, plan, null)
  })
  const ids = () => activeRoute(useExpoStore.getState())!.stops.map((s) => (s.kind === 'booth' ? s.exhibitorId : s.zoneId))

  it('moves stops by position, as the keyboard and drag do', () => {
    for (const b of plan.booths.slice(0, 3)) actions().addStop({ kind: 'booth', exhibitorId: b.exhibitorId })
    const [a, b, c] = plan.booths.map((x) => x.exhibitorId)
    actions().moveStop(0, 2)
    expect(ids()).toEqual([b, c, a])
    actions().moveStop(2, -1)
    expect(ids()).toEqual([b, c, a])
  })

  it('optimising never makes the walk longer and keeps every stop', () => {
    // Booths far apart, added in a zig-zag order.
    const far = [...plan.booths].sort((p, q) => p.front.z - q.front.z)
    const picks = [far[0], far[far.length - 1], far[1], far[far.length - 2], far[2]]
    for (const b of picks) actions().addStop({ kind: 'booth', exhibitorId: b.exhibitorId })
    const before = useExpoStore.getState().routeWalk!.totalMetres
    actions().optimiseRoute()
    const after = useExpoStore.getState().routeWalk!.totalMetres
    expect(after).toBeLessThan(before)
    expect([...ids()].sort()).toEqual(picks.map((b) => b.exhibitorId).sort())
  })

  it('walks the guided tour stop by stop, opening each booth on arrival, and ends after the last', () => {
    const stops = plan.booths.slice(0, 2).map((b) => ({ kind: 'booth' as const, exhibitorId: b.exhibitorId }))
    actions().startTour({ routeId: 'r', name: 'Two booths', stops })
    expect(useExpoStore.getState()).toMatchObject({ mode: 'walk', guidedTour: { stopIndex: 0, status: 'walking' } })
    actions().tourArrived()
    expect(useExpoStore.getState()).toMatchObject({ openBoothId: stops[0].exhibitorId, guidedTour: { status: 'dwelling' } })
    actions().tourPause()
    actions().tourPlay()
    expect(useExpoStore.getState().guidedTour).toMatchObject({ status: 'dwelling', stopIndex: 0 })
    actions().tourNext()
    expect(useExpoStore.getState()).toMatchObject({ openBoothId: null, guidedTour: { stopIndex: 1, status: 'walking' } })
    actions().tourNext()
    expect(useExpoStore.getState().guidedTour).toBeNull()
  })
})
