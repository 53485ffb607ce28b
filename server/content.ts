/** The content pack as the server reads it from disk: the same validation as the app, the same floor plan and tables. */
import { readFileSync, readdirSync, statSync } from 'node:fs'
import { join, relative, resolve, sep } from 'node:path'
import { formatContentProblem, validateContentPack, type ContentPackResult, type ContentProblem } from '../src/content/load'
import type { ContentPack, Exhibitor } from '../src/content/schema'
import { computeFloorPlan } from '../src/plan/floorPlan'
import type { ZoneArea } from '../src/plan/types'

export const DEFAULT_PACK_DIR = 'assets/content/wmc2021'

function jsonFilesUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name)
    if (entry.isDirectory()) return jsonFilesUnder(path)
    return entry.isFile() && entry.name.endsWith('.json') ? [path] : []
  })
}

/** V8 reports a character offset; people need a line and column. */
function describeSyntaxError(error: unknown, text: string): string {
  const raw = error instanceof Error ? error.message : String(error)
  const reason = raw
    .replace(/\s*\(line \d+ column \d+\)/, '')
    .replace(/\s*in JSON at position \d+/, '')
    .replace(/^Unexpected token (.), ".*" is not valid JSON$/s, 'Unexpected character $1')
  const at = /position (\d+)/.exec(raw)
  const offset = at ? Number(at[1]) : text.length
  const before = text.slice(0, offset).split('\n')
  return `is not valid JSON (line ${before.length}, column ${before[before.length - 1].length + 1}): ${reason}`
}

/** Reads every JSON file of a pack folder and validates them as one pack; unparsable files are named once, with line and column. */
export function readContentPackDir(packDir: string): { files: Record<string, unknown>; result: ContentPackResult } {
  const files: Record<string, unknown> = {}
  const syntaxProblems: ContentProblem[] = []
  for (const path of jsonFilesUnder(packDir).sort()) {
    const file = relative(packDir, path).split(sep).join('/')
    const text = readFileSync(path, 'utf8').replace(/^\uFEFF/, '')
    try {
      files[file] = JSON.parse(text)
    } catch (error) {
      syntaxProblems.push({ file, entry: '(file)', field: '', message: describeSyntaxError(error, text) })
    }
  }
  const result = validateContentPack(files)
  if (syntaxProblems.length === 0) return { files, result }
  // a file that did not parse is absent from `files`; say so once, not also as "missing"
  const unreadable = new Set(syntaxProblems.map((p) => p.file))
  return { files, result: { ok: false, problems: [...syntaxProblems, ...(result.ok ? [] : result.problems.filter((p) => !unreadable.has(p.file)))] } }
}

export class ContentPackError extends Error {}

export interface ServerContent {
  pack: ContentPack
  /** The negotiation area's tables, as the app's floor plan numbers them. */
  tableIds: string[]
  /** Each zone's rectangle on the hall floor, as the app lays it out: presence finds a zone's neighbours from it. */
  zones: ZoneArea[]
  exhibitor(id: string): Exhibitor | undefined
}

export function loadServerContent(packDir = DEFAULT_PACK_DIR): ServerContent {
  const dir = resolve(packDir)
  if (!statSync(dir, { throwIfNoEntry: false })?.isDirectory()) throw new ContentPackError(`The content pack folder ${dir} does not exist`)
  const { result } = readContentPackDir(dir)
  if (!result.ok) throw new ContentPackError(`The content pack in ${dir} has problems:\n${result.problems.map(formatContentProblem).join('\n')}`)
  return serverContentOf(result.pack)
}

export function serverContentOf(pack: ContentPack): ServerContent {
  const plan = computeFloorPlan({ zones: pack.zones, exhibitors: pack.exhibitors })
  const byId = new Map(pack.exhibitors.map((e) => [e.id, e]))
  return { pack, tableIds: plan.tables.map((t) => t.id), zones: plan.zones, exhibitor: (id) => byId.get(id) }
}
