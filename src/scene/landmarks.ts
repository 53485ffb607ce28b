/** Where the hall's landmarks go (zone fronts, sub-sections, pavilion gates): pure geometry over the plan, no React. */
import type { ContentPack, ZoneId } from '../content/schema'
import type { FloorPlan, Point, SectionArea, ZoneArea } from '../plan/types'
import { rectCentre } from './coords'

/** A sub-section of a zone: a YRD province or the Hongqiao Pinhui corner. */
export type PlanSection = SectionArea

/** A section's name from the content pack (zones.json declares each zone's sections); the id if undeclared. */
export function sectionName(pack: Pick<ContentPack, 'zones'>, zoneId: ZoneId, section: string): { zh: string; en: string } {
  const name = pack.zones.find((z) => z.id === zoneId)?.sections.find((s) => s.id === section)?.name
  return name ? { zh: name['zh-CN'], en: name.en } : { zh: section, en: section }
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
