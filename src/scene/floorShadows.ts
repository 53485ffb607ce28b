/**
 * Soft contact shadows baked once into one mesh: a ring round the foot of every stand, counter, display, column, table
 * group and the lobby's dais, dark at the edge and fading to nothing outwards (vertex alpha). Drawn once into the
 * geometry and reused every frame for one draw call, so the hall still draws nothing when idle.
 */
import * as THREE from 'three'
import type { FloorPlan } from '../plan/types'
import type { BoothLayout } from './boothLayout'
import { BOOTH } from './dimensions'

/** Darkness at the foot (alpha of black) and how far the shadow reaches out, in metres, per kind of thing. */
export const SHADOW = {
  stand: { alpha: 0.28, reach: 1.0 },
  fitting: { alpha: 0.4, reach: 0.4 },
  column: { alpha: 0.22, reach: 0.9 },
  tableGroup: { alpha: 0.14, reach: 0.7 },
  dais: { alpha: 0.2, reach: 1.2 },
} as const

/** Over the carpets and section tints (0.02–0.03), under the table marks (0.045) and the route (0.06). */
const FLOOR_Y = 0.036
/** Just over a stand's platform top. */
const PLATFORM_Y = BOOTH.platformHeight + 0.006
/** Stand parts that stand on the platform and get their own shadow. */
const FITTINGS = ['counter', 'display'] as const

export class ShadowRings {
  readonly positions: number[] = []
  readonly colours: number[] = []

  get triangles() {
    return this.positions.length / 9
  }

  /** A ring round a convex outline (world x, z, counter-clockwise or not), darkest at the outline. */
  ring(outline: [number, number][], y: number, alpha: number, reach: number) {
    const n = outline.length
    // The centre tells which side of each edge is outside.
    let cx = 0
    let cz = 0
    for (const [x, z] of outline) {
      cx += x / n
      cz += z / n
    }
    const outer = outline.map(([x, z], k): [number, number] => {
      const miter = cornerMiter(outline[(k + n - 1) % n], [x, z], outline[(k + 1) % n], x - cx, z - cz)
      return [x + miter[0] * reach, z + miter[1] * reach]
    })
    for (let k = 0; k < n; k++) {
      const a = outline[k]
      const b = outline[(k + 1) % n]
      const c = outer[(k + 1) % n]
      const d = outer[k]
      this.vertex(a, y, alpha).vertex(d, y, 0).vertex(b, y, alpha)
      this.vertex(b, y, alpha).vertex(d, y, 0).vertex(c, y, 0)
    }
    return this
  }

  /** A rectangle's ring: centre, size along its own axes, turned by `yaw` about the vertical. */
  rect(x: number, z: number, width: number, depth: number, yaw: number, y: number, alpha: number, reach: number) {
    const cos = Math.cos(yaw)
    const sin = Math.sin(yaw)
    const corner = (u: number, v: number): [number, number] => [x + u * cos + v * sin, z - u * sin + v * cos]
    const w = width / 2
    const d = depth / 2
    return this.ring([corner(-w, -d), corner(w, -d), corner(w, d), corner(-w, d)], y, alpha, reach)
  }

  private vertex([x, z]: [number, number], y: number, alpha: number) {
    this.positions.push(x, y, z)
    this.colours.push(0, 0, 0, alpha)
    return this
  }

  build() {
    const geometry = new THREE.BufferGeometry()
    geometry.setAttribute('position', new THREE.Float32BufferAttribute(this.positions, 3))
    // Four components: three draws them with vertex alpha.
    geometry.setAttribute('color', new THREE.Float32BufferAttribute(this.colours, 4))
    geometry.computeBoundingSphere()
    return geometry
  }
}

/** How to move a corner so both its edges move outward by one unit (the corner's miter). */
function cornerMiter(prev: [number, number], at: [number, number], next: [number, number], fallbackX: number, fallbackZ: number): [number, number] {
  const n1 = outwardNormal(prev, at, fallbackX, fallbackZ)
  const n2 = outwardNormal(at, next, fallbackX, fallbackZ)
  const mx = n1[0] + n2[0]
  const mz = n1[1] + n2[1]
  const dot = (mx * n1[0] + mz * n1[1]) / 2
  const scale = dot > 1e-3 ? 1 / (2 * dot) : 0
  return [mx * scale, mz * scale]
}

