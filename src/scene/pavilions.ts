/** The recognisable pavilions: the Korea pavilion's hanok gate and giwa eaves, the YRD joint gateway; added to the merged architecture. */
import * as THREE from 'three'
import type { Point } from '../plan/types'
import { BOX, colour, CYLINDER, template, type MergedGeometryBuilder } from './mergedGeometry'
import { KOREA_EAVE_HEIGHT, type KoreaGate } from '../plan/gates'

/** Dancheong palette: vermilion posts, green and blue beams, dark giwa tiles. */
export const DANCHEONG = {
  post: '#b8332b',
  green: '#2e7d5b',
  blue: '#1f4e9c',
  ochre: '#d9a441',
  tile: '#4a5461',
  ridge: '#2a3038',
  stone: '#b9b4aa',
} as const

/**
 * A giwa roof surface, length along x and depth along z: concave slopes from the ridge and eaves that sweep up at the
 * corners, the silhouette that reads as Korean from across the hall.
 */
export function hanokRoofGeometry(length: number, depth: number, rise: number, upturn: number) {
  const segU = 18
  const segV = 8
  const positions: number[] = []
  const indices: number[] = []
  for (let j = 0; j <= segV; j++) {
    const v = (j / segV) * 2 - 1
    for (let i = 0; i <= segU; i++) {
      const u = (i / segU) * 2 - 1
      const slope = Math.pow(1 - Math.abs(v), 1.7)
      const sweep = upturn * Math.pow(Math.abs(u), 4) * (0.4 + 0.6 * Math.abs(v))
      positions.push((u * length) / 2, rise * slope + sweep, (v * depth) / 2)
    }
  }
  for (let j = 0; j < segV; j++) {
    for (let i = 0; i < segU; i++) {
      const a = j * (segU + 1) + i
      const b = a + 1
      const c = a + segU + 1
      const d = c + 1
      indices.push(a, c, b, b, c, d)
    }
  }
  const geometry = new THREE.BufferGeometry()
  geometry.setAttribute('position', new THREE.Float32BufferAttribute(positions, 3))
  geometry.setIndex(indices)
  geometry.computeVertexNormals()
  return geometry
}

const _m = new THREE.Matrix4()
const _q = new THREE.Quaternion()
const _p = new THREE.Vector3()
const _s = new THREE.Vector3()
const _up = new THREE.Vector3(0, 1, 0)

/** Places parts in a frame on the floor: `a` along an edge, `o` outward from it, y up; plan coordinates in, world out. */
class EdgeFrame {
  readonly rotY: number
  constructor(
    readonly origin: Point,
    readonly along: Point,
    readonly outward: Point,
  ) {
    this.rotY = Math.atan2(along.z, along.x)
  }
  matrix(a: number, y: number, o: number, sx: number, sy: number, sz: number, out = _m) {
    const px = this.origin.x + a * this.along.x + o * this.outward.x
    const pz = this.origin.z + a * this.along.z + o * this.outward.z
    return out.compose(_p.set(px, y, -pz), _q.setFromAxisAngle(_up, this.rotY), _s.set(sx, sy, sz))
  }
}

function addRoof(builder: MergedGeometryBuilder, frame: EdgeFrame, a: number, y: number, length: number, depth: number, rise: number, upturn: number) {
  const key = `hanok-${length.toFixed(2)}-${depth.toFixed(2)}-${rise}-${upturn}`
  const roof = template(key, () => hanokRoofGeometry(length, depth, rise, upturn))
  const m = frame.matrix(a, y, 0, 1, 1, 1)
  builder.add(roof, m, colour(DANCHEONG.tile))
  builder.add(roof, m, colour(DANCHEONG.green), { inward: true })
  // Ridge beam along the top.
  builder.add(BOX(), frame.matrix(a, y + rise + 0.08, 0, length * 0.72, 0.22, 0.3), colour(DANCHEONG.ridge))
}

/** The gate and the giwa eaves along the pavilion's front edge. */
export function addKoreaPavilion(builder: MergedGeometryBuilder, gate: KoreaGate) {
  const frame = new EdgeFrame(gate.mid, gate.along, gate.outward)
  const half = gate.width / 2
  const h = gate.height
  // Gate: vermilion posts on stone bases, green and blue beams, a bracket band, then the big curved roof.
  for (const a of [-half, half]) {
    builder.add(BOX(), frame.matrix(a, 0.15, 0, 0.8, 0.3, 0.8), colour(DANCHEONG.stone))
    builder.add(CYLINDER(12), frame.matrix(a, h / 2, 0, 0.5, h, 0.5), colour(DANCHEONG.post))
  }
  builder.add(BOX(), frame.matrix(0, h - 0.25, 0, gate.width + 1.0, 0.5, 0.5), colour(DANCHEONG.green))
  builder.add(BOX(), frame.matrix(0, h - 0.7, 0, gate.width + 0.4, 0.35, 0.4), colour(DANCHEONG.blue))
  builder.add(BOX(), frame.matrix(0, h + 0.1, 0, gate.width + 1.4, 0.25, 0.9), colour(DANCHEONG.ochre))
  addRoof(builder, frame, 0, h + 0.2, gate.width + 4, 3.6, 1.5, 0.9)

  // Eaves on posts along the rest of the front edge (where the walk grid blocks them), lower than the gate.
  const eaveHeight = KOREA_EAVE_HEIGHT
  for (const run of gate.eaves) {
    for (const a of run.posts) builder.add(CYLINDER(8), frame.matrix(a, eaveHeight / 2, 0, 0.34, eaveHeight, 0.34), colour(DANCHEONG.post))
    builder.add(BOX(), frame.matrix(run.centre, eaveHeight - 0.2, 0, run.length + 0.4, 0.3, 0.32), colour(DANCHEONG.green))
    builder.add(BOX(), frame.matrix(run.centre, eaveHeight - 0.52, 0, run.length + 0.2, 0.22, 0.28), colour(DANCHEONG.blue))
    addRoof(builder, frame, run.centre, eaveHeight, run.length + 2, 2.2, 0.7, 0.5)
  }
}

/** The YRD joint gateway: two tall pillars in the zone colour holding the lintel board (drawn with the signs). */
export function addYrdGateway(builder: MergedGeometryBuilder, gateway: { mid: Point; along: Point; outward: Point; width: number; height: number }, zoneColour: string) {
  const frame = new EdgeFrame(gateway.mid, gateway.along, gateway.outward)
  const half = gateway.width / 2
  for (const a of [-half, half]) {
    builder.add(BOX(), frame.matrix(a, gateway.height / 2, 0, 0.8, gateway.height, 0.8), colour(zoneColour))
    builder.add(BOX(), frame.matrix(a, 0.1, 0, 1.2, 0.2, 1.2), colour('#d7dbe0'))
  }
}
