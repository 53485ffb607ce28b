/** Pure geometry of the plan view: hall metres to SVG units, zone labels that fit, and arrow-key moves between booths. */
import { isLive, type Booking } from '../../booking/types'
import type { BoothPlacement, FloorPlan, Point, Rect } from '../../plan/types'

/** Room round the hall for the entrance mark and the outline's stroke, metres. */
export const PLAN_MARGIN = 2
/** Extra room below the front wall for the word "Entrance", metres. */
export const ENTRANCE_ROOM = 5

/** The SVG's viewBox: the entrance at the bottom, as on the minimap and a "you are here" board. */
export function planViewBox(plan: FloorPlan): { x: number; y: number; width: number; height: number } {
  return {
    x: plan.hall.x - PLAN_MARGIN,
    y: -PLAN_MARGIN,
    width: plan.hall.width + 2 * PLAN_MARGIN,
    height: plan.hall.depth + PLAN_MARGIN + ENTRANCE_ROOM,
  }
}

/** A floor point in SVG units: x as on the floor, y growing from the back wall towards the entrance. */
export function toSvgPoint(plan: FloorPlan, point: Point): { x: number; y: number } {
  return { x: point.x, y: plan.hall.z + plan.hall.depth - point.z }
}

/** A floor rectangle in SVG units (its top-left corner is the floor rectangle's far corner). */
export function toSvgRect(plan: FloorPlan, rect: Rect): { x: number; y: number; width: number; height: number } {
  return { x: rect.x, y: plan.hall.z + plan.hall.depth - (rect.z + rect.depth), width: rect.width, height: rect.depth }
}

/** Rough advance of one character in ems: CJK and Hangul are square, Latin letters about half as wide. */
function charWidth(char: string): number {
  return /[\u1100-\u11ff\u2e80-\u9fff\uac00-\ud7af\uf900-\ufaff\uff00-\uffef]/.test(char) ? 1 : 0.56
}

export function textWidthEm(text: string): number {
  let width = 0
  for (const char of text) width += charWidth(char)
  return width
}

/**
 * Breaks a label into at most `maxLines` lines no wider than `maxWidthEm`: at spaces for Latin text, anywhere for
 * CJK; the last line ends in an ellipsis when the label does not fit.
 */
export function wrapLabel(text: string, maxWidthEm: number, maxLines: number): string[] {
  const tokens = text.match(/[\u2e80-\u9fff\uf900-\ufaff\uff00-\uffef]|[^\s\u2e80-\u9fff\uf900-\ufaff\uff00-\uffef]+\s*/g) ?? []
  const lines: string[] = []
  let line = ''
  for (const token of tokens) {
    const candidate = line + token
    if (line === '' || textWidthEm(candidate.trimEnd()) <= maxWidthEm) {
      line = candidate
      continue
    }
    lines.push(line.trimEnd())
    line = token
  }
  if (line.trim()) lines.push(line.trimEnd())
  if (lines.length <= maxLines) return lines
  const kept = lines.slice(0, maxLines)
  let last = kept[maxLines - 1]
  while (last.length > 1 && textWidthEm(last + '…') > maxWidthEm) last = last.slice(0, -1).trimEnd()
  kept[maxLines - 1] = last + '…'
  return kept
}

export type ArrowDirection = 'left' | 'right' | 'up' | 'down'

const centreOf = (booth: BoothPlacement): Point => ({ x: booth.rect.x + booth.rect.width / 2, z: booth.rect.z + booth.rect.depth / 2 })

/**
 * The booth an arrow key moves to, as seen on the plan (up is into the hall): the nearest booth whose centre lies in
 * that direction, sideways offsets weighing double so the move stays in its row or column. Null at the plan's edge.
 */
export function boothInDirection(booths: readonly BoothPlacement[], from: BoothPlacement, direction: ArrowDirection): BoothPlacement | null {
  const origin = centreOf(from)
  const [ax, az] = direction === 'right' ? [1, 0] : direction === 'left' ? [-1, 0] : direction === 'up' ? [0, 1] : [0, -1]
  let best: BoothPlacement | null = null
  let bestScore = Infinity
  for (const booth of booths) {
    if (booth === from) continue
    const c = centreOf(booth)
    const along = (c.x - origin.x) * ax + (c.z - origin.z) * az
    if (along <= 0.01) continue
    const across = Math.abs((c.x - origin.x) * az - (c.z - origin.z) * ax)
    const score = along + 2 * across
    if (score < bestScore) {
      bestScore = score
      best = booth
    }
  }
  return best
}

/** Tables where the visitor has a confirmed meeting that has not ended: these are marked on the plan. */
export function bookedTableIds(bookings: readonly Booking[], now: number): Set<string> {
  return new Set(bookings.filter((b) => isLive(b.status) && b.end > now && b.tableId !== '').map((b) => b.tableId))
}
