/** The route slice: the visitor's saved routes, the walk through the active one, and the guided tour along it. */
import type { Point } from '../plan/types'
import { walkRoute, type WalkedRoute } from '../routes/routeDistances'
import { DEFAULT_ROUTE_OPTIONS, sameStop, type GuidedTour, type RouteOptions, type RouteStop, type SavedRoute } from '../routes/types'
import { VISITOR_LIMITS } from './persistence'
import { isOrderingRoute, orderRoute, warmRouteOrdering } from './routeOrdering'
import type { ExpoState } from './store'
import { cameraPose } from './transient'

export interface RouteSlice {
  routes: SavedRoute[]
  activeRouteId: string | null
  routeOptions: RouteOptions
  /** Where the active route's walk starts: null for the entrance, else where the visitor stood when it was ordered. */
  routeStart: Point | null
  /** The walk through the active route's stops in their order: derived, recomputed when they change. */
  routeWalk: WalkedRoute | null
  guidedTour: GuidedTour | null
}

export interface RouteActions {
  /** Recomputes the active route's walk, e.g. once the floor plan exists. */
  refreshRouteWalk(): void
  /** Adds to the active route (made on first use); a stop already in it is not added twice. False when refused (a limit, told). */
  addStop(stop: RouteStop): boolean
  removeStop(index: number): void
  moveStop(from: number, to: number): void
  renameRoute(name: string): void
  /** False when refused: the visitor already keeps the most routes there may be (told in a notice). */
  newRoute(name: string): boolean
  selectRoute(routeId: string): void
  deleteRoute(routeId: string): void
  /** Saves a copy as one of the visitor's routes and makes it active; false when refused, as newRoute. */
  saveRouteCopy(route: { name: string; stops: RouteStop[]; copiedFrom?: string }): boolean
  setRouteOptions(options: Partial<RouteOptions>): void
  /**
   * Reorders the active route's stops into the shortest walk along the aisles, worked out off the main thread.
   * True once applied; false when there is nothing to order, an ordering is already under way (a second press
   * does nothing), or the stops changed meanwhile.
   */
  optimiseRoute(): Promise<boolean>
  startTour(tour: { routeId: string; name: string; stops: RouteStop[] }): void
  /** Called by the scene when the tour's walk reaches the current stop. */
  tourArrived(): void
  tourNext(): void
  tourPrevious(): void
  tourPause(): void
  tourPlay(): void
  exitTour(): void
}

type Set = (partial: Partial<ExpoState>) => void
type Get = () => ExpoState

let nextRouteNumber = 1
const newRouteId = () => `route-${Date.now().toString(36)}-${(nextRouteNumber++).toString(36)}`

export const activeRoute = (state: Pick<RouteSlice, 'routes' | 'activeRouteId'>) =>
  state.routes.find((r) => r.id === state.activeRouteId) ?? null

export const curatedTourId = (route: { id: string }) => `curated:${route.id}`

