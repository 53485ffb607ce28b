/**
 * The standby picture of every booth screen without a title card of its own at the moment (the far ones): a lit card
 * in the stand's zone colour, one instanced mesh for the whole hall. A screen never shows a black rectangle.
 */
import * as THREE from 'three'
import type { ZoneId } from '../content/schema'
import type { FloorPlan } from '../plan/types'
import type { BoothLayout } from './boothLayout'
import { createCanvas2D, fitText, textureOf } from './canvasText'
import { PALETTE } from './dimensions'

/** The standby card's pixels: 16:9 like the title cards, small, since it is only ever seen from afar. */
export const STANDBY_PIXELS = [192, 108] as const
/** How far a zone colour is mixed towards white on standby: lit, not a dark panel, and still the zone's hue. */
export const STANDBY_LIGHTEN = 0.12
/** Least relative luminance a standby card may have: below it a screen reads as switched off. */
export const STANDBY_MIN_LUMINANCE = 0.2

/** Relative luminance of a linear-RGB colour (what the eye reads as light). */
export const luminance = (c: THREE.Color) => 0.2126 * c.r + 0.7152 * c.g + 0.0722 * c.b

/** The standby colour of a zone: its colour lightened, and lifted further if it would still look dark. */
export function standbyColour(hex: string) {
  const colour = new THREE.Color(hex).lerp(new THREE.Color('#ffffff'), STANDBY_LIGHTEN)
  for (let k = 0; k < 8 && luminance(colour) < STANDBY_MIN_LUMINANCE; k++) colour.lerp(new THREE.Color('#ffffff'), 0.2)
  return colour
}

/** White (tinted per screen by the instance colour): a light sweep, the expo's cube mark and its name. */
function drawStandby(ctx: CanvasRenderingContext2D, w: number, h: number, caption: string) {
  const ground = ctx.createLinearGradient(0, 0, w, h)
  ground.addColorStop(0, '#ffffff')
  ground.addColorStop(1, '#c9d0d9')
  ctx.fillStyle = ground
  ctx.fillRect(0, 0, w, h)
  // A soft diagonal sheen, as on a glossy panel.
  ctx.fillStyle = 'rgba(255, 255, 255, 0.45)'
  ctx.beginPath()
  ctx.moveTo(w * 0.55, 0)
  ctx.lineTo(w * 0.75, 0)
  ctx.lineTo(w * 0.45, h)
  ctx.lineTo(w * 0.25, h)
  ctx.closePath()
  ctx.fill()
  // The cube mark: an isometric outline.
  const cx = w / 2
  const cy = h * 0.4
  const s = h * 0.2
  ctx.strokeStyle = 'rgba(255, 255, 255, 0.95)'
  ctx.lineWidth = 3
  ctx.beginPath()
  ctx.moveTo(cx, cy - s)
  ctx.lineTo(cx + s * 0.87, cy - s / 2)
  ctx.lineTo(cx + s * 0.87, cy + s / 2)
  ctx.lineTo(cx, cy + s)
  ctx.lineTo(cx - s * 0.87, cy + s / 2)
  ctx.lineTo(cx - s * 0.87, cy - s / 2)
  ctx.closePath()
  ctx.moveTo(cx - s * 0.87, cy - s / 2)
  ctx.lineTo(cx, cy)
  ctx.lineTo(cx + s * 0.87, cy - s / 2)
  ctx.moveTo(cx, cy)
  ctx.lineTo(cx, cy + s)
  ctx.stroke()
  ctx.textAlign = 'center'
  ctx.textBaseline = 'middle'
  ctx.fillStyle = 'rgba(255, 255, 255, 0.95)'
  fitText(ctx, caption, cx, h * 0.8, w - 24, 15, 700, 8)
}

/** The standby picture, drawn once for the hall; null where there is no canvas (the colour alone then shows). */
function standbyMap(caption: string): THREE.Texture | null {
  const [w, h] = STANDBY_PIXELS
  const surface = createCanvas2D(w, h)
  if (!surface) return null
  drawStandby(surface.ctx, w, h, caption)
  return textureOf(surface, 2)
}

export interface StandbyScreens {
  mesh: THREE.InstancedMesh
  /** Booth index of each instance. */
  booths: number[]
  /** Shows every standby card except those of the given booths (which show their title card or a video). */
  showAllBut(booths: Iterable<number>): void
  dispose(): void
}

const _hidden = new THREE.Matrix4().makeScale(0, 0, 0)
const _m = new THREE.Matrix4()
/** A hair in front of the screen's face (the display's glass is a millimetre behind it); hidden where a title card shows. */
const _forward = new THREE.Matrix4().makeTranslation(0, 0, 0.002)

/** `caption`: the expo's name as the standby card shows it (from the pack's event). */
export function createStandbyScreens(
  plan: Pick<FloorPlan, 'booths'>,
  layout: Pick<BoothLayout, 'count' | 'hasScreen' | 'screenMatrices'>,
  zoneColours: Map<ZoneId, string>,
  caption: string,
): StandbyScreens {
  const booths: number[] = []
  for (let i = 0; i < layout.count; i++) if (layout.hasScreen[i]) booths.push(i)
  const map = standbyMap(caption)
  const material = new THREE.MeshBasicMaterial({ map, toneMapped: false })
  const mesh = new THREE.InstancedMesh(new THREE.PlaneGeometry(1, 1), material, Math.max(1, booths.length))
  mesh.name = 'screen-standby'
  mesh.count = booths.length
  const place = (k: number) => mesh.setMatrixAt(k, _m.fromArray(layout.screenMatrices, booths[k] * 16).multiply(_forward))
  booths.forEach((b, k) => {
    place(k)
    mesh.setColorAt(k, standbyColour(zoneColours.get(plan.booths[b].zoneId) ?? PALETTE.neutralZone))
  })
  mesh.computeBoundingSphere()
  const instanceOf = new Map(booths.map((b, k) => [b, k]))
  let hidden = new Set<number>()
  return {
    mesh,
    booths,
    showAllBut(except) {
      const next = new Set<number>()
      for (const b of except) {
        const k = instanceOf.get(b)
        if (k !== undefined) next.add(k)
      }
      let changed = false
      for (const k of hidden) {
        if (next.has(k)) continue
        place(k)
        changed = true
      }
      for (const k of next) {
        if (hidden.has(k)) continue
        mesh.setMatrixAt(k, _hidden)
        changed = true
      }
      hidden = next
      if (changed) mesh.instanceMatrix.needsUpdate = true
    },
    dispose() {
      mesh.geometry.dispose()
      material.dispose()
      map?.dispose()
    },
  }
}
