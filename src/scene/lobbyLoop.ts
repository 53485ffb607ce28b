/**
 * The lobby screen's loop: the results board, then pages about the convention from the pack (headline figures, the
 * zones, the never-closing expo), a page every LOOP_SECONDS. It never asks for a frame of its own: a page turns only
 * in a frame the hall draws anyway (the cube's turn, the visitor's moves) with the board in view, so an idle hall
 * still draws nothing.
 */
import type { ContentPack } from '../content/schema'
import { fitText, font, roundRect, slotAt, type AtlasSlot } from './canvasText'

export const LOOP_PAGES = ['results', 'figures', 'zones', 'slogan'] as const
export type LoopPage = (typeof LOOP_PAGES)[number]

/** Long enough to read a page of figures from across the lobby. */
export const LOOP_SECONDS = 8
/** The pages after the results board, 16:9 like it, in one texture of their own (the board's atlas is full). */
export const LOOP_PAGE_PIXELS = [1024, 576] as const
export const LOOP_ATLAS_SIZE = [1024, 2048] as const

/** The page shown `elapsed` seconds into the loop. */
export function loopPageAt(elapsed: number): LoopPage {
  const step = Math.floor(Math.max(0, elapsed) / LOOP_SECONDS)
  return LOOP_PAGES[step % LOOP_PAGES.length]
}

/** Where each page after the results board sits in the loop texture. */
export function loopSlots(): Record<Exclude<LoopPage, 'results'>, AtlasSlot> {
  const [w, h] = LOOP_PAGE_PIXELS
  const [W, H] = LOOP_ATLAS_SIZE
  return {
    figures: slotAt(0, 0, w, h, W, H),
    zones: slotAt(0, h + 8, w, h, W, H),
    slogan: slotAt(0, (h + 8) * 2, w, h, W, H),
  }
}

const lobbyAccent = (pack: ContentPack) => pack.zones.find((z) => z.id === 'lobby')?.colour ?? '#1d4f91'
const formatValue = (value: number) => (Number.isInteger(value) ? String(value) : value.toFixed(1))

function band(ctx: CanvasRenderingContext2D, slot: AtlasSlot, accent: string, zh: string, en: string) {
  const { x, y, width: w } = slot
  ctx.fillStyle = accent
  ctx.fillRect(x, y, w, 96)
  ctx.textAlign = 'center'
  ctx.textBaseline = 'middle'
  ctx.fillStyle = '#ffffff'
  fitText(ctx, zh, x + w / 2, y + 36, w - 80, 40)
  fitText(ctx, en, x + w / 2, y + 74, w - 80, 22, 600)
}

/** The first three results figures, large. */
function drawFigures(ctx: CanvasRenderingContext2D, slot: AtlasSlot, pack: ContentPack) {
  const { x, y, width: w, height: h } = slot
  const accent = lobbyAccent(pack)
  band(ctx, slot, accent, `${pack.event.name['zh-CN']} · 大会成果`, `${pack.event.name.en} · Results`)
  const figures = pack.results.figures.slice(0, 3)
  const cellW = w / Math.max(1, figures.length)
  figures.forEach((f, i) => {
    const cx = x + cellW * i + cellW / 2
    const value = formatValue(f.value)
    ctx.textAlign = 'center'
    ctx.fillStyle = accent
    fitText(ctx, value, cx, y + 230, cellW - 40, 110)
    ctx.fillStyle = '#17202b'
    fitText(ctx, f.unit['zh-CN'], cx, y + 318, cellW - 40, 34, 600)
    fitText(ctx, f.label['zh-CN'], cx, y + 392, cellW - 40, 34)
    ctx.fillStyle = '#4a5866'
    fitText(ctx, f.label.en, cx, y + 436, cellW - 40, 22, 600)
    fitText(ctx, `${value} ${f.unit.en}`, cx, y + 470, cellW - 40, 20, 500)
  })
  ctx.fillStyle = '#6b7785'
  fitText(ctx, `来源 Source：${pack.event.source.title}`, x + w / 2, y + h - 32, w - 80, 18, 500)
}

