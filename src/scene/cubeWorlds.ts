/**
 * The small worlds inside the magic cube, one per featured zone: low-poly dioramas built in a canonical box
 * (interior ±3 m, open towards +z, ground at the bottom) and merged into one vertex-coloured geometry each.
 */
import * as THREE from 'three'
import type { ZoneId } from '../content/schema'
import { BOX, colour, CONE, CYLINDER, MergedGeometryBuilder, PLANE, SPHERE } from './mergedGeometry'

/** Half the interior of the canonical diorama box. */
export const WORLD_HALF = 3
const G = -WORLD_HALF + 0.1 // ground level

const _m = new THREE.Matrix4()
const _local = new THREE.Matrix4()
const _q = new THREE.Quaternion()
const _e = new THREE.Euler()
const _p = new THREE.Vector3()
const _s = new THREE.Vector3()
const _a = new THREE.Vector3()
const _b = new THREE.Vector3()

function compose(x: number, y: number, z: number, rx: number, ry: number, rz: number, sx: number, sy: number, sz: number, out = _m) {
  return out.compose(_p.set(x, y, z), _q.setFromEuler(_e.set(rx, ry, rz)), _s.set(sx, sy, sz))
}

/** Room of the diorama seen from inside: floor, ceiling, back and side walls; the +z side stays open (the window). */
function backdrop(b: MergedGeometryBuilder, floor: string, horizon: string, sky: string) {
  const h = WORLD_HALF - 0.02
  const span = WORLD_HALF * 2
  b.place(PLANE(), [0, -h, 0], [span, span, 1], colour(floor), [-Math.PI / 2, 0, 0])
  b.place(PLANE(), [0, h, 0], [span, span, 1], colour(sky), [Math.PI / 2, 0, 0])
  const options = { top: colour(sky) }
  b.place(PLANE(), [0, 0, -h], [span, span, 1], colour(horizon), [0, 0, 0], options)
  b.place(PLANE(), [-h, 0, 0], [span, span, 1], colour(horizon), [0, Math.PI / 2, 0], options)
  b.place(PLANE(), [h, 0, 0], [span, span, 1], colour(horizon), [0, -Math.PI / 2, 0], options)
}

function chipWafer(b: MergedGeometryBuilder, accent: string) {
  backdrop(b, '#0c1a38', '#123a7a', '#3f8fe8')
  // Circuit traces on the floor.
  for (let k = -4; k <= 4; k++) {
    b.box(k * 0.65, G + 0.01, 0, 0.05, 0.02, 5.6, colour('#38d6ff', 0.1))
    b.box(0, G + 0.01, k * 0.65, 5.6, 0.02, 0.05, colour('#1f6fd1'))
  }
  // The wafer stands tilted towards the window, dies in a grid on its face.
  const wafer = new THREE.Matrix4().copy(compose(0, 0.2, -0.6, Math.PI / 2 - 0.35, 0, 0, 1, 1, 1))
  b.add(CYLINDER(40), _local.multiplyMatrices(wafer, compose(0, 0, 0, 0, 0, 0, 4.4, 0.08, 4.4, new THREE.Matrix4())), colour('#c9d3e0'))
  const die = 0.42
  for (let i = -4; i <= 4; i++) {
    for (let j = -4; j <= 4; j++) {
      const x = i * (die + 0.06)
      const z = j * (die + 0.06)
      if (Math.hypot(x, z) > 1.95) continue
      const tint = (i + j) % 3 === 0 ? accent : (i * j) % 2 === 0 ? '#7fb8ff' : '#b98cff'
      b.add(BOX(), _local.multiplyMatrices(wafer, compose(x, 0.06, z, 0, 0, 0, die, 0.04, die, new THREE.Matrix4())), colour(tint))
    }
  }
  // A packaged chip with gold pins in the foreground.
  b.box(1.6, G + 0.12, 1.6, 1.1, 0.2, 1.1, colour('#1a1f29'))
  for (let k = 0; k < 6; k++) {
    const o = -0.45 + k * 0.18
    b.box(1.6 + o, G + 0.06, 1.6 + 0.62, 0.06, 0.05, 0.18, colour('#e6b847'))
    b.box(1.6 + o, G + 0.06, 1.6 - 0.62, 0.06, 0.05, 0.18, colour('#e6b847'))
    b.box(1.6 + 0.62, G + 0.06, 1.6 + o, 0.18, 0.05, 0.06, colour('#e6b847'))
    b.box(1.6 - 0.62, G + 0.06, 1.6 + o, 0.18, 0.05, 0.06, colour('#e6b847'))
  }
}

