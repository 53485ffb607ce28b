/** The content pack as the server reads it from disk: the same validation as the app, the same floor plan and tables. */
import { statSync } from 'node:fs'
import { resolve } from 'node:path'
import { formatContentProblem, validateReadContentPack, type ContentPackResult } from '../src/content/load'
import type { ContentPack, Exhibitor } from '../src/content/schema'
import { computeFloorPlan } from '../src/plan/floorPlan'
import type { ZoneArea } from '../src/plan/types'
import { logoFileOf, logoProblems } from '../src/content/logoCheck'
import { readContentPackFiles, readContentPackLogos } from './contentFiles'

export const DEFAULT_PACK_DIR = 'assets/content/wmc2021'

/**
 * Reads every JSON file and logo of a pack folder and validates them as one pack; unparsable files are named once,
 * with line and column, and each exhibitor's logo is checked (src/content/logoCheck.ts).
 */
export function readContentPackDir(packDir: string): { files: Record<string, unknown>; logos: Record<string, string>; result: ContentPackResult } {
  const { files, syntaxProblems } = readContentPackFiles(packDir)
  const logos = readContentPackLogos(packDir)
  const result = validateReadContentPack(files, syntaxProblems)
  const badLogos = logoProblems(files, logos)
  if (badLogos.length === 0) return { files, logos, result }
  return { files, logos, result: { ok: false, problems: [...(result.ok ? [] : result.problems), ...badLogos] } }
}

export class ContentPackError extends Error {}

export interface ServerContent {
  pack: ContentPack
  /** The negotiation area's tables, as the app's floor plan numbers them. */
  tableIds: string[]
  /** Each zone's rectangle on the hall floor, as the app lays it out: presence finds a zone's neighbours from it. */
  zones: ZoneArea[]
  exhibitor(id: string): Exhibitor | undefined
  /** The exhibitor's logo (SVG text, checked), for the console; undefined for an unknown id. */
  logo(exhibitorId: string): string | undefined
}

export function loadServerContent(packDir = DEFAULT_PACK_DIR): ServerContent {
  const dir = resolve(packDir)
  if (!statSync(dir, { throwIfNoEntry: false })?.isDirectory()) throw new ContentPackError(`The content pack folder ${dir} does not exist`)
  const { result, logos } = readContentPackDir(dir)
  if (!result.ok) throw new ContentPackError(`The content pack in ${dir} has problems:\n${result.problems.map(formatContentProblem).join('\n')}`)
  return serverContentOf(result.pack, logos)
}

/** `logos` by pack-relative path (`logos/<id>.svg`), as readContentPackDir returns them; tests may leave them out. */
export function serverContentOf(pack: ContentPack, logos: Record<string, string> = {}): ServerContent {
  const plan = computeFloorPlan({ zones: pack.zones, exhibitors: pack.exhibitors })
  const byId = new Map(pack.exhibitors.map((e) => [e.id, e]))
  return {
    pack,
    tableIds: plan.tables.map((t) => t.id),
    zones: plan.zones,
    exhibitor: (id) => byId.get(id),
    logo: (id) => (byId.has(id) ? logos[logoFileOf(id)] : undefined),
  }
}
