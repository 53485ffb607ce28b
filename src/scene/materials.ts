/**
 * The hall's lit materials in one place: physically based, so the Lightformer environment (HallLight) gives floors,
 * walls and products their sheen, and the baked occlusion that darkens where parts meet the floor.
 */
import * as THREE from 'three'

/** Roughness and metalness per finish; everything else is a plain dielectric. */
export const FINISH = {
  /** Sealed hall floor and aisles: reflects the ceiling's light panels softly. */
  polishedFloor: { roughness: 0.32, metalness: 0 },
  /** Zone carpets: no highlight at all, the colour is the wayfinding. */
  carpet: { roughness: 0.95, metalness: 0 },
  /** Painted walls, columns, roof and trusses. */
  paint: { roughness: 0.7, metalness: 0 },
  /** Stand builds: laminated panels with a little sheen. */
  laminate: { roughness: 0.5, metalness: 0 },
  /** Screens' bezels, product casings. */
  device: { roughness: 0.38, metalness: 0.25 },
} as const satisfies Record<string, { roughness: number; metalness: number }>

export type Finish = keyof typeof FINISH

/**
 * Only the polished floor is physically based: it is what reflects the Lightformers. Everything else is Lambert, lit by
 * the sun and sky lights: in software WebGL a standard material over every stand drew the 1,000-stand hall at over
 * four times today's frame time (2,049 against 462 ms), far past the budget of 1.5 times.
 */
export const PHYSICAL_FINISHES: readonly Finish[] = ['polishedFloor']

export function litMaterial(finish: Finish, options: { vertexColors?: boolean } = {}) {
  const vertexColors = options.vertexColors ?? false
  if (PHYSICAL_FINISHES.includes(finish)) return new THREE.MeshStandardMaterial({ color: '#ffffff', vertexColors, ...FINISH[finish] })
  return new THREE.MeshLambertMaterial({ color: '#ffffff', vertexColors })
}

/** Which finish a stand's part gets; parts not named here (new product kinds) are laminate. */
const PART_FINISH: Partial<Record<string, Finish>> = {
  platform: 'laminate',
  backWall: 'paint',
  sideWalls: 'paint',
  fascia: 'paint',
  counter: 'laminate',
  display: 'device',
}

/** The material of one instanced stand part: the instance colour times the geometry's baked occlusion. */
export function boothPartMaterial(part: string) {
  return litMaterial(PART_FINISH[part] ?? (part.startsWith('product') ? 'device' : 'laminate'), { vertexColors: true })
}

/** How dark the foot of a part gets (1 = black), and how far up the darkening fades out, as a share of its height. */
export const PART_OCCLUSION = { foot: 0.3, reach: 0.6 } as const

/**
 * Bakes ambient occlusion into a unit part's vertex colours: darker towards its foot, where it meets the floor, fading
 * out up its height. Instanced parts multiply it by their instance colour, so one geometry serves every stand. An
 * existing colour attribute is multiplied, not replaced; a geometry is returned with a colour attribute in any case,
 * since a vertex-coloured material reads black where the attribute is missing.
 */
export function withBakedOcclusion<G extends THREE.BufferGeometry>(geometry: G, occlusion: { foot: number; reach: number } = PART_OCCLUSION): G {
  const position = geometry.getAttribute('position')
  geometry.computeBoundingBox()
  const { min, max } = geometry.boundingBox!
  const span = Math.max(max.y - min.y, 1e-6)
  const existing = geometry.getAttribute('color') as THREE.BufferAttribute | undefined
  const colours = new Float32Array(position.count * 3)
  for (let i = 0; i < position.count; i++) {
    const t = Math.min(1, (position.getY(i) - min.y) / span / occlusion.reach)
    // Smooth ease so the darkening hugs the foot instead of a flat ramp.
    const light = 1 - occlusion.foot * (1 - t) * (1 - t)
    for (let c = 0; c < 3; c++) colours[i * 3 + c] = light * (existing ? existing.getComponent(i, c) : 1)
  }
  geometry.setAttribute('color', new THREE.BufferAttribute(colours, 3))
  return geometry
}

/** Height above the floor over which architecture darkens towards the floor (contact occlusion), in metres. */
export const FLOOR_OCCLUSION = { depth: 0.28, reach: 1.4 } as const

/** How much light reaches a point of the architecture at height y: darker just above the floor. */
export function floorOcclusion(y: number) {
  if (y <= 0) return 1 - FLOOR_OCCLUSION.depth
  if (y >= FLOOR_OCCLUSION.reach) return 1
  const t = y / FLOOR_OCCLUSION.reach
  return 1 - FLOOR_OCCLUSION.depth * (1 - t) * (1 - t)
}