function carOnRoad(b: MergedGeometryBuilder, accent: string) {
  backdrop(b, '#8fcf7a', '#e9f6ff', '#7cc3f0')
  b.box(0, G + 0.01, 0, 2.4, 0.02, 5.9, colour('#4a525c'))
  for (let k = -2; k <= 2; k++) b.box(0, G + 0.025, k * 1.2, 0.1, 0.02, 0.6, colour('#ffffff'))
  // City blocks on the horizon.
  for (let k = -3; k <= 3; k++) {
    const h = 1.2 + ((k * 37) % 5) * 0.35 + 1
    b.box(k * 0.85, G + h / 2, -2.6, 0.7, h, 0.5, colour(k % 2 ? '#c9d6e3' : '#b3c4d6'))
  }
  // The car: body, glass cabin, wheels.
  const cz = 0.6
  b.box(0, G + 0.45, cz, 1.3, 0.45, 2.5, colour(accent))
  b.box(0, G + 0.82, cz - 0.15, 1.1, 0.4, 1.3, colour('#bfe6f5'))
  b.box(0, G + 1.03, cz - 0.15, 1.12, 0.04, 1.32, colour(accent))
  for (const x of [-0.66, 0.66]) for (const z of [cz - 0.8, cz + 0.8]) b.place(CYLINDER(10), [x, G + 0.3, z], [0.6, 0.22, 0.6], colour('#22262c'), [0, 0, Math.PI / 2])
  b.box(0, G + 0.5, cz + 1.26, 1.0, 0.08, 0.02, colour('#fff6c8'))
  // Charging post and trees along the road.
  b.box(-1.8, G + 0.6, 1.0, 0.35, 1.2, 0.3, colour('#ffffff'))
  b.box(-1.8, G + 0.9, 1.16, 0.22, 0.25, 0.02, colour(accent))
  for (const [x, z] of [[1.9, -1.2], [2.3, 0.4], [-2.2, -1.6], [1.8, 2.0]] as const) {
    b.place(CYLINDER(6), [x, G + 0.3, z], [0.14, 0.6, 0.14], colour('#8a5a3c'))
    b.place(CONE(8), [x, G + 1.0, z], [0.8, 1.1, 0.8], colour('#3f9d4a'))
  }
}

function windFarm(b: MergedGeometryBuilder, accent: string) {
  backdrop(b, '#8fd18a', '#f2fbff', '#6fb7ee')
  b.place(SPHERE(1), [-1.6, G - 0.6, -2.0], [3.5, 1.6, 2.5], colour('#74c06e'))
  b.place(SPHERE(1), [1.8, G - 0.7, -1.6], [3.2, 1.6, 2.4], colour('#69b563'))
  const turbine = (x: number, z: number, scale: number, spin: number) => {
    const h = 4.2 * scale
    b.place(CYLINDER(8), [x, G + h / 2, z], [0.16 * scale, h, 0.16 * scale], colour('#f6f8fa'))
    b.box(x, G + h, z + 0.05, 0.22 * scale, 0.22 * scale, 0.5 * scale, colour('#f6f8fa'))
    const hub = new THREE.Vector3(x, G + h, z + 0.35 * scale)
    b.place(SPHERE(0), [hub.x, hub.y, hub.z], [0.18 * scale, 0.18 * scale, 0.18 * scale], colour(accent))
    for (let k = 0; k < 3; k++) {
      const a = spin + (k * Math.PI * 2) / 3
      const len = 1.5 * scale
      b.place(BOX(), [hub.x + (Math.sin(a) * len) / 2, hub.y + (Math.cos(a) * len) / 2, hub.z], [0.1 * scale, len, 0.03], colour('#ffffff'), [0, 0, -a])
    }
  }
  turbine(-1.6, -1.8, 1, 0.3)
  turbine(0.6, -2.2, 0.85, 1.1)
  turbine(2.1, -0.9, 0.7, 0.7)
  // Solar panel rows in front.
  for (let row = 0; row < 3; row++) {
    for (let k = -2; k <= 1; k++) {
      b.place(BOX(), [k * 0.95 - 0.4, G + 0.3, 0.8 + row * 0.8], [0.85, 0.04, 0.5], colour('#1d3f7a'), [-0.6, 0, 0])
      b.box(k * 0.95 - 0.4, G + 0.14, 0.8 + row * 0.8, 0.05, 0.28, 0.05, colour('#c3c9d1'))
    }
  }
}

