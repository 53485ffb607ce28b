/** Where the lobby's showpieces stand: the magic cube, the results board and the zone directory, from the plan. */
import type { FloorPlan, Point } from '../plan/types'
import { worldZ } from './coords'
import { rectCentre, zoneById } from './landmarks'

/** Results board texture: 16:9 so a 4 × 3 grid of figures stays legible. */
export const RESULTS_PIXELS = [2048, 1152] as const
export const DIRECTORY_PIXELS = [896, 896] as const
export const LOBBY_ATLAS_SIZE = [2048, 2048] as const

export interface BoardPlacement {
  /** World centre of the board face. */
  position: [number, number, number]
  rotationY: number
  width: number
  height: number
  /** Thickness of the frame behind the face. */
  depth: number
}

export function cubeCentre(plan: FloorPlan): [number, number, number] {
  const s = plan.magicCubeSize
  return [plan.magicCube.x, s / 2 + 1.4, worldZ(plan.magicCube)]
}

/** The results board stands on the results wall's rect, its face turned to the visitors coming in. */
export function resultsBoard(plan: FloorPlan): BoardPlacement {
  const r = plan.resultsWall
  const c = rectCentre(r)
  const alongX = r.width >= r.depth
  const length = alongX ? r.width : r.depth
  const thickness = Math.max(0.3, alongX ? r.depth : r.width)
  // A wall across the hall faces the entrance; one along it faces the cube.
  const facing: Point = alongX
    ? { x: 0, z: Math.sign(plan.entrance.z - c.z) || -1 }
    : { x: Math.sign(plan.magicCube.x - c.x) || 1, z: 0 }
  const aspect = RESULTS_PIXELS[1] / RESULTS_PIXELS[0]
  const height = Math.min(length * aspect, 6.4)
  const width = height / aspect
  const rotationY = Math.atan2(facing.x, -facing.z)
  const lift = thickness / 2 + 0.02
  return {
    position: [c.x + facing.x * lift, 0.5 + height / 2, worldZ(c) - facing.z * lift],
    rotationY,
    width,
    height,
    depth: thickness,
  }
}

/** The zone directory hangs in the lobby facing the entrance, clear of the cube. */
export function directoryBoard(plan: FloorPlan): BoardPlacement {
  const lobby = zoneById(plan, 'lobby')
  const s = plan.magicCubeSize
  const size = 4.6
  let spot: Point = lobby ? lobby.sign : { x: plan.magicCube.x, z: plan.magicCube.z + s * 1.5 }
  if (Math.hypot(spot.x - plan.magicCube.x, spot.z - plan.magicCube.z) < s * 1.3) {
    // Beside the cube, on the side away from the results wall.
    const wall = rectCentre(plan.resultsWall)
    const side = Math.sign(plan.magicCube.x - wall.x) || 1
    spot = { x: plan.magicCube.x + side * (s * 1.3 + size / 2), z: plan.magicCube.z }
  }
  return { position: [spot.x, 5.6, worldZ(spot)], rotationY: 0, width: size, height: size, depth: 0.16 }
}
