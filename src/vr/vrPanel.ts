/**
 * In-world panels for the headset (the booth card, the zone menu): a title, a few lines and rows of buttons, drawn
 * with the system CJK fonts onto a canvas that textures a plane. A controller ray or a pinch lands on the plane at a
 * texture coordinate, and `buttonAt` says which button is there. The layout is plain numbers, so it is tested
 * without a canvas; only `drawPanel` paints.
 */
import { fitText, roundRect } from '../scene/canvasText'

export interface PanelButton {
  id: string
  label: string
  /** The panel's main action, drawn filled. */
  primary?: boolean
  /** A toggle that is on (favourite, in the route). */
  pressed?: boolean
}

export interface PanelSpec {
  title: string
  /** Text under the title, one entry a line (long lines shrink to fit). */
  lines?: readonly string[]
  /** Buttons, row by row; a row shares the panel's width. */
  rows: readonly (readonly PanelButton[])[]
}

export interface PlacedButton extends PanelButton {
  x: number
  y: number
  width: number
  height: number
}

export interface PanelLayout {
  spec: PanelSpec
  /** Canvas size in pixels; the plane keeps this aspect. */
  width: number
  height: number
  titleY: number
  lineYs: number[]
  buttons: PlacedButton[]
}

export const PANEL = {
  width: 1024,
  padding: 40,
  titlePx: 52,
  linePx: 34,
  lineGap: 14,
  buttonHeight: 92,
  buttonGap: 18,
  buttonPx: 36,
  /** Metres across in the world: big enough to read at arm's length and beyond. */
  worldWidth: 1.1,
} as const

export function layoutPanel(spec: PanelSpec): PanelLayout {
  const { width, padding, titlePx, linePx, lineGap, buttonHeight, buttonGap } = PANEL
  let y = padding
  const titleY = y + titlePx / 2
  // a panel of buttons alone (the menu's handle) has no title line
  if (spec.title) y += titlePx + lineGap * 1.5
  const lineYs: number[] = []
  for (let i = 0; i < (spec.lines?.length ?? 0); i++) {
    lineYs.push(y + linePx / 2)
    y += linePx + lineGap
  }
  if (spec.title) y += buttonGap
  const buttons: PlacedButton[] = []
  for (const row of spec.rows) {
    if (row.length === 0) continue
    const buttonWidth = (width - 2 * padding - buttonGap * (row.length - 1)) / row.length
    row.forEach((button, i) => buttons.push({ ...button, x: padding + i * (buttonWidth + buttonGap), y, width: buttonWidth, height: buttonHeight }))
    y += buttonHeight + buttonGap
  }
  return { spec, width, height: Math.ceil(y - buttonGap + padding), titleY, lineYs, buttons }
}

/**
 * The button under a texture coordinate of the panel's plane (three.js uv: u across from the left, v up from the
 * bottom), or null between buttons.
 */
export function buttonAt(layout: PanelLayout, u: number, v: number): PlacedButton | null {
  const x = u * layout.width
  const y = (1 - v) * layout.height
  return layout.buttons.find((b) => x >= b.x && x <= b.x + b.width && y >= b.y && y <= b.y + b.height) ?? null
}

/** World height of a panel `PANEL.worldWidth` wide. */
export const panelWorldHeight = (layout: PanelLayout) => (PANEL.worldWidth * layout.height) / layout.width

const COLOURS = {
  background: 'rgba(250, 251, 253, 0.96)',
  border: '#c9d3df',
  title: '#10253f',
  line: '#3b4a5c',
  button: '#e8eef5',
  buttonInk: '#10253f',
  pressed: '#d6ecdf',
  pressedInk: '#135c32',
} as const

export function drawPanel(ctx: CanvasRenderingContext2D, layout: PanelLayout, accent: string, highlighted: string | null) {
  const { width, height, spec, padding } = { ...layout, padding: PANEL.padding }
  ctx.clearRect(0, 0, width, height)
  roundRect(ctx, 2, 2, width - 4, height - 4, 28)
  ctx.fillStyle = COLOURS.background
  ctx.fill()
  ctx.lineWidth = 4
  ctx.strokeStyle = COLOURS.border
  ctx.stroke()
  // the zone's colour as a band on the left, as the booth panel on the page has
  ctx.fillStyle = accent
  ctx.fillRect(2, 26, 10, height - 52)

  ctx.textBaseline = 'middle'
  // fitText writes at the context's alignment: lines from the left margin, labels centred on their buttons
  ctx.textAlign = 'left'
  ctx.fillStyle = COLOURS.title
  fitText(ctx, spec.title, padding, layout.titleY, width - 2 * padding, PANEL.titlePx, 700, 14)
  ctx.fillStyle = COLOURS.line
  spec.lines?.forEach((line, i) => fitText(ctx, line, padding, layout.lineYs[i], width - 2 * padding, PANEL.linePx, 400, 14))

  ctx.textAlign = 'center'
  for (const b of layout.buttons) {
    roundRect(ctx, b.x, b.y, b.width, b.height, 18)
    ctx.fillStyle = b.primary ? accent : b.pressed ? COLOURS.pressed : COLOURS.button
    ctx.fill()
    if (b.id === highlighted) {
      ctx.lineWidth = 6
      ctx.strokeStyle = COLOURS.title
      ctx.stroke()
    }
    ctx.fillStyle = b.primary ? '#ffffff' : b.pressed ? COLOURS.pressedInk : COLOURS.buttonInk
    fitText(ctx, b.pressed ? `✓ ${b.label}` : b.label, b.x + b.width / 2, b.y + b.height / 2, b.width - 24, PANEL.buttonPx, 700, 14)
  }
}

