/**
 * The hall's lit materials in one place: Lambert, lit by HallLight's sun and sky, with the baked occlusion that darkens
 * where parts meet the floor; the polished floor alone mirrors a little of the Lightformer environment.
 */
import * as THREE from 'three'

/**
 * How much of the environment the polished floor mirrors: one cube-map fetch a pixel over Lambert, the sheen of a sealed
 * hall floor. The floor covers most of the screen, so its shader is most of a frame: physically based, it drew the
 * 1,000-stand hall at 2.36 times the frame time before the new look in software WebGL (Blinn-Phong 1.71 times), far
 * past the budget of 1.5; a standard material over every stand was over four times.
 */
export const FLOOR_GLOSS = { reflectivity: 0.1 } as const

/** Materials that mirror the environment: HallLight hands each the cube map once it is drawn; disposed, they leave. */
export const environmentReceivers = new Set<THREE.MeshLambertMaterial>()

/** A matte Lambert material, or with `polished` one that mirrors the environment (the hall floor). */
export function litMaterial({ polished = false, vertexColors = false }: { polished?: boolean; vertexColors?: boolean } = {}) {
  if (!polished) return new THREE.MeshLambertMaterial({ color: '#ffffff', vertexColors })
  const material = new THREE.MeshLambertMaterial({ color: '#ffffff', vertexColors, combine: THREE.MixOperation, reflectivity: FLOOR_GLOSS.reflectivity })
  environmentReceivers.add(material)
  material.addEventListener('dispose', () => environmentReceivers.delete(material))
  return material
}

/** The material of one instanced stand part: the instance colour times the geometry's baked occlusion. */
export function boothPartMaterial() {
  return litMaterial({ vertexColors: true })
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
