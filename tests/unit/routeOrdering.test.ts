// @vitest-environment jsdom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import type { ContentPack } from '../../src/content/schema'
import { computeFloorPlan } from '../../src/plan/floorPlan'
import type { WalkGrid } from '../../src/plan/types'
import { finish } from '../../src/plan/walkGraph'
import { optimizeRouteOrder, routeOrderSteps } from '../../src/routes/routeDistances'
import type { RouteStop } from '../../src/routes/types'
import type { RouteWorkerReply, RouteWorkerRequest } from '../../src/workers/routeOrder.worker'
import { buildPlanInput } from '../helpers/planFixture'

const input = buildPlanInput(60)
const plan = computeFloorPlan(input)
const pack = { zones: input.zones, exhibitors: input.exhibitors } as unknown as ContentPack
// Booths far apart, added in a zig-zag order: optimising changes it.
const far = [...plan.booths].sort((p, q) => p.front.z - q.front.z)
const stops: RouteStop[] = [far[0], far.at(-1)!, far[1], far.at(-2)!, far[2]].map((b) => ({ kind: 'booth', exhibitorId: b.exhibitorId }))
const optimal = optimizeRouteOrder(plan, stops, { from: plan.entrance }).map((i) => stops[i])

/** How the stand-in worker behaves: answers as the real one, fails to load, is refused by the CSP, or reports an error. */
type Behaviour = 'answers' | 'fails to load' | 'is refused' | 'reports an error'

/** A Worker as the browser gives it, running the real worker's steps on copies of the messages. */
class FakeWorker {
  static behaviour: Behaviour = 'answers'
  static made = 0
  static requests: RouteWorkerRequest[] = []
  onmessage: ((event: { data: RouteWorkerReply }) => void) | null = null
  onerror: ((event: ErrorEvent) => void) | null = null
  onmessageerror: (() => void) | null = null
  private grid: WalkGrid | null = null

  constructor() {
    if (FakeWorker.behaviour === 'is refused') throw new DOMException("Refused by the page's Content-Security-Policy", 'SecurityError')
    FakeWorker.made++
    if (FakeWorker.behaviour === 'fails to load') setTimeout(() => this.onerror?.(new ErrorEvent('error', { message: 'failed to load the worker script' })))
  }

  postMessage(message: RouteWorkerRequest) {
    const request = structuredClone(message)
    FakeWorker.requests.push(request)
    if (FakeWorker.behaviour !== 'answers' && FakeWorker.behaviour !== 'reports an error') return
    setTimeout(() => {
      if (request.grid) this.grid = request.grid
      let reply: RouteWorkerReply
      if (FakeWorker.behaviour === 'reports an error') reply = { id: request.id, error: 'out of memory' }
      else if (request.kind === 'warm') reply = { id: request.id, result: null }
      else reply = { id: request.id, result: finish(routeOrderSteps({ grid: this.grid!, points: request.points, returnToStart: request.returnToStart })) }
      this.onmessage?.({ data: structuredClone(reply) })
    })
  }

  terminate() {}
}

/** A fresh store and ordering module per test: which worker there is, and whether it broke, is module state. */
async function start(behaviour: Behaviour) {
  FakeWorker.behaviour = behaviour
  FakeWorker.made = 0
  FakeWorker.requests = []
  vi.stubGlobal('Worker', FakeWorker)
  vi.resetModules()
  const { useExpoStore } = await import('../../src/state/store')
  const { activeRoute } = await import('../../src/state/routeSlice')
  const ordering = await import('../../src/state/routeOrdering')
  localStorage.clear()
  const actions = useExpoStore.getState().actions
  actions.setContent(pack, plan, null)
  for (const stop of stops) actions.addStop(stop)
  return { actions, ordering, stopsNow: () => activeRoute(useExpoStore.getState())!.stops }
}

describe('ordering a route off the main thread', () => {
  const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined)
  beforeEach(() => warn.mockClear())
  afterEach(() => vi.unstubAllGlobals())

  it('orders in the worker, busy until the order is applied, and a second press meanwhile does nothing', async () => {
    const { actions, ordering, stopsNow } = await start('answers')
    const first = actions.optimiseRoute()
    expect(ordering.isOrderingRoute()).toBe(true)
    expect(stopsNow()).toEqual(stops)
    await expect(actions.optimiseRoute()).resolves.toBe(false)
    await expect(first).resolves.toBe(true)
    expect(ordering.isOrderingRoute()).toBe(false)
    expect(stopsNow()).toEqual(optimal)
    // The hall's grid went over once, ahead of time, when the route could first be ordered.
    expect(FakeWorker.requests.map((r) => [r.kind, r.grid !== undefined])).toEqual([
      ['warm', true],
      ['order', false],
    ])
    expect(warn).not.toHaveBeenCalled()
  })

  it('orders on the main thread, in slices, when the worker fails to load', async () => {
    const { actions, ordering, stopsNow } = await start('fails to load')
    const applied = actions.optimiseRoute()
    expect(ordering.isOrderingRoute()).toBe(true)
    await expect(applied).resolves.toBe(true)
    expect(stopsNow()).toEqual(optimal)
    expect(ordering.isOrderingRoute()).toBe(false)
    expect(warn).toHaveBeenCalled()
    // A broken worker is not tried again.
    actions.moveStop(0, 4)
    await expect(actions.optimiseRoute()).resolves.toBe(true)
    expect(FakeWorker.made).toBe(1)
  })

  it('orders on the main thread when the page may not start a worker at all', async () => {
    const { actions, stopsNow } = await start('is refused')
    await expect(actions.optimiseRoute()).resolves.toBe(true)
    expect(stopsNow()).toEqual(optimal)
    expect(FakeWorker.made).toBe(0)
  })

  it('orders on the main thread when the worker reports an error', async () => {
    const { actions, stopsNow } = await start('reports an error')
    await expect(actions.optimiseRoute()).resolves.toBe(true)
    expect(stopsNow()).toEqual(optimal)
  })

  it('drops an order worked out for stops the visitor changed meanwhile', async () => {
    const { actions, stopsNow } = await start('answers')
    const applied = actions.optimiseRoute()
    actions.removeStop(2)
    const left = stopsNow()
    await expect(applied).resolves.toBe(false)
    expect(stopsNow()).toBe(left)
  })
})
