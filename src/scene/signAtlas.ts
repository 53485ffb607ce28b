/** Paints every sign of the hall into one canvas atlas (one texture, one material) and keeps each sign's UV slot. */
import type * as THREE from 'three'
import { createCanvas2D, fitText, font, inkOn, roundRect, ShelfPacker, textureOf, type AtlasSlot } from './canvasText'
import type { SignArt, SignArtSpec } from './signLayout'

export const SIGN_ATLAS_SIZE = 2048

export interface SignAtlas {
  texture: THREE.Texture
  slots: Map<string, AtlasSlot>
}

export function buildSignAtlas(specs: SignArtSpec[]): SignAtlas {
  const surface = createCanvas2D(SIGN_ATLAS_SIZE, SIGN_ATLAS_SIZE)
  const packer = new ShelfPacker(SIGN_ATLAS_SIZE, SIGN_ATLAS_SIZE, 6)
  const slots = new Map<string, AtlasSlot>()
  // Tallest first packs the shelves tighter.
  const ordered = [...specs].sort((a, b) => b.pixels[1] - a.pixels[1])
  for (const spec of ordered) {
    if (slots.has(spec.key)) continue
    const slot = packer.allocate(spec.pixels[0], spec.pixels[1])
    if (!slot) {
      console.warn(`sign atlas full: ${spec.key} left out`)
      continue
    }
    slots.set(spec.key, slot)
    if (surface) drawSignArt(surface.ctx, slot, spec.art)
  }
  return { texture: textureOf(surface, 8), slots }
}

export function drawSignArt(ctx: CanvasRenderingContext2D, slot: AtlasSlot, art: SignArt) {
  const { x, y, width: w, height: h } = slot
  ctx.save()
  ctx.beginPath()
  ctx.rect(x, y, w, h)
  ctx.clip()
  ctx.textAlign = 'center'
  ctx.textBaseline = 'middle'
  const cx = x + w / 2
  switch (art.kind) {
    case 'zone': {
      ctx.fillStyle = art.colour
      ctx.fillRect(x, y, w, h)
      // A light band along the bottom edge, as on real hanging banners.
      ctx.fillStyle = 'rgba(255,255,255,0.85)'
      ctx.fillRect(x, y + h - 8, w, 8)
      ctx.fillStyle = inkOn(art.colour)
      if (art.ko) {
        fitText(ctx, art.zh, cx, y + h * 0.3, w - 48, h * 0.4)
        fitText(ctx, `${art.ko}  ·  ${art.en}`, cx, y + h * 0.72, w - 48, h * 0.2, 600)
      } else {
        fitText(ctx, art.zh, cx, y + h * 0.36, w - 48, h * 0.46)
        fitText(ctx, art.en, cx, y + h * 0.76, w - 48, h * 0.2, 600)
      }
      break
    }
    case 'title': {
      ctx.fillStyle = art.colour
      ctx.fillRect(x, y, w, h)
      ctx.fillStyle = '#ffffff'
      fitText(ctx, art.zh, cx, y + h * 0.38, w - 60, h * 0.36)
      fitText(ctx, art.en, cx, y + h * 0.76, w - 60, h * 0.18, 600)
      break
    }
    case 'section': {
      ctx.fillStyle = '#ffffff'
      ctx.fillRect(x, y, w, h)
      ctx.fillStyle = art.colour
      ctx.fillRect(x, y, 18, h)
      ctx.fillRect(x, y + h - 6, w, 6)
      ctx.fillStyle = '#17202b'
      fitText(ctx, art.zh, cx + 9, y + h * 0.38, w - 56, h * 0.42)
      ctx.fillStyle = '#3d4a57'
      fitText(ctx, art.en, cx + 9, y + h * 0.77, w - 56, h * 0.2, 600)
      break
    }
    case 'caption': {
      ctx.fillStyle = '#ffffff'
      ctx.fillRect(x, y, w, h)
      ctx.fillStyle = art.colour
      ctx.fillRect(x, y + h - 10, w, 10)
      ctx.fillStyle = '#17202b'
      fitText(ctx, art.zh, cx, y + h * 0.34, w - 30, h * 0.42)
      ctx.fillStyle = '#3d4a57'
      fitText(ctx, art.en, cx, y + h * 0.72, w - 30, h * 0.2, 600)
      break
    }
    case 'taegeuk': {
      drawTaegeukBanner(ctx, slot, art)
      break
    }
  }
  ctx.restore()
}

/** Ivory banner with a dancheong border (red, green, blue) and the taegeuk circle, then Korean, Chinese, English. */
function drawTaegeukBanner(ctx: CanvasRenderingContext2D, slot: AtlasSlot, art: Extract<SignArt, { kind: 'taegeuk' }>) {
  const { x, y, width: w, height: h } = slot
  ctx.fillStyle = '#f4efe4'
  ctx.fillRect(x, y, w, h)
  const bands = ['#2e7d5b', '#1f4e9c', '#c8102e']
  bands.forEach((c, i) => {
    ctx.strokeStyle = c
    ctx.lineWidth = 5
    roundRect(ctx, x + 4 + i * 6, y + 4 + i * 6, w - 8 - i * 12, h - 8 - i * 12, 10)
    ctx.stroke()
  })
  const r = h * 0.2
  const cx = x + w / 2
  const cy = y + h * 0.34
  // The taegeuk: red above, blue below, the two commas interlocking.
  ctx.fillStyle = '#0047a0'
  ctx.beginPath()
  ctx.arc(cx, cy, r, 0, Math.PI * 2)
  ctx.fill()
  ctx.fillStyle = '#cd2e3a'
  ctx.beginPath()
  ctx.arc(cx, cy, r, Math.PI, Math.PI * 2)
  ctx.fill()
  ctx.beginPath()
  ctx.arc(cx - r / 2, cy, r / 2, 0, Math.PI * 2)
  ctx.fill()
  ctx.fillStyle = '#0047a0'
  ctx.beginPath()
  ctx.arc(cx + r / 2, cy, r / 2, 0, Math.PI * 2)
  ctx.fill()
  ctx.textAlign = 'center'
  ctx.textBaseline = 'middle'
  ctx.fillStyle = '#17202b'
  fitText(ctx, art.ko, cx, y + h * 0.66, w - 40, h * 0.12)
  ctx.fillStyle = '#3d4a57'
  fitText(ctx, art.zh, cx, y + h * 0.78, w - 40, h * 0.09)
  ctx.font = font(h * 0.06, 600)
  fitText(ctx, art.en, cx, y + h * 0.88, w - 40, h * 0.065, 600)
}
