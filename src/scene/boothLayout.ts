/** Where every part of every stand goes: pure maths from the floor plan to instance matrices and colours, no React. */
import * as THREE from 'three'
import { productLook } from '../content/products'
import type { Product, ZoneId } from '../content/schema'
import type { BoothPlacement, FloorPlan } from '../plan/types'
import { boothOutward, rectCentre, worldZ } from './coords'
import { BOOTH, LABEL_ASPECT, PALETTE } from './dimensions'
import { modelBounds, modelIndex } from './products'

/** The instanced part types of a stand; each becomes one InstancedMesh (one draw call) for the whole hall. */
export const BOOTH_PARTS = [
  'platform',
  'backWall',
  'sideWalls',
  'fascia',
  'counter',
  'display',
] as const
export type BoothPart = (typeof BOOTH_PARTS)[number]

/**
 * Parts with one instance per booth, at `BoothPlacement.index` (picking and highlights rely on it). The others are
 * packed: only stands that have the part get an instance, so hidden parts cost no triangles in a 3000-stand hall.
 */
export const PER_BOOTH_PARTS = ['platform', 'backWall', 'fascia', 'counter', 'display'] as const satisfies readonly BoothPart[]

/** Most instances a stand can have of each part: side walls come in pairs. */
export const MAX_INSTANCES_PER_BOOTH: Record<BoothPart, number> = {
  platform: 1,
  backWall: 1,
  sideWalls: 2,
  fascia: 1,
  counter: 1,
  display: 1,
}

export const isPerBoothPart = (part: BoothPart) => (PER_BOOTH_PARTS as readonly BoothPart[]).includes(part)

export interface PartInstances {
  matrices: Float32Array
  colours: Float32Array
  /** Instances in use: the booth count for per-booth parts, fewer for packed ones. */
  count: number
}

export interface BoothLayout {
  count: number
  parts: Record<BoothPart, PartInstances>
  /** Per booth: the fascia label quad (plane of side 1 scaled to the label). */
  labelMatrices: Float32Array
  /** Per booth: a box enclosing the stand, for picking and the hover outline. */
  hitMatrices: Float32Array
  /** Per booth: world position of the counter, what the debug API projects to the screen. */
  anchors: Float32Array
  /** Per booth: world x, z of the stand's centre, for nearest-booth queries. */
  centres: Float32Array
  /**
   * Per booth: the face of its screen (a plane of side 1 scaled to it), where a title card or a video shows. A stand
   * with a plinth instead gets the same place on its wall or totem, used only when its exhibitor sets a stream.
   */
  screenMatrices: Float32Array
  /** Per booth: 1 where the stand has a screen of its own. */
  hasScreen: Uint8Array
  products: ProductPlacements
}

/** Most products a stand shows: one on the plinth or before the screen, one on the floor, a small one on the counter. */
export const MAX_PRODUCTS_PER_BOOTH = 3

/**
 * The products on show, in booth order: the detailed model's place (its model drawn near the visitor) and a plain box
 * of the same size and colour that stands in for it further away.
 */
export interface ProductPlacements {
  count: number
  /** Per product: the library model (`modelIndex(kind, variant)`). */
  models: Uint16Array
  /** Per product: the world matrix of its model. */
  matrices: Float32Array
  /** Per product: its body colour (linear RGB). */
  colours: Float32Array
  /** Per product: its stand-in box, or -1 for counter-top models, too small to need one far away. */
  proxyOf: Int32Array
  /** Stand-in boxes, packed: matrices and colours. */
  proxyCount: number
  proxyMatrices: Float32Array
  proxyColours: Float32Array
  /** Per booth: its first product and how many it shows. */
  firstOfBooth: Int32Array
  countOfBooth: Uint8Array
}

/** Each stand's products, by exhibitor id; stands of unknown exhibitors show none. */
export type ProductsOf = (exhibitorId: string) => readonly Product[] | undefined

/** Stable 0..1 variety per exhibitor: the same booth always gets the same display and products. */
export function hashUnit(text: string, salt = 0) {
  let h = 2166136261 ^ salt
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i)
    h = Math.imul(h, 16777619)
  }
  h ^= h >>> 13
  h = Math.imul(h, 0x5bd1e995)
  h ^= h >>> 15
  return (h >>> 0) / 4294967296
}

