/** Where the hall's landmarks go (zone fronts, sub-sections, pavilion gates): pure geometry over the plan, no React. */
import type { ContentPack, ZoneId } from '../content/schema'
import type { FloorPlan, Point, SectionArea, ZoneArea } from '../plan/types'
import { rectCentre } from './coords'

/** A sub-section of a zone: a YRD province or the Hongqiao Pinhui corner. */
export type PlanSection = SectionArea

/** Names of the sections the content uses; a section without an entry shows its id. */
export const SECTION_NAMES: Record<string, { zh: string; en: string }> = {
  shanghai: { zh: '上海', en: 'Shanghai' },
  jiangsu: { zh: '江苏', en: 'Jiangsu' },
  zhejiang: { zh: '浙江', en: 'Zhejiang' },
  anhui: { zh: '安徽', en: 'Anhui' },
  'hongqiao-pinhui': { zh: '上海虹桥品汇', en: 'Shanghai Hongqiao Pinhui' },
  ciie: { zh: '进博会展商', en: 'CIIE Exhibitors' },
  'culture-week': { zh: '韩国文化周', en: 'Korean Culture Week' },
  'vehicle-integration': { zh: '整车集成', en: 'Vehicle Integration' },
  'intelligent-connected': { zh: '智能网联', en: 'Intelligent Connectivity' },
  'power-battery': { zh: '动力电池', en: 'Power Batteries' },
  'electric-drive': { zh: '电驱电控', en: 'Electric Drives and Controls' },
  'hydrogen-fuel-cell': { zh: '氢燃料电池', en: 'Hydrogen Fuel Cells' },
}

export function sectionName(section: string) {
  return SECTION_NAMES[section] ?? { zh: section, en: section.replace(/-/g, ' ').replace(/\b\w/g, (c) => c.toUpperCase()) }
}

/** Sections from the plan when it has them, else the bounds of the booths that share a `section`. */
export function planSections(plan: FloorPlan, pack: Pick<ContentPack, 'exhibitors'>): PlanSection[] {
  if (plan.sections && plan.sections.length > 0) return plan.sections
  const sectionOf = new Map(pack.exhibitors.filter((e) => e.section).map((e) => [e.id, e.section!]))
  const bounds = new Map<string, PlanSection>()
  for (const booth of plan.booths) {
    const section = sectionOf.get(booth.exhibitorId)
    if (!section) continue
    const key = `${booth.zoneId}/${section}`
    const r = booth.rect
    const existing = bounds.get(key)
    if (!existing) {
      bounds.set(key, { zoneId: booth.zoneId, section, rect: { ...r } })
      continue
    }
    const e = existing.rect
    const x0 = Math.min(e.x, r.x)
    const z0 = Math.min(e.z, r.z)
    const x1 = Math.max(e.x + e.width, r.x + r.width)
    const z1 = Math.max(e.z + e.depth, r.z + r.depth)
    existing.rect = { x: x0, z: z0, width: x1 - x0, depth: z1 - z0 }
  }
  return [...bounds.values()]
}

/** The edge of a zone that visitors arrive through: the one nearest its arrival point. */
export interface ZoneFront {
  /** Middle of the edge. */
  mid: Point
  /** Unit vector along the edge. */
  along: Point
  /** Unit vector out of the zone, towards the aisle. */
  outward: Point
  length: number
}

export function zoneFront(zone: ZoneArea): ZoneFront {
  const r = zone.rect
  const a = zone.arrival
  const edges: ZoneFront[] = [
    { mid: { x: r.x + r.width / 2, z: r.z }, along: { x: 1, z: 0 }, outward: { x: 0, z: -1 }, length: r.width },
    { mid: { x: r.x + r.width / 2, z: r.z + r.depth }, along: { x: 1, z: 0 }, outward: { x: 0, z: 1 }, length: r.width },
    { mid: { x: r.x, z: r.z + r.depth / 2 }, along: { x: 0, z: 1 }, outward: { x: -1, z: 0 }, length: r.depth },
    { mid: { x: r.x + r.width, z: r.z + r.depth / 2 }, along: { x: 0, z: 1 }, outward: { x: 1, z: 0 }, length: r.depth },
  ]
  const distance = (e: ZoneFront) => {
    // Distance from the arrival point to the edge segment.
    const half = e.length / 2
    const t = Math.max(-half, Math.min(half, (a.x - e.mid.x) * e.along.x + (a.z - e.mid.z) * e.along.z))
    return Math.hypot(a.x - (e.mid.x + e.along.x * t), a.z - (e.mid.z + e.along.z * t))
  }
  return edges.reduce((best, e) => (distance(e) < distance(best) ? e : best))
}

export const zoneById = (plan: FloorPlan, id: ZoneId) => plan.zones.find((z) => z.zoneId === id)

export { rectCentre }
