/**
 * Soft contact shadows laid out once: a shade round the foot of every stand, counter, display, column, table group
 * and the lobby's dais, dark at the edge and fading to nothing outwards. Computed once from the plan into one
 * instanced mesh of quads and reused every frame for one draw call, so the hall still draws nothing when idle.
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

/** Floats per shadow: centre x, y, z; half width, half depth; yaw; reach; alpha. */
const STRIDE = 8

/**
 * Every soft shadow of the hall as one quad each (two triangles): the fragment shader measures how far outside the
 * footprint it is, in metres, so a stand of any size gets the same soft edge.
 */
export class ShadowQuads {
  private data: number[] = []

  get count() {
    return this.data.length / STRIDE
  }

  /** A rectangle's shadow: centre, size along its own axes, turned by `yaw` about the vertical. */
  rect(x: number, z: number, width: number, depth: number, yaw: number, y: number, alpha: number, reach: number) {
    this.data.push(x, y, z, width / 2, depth / 2, yaw, reach, alpha)
    return this
  }

  /** A round footprint: a square of the same radius whose corners the shader rounds off. */
  disc(x: number, z: number, radius: number, y: number, alpha: number, reach: number) {
    return this.rect(x, z, radius * 2, radius * 2, 0, y, alpha, -reach)
  }

  /** The quads as an instanced geometry: a unit square and one instance per shadow. */
  build() {
    const geometry = new THREE.InstancedBufferGeometry()
    const square = new THREE.PlaneGeometry(1, 1).rotateX(-Math.PI / 2)
    geometry.index = square.index
    geometry.setAttribute('position', square.getAttribute('position'))
    const buffer = new THREE.InstancedInterleavedBuffer(new Float32Array(this.data), STRIDE)
    geometry.setAttribute('shadowCentre', new THREE.InterleavedBufferAttribute(buffer, 3, 0))
    geometry.setAttribute('shadowShape', new THREE.InterleavedBufferAttribute(buffer, 3, 3))
    geometry.setAttribute('shadowFade', new THREE.InterleavedBufferAttribute(buffer, 2, 6))
    geometry.instanceCount = this.count
    geometry.boundingSphere = new THREE.Sphere(new THREE.Vector3(), Infinity)
    return geometry
  }

  /** Shadows as plain numbers, for tests: each with its centre, half size, yaw, reach (negative: round) and alpha. */
  entries() {
    return Array.from({ length: this.count }, (_, k) => {
      const d = this.data.slice(k * STRIDE, (k + 1) * STRIDE)
      return { x: d[0], y: d[1], z: d[2], halfWidth: d[3], halfDepth: d[4], yaw: d[5], reach: d[6], alpha: d[7] }
    })
  }
}

const _m = new THREE.Matrix4()
const _p = new THREE.Vector3()
const _q = new THREE.Quaternion()
const _s = new THREE.Vector3()
const _forward = new THREE.Vector3()

/** The shadows of the whole hall, from the floor plan and the stands' laid-out parts. */
export function floorShadows(plan: Pick<FloorPlan, 'booths' | 'columns' | 'columnSize' | 'tables' | 'tableDiameter' | 'magicCube' | 'magicCubeSize'>, layout: Pick<BoothLayout, 'parts' | 'count'>) {
  const rings = new ShadowQuads()
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
  for (const t of plan.tables) rings.disc(t.centre.x, -t.centre.z, group / 2, FLOOR_Y, SHADOW.tableGroup.alpha, SHADOW.tableGroup.reach)
  rings.disc(plan.magicCube.x, -plan.magicCube.z, (plan.magicCubeSize * 1.7) / 2, FLOOR_Y, SHADOW.dais.alpha, SHADOW.dais.reach)
  return rings
}

export const buildFloorShadows = (...args: Parameters<typeof floorShadows>) => floorShadows(...args).build()

const VERTEX_HEAD = `
attribute vec3 shadowCentre;
attribute vec3 shadowShape;
attribute vec2 shadowFade;
varying vec2 vShadowLocal;
varying vec3 vShadowShape;
varying float vShadowAlpha;
`
/** The unit square grows to the footprint plus its reach, turned and moved into place. */
const VERTEX_BODY = `
  float shadowReach = abs(shadowFade.x);
  vec2 shadowHalf = shadowShape.xy + shadowReach;
  vShadowLocal = position.xz * 2.0 * shadowHalf;
  vShadowShape = vec3(shadowShape.xy, shadowFade.x);
  vShadowAlpha = shadowFade.y;
  float c = cos(shadowShape.z);
  float s = sin(shadowShape.z);
  vec3 transformed = vec3(
    shadowCentre.x + vShadowLocal.x * c + vShadowLocal.y * s,
    shadowCentre.y,
    shadowCentre.z - vShadowLocal.x * s + vShadowLocal.y * c
  );
`
const FRAGMENT_HEAD = `
varying vec2 vShadowLocal;
varying vec3 vShadowShape;
varying float vShadowAlpha;
`
/** Distance outside the footprint (a rectangle, or a circle when the reach is negative), eased to nothing at the reach. */
const FRAGMENT_BODY = `
  float shadowReach = abs(vShadowShape.z);
  float outside = vShadowShape.z < 0.0
    ? max(length(vShadowLocal) - vShadowShape.x, 0.0)
    : length(max(abs(vShadowLocal) - vShadowShape.xy, 0.0));
  // Nothing under the footprint itself: the thing standing there covers it, and a steep view through a low platform
  // must not find a shadow beneath.
  float shade = outside > 0.0 ? 1.0 - clamp(outside / shadowReach, 0.0, 1.0) : 0.0;
  // Nothing to blend: skipped, which matters where the quads cover half the screen (a software renderer pays per pixel).
  if (shade <= 0.0) discard;
  diffuseColor.a *= vShadowAlpha * shade * shade;
`

export function createFloorShadowMesh(geometry: THREE.BufferGeometry) {
  const material = new THREE.MeshBasicMaterial({
    color: '#000000',
    transparent: true,
    depthWrite: false,
    toneMapped: false,
    // Drawn over the carpet it lies on from any distance, without lifting it off the floor.
    polygonOffset: true,
    polygonOffsetFactor: -1,
    polygonOffsetUnits: -1,
  })
  material.onBeforeCompile = (shader) => {
    shader.vertexShader = shader.vertexShader
      .replace('#include <common>', `#include <common>\n${VERTEX_HEAD}`)
      .replace('#include <begin_vertex>', VERTEX_BODY)
    shader.fragmentShader = shader.fragmentShader
      .replace('#include <common>', `#include <common>\n${FRAGMENT_HEAD}`)
      .replace('#include <alphamap_fragment>', `#include <alphamap_fragment>\n${FRAGMENT_BODY}`)
  }
  material.customProgramCacheKey = () => 'floor-shadows'
  const mesh = new THREE.Mesh(geometry, material)
  // The quads are placed in the shader: the mesh's own bounds say nothing.
  mesh.frustumCulled = false
  mesh.name = 'floor-shadows'
  // Under everything else that is transparent (labels, table marks, the route): it belongs to the floor.
  mesh.renderOrder = -1
  return mesh
}