interface ProductPlace {
  /** Local position of the product's foot on the stand. */
  x: number
  y: number
  z: number
  /** The model's scale here (a library model is about 1 m across), and the most a product's own scale may make it. */
  size: number
  limit: number
  /** Whether a stand-in box shows it far away (counter-top models are too small to matter there). */
  proxy: boolean
}
const _centre = new THREE.Vector3()
const _size = new THREE.Vector3()

const _m = new THREE.Matrix4()
const _q = new THREE.Quaternion()
const _p = new THREE.Vector3()
const _s = new THREE.Vector3()
const _up = new THREE.Vector3(0, 1, 0)
const _c = new THREE.Color()
const _white = new THREE.Color('#ffffff')

/** A local frame on a stand: origin at its centre on the floor, local +z pointing out to the aisle. */
class StandFrame {
  cx = 0
  cz = 0
  angle = 0
  cos = 1
  sin = 0
  set(cx: number, cz: number, angle: number) {
    this.cx = cx
    this.cz = cz
    this.angle = angle
    this.cos = Math.cos(angle)
    this.sin = Math.sin(angle)
  }
  /** Writes the world matrix of a unit shape placed at local (x, y, z) with size (sx, sy, sz) into `out`. */
  write(out: Float32Array, slot: number, x: number, y: number, z: number, sx: number, sy: number, sz: number, turn = 0) {
    _p.set(this.cx + x * this.cos + z * this.sin, y, this.cz - x * this.sin + z * this.cos)
    _q.setFromAxisAngle(_up, this.angle + turn)
    _m.compose(_p, _q, _s.set(sx, sy, sz))
    _m.toArray(out, slot * 16)
  }
  world(x: number, y: number, z: number, out: Float32Array, slot: number) {
    out[slot * 3] = this.cx + x * this.cos + z * this.sin
    out[slot * 3 + 1] = y
    out[slot * 3 + 2] = this.cz - x * this.sin + z * this.cos
  }
}

function writeColour(out: Float32Array, slot: number, colour: THREE.Color) {
  out[slot * 3] = colour.r
  out[slot * 3 + 1] = colour.g
  out[slot * 3 + 2] = colour.b
}

/** The stand's width along its open front and its depth, in metres. */
export function standSize(booth: BoothPlacement) {
  const c = rectCentre(booth.rect)
  const out = boothOutward(booth.rect, booth.facing, booth.front)
  const alongX = out.x !== 0
  return {
    centre: c,
    outward: out,
    width: alongX ? booth.rect.depth : booth.rect.width,
    depth: alongX ? booth.rect.width : booth.rect.depth,
  }
}

