// @vitest-environment jsdom
import { beforeEach, describe, expect, it } from 'vitest'
import { computeFloorPlan } from '../../src/plan/floorPlan'
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
    expect(useExpoStore.getState().routeStops).toHaveLength(2)
    actions().removeStop(0)
    expect(useExpoStore.getState().routeStops).toEqual([{ kind: 'zone', zoneId: 'ai' }])
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
