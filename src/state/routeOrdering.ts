/**
 * Orders a route off the main thread: in the route worker, or, when the worker cannot start or fails, in short
 * slices on the main thread with the page kept responsive between them. Says whether an ordering is under way.
 */
import { useSyncExternalStore } from 'react'
import type { FloorPlan, WalkGrid } from '../plan/types'
import { finish } from '../plan/walkGraph'
import {
  rememberOrderedWalk,
  routeOrderRequest,
  routeOrderSteps,
  type PlanRouteOptions,
  type RouteOrderRequest,
  type RouteOrderResult,
} from '../routes/routeDistances'
import type { RouteStop } from '../routes/types'
import type { RouteWorkerReply, RouteWorkerRequest } from '../workers/routeOrder.worker'

/** Longest stretch the main-thread fallback works before giving the page a turn. */
const SLICE_MS = 12
/** A worker that has not answered by then is taken for broken (a 3,000-booth hall takes well under a second). */
const WORKER_TIMEOUT_MS = 30_000

/**
 * The order of `stops` as indices into them (see optimizeRouteOrder), with the walk in that order drawn and kept for
 * walkRoute. Where there is no Worker at all (the unit tests' jsdom) it is computed at once and returned as is;
 * otherwise a promise, and isOrderingRoute() is true until it settles.
 */
export function orderRoute(plan: FloorPlan, stops: readonly RouteStop[], options: PlanRouteOptions): number[] | Promise<number[]> {
  const { request, stopOrder } = routeOrderRequest(plan, stops, options)
  const done = (result: RouteOrderResult) => {
    rememberOrderedWalk(request, result)
    return stopOrder(result.visit)
  }
  if (typeof Worker === 'undefined') return done(finish(routeOrderSteps(request)))
  running++
  changed()
  return inWorker(request)
    .catch((error: unknown) => {
      console.warn('Route worker unavailable, ordering on the main thread in slices:', error)
      return inSlices(routeOrderSteps(request))
    })
    .then(done)
    .finally(() => {
      running--
      changed()
    })
}

/** Sends the hall's grid to the worker ahead of time, so that the first ordering does not wait for its corner graph. */
export function warmRouteOrdering(plan: FloorPlan): void {
  const grid = plan.walkGrid
  if (typeof Worker === 'undefined' || held === grid) return
  const worker = routeWorker()
  if (!worker) return
  held = grid
  // A failed warm-up is told by the worker's error handler; the next ordering then falls back.
  ask(worker, { id: nextId++, kind: 'warm', gridId: gridId(grid), grid }).catch(() => undefined)
}

let running = 0
const listeners = new Set<() => void>()
const changed = () => listeners.forEach((listener) => listener())

export const isOrderingRoute = () => running > 0

export function subscribeToRouteOrdering(listener: () => void): () => void {
  listeners.add(listener)
  return () => listeners.delete(listener)
}

/** Whether a route is being ordered, for the button that starts it. */
export const useRouteOrdering = () => useSyncExternalStore(subscribeToRouteOrdering, isOrderingRoute)

let worker: Worker | null = null
/** Set once the worker failed to start or to answer: the main thread orders from then on. */
let broken = false
/** The grid the worker holds, so it is sent once per hall. */
let held: WalkGrid | null = null
let nextId = 1
const gridIds = new WeakMap<WalkGrid, number>()
const waiting = new Map<number, { resolve(result: RouteOrderResult | null): void; reject(error: Error): void }>()

const gridId = (grid: WalkGrid) => {
  let id = gridIds.get(grid)
  if (id === undefined) gridIds.set(grid, (id = nextId++))
  return id
}

function routeWorker(): Worker | null {
  if (broken) return null
  if (worker) return worker
  try {
    // A file of its own (never a blob), so the app's CSP `worker-src 'self'` allows it.
    worker = new Worker(new URL('../workers/routeOrder.worker.ts', import.meta.url), { type: 'module', name: 'route-order' })
  } catch (error) {
    giveUp(error instanceof Error ? error : new Error(String(error)))
    return null
  }
  worker.onmessage = ({ data: reply }: MessageEvent<RouteWorkerReply>) => {
    const pending = waiting.get(reply.id)
    waiting.delete(reply.id)
    if ('error' in reply) pending?.reject(new Error(reply.error))
    else pending?.resolve(reply.result)
  }
  worker.onerror = (event) => {
    // Loading failed (blocked, missing after a deploy) or the worker threw outside a request.
    event.preventDefault()
    giveUp(new Error(event.message || 'the route worker failed'))
  }
  worker.onmessageerror = () => giveUp(new Error('the route worker sent a message that could not be read'))
  return worker
}

function giveUp(error: Error) {
  broken = true
  worker?.terminate()
  worker = null
  held = null
  for (const pending of waiting.values()) pending.reject(error)
  waiting.clear()
}

function ask(worker: Worker, request: RouteWorkerRequest): Promise<RouteOrderResult | null> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => giveUp(new Error('the route worker did not answer')), WORKER_TIMEOUT_MS)
    waiting.set(request.id, {
      resolve: (result) => {
        clearTimeout(timer)
        resolve(result)
      },
      reject: (error) => {
        clearTimeout(timer)
        reject(error)
      },
    })
    worker.postMessage(request)
  })
}

async function inWorker(request: RouteOrderRequest): Promise<RouteOrderResult> {
  const worker = routeWorker()
  if (!worker) throw new Error('no route worker')
  const { grid, points, returnToStart } = request
  const send = held !== grid
  held = grid
  const result = await ask(worker, { id: nextId++, kind: 'order', gridId: gridId(grid), grid: send ? grid : undefined, points, returnToStart })
  if (!result) throw new Error('the route worker sent no order')
  return result
}

/** Runs resumable steps to their end in slices of about SLICE_MS, giving the page a turn between slices. */
async function inSlices<T>(steps: Generator<void, T>): Promise<T> {
  for (;;) {
    const until = performance.now() + SLICE_MS
    for (;;) {
      const next = steps.next()
      if (next.done) return next.value
      if (performance.now() >= until) break
    }
    await new Promise((resolve) => setTimeout(resolve, 0))
  }
}
