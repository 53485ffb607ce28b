/** Builds one vertex-coloured BufferGeometry from many transformed parts, so static architecture costs one draw call. */
import * as THREE from 'three'
import { floorOcclusion } from './materials'

export type BoxFace = 'px' | 'nx' | 'py' | 'ny' | 'pz' | 'nz'
const BOX_FACES: BoxFace[] = ['px', 'nx', 'py', 'ny', 'pz', 'nz']

/** Unit box (centred, side 1) without the given faces: unseen faces cost triangles in every instance. */
export function openBox(without: BoxFace[] = []): THREE.BufferGeometry {
  const box = new THREE.BoxGeometry(1, 1, 1)
  if (without.length === 0) return box
  const index = box.getIndex()!
  const kept: number[] = []
  box.groups.forEach((group, i) => {
    if (without.includes(BOX_FACES[i])) return
    for (let k = group.start; k < group.start + group.count; k++) kept.push(index.getX(k))
  })
  box.setIndex(kept)
  box.clearGroups()
  return box
}

const templates = new Map<string, THREE.BufferGeometry>()
/** Cached non-indexed templates for the builder. */
export function template(key: string, make: () => THREE.BufferGeometry) {
  let geometry = templates.get(key)
  if (!geometry) {
    const made = make()
    geometry = made.index ? made.toNonIndexed() : made
    if (!geometry.getAttribute('normal')) geometry.computeVertexNormals()
    geometry.computeBoundingBox()
    templates.set(key, geometry)
  }
  return geometry
}

export const BOX = () => template('box', () => new THREE.BoxGeometry(1, 1, 1))
export const BOX_NO_BOTTOM = () => template('box-no-bottom', () => openBox(['ny']))
export const CYLINDER = (segments = 12) => template(`cyl-${segments}`, () => new THREE.CylinderGeometry(0.5, 0.5, 1, segments))
export const CONE = (segments = 8) => template(`cone-${segments}`, () => new THREE.ConeGeometry(0.5, 1, segments))
export const SPHERE = (detail = 0) => template(`ico-${detail}`, () => new THREE.IcosahedronGeometry(0.5, detail))
export const PLANE = () => template('plane', () => new THREE.PlaneGeometry(1, 1))

const _matrix = new THREE.Matrix4()
const _normalMatrix = new THREE.Matrix3()
const _quat = new THREE.Quaternion()
const _euler = new THREE.Euler()
const _pos = new THREE.Vector3()
const _scale = new THREE.Vector3()
const _v = new THREE.Vector3()
const _n = new THREE.Vector3()
const _colour = new THREE.Color()
const REVERSED = [0, 2, 1]

export interface AddOptions {
  /** Colour at the template's top; the vertical gradient runs from `colour` at the bottom. */
  top?: THREE.Color
  /** Reverse winding and normals, for surfaces seen from inside (dioramas, rooms). */
  inward?: boolean
}

export interface BuilderOptions {
  /** Bake contact occlusion: every vertex darkens with its closeness to the floor (y = 0), as the hall's own parts do. */
  floorOcclusion?: boolean
}

export class MergedGeometryBuilder {
  constructor(private readonly options: BuilderOptions = {}) {}

  private positions: number[] = []
  private normals: number[] = []
  private colours: number[] = []

  get vertexCount() {
    return this.positions.length / 3
  }

  /** Appends a transformed copy of a non-indexed template in one colour (linear RGB from THREE.Color). */
  add(geometry: THREE.BufferGeometry, matrix: THREE.Matrix4, colour: THREE.Color, options: AddOptions = {}) {
    const position = geometry.getAttribute('position')
    const normal = geometry.getAttribute('normal')
    _normalMatrix.getNormalMatrix(matrix)
    const flipNormals = options.inward ? -1 : 1
    // A mirroring matrix flips the winding; reverse the triangle order so front faces stay front faces.
    const mirrored = matrix.determinant() < 0
    const reverse = mirrored !== !!options.inward
    const box = geometry.boundingBox
    const minY = box ? box.min.y : -0.5
    const spanY = box ? Math.max(box.max.y - box.min.y, 1e-6) : 1
    const count = position.count
    for (let tri = 0; tri < count; tri += 3) {
      for (let k = 0; k < 3; k++) {
        const i = tri + (reverse ? REVERSED[k] : k)
        _v.fromBufferAttribute(position, i)
        const t = (_v.y - minY) / spanY
        _v.applyMatrix4(matrix)
        _n.fromBufferAttribute(normal, i).applyMatrix3(_normalMatrix).normalize().multiplyScalar(flipNormals)
        this.positions.push(_v.x, _v.y, _v.z)
        this.normals.push(_n.x, _n.y, _n.z)
        if (options.top) _colour.copy(colour).lerp(options.top, t)
        else _colour.copy(colour)
        if (this.options.floorOcclusion) _colour.multiplyScalar(floorOcclusion(_v.y))
        this.colours.push(_colour.r, _colour.g, _colour.b)
      }
    }
    return this
  }

  /** Appends a template placed at a position with Euler rotation and scale. */
  place(
    geometry: THREE.BufferGeometry,
    position: [number, number, number],
    scale: [number, number, number],
    colour: THREE.Color,
    rotation: [number, number, number] = [0, 0, 0],
    options?: AddOptions,
  ) {
    _matrix.compose(
      _pos.set(position[0], position[1], position[2]),
      _quat.setFromEuler(_euler.set(rotation[0], rotation[1], rotation[2])),
      _scale.set(scale[0], scale[1], scale[2]),
    )
    return this.add(geometry, _matrix, colour, options)
  }

  /** A box by centre and size, turned about the vertical axis. */
  box(cx: number, cy: number, cz: number, sx: number, sy: number, sz: number, colour: THREE.Color, rotY = 0) {
    return this.place(BOX(), [cx, cy, cz], [sx, sy, sz], colour, [0, rotY, 0])
  }

  /** A bar (thin box) from one point to another, e.g. truss diagonals and network links. */
  bar(from: THREE.Vector3, to: THREE.Vector3, thickness: number, colour: THREE.Color) {
    const length = from.distanceTo(to)
    if (length < 1e-6) return this
    _v.subVectors(to, from).normalize()
    _quat.setFromUnitVectors(_n.set(0, 1, 0), _v)
    _matrix.compose(_pos.addVectors(from, to).multiplyScalar(0.5), _quat, _scale.set(thickness, length, thickness))
    return this.add(BOX(), _matrix, colour)
  }

  build(): THREE.BufferGeometry {
    const geometry = new THREE.BufferGeometry()
    geometry.setAttribute('position', new THREE.Float32BufferAttribute(this.positions, 3))
    geometry.setAttribute('normal', new THREE.Float32BufferAttribute(this.normals, 3))
    geometry.setAttribute('color', new THREE.Float32BufferAttribute(this.colours, 3))
    geometry.computeBoundingSphere()
    geometry.computeBoundingBox()
    return geometry
  }
}

/** THREE.Color from a hex string, mixed towards white by `lighten` (0..1). */
export function colour(hex: string, lighten = 0) {
  const c = new THREE.Color(hex)
  if (lighten > 0) c.lerp(new THREE.Color('#ffffff'), lighten)
  return c
}