/** Every zone of the hall as a tile in its colour, with its stand count. */
function drawZones(ctx: CanvasRenderingContext2D, slot: AtlasSlot, pack: ContentPack) {
  const { x, y, width: w, height: h } = slot
  band(ctx, slot, lobbyAccent(pack), '展区一览', 'The zones of the hall')
  const zones = pack.zones.filter((z) => z.id !== 'lobby')
  const stands = new Map<string, number>()
  for (const e of pack.exhibitors) stands.set(e.zone, (stands.get(e.zone) ?? 0) + 1)
  const columns = 4
  const rows = Math.max(1, Math.ceil(zones.length / columns))
  const gap = 10
  const top = y + 112
  const cellW = (w - 40 - gap * (columns - 1)) / columns
  const cellH = (h - 112 - 24 - gap * (rows - 1)) / rows
  zones.forEach((zone, i) => {
    const cx = x + 20 + (i % columns) * (cellW + gap)
    const cy = top + Math.floor(i / columns) * (cellH + gap)
    ctx.fillStyle = zone.colour
    roundRect(ctx, cx, cy, cellW, cellH, 8)
    ctx.fill()
    // A darker foot so white text reads on the lightest zone colours.
    ctx.fillStyle = 'rgba(10, 20, 32, 0.3)'
    ctx.fillRect(cx, cy + cellH * 0.55, cellW, cellH * 0.45 - 4)
    ctx.textAlign = 'left'
    ctx.fillStyle = '#ffffff'
    ctx.font = font(Math.min(26, cellH * 0.3))
    ctx.fillText(zone.name['zh-CN'], cx + 12, cy + cellH * 0.3, cellW - 24)
    ctx.font = font(Math.min(15, cellH * 0.18), 600)
    ctx.fillText(zone.name.en, cx + 12, cy + cellH * 0.68, cellW - 60)
    ctx.textAlign = 'right'
    ctx.font = font(Math.min(22, cellH * 0.26))
    ctx.fillText(String(stands.get(zone.id) ?? 0), cx + cellW - 12, cy + cellH * 0.72)
  })
}

/** The expo's own name and promise: the hall that never closes. */
function drawSlogan(ctx: CanvasRenderingContext2D, slot: AtlasSlot, pack: ContentPack) {
  const { x, y, width: w, height: h } = slot
  const accent = lobbyAccent(pack)
  const ground = ctx.createLinearGradient(x, y, x + w, y + h)
  ground.addColorStop(0, accent)
  ground.addColorStop(1, '#0b2447')
  ctx.fillStyle = ground
  ctx.fillRect(x, y, w, h)
  const { event } = pack
  ctx.textAlign = 'center'
  ctx.textBaseline = 'middle'
  ctx.fillStyle = '#ffffff'
  fitText(ctx, event.shortName['zh-CN'], x + w / 2, y + h * 0.32, w - 120, 104)
  fitText(ctx, event.shortName.en, x + w / 2, y + h * 0.5, w - 120, 44, 600)
  ctx.fillStyle = 'rgba(255, 255, 255, 0.85)'
  fitText(ctx, `${event.name['zh-CN']} · ${event.name.en}`, x + w / 2, y + h * 0.68, w - 120, 26, 600)
  fitText(ctx, `${event.venue['zh-CN']} · ${event.startDate} – ${event.endDate}`, x + w / 2, y + h * 0.78, w - 120, 22, 500)
}

export function drawLoopPage(ctx: CanvasRenderingContext2D, slot: AtlasSlot, page: Exclude<LoopPage, 'results'>, pack: ContentPack) {
  ctx.save()
  ctx.fillStyle = '#ffffff'
  ctx.fillRect(slot.x, slot.y, slot.width, slot.height)
  if (page === 'figures') drawFigures(ctx, slot, pack)
  else if (page === 'zones') drawZones(ctx, slot, pack)
  else drawSlogan(ctx, slot, pack)
  ctx.restore()
}
