/** Where the hall's landmarks go (zone fronts, sub-sections, pavilion gates): pure geometry over the plan, no React. */
import type { ContentPack, ZoneId } from '../content/schema'
import type { FloorPlan, SectionArea } from '../plan/types'
import { rectCentre } from './coords'

/** A sub-section of a zone: a YRD province or the Hongqiao Pinhui corner. */
export type PlanSection = SectionArea

/** A section's name from the content pack (zones.json declares each zone's sections); the id if undeclared. */
export function sectionName(pack: Pick<ContentPack, 'zones'>, zoneId: ZoneId, section: string): { zh: string; en: string } {
  const name = pack.zones.find((z) => z.id === zoneId)?.sections.find((s) => s.id === section)?.name
  return name ? { zh: name['zh-CN'], en: name.en } : { zh: section, en: section }
}

// The zone's front edge is plan geometry (the walk grid blocks the gates standing on it); the scene reads it from there.
export { zoneFront, type ZoneFront } from '../plan/gates'

export const zoneById = (plan: FloorPlan, id: ZoneId) => plan.zones.find((z) => z.zoneId === id)

export { rectCentre }
