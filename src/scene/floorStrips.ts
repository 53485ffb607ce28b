/**
 * The floor as flat coloured strips: outside ground, hall floor, aisles, zone carpets, section tints; two instanced
 * meshes, the polished hard floor that reflects the ceiling's light and the matte carpets.
 */
import * as THREE from 'three'
import type { ContentPack, ZoneId } from '../content/schema'
import type { FloorPlan, Rect } from '../plan/types'
import { PALETTE } from './dimensions'
import { litMaterial } from './materials'

export interface FloorStrip {
  rect: Rect
  /** Height above the floor: later layers sit higher so they never flicker against earlier ones. */
  y: number
  colour: THREE.Color
  /** Carpet is matte; everything else (hall floor, aisles, forecourt, ground) is the polished hard floor. */
  carpet?: boolean
}

/** How far each zone's carpet colour is mixed towards white: dark zone colours would make heavy carpets. */
const CARPET_LIGHTEN: Partial<Record<ZoneId, number>> = { lobby: 0.82, negotiation: 0.55 }
const DEFAULT_CARPET_LIGHTEN = 0.32

export function carpetColour(zoneId: ZoneId, hex: string) {
  return new THREE.Color(hex).lerp(new THREE.Color('#ffffff'), CARPET_LIGHTEN[zoneId] ?? DEFAULT_CARPET_LIGHTEN)
}

export function floorStrips(plan: FloorPlan, pack: Pick<ContentPack, 'zones' | 'exhibitors'>): FloorStrip[] {
  const { hall } = plan
  const colours = new Map(pack.zones.map((z) => [z.id, z.colour]))
  const pad = Math.max(hall.width, hall.depth) * 1.5
  const strips: FloorStrip[] = [
    { rect: { x: hall.x - pad, z: hall.z - pad, width: hall.width + pad * 2, depth: hall.depth + pad * 2 }, y: -0.03, colour: new THREE.Color(PALETTE.outsideGround) },
    { rect: hall, y: 0, colour: new THREE.Color(PALETTE.hallFloor) },
    { rect: plan.boulevard, y: 0.01, colour: new THREE.Color(PALETTE.boulevard) },
    ...plan.crossAisles.map((rect) => ({ rect, y: 0.01, colour: new THREE.Color(PALETTE.aisle) })),
    // Forecourt in front of the entrance.
    {
      rect: { x: plan.entrance.x - 10, z: hall.z - 14, width: 20, depth: 14 },
      y: -0.02,
      colour: new THREE.Color('#e9ecef'),
    },
  ]
  for (const zone of plan.zones) {
    strips.push({ rect: zone.rect, y: 0.02, colour: carpetColour(zone.zoneId, colours.get(zone.zoneId) ?? PALETTE.neutralZone), carpet: true })
  }
  plan.sections.forEach((s, k) => {
    const base = carpetColour(s.zoneId, colours.get(s.zoneId) ?? PALETTE.neutralZone)
    // Alternate a touch darker and lighter so neighbouring provinces read as separate sections.
    const tint = k % 2 === 0 ? base.clone().multiplyScalar(0.92) : base.clone().lerp(new THREE.Color('#ffffff'), 0.18)
    strips.push({ rect: { x: s.rect.x - 0.5, z: s.rect.z - 0.5, width: s.rect.width + 1, depth: s.rect.depth + 1 }, y: 0.03, colour: tint, carpet: true })
  })
  return strips
}

const _m = new THREE.Matrix4()
const _q = new THREE.Quaternion().setFromEuler(new THREE.Euler(-Math.PI / 2, 0, 0))
const _p = new THREE.Vector3()
const _s = new THREE.Vector3()

function createStripMesh(strips: FloorStrip[], name: string, material: THREE.Material) {
  const geometry = new THREE.PlaneGeometry(1, 1)
  const mesh = new THREE.InstancedMesh(geometry, material, Math.max(1, strips.length))
  strips.forEach((s, i) => {
    _m.compose(_p.set(s.rect.x + s.rect.width / 2, s.y, -(s.rect.z + s.rect.depth / 2)), _q, _s.set(s.rect.width, s.rect.depth, 1))
    mesh.setMatrixAt(i, _m)
    mesh.setColorAt(i, s.colour)
  })
  mesh.count = strips.length
  mesh.computeBoundingSphere()
  mesh.name = name
  return mesh
}

/** The hard floor and the carpets: two draw calls, since a carpet must not mirror the ceiling. */
export function createFloorMeshes(strips: FloorStrip[]) {
  return [
    createStripMesh(strips.filter((s) => !s.carpet), 'floor', litMaterial({ polished: true })),
    createStripMesh(strips.filter((s) => s.carpet), 'floor-carpet', litMaterial()),
  ]
}