export function createRouteSlice(set: Set, get: Get): RouteSlice & { routeActions: RouteActions } {
  /** Replaces the active route's stops (making a route if there is none) and redraws its walk. */
  const updateStops = (stops: RouteStop[], extra: Partial<ExpoState> = {}) => {
    const state = get()
    let route = activeRoute(state)
    const routes = route
      ? state.routes.map((r) => (r.id === route!.id ? { ...r, stops } : r))
      : [...state.routes, (route = { id: newRouteId(), name: '', stops })]
    set({ routes, activeRouteId: route.id, ...extra })
    refreshRouteWalk()
  }

  // Derived state kept in the store: the scene and the minimap both draw it, and paths cost milliseconds.
  const refreshRouteWalk = () => {
    const state = get()
    const route = activeRoute(state)
    if (!state.plan || !route || route.stops.length === 0) {
      if (state.routeWalk) set({ routeWalk: null })
      return
    }
    const routeWalk = walkRoute(state.plan, route.stops, {
      from: state.routeStart ?? state.plan.entrance,
      returnToStart: state.routeOptions.returnToStart,
      dwellMinutes: state.routeOptions.dwellSeconds / 60,
    })
    set({ routeWalk })
    // A route that can be ordered: let the route worker build the hall's corner graph before it is asked.
    if (route.stops.length >= 2) warmRouteOrdering(state.plan)
  }

  /** A stored limit reached where the visitor acts: nothing changes, and they are told why. */
  const refuse = (key: 'route.tooManyRoutes' | 'route.tooManyStops', max: number) => {
    get().actions.notify({ kind: 'warning', key, params: { max } })
    return false
  }

  const arriveAtStop = (tour: GuidedTour) => {
    const stop = tour.stops[tour.stopIndex]
    const { actions, routeOptions } = get()
    set({ guidedTour: { ...tour, status: 'dwelling', dwellEndsAt: Date.now() + routeOptions.dwellSeconds * 1000 } })
    if (stop.kind === 'booth') actions.openBooth(stop.exhibitorId, { fly: false })
    else actions.enterZone(stop.zoneId)
  }

  const goToStop = (stopIndex: number) => {
    const tour = get().guidedTour
    if (!tour) return
    if (stopIndex >= tour.stops.length) {
      set({ guidedTour: null })
      return get().actions.notify({ kind: 'info', key: 'tour.finished' })
    }
    set({ guidedTour: { ...tour, stopIndex: Math.max(0, stopIndex), status: 'walking', dwellEndsAt: null }, openBoothId: null, mode: 'walk' })
  }

  const routeActions: RouteActions = {
    refreshRouteWalk,
    addStop: (stop) => {
      const route = activeRoute(get())
      const stops = route?.stops ?? []
      if (stops.some((s) => sameStop(s, stop))) return true
      if (stops.length >= VISITOR_LIMITS.stopsPerRoute) return refuse('route.tooManyStops', VISITOR_LIMITS.stopsPerRoute)
      if (!route && get().routes.length >= VISITOR_LIMITS.routes) return refuse('route.tooManyRoutes', VISITOR_LIMITS.routes)
      updateStops([...stops, stop])
      return true
    },
    removeStop: (index) => updateStops((activeRoute(get())?.stops ?? []).filter((_, i) => i !== index)),
    moveStop: (from, to) => {
      const stops = [...(activeRoute(get())?.stops ?? [])]
      if (from < 0 || from >= stops.length || to < 0 || to >= stops.length || from === to) return
      const [moved] = stops.splice(from, 1)
      stops.splice(to, 0, moved)
      updateStops(stops)
    },
    renameRoute: (name) => {
      const route = activeRoute(get())
      if (!route) return routeActions.newRoute(name)
      set({ routes: get().routes.map((r) => (r.id === route.id ? { ...r, name: name.slice(0, VISITOR_LIMITS.routeName) } : r)) })
    },
    newRoute: (name) => {
      if (get().routes.length >= VISITOR_LIMITS.routes) return refuse('route.tooManyRoutes', VISITOR_LIMITS.routes)
      const route: SavedRoute = { id: newRouteId(), name: name.slice(0, VISITOR_LIMITS.routeName), stops: [] }
      set({ routes: [...get().routes, route], activeRouteId: route.id, routeStart: null })
      refreshRouteWalk()
      return true
    },
    selectRoute: (routeId) => {
      if (!get().routes.some((r) => r.id === routeId)) return
      set({ activeRouteId: routeId, routeStart: null })
      refreshRouteWalk()
    },
    deleteRoute: (routeId) => {
      const routes = get().routes.filter((r) => r.id !== routeId)
      const activeRouteId = get().activeRouteId === routeId ? (routes[routes.length - 1]?.id ?? null) : get().activeRouteId
      set({ routes, activeRouteId, routeStart: null })
      refreshRouteWalk()
    },
    saveRouteCopy: ({ name, stops, copiedFrom }) => {
      if (get().routes.length >= VISITOR_LIMITS.routes) return refuse('route.tooManyRoutes', VISITOR_LIMITS.routes)
      if (stops.length > VISITOR_LIMITS.stopsPerRoute) return refuse('route.tooManyStops', VISITOR_LIMITS.stopsPerRoute)
      const route: SavedRoute = { id: newRouteId(), name: name.slice(0, VISITOR_LIMITS.routeName), stops: [...stops], copiedFrom }
      set({ routes: [...get().routes, route], activeRouteId: route.id, routeStart: null })
      refreshRouteWalk()
      return true
    },
    setRouteOptions: (options) => {
      set({ routeOptions: { ...get().routeOptions, ...options } })
      refreshRouteWalk()
    },
    optimiseRoute: () => {
      const { plan, routeOptions } = get()
      const stops = activeRoute(get())?.stops ?? []
      if (!plan || stops.length < 2 || isOrderingRoute()) return Promise.resolve(false)
      const routeStart = routeOptions.startFrom === 'here' ? { x: cameraPose.x, z: cameraPose.z } : null
      const apply = (order: number[]) => {
        // Stops added, removed or moved while the order was worked out: it is an order for other stops.
        const now = activeRoute(get())?.stops ?? []
        if (get().plan !== plan || now.length !== stops.length || now.some((stop, i) => !sameStop(stop, stops[i]))) return false
        updateStops(order.map((i) => stops[i]), { routeStart })
        return true
      }
      const order = orderRoute(plan, stops, { from: routeStart ?? plan.entrance, returnToStart: routeOptions.returnToStart })
      // Without a Worker (the unit tests) the order comes at once and is applied before this returns.
      return Array.isArray(order) ? Promise.resolve(apply(order)) : order.then(apply)
    },

    startTour: ({ routeId, name, stops }) => {
      if (stops.length === 0) return
      set({ guidedTour: { routeId, name, stops: [...stops], stopIndex: 0, status: 'walking', dwellEndsAt: null }, mode: 'walk', openBoothId: null })
    },
    tourArrived: () => {
      const tour = get().guidedTour
      if (tour?.status === 'walking') arriveAtStop(tour)
    },
    tourNext: () => goToStop((get().guidedTour?.stopIndex ?? 0) + 1),
    tourPrevious: () => goToStop((get().guidedTour?.stopIndex ?? 0) - 1),
    tourPause: () => {
      const tour = get().guidedTour
      if (tour && tour.status !== 'paused') set({ guidedTour: { ...tour, status: 'paused', dwellEndsAt: tour.status === 'dwelling' ? -1 : null } })
    },
    tourPlay: () => {
      const tour = get().guidedTour
      if (!tour || tour.status !== 'paused') return
      // Paused while standing at a stop (dwellEndsAt -1): wait there again; paused on the way: walk on.
      if (tour.dwellEndsAt === -1) arriveAtStop({ ...tour, status: 'walking' })
      else set({ guidedTour: { ...tour, status: 'walking', dwellEndsAt: null } })
    },
    exitTour: () => set({ guidedTour: null }),
  }

  return {
    routes: [],
    activeRouteId: null,
    routeOptions: DEFAULT_ROUTE_OPTIONS,
    routeStart: null,
    routeWalk: null,
    guidedTour: null,
    routeActions,
  }
}