function robotArm(b: MergedGeometryBuilder, accent: string) {
  backdrop(b, '#aab4bf', '#e8ecf0', '#ffffff')
  b.box(0, G + 0.01, 1.2, 5.8, 0.02, 0.08, colour('#f5c400'))
  b.box(0, G + 0.01, -1.6, 5.8, 0.02, 0.08, colour('#f5c400'))
  // Conveyor with parts.
  b.box(0, G + 0.45, -2.1, 5.8, 0.12, 0.9, colour('#2f3640'))
  for (let k = -2; k <= 2; k++) b.box(k * 1.1, G + 0.66, -2.1, 0.5, 0.3, 0.5, colour(k % 2 ? '#d9a441' : '#c3c9d1'))
  for (const x of [-2.6, 2.6]) b.box(x, G + 0.2, -2.1, 0.2, 0.4, 0.8, colour('#5c6b7a'))
  // The arm: base, turntable, shoulder, upper arm, elbow, forearm, wrist and gripper.
  const base = new THREE.Vector3(0.2, G, 0)
  b.place(CYLINDER(16), [base.x, G + 0.2, base.z], [1.2, 0.4, 1.2], colour('#3a4756'))
  b.place(CYLINDER(16), [base.x, G + 0.5, base.z], [0.9, 0.2, 0.9], colour(accent))
  const shoulder = new THREE.Vector3(base.x, G + 0.8, base.z)
  const elbow = new THREE.Vector3(base.x - 0.6, G + 2.6, base.z - 0.5)
  const wrist = new THREE.Vector3(base.x + 0.9, G + 2.2, base.z - 1.4)
  b.place(SPHERE(1), [shoulder.x, shoulder.y, shoulder.z], [0.6, 0.6, 0.6], colour('#3a4756'))
  b.bar(shoulder, elbow, 0.42, colour(accent))
  b.place(SPHERE(1), [elbow.x, elbow.y, elbow.z], [0.5, 0.5, 0.5], colour('#3a4756'))
  b.bar(elbow, wrist, 0.32, colour(accent))
  b.place(SPHERE(1), [wrist.x, wrist.y, wrist.z], [0.34, 0.34, 0.34], colour('#3a4756'))
  const tip = new THREE.Vector3(wrist.x, wrist.y - 0.55, wrist.z - 0.2)
  b.bar(wrist, tip, 0.14, colour('#5c6b7a'))
  b.bar(_a.set(tip.x - 0.15, tip.y, tip.z), _b.set(tip.x - 0.15, tip.y - 0.3, tip.z), 0.06, colour('#2f3640'))
  b.bar(_a.set(tip.x + 0.15, tip.y, tip.z), _b.set(tip.x + 0.15, tip.y - 0.3, tip.z), 0.06, colour('#2f3640'))
}

