/**
 * Builds one low-poly product model from a few primitives into a single non-indexed BufferGeometry: vertex colours
 * for its parts, and a `tint` attribute (1 on the main body) that lets the instance colour paint the body only.
 */
import * as THREE from 'three'

export interface PartOptions {
  /** The main body: drawn white here and painted by the instance colour. */
  main?: boolean
  /** A fixed colour for a secondary part (ignored on the main body). */
  colour?: string
  /** Rotations in radians, applied x then y then z. */
  rx?: number
  ry?: number
  rz?: number
}

const _m = new THREE.Matrix4()
const _e = new THREE.Euler()
const _q = new THREE.Quaternion()
const _p = new THREE.Vector3()
const _s = new THREE.Vector3(1, 1, 1)
const _c = new THREE.Color()
const DEFAULT_PART = '#5c6b7a'

export class ModelBuilder {
  private positions: number[] = []
  private normals: number[] = []
  private colours: number[] = []
  private tints: number[] = []

  /** Adds a primitive centred at (x, y, z); its own geometry is disposed once copied. */
  add(geometry: THREE.BufferGeometry, x: number, y: number, z: number, o: PartOptions = {}) {
    const flat = geometry.index ? geometry.toNonIndexed() : geometry
    _q.setFromEuler(_e.set(o.rx ?? 0, o.ry ?? 0, o.rz ?? 0))
    flat.applyMatrix4(_m.compose(_p.set(x, y, z), _q, _s))
    const position = flat.getAttribute('position')
    const normal = flat.getAttribute('normal')
    _c.set(o.main ? '#ffffff' : (o.colour ?? DEFAULT_PART))
    for (let i = 0; i < position.count; i++) {
      this.positions.push(position.getX(i), position.getY(i), position.getZ(i))
      this.normals.push(normal.getX(i), normal.getY(i), normal.getZ(i))
      this.colours.push(_c.r, _c.g, _c.b)
      this.tints.push(o.main ? 1 : 0)
    }
    if (flat !== geometry) flat.dispose()
    geometry.dispose()
    return this
  }

  box(sx: number, sy: number, sz: number, x: number, y: number, z: number, o?: PartOptions) {
    return this.add(new THREE.BoxGeometry(sx, sy, sz), x, y, z, o)
  }

  /** A cylinder (or cone, with one radius 0) of `segments` sides along y. */
  cylinder(radiusTop: number, radiusBottom: number, height: number, segments: number, x: number, y: number, z: number, o?: PartOptions) {
    return this.add(new THREE.CylinderGeometry(radiusTop, radiusBottom, height, segments, 1), x, y, z, o)
  }

  sphere(radius: number, widthSegments: number, heightSegments: number, x: number, y: number, z: number, o?: PartOptions) {
    return this.add(new THREE.SphereGeometry(radius, widthSegments, heightSegments), x, y, z, o)
  }

  build(name: string) {
    const geometry = new THREE.BufferGeometry()
    geometry.setAttribute('position', new THREE.Float32BufferAttribute(this.positions, 3))
    geometry.setAttribute('normal', new THREE.Float32BufferAttribute(this.normals, 3))
    geometry.setAttribute('color', new THREE.Float32BufferAttribute(this.colours, 3))
    geometry.setAttribute('tint', new THREE.Float32BufferAttribute(this.tints, 1))
    geometry.computeBoundingBox()
    geometry.computeBoundingSphere()
    geometry.name = name
    return geometry
  }
}
