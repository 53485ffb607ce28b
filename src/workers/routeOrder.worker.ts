/** The route worker: orders a route's stops by walking distance and draws the walk, off the main thread. */
import type { Point, WalkGrid } from '../plan/types'
import { finish, walkGraph } from '../plan/walkGraph'
import { routeOrderSteps, type RouteOrderResult } from '../routes/routeDistances'

/** `warm` builds the grid's corner graph ahead of the first ordering; `order` orders points on the grid last sent. */
export type RouteWorkerRequest =
  | { id: number; kind: 'warm'; gridId: number; grid: WalkGrid }
  | { id: number; kind: 'order'; gridId: number; grid?: WalkGrid; points: Point[]; returnToStart: boolean }

export type RouteWorkerReply = { id: number; result: RouteOrderResult | null } | { id: number; error: string }

// One hall at a time: a grid arrives once, later requests name it by id.
let held: { gridId: number; grid: WalkGrid } | null = null

const scope = self as unknown as {
  onmessage: ((event: MessageEvent<RouteWorkerRequest>) => void) | null
  postMessage(reply: RouteWorkerReply): void
}

scope.onmessage = ({ data: request }) => {
  try {
    if (request.grid) held = { gridId: request.gridId, grid: request.grid }
    if (!held || held.gridId !== request.gridId) throw new Error(`route worker: grid ${request.gridId} was never sent`)
    const { grid } = held
    if (request.kind === 'warm') {
      walkGraph(grid)
      scope.postMessage({ id: request.id, result: null })
    } else {
      const result = finish(routeOrderSteps({ grid, points: request.points, returnToStart: request.returnToStart }))
      scope.postMessage({ id: request.id, result })
    }
  } catch (error) {
    scope.postMessage({ id: request.id, error: error instanceof Error ? error.message : String(error) })
  }
}
