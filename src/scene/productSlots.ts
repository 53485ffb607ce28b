/**
 * The detailed products as one merged mesh of fixed slots: each slot holds one product model, transformed and coloured
 * on the CPU when its stand joins the detailed set, and emptied (degenerate) when it leaves. One draw call on every
 * device: a BatchedMesh is one draw only where WEBGL_multi_draw exists, and without it (software WebGL, some phones)
 * three.js draws each instance on its own, over 130 draw calls in the sample hall.
 */
import * as THREE from 'three'

const _normal = new THREE.Matrix3()
const _v = new THREE.Vector3()

interface Model {
  positions: Float32Array
  normals: Float32Array
  colours: Float32Array
  tints: Float32Array
  vertices: number
}

function modelOf(geometry: THREE.BufferGeometry): Model {
  const flat = geometry.index ? geometry.toNonIndexed() : geometry
  const read = (name: string) => (flat.getAttribute(name) as THREE.BufferAttribute).array as Float32Array
  const model = {
    positions: read('position').slice(),
    normals: read('normal').slice(),
    colours: read('color').slice(),
    tints: read('tint').slice(),
    vertices: flat.getAttribute('position').count,
  }
  if (flat !== geometry) flat.dispose()
  return model
}

export class ProductSlots {
  readonly mesh: THREE.Mesh
  /** Vertices a slot holds: the largest model's. */
  readonly slotVertices: number
  private readonly models: Model[]
  private readonly modelOfSlot: Int32Array
  private readonly position: THREE.BufferAttribute
  private readonly normal: THREE.BufferAttribute
  private readonly colour: THREE.BufferAttribute

  constructor(
    readonly capacity: number,
    geometries: THREE.BufferGeometry[],
    material: THREE.Material,
  ) {
    this.models = geometries.map(modelOf)
    this.slotVertices = Math.max(3, ...this.models.map((m) => m.vertices))
    const vertices = Math.max(1, capacity) * this.slotVertices
    const geometry = new THREE.BufferGeometry()
    this.position = new THREE.BufferAttribute(new Float32Array(vertices * 3), 3).setUsage(THREE.DynamicDrawUsage)
    this.normal = new THREE.BufferAttribute(new Float32Array(vertices * 3), 3).setUsage(THREE.DynamicDrawUsage)
    this.colour = new THREE.BufferAttribute(new Float32Array(vertices * 3), 3).setUsage(THREE.DynamicDrawUsage)
    geometry.setAttribute('position', this.position)
    geometry.setAttribute('normal', this.normal)
    geometry.setAttribute('color', this.colour)
    this.modelOfSlot = new Int32Array(Math.max(1, capacity)).fill(-1)
    this.mesh = new THREE.Mesh(geometry, material)
    // the slots move about the whole hall as the visitor does
    this.mesh.frustumCulled = false
    this.mesh.matrixAutoUpdate = false
  }

  /** Which model slot `slot` shows, or -1 when it is empty. */
  modelAt(slot: number) {
    return this.modelOfSlot[slot]
  }

  /** Puts model `model` in slot `slot`, placed by `matrix`, its main body painted `colour` (the rest keeps its own). */
  set(slot: number, model: number, matrix: THREE.Matrix4, colour: THREE.Color) {
    const m = this.models[model]
    const base = slot * this.slotVertices
    const p = this.position.array as Float32Array
    const n = this.normal.array as Float32Array
    const c = this.colour.array as Float32Array
    _normal.getNormalMatrix(matrix)
    for (let i = 0; i < m.vertices; i++) {
      const o = (base + i) * 3
      _v.fromArray(m.positions, i * 3).applyMatrix4(matrix).toArray(p, o)
      _v.fromArray(m.normals, i * 3).applyMatrix3(_normal).normalize().toArray(n, o)
      const tint = m.tints[i]
      c[o] = m.colours[i * 3] * (1 + (colour.r - 1) * tint)
      c[o + 1] = m.colours[i * 3 + 1] * (1 + (colour.g - 1) * tint)
      c[o + 2] = m.colours[i * 3 + 2] * (1 + (colour.b - 1) * tint)
    }
    // the slot's unused tail: degenerate triangles, which rasterise nothing
    p.fill(0, (base + m.vertices) * 3, (base + this.slotVertices) * 3)
    this.modelOfSlot[slot] = model
    this.touch(slot)
  }

  clear(slot: number) {
    if (this.modelOfSlot[slot] < 0) return
    const base = slot * this.slotVertices
    ;(this.position.array as Float32Array).fill(0, base * 3, (base + this.slotVertices) * 3)
    this.modelOfSlot[slot] = -1
    this.touch(slot)
  }

  private touch(slot: number) {
    const start = slot * this.slotVertices * 3
    const count = this.slotVertices * 3
    for (const attribute of [this.position, this.normal, this.colour]) {
      attribute.addUpdateRange(start, count)
      attribute.needsUpdate = true
    }
  }

  dispose() {
    this.mesh.geometry.dispose()
    ;(this.mesh.material as THREE.Material).dispose()
  }
}