function neuralNet(b: MergedGeometryBuilder, accent: string) {
  backdrop(b, '#140d33', '#2a1d66', accent)
  const layers = [3, 5, 5, 3]
  const nodes: THREE.Vector3[][] = layers.map((n, li) =>
    Array.from({ length: n }, (_, k) => new THREE.Vector3((li - 1.5) * 1.45, (k - (n - 1) / 2) * 0.95, -0.4 + Math.sin(k + li) * 0.5)),
  )
  for (let li = 0; li < layers.length - 1; li++) {
    for (const a of nodes[li]) for (const c of nodes[li + 1]) b.bar(a, c, 0.035, colour('#8fe3ff', 0.2))
  }
  nodes.forEach((layer, li) =>
    layer.forEach((p) => b.place(SPHERE(1), [p.x, p.y, p.z], [0.36, 0.36, 0.36], colour(li % 3 === 0 ? '#ffffff' : li % 2 ? accent : '#c7b8ff'))),
  )
  // A grid floor like a glowing circuit.
  for (let k = -3; k <= 3; k++) {
    b.box(k * 0.9, G + 0.01, 0, 0.04, 0.02, 5.8, colour('#6a4fd1', 0.2))
    b.box(0, G + 0.01, k * 0.9, 5.8, 0.02, 0.04, colour('#6a4fd1', 0.2))
  }
}

function dnaHelix(b: MergedGeometryBuilder, accent: string) {
  backdrop(b, '#fbe3ea', '#fff4f7', '#ffffff')
  const turns = 22
  const r = 0.9
  for (let k = 0; k < turns; k++) {
    const a = k * 0.55
    const y = -2.5 + (k / (turns - 1)) * 5
    const p1 = new THREE.Vector3(Math.cos(a) * r, y, Math.sin(a) * r - 0.3)
    const p2 = new THREE.Vector3(-Math.cos(a) * r, y, -Math.sin(a) * r - 0.3)
    b.bar(p1, p2, 0.06, colour(k % 2 ? '#9ad0ec' : '#ffd166'))
    b.place(SPHERE(1), [p1.x, p1.y, p1.z], [0.32, 0.32, 0.32], colour(accent))
    b.place(SPHERE(1), [p2.x, p2.y, p2.z], [0.32, 0.32, 0.32], colour('#3a7bd5'))
  }
  for (const [x, y, z, s] of [[-2.1, 1.3, -1.8, 0.7], [2.0, -1.0, -2.0, 0.9], [1.8, 1.8, 0.6, 0.4], [-1.9, -1.7, 0.8, 0.5]] as const) {
    b.place(SPHERE(1), [x, y, z], [s, s, s], colour(accent, 0.6))
  }
}

function lattice(b: MergedGeometryBuilder, accent: string) {
  backdrop(b, '#dff3f1', '#f4fbfa', '#ffffff')
  const points: THREE.Vector3[] = []
  for (let i = -1; i <= 1; i++) for (let j = -1; j <= 1; j++) for (let k = -1; k <= 1; k++) points.push(new THREE.Vector3(i * 1.3, j * 1.3, k * 1.3 - 0.4))
  for (const p of points) {
    for (const q of points) {
      if (p.distanceTo(q) > 1.31 || p === q || p.x + p.y + p.z > q.x + q.y + q.z) continue
      b.bar(p, q, 0.07, colour('#9aa5b1'))
    }
    b.place(SPHERE(1), [p.x, p.y, p.z], [0.38, 0.38, 0.38], colour(accent))
  }
}

function showcase(b: MergedGeometryBuilder, accent: string) {
  backdrop(b, '#eef1f4', '#f7f9fb', '#ffffff')
  for (let k = 0; k < 5; k++) {
    const h = 0.6 + k * 0.45
    b.box(-2 + k, G + h / 2, -0.8 + (k % 2) * 0.8, 0.7, h, 0.7, colour(accent, k * 0.12))
  }
}

const WORLDS: Partial<Record<ZoneId, (b: MergedGeometryBuilder, accent: string) => void>> = {
  'next-gen-it': chipWafer,
  nev: carOnRoad,
  'new-energy': windFarm,
  'high-end-equipment': robotArm,
  ai: neuralNet,
  'life-health': dnaHelix,
  'new-materials': lattice,
}

/** The diorama of a zone in the canonical box; zones without their own world get a showcase of blocks in their colour. */
export function buildCubeWorld(zoneId: ZoneId, accent: string) {
  const b = new MergedGeometryBuilder()
  ;(WORLDS[zoneId] ?? showcase)(b, accent)
  return b.build()
}