/** The normal of edge a→b that points away from the shape (same side as the corner's offset from the centre). */
function outwardNormal(a: [number, number], b: [number, number], awayX: number, awayZ: number): [number, number] {
  const ex = b[0] - a[0]
  const ez = b[1] - a[1]
  const length = Math.hypot(ex, ez) || 1
  let nx = ez / length
  let nz = -ex / length
  if (nx * awayX + nz * awayZ < 0) {
    nx = -nx
    nz = -nz
  }
  return [nx, nz]
}

const _m = new THREE.Matrix4()
const _p = new THREE.Vector3()
const _q = new THREE.Quaternion()
const _s = new THREE.Vector3()
const _forward = new THREE.Vector3()

/** The shadows of the whole hall, from the floor plan and the stands' laid-out parts. */
export function buildFloorShadows(plan: Pick<FloorPlan, 'booths' | 'columns' | 'columnSize' | 'tables' | 'tableDiameter' | 'magicCube' | 'magicCubeSize'>, layout: Pick<BoothLayout, 'parts' | 'count'>) {
  const rings = new ShadowRings()
  for (const booth of plan.booths) {
    const { x, z, width, depth } = booth.rect
    rings.rect(x + width / 2, -(z + depth / 2), width - 0.1, depth - 0.1, 0, FLOOR_Y, SHADOW.stand.alpha, SHADOW.stand.reach)
  }
  for (const part of FITTINGS) {
    const instances = layout.parts[part]
    if (!instances) continue
    for (let i = 0; i < instances.count; i++) {
      _m.fromArray(instances.matrices, i * 16).decompose(_p, _q, _s)
      // Only what stands on the platform: a screen hung on a wall casts no contact shadow.
      if (_p.y - _s.y / 2 > PLATFORM_Y + 0.05) continue
      _forward.set(0, 0, 1).applyQuaternion(_q)
      rings.rect(_p.x, _p.z, _s.x, _s.z, Math.atan2(_forward.x, _forward.z), PLATFORM_Y, SHADOW.fitting.alpha, SHADOW.fitting.reach)
    }
  }
  for (const c of plan.columns) rings.rect(c.x, -c.z, plan.columnSize, plan.columnSize, 0, FLOOR_Y, SHADOW.column.alpha, SHADOW.column.reach)
  // A table with its chairs round it: one soft pool of shade.
  const group = plan.tableDiameter + 1.1
  for (const t of plan.tables) rings.ring(polygon(t.centre.x, -t.centre.z, group / 2, 10), FLOOR_Y, SHADOW.tableGroup.alpha, SHADOW.tableGroup.reach)
  rings.ring(polygon(plan.magicCube.x, -plan.magicCube.z, (plan.magicCubeSize * 1.7) / 2, 40), FLOOR_Y, SHADOW.dais.alpha, SHADOW.dais.reach)
  return rings.build()
}

function polygon(x: number, z: number, radius: number, sides: number): [number, number][] {
  return Array.from({ length: sides }, (_, k) => {
    const a = (k / sides) * Math.PI * 2
    return [x + Math.sin(a) * radius, z + Math.cos(a) * radius] as [number, number]
  })
}

export function createFloorShadowMesh(geometry: THREE.BufferGeometry) {
  const material = new THREE.MeshBasicMaterial({
    vertexColors: true,
    transparent: true,
    depthWrite: false,
    toneMapped: false,
    // Drawn over the carpet it lies on from any distance, without lifting it off the floor.
    polygonOffset: true,
    polygonOffsetFactor: -2,
    polygonOffsetUnits: -2,
  })
  const mesh = new THREE.Mesh(geometry, material)
  mesh.name = 'floor-shadows'
  // Under everything else that is transparent (labels, table marks, the route): it belongs to the floor.
  mesh.renderOrder = -1
  return mesh
}
