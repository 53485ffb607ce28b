/** Draws scene text onto canvases with the system CJK font stack (no network, no font files) and packs it into atlases. */
import * as THREE from 'three'

/** System fonts that carry Chinese and Korean glyphs on every desktop and phone we target. */
export const FONT_STACK = '"Noto Sans CJK SC","PingFang SC","Microsoft YaHei","Malgun Gothic","Noto Sans CJK KR",sans-serif'

export interface Canvas2D {
  canvas: HTMLCanvasElement
  ctx: CanvasRenderingContext2D
}

/** A 2D canvas, or null where there is none (node tests, jsdom without canvas): callers then skip drawing. */
export function createCanvas2D(width: number, height: number): Canvas2D | null {
  if (typeof document === 'undefined') return null
  try {
    const canvas = document.createElement('canvas')
    canvas.width = width
    canvas.height = height
    const ctx = canvas.getContext('2d')
    return ctx ? { canvas, ctx } : null
  } catch {
    return null
  }
}

/** A texture over the canvas, or an empty texture when there is no canvas so materials still compile. */
export function textureOf(surface: Canvas2D | null, anisotropy = 4): THREE.Texture {
  const texture = surface ? new THREE.CanvasTexture(surface.canvas) : new THREE.Texture()
  texture.colorSpace = THREE.SRGBColorSpace
  texture.anisotropy = anisotropy
  texture.generateMipmaps = true
  texture.minFilter = THREE.LinearMipmapLinearFilter
  return texture
}

export const font = (px: number, weight = 700) => `${weight} ${Math.round(px)}px ${FONT_STACK}`

/** Writes one line at (x, y) in the context's alignment, shrinking the font until it fits maxWidth. */
export function fitText(
  ctx: CanvasRenderingContext2D,
  text: string,
  x: number,
  y: number,
  maxWidth: number,
  px: number,
  weight = 700,
  minPx = 8,
) {
  let size = px
  ctx.font = font(size, weight)
  while (size > minPx && ctx.measureText(text).width > maxWidth) {
    size = Math.max(minPx, size * 0.92)
    ctx.font = font(size, weight)
  }
  ctx.fillText(text, x, y, maxWidth)
  return size
}

/** A pixel rectangle in an atlas canvas and its UV rectangle (offset, scale) for a flipped-Y canvas texture. */
export interface AtlasSlot {
  x: number
  y: number
  width: number
  height: number
  uv: [number, number, number, number]
}

export function slotAt(x: number, y: number, width: number, height: number, atlasWidth: number, atlasHeight: number): AtlasSlot {
  return {
    x,
    y,
    width,
    height,
    uv: [x / atlasWidth, 1 - (y + height) / atlasHeight, width / atlasWidth, height / atlasHeight],
  }
}

/** Shelf packer: fills rows left to right; enough for a few dozen signs of known sizes. */
export class ShelfPacker {
  private cursorX = 0
  private cursorY = 0
  private rowHeight = 0
  constructor(
    readonly width: number,
    readonly height: number,
    private readonly padding = 4,
  ) {}

  /** A slot of the given size, or null when the atlas is full. */
  allocate(width: number, height: number): AtlasSlot | null {
    const w = Math.min(width, this.width)
    if (this.cursorX + w > this.width) {
      this.cursorX = 0
      this.cursorY += this.rowHeight + this.padding
      this.rowHeight = 0
    }
    if (this.cursorY + height > this.height) return null
    const slot = slotAt(this.cursorX, this.cursorY, w, height, this.width, this.height)
    this.cursorX += w + this.padding
    this.rowHeight = Math.max(this.rowHeight, height)
    return slot
  }
}

/** Rounded rectangle path. */
export function roundRect(ctx: CanvasRenderingContext2D, x: number, y: number, w: number, h: number, r: number) {
  ctx.beginPath()
  ctx.moveTo(x + r, y)
  ctx.arcTo(x + w, y, x + w, y + h, r)
  ctx.arcTo(x + w, y + h, x, y + h, r)
  ctx.arcTo(x, y + h, x, y, r)
  ctx.arcTo(x, y, x + w, y, r)
  ctx.closePath()
}

/** Black or white, whichever reads better on the background colour. */
export function inkOn(background: string) {
  // THREE.Color holds linear values, so this is the relative luminance of WCAG; 0.3 splits light from dark fills.
  const c = new THREE.Color(background)
  const luminance = 0.2126 * c.r + 0.7152 * c.g + 0.0722 * c.b
  return luminance > 0.3 ? '#17202b' : '#ffffff'
}