export function computeBoothLayout(plan: Pick<FloorPlan, 'booths'>, zoneColours: Map<ZoneId, string>, productsOf: ProductsOf = () => undefined): BoothLayout {
  const count = plan.booths.length
  const maxProducts = Math.max(1, count * MAX_PRODUCTS_PER_BOOTH)
  const products: ProductPlacements = {
    count: 0,
    models: new Uint16Array(maxProducts),
    matrices: new Float32Array(maxProducts * 16),
    colours: new Float32Array(maxProducts * 3),
    proxyOf: new Int32Array(maxProducts).fill(-1),
    proxyCount: 0,
    proxyMatrices: new Float32Array(maxProducts * 16),
    proxyColours: new Float32Array(maxProducts * 3),
    firstOfBooth: new Int32Array(Math.max(1, count)),
    countOfBooth: new Uint8Array(Math.max(1, count)),
  }
  const parts = Object.fromEntries(
    BOOTH_PARTS.map((part) => [
      part,
      {
        matrices: new Float32Array(Math.max(1, count * MAX_INSTANCES_PER_BOOTH[part]) * 16),
        colours: new Float32Array(Math.max(1, count * MAX_INSTANCES_PER_BOOTH[part]) * 3),
        count: isPerBoothPart(part) ? count : 0,
      },
    ]),
  ) as Record<BoothPart, PartInstances>
  const labelMatrices = new Float32Array(Math.max(1, count) * 16)
  const hitMatrices = new Float32Array(Math.max(1, count) * 16)
  const anchors = new Float32Array(Math.max(1, count) * 3)
  const centres = new Float32Array(Math.max(1, count) * 2)
  const screenMatrices = new Float32Array(Math.max(1, count) * 16)
  const hasScreen = new Uint8Array(Math.max(1, count))
  const frame = new StandFrame()
  /** Packed parts: the next free instance. */
  const next = (part: BoothPart) => parts[part].count++
  // Same-size stands side by side share one wall: a stand leaves out the wall on its local +x side when a
  // neighbour stands there (that neighbour draws it as its -x wall).
  const cornerKey = (facing: string, size: string, x: number, z: number) => `${facing}|${size}|${x.toFixed(2)}|${z.toFixed(2)}`
  const corners = new Set(plan.booths.map((b) => cornerKey(b.facing, b.size, b.rect.x, b.rect.z)))
  const { platformHeight: ph, wallHeight: wh, wallThickness: t, fasciaDepth: fd, counterHeight: ch } = BOOTH

  for (const booth of plan.booths) {
    const i = booth.index
    const { centre, outward, width: W, depth: D } = standSize(booth)
    // Plan vector → world vector is (x, -z); the stand's local +z turns onto it.
    frame.set(centre.x, worldZ(centre), Math.atan2(outward.x, -outward.z))
    centres[i * 2] = frame.cx
    centres[i * 2 + 1] = frame.cz
    const h1 = hashUnit(booth.exhibitorId)
    const h2 = hashUnit(booth.exhibitorId, 7)
    const zone = new THREE.Color(zoneColours.get(booth.zoneId) ?? PALETTE.neutralZone)
    const island = booth.size === 'island'
    const large = booth.size === 'large'

    // Floor platform on the carpet.
    frame.write(parts.platform.matrices, i, 0, ph / 2, 0, W - 0.1, ph, D - 0.1)
    writeColour(parts.platform.colours, i, _c.set(PALETTE.platform))

    // Back wall in the zone colour (a lighter tint on every other stand), or a central totem on an island.
    const backColour = _c.copy(zone).lerp(_white, h1 < 0.5 ? 0.0 : 0.45)
    writeColour(parts.backWall.colours, i, backColour)
    if (island) {
      const tw = BOOTH.islandTotemWidth
      frame.write(parts.backWall.matrices, i, 0, ph + BOOTH.islandTotemHeight / 2, 0, tw, BOOTH.islandTotemHeight, tw)
    } else {
      frame.write(parts.backWall.matrices, i, 0, ph + wh / 2, -D / 2 + 0.05 + t / 2, W - 0.1, wh, t)
    }

    // Side walls: full depth on standard stands, the back half on large corner stands, none on islands.
    if (!island) {
      const sideDepth = large ? D / 2 : D - 0.1
      const sideZ = large ? -D / 4 : 0
      // Local +x in plan coordinates is (cos a, sin a); the neighbour there starts one stand further along.
      const lx = Math.round(frame.cos)
      const lz = Math.round(frame.sin)
      const r = booth.rect
      const shared = corners.has(cornerKey(booth.facing, booth.size, r.x + lx * r.width, r.z + lz * r.depth))
      for (const sign of shared ? [-1] : [-1, 1]) {
        const k = next('sideWalls')
        frame.write(parts.sideWalls.matrices, k, sign * (W / 2 - 0.05 - t / 2), ph + wh / 2, sideZ, t, wh, sideDepth)
        writeColour(parts.sideWalls.colours, k, _c.set(PALETTE.sideWall))
      }
    }

    // Fascia: between the side walls at the front (standard), a header over the back wall (large), atop the totem (island).
    const fx = 0
    let fy: number
    let fz: number
    let fw: number
    let fh: number
    if (island) {
      fw = Math.min(W * 0.6, 3.2)
      fh = 0.7
      fy = ph + BOOTH.islandTotemHeight + fh / 2
      fz = 0
      frame.write(parts.fascia.matrices, i, fx, fy, fz, fw, fh, 0.3)
      fz += 0.15
    } else if (large) {
      fw = W - 0.1
      fh = 0.7
      fy = ph + wh + fh / 2
      fz = -D / 2 + 0.05 + t / 2
      frame.write(parts.fascia.matrices, i, fx, fy, fz, fw, fh, fd)
      fz += fd / 2
    } else {
      fw = W - 0.2 - 2 * t
      fh = BOOTH.fasciaHeight
      fy = ph + wh - fh / 2
      fz = D / 2 - 0.15
      frame.write(parts.fascia.matrices, i, fx, fy, fz, fw, fh, fd)
      fz += fd / 2
    }
    writeColour(parts.fascia.colours, i, _c.set(PALETTE.fascia))
    const lh = fh - 0.08
    const lw = Math.min(fw - 0.08, lh * LABEL_ASPECT)
    frame.write(labelMatrices, i, fx, fy, fz + 0.012, lw, lh, 1)

    // Counter at the front, in the zone colour.
    const cw = Math.min(1.4, W * 0.4)
    const cx = -W * 0.22
    const cz = D / 2 - 0.55
    frame.write(parts.counter.matrices, i, cx, ph + ch / 2, cz, cw, ch, BOOTH.counterDepth)
    writeColour(parts.counter.colours, i, _c.copy(zone).multiplyScalar(0.85))
    frame.world(cx, ph + ch * 0.75, cz, anchors, i)

    // A screen on the wall, or a plinth; then the exhibitor's first products: before the screen or on the plinth,
    // on the floor, and a small model on the counter.
    const screen = h2 < 0.45
    // The screen's face: just in front of the display box, inside a thin bezel.
    const sw = Math.min(1.8, W * 0.45)
    if (island) frame.write(screenMatrices, i, 0, ph + 1.8, BOOTH.islandTotemWidth / 2 + 0.03 + 0.026, 0.84, 0.49, 1)
    else frame.write(screenMatrices, i, W * 0.18, ph + 1.55, -D / 2 + 0.1 + t + 0.03 + 0.026, sw - 0.06, sw * 0.56 - 0.06, 1)
    hasScreen[i] = screen ? 1 : 0
    const px = W * 0.2
    const pz = -D * 0.05
    if (screen) {
      if (island) frame.write(parts.display.matrices, i, 0, ph + 1.8, BOOTH.islandTotemWidth / 2 + 0.03, 0.9, 0.55, 0.05)
      else frame.write(parts.display.matrices, i, W * 0.18, ph + 1.55, -D / 2 + 0.1 + t + 0.03, sw, sw * 0.56, 0.05)
      writeColour(parts.display.colours, i, _c.set(PALETTE.screen))
    } else {
      frame.write(parts.display.matrices, i, px, ph + 0.45, pz, 0.7, 0.9, 0.7)
      writeColour(parts.display.colours, i, _c.set(PALETTE.plinth))
    }
    const floorLeft = hashUnit(booth.exhibitorId, 14) < 0.5
    const places: ProductPlace[] = [
      screen ? { x: W * 0.24, y: ph, z: -D * 0.02, size: 1, limit: 1.2, proxy: true } : { x: px, y: ph + 0.9, z: pz, size: 0.7, limit: 0.8, proxy: true },
      floorLeft || screen
        ? { x: -W * 0.18, y: ph, z: -D * 0.22, size: 1, limit: 1.2, proxy: true }
        : { x: W * 0.36 - (island ? 0 : 0.2), y: ph, z: -D * 0.3, size: 1, limit: 1.2, proxy: true },
      { x: cx + cw * 0.3, y: ph + ch, z: cz, size: 0.36, limit: 0.42, proxy: false },
    ]
    const shown = productsOf(booth.exhibitorId) ?? []
    products.firstOfBooth[i] = products.count
    products.countOfBooth[i] = Math.min(shown.length, places.length)
    places.slice(0, shown.length).forEach((place, k) => {
      const look = productLook(shown[k], booth.exhibitorId, k)
      const n = products.count++
      const model = modelIndex(look.kind, look.variant)
      const size = Math.min(place.size * look.scale, place.limit)
      // Floor pieces turn a little towards either side of the aisle; those on the plinth and counter face it.
      const turn = place.y === ph ? (hashUnit(booth.exhibitorId, 20 + k) - 0.5) * 0.8 : 0
      products.models[n] = model
      frame.write(products.matrices, n, place.x, place.y, place.z, size, size, size, turn)
      writeColour(products.colours, n, _c.set(look.colour))
      if (place.proxy) {
        const box = modelBounds(model)
        box.getCenter(_centre)
        box.getSize(_size)
        // The local offset of the box's centre turns with the stand and the product.
        const ox = (_centre.x * Math.cos(turn) + _centre.z * Math.sin(turn)) * size
        const oz = (-_centre.x * Math.sin(turn) + _centre.z * Math.cos(turn)) * size
        const proxy = products.proxyCount++
        products.proxyOf[n] = proxy
        writeColour(products.proxyColours, proxy, _c)
        frame.write(products.proxyMatrices, proxy, place.x + ox, place.y + _centre.y * size, place.z + oz, _size.x * size, _size.y * size, _size.z * size, turn)
      }
    })

    const top = island ? ph + BOOTH.islandTotemHeight + 0.7 : large ? ph + wh + 0.7 : ph + wh
    frame.write(hitMatrices, i, 0, top / 2, 0, W, top + 0.02, D)
  }

  return { count, parts, labelMatrices, hitMatrices, anchors, centres, screenMatrices, hasScreen, products }
}
