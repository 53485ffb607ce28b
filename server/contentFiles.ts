/**
 * A content pack folder's JSON files as read from disk, with a line and column for each that does not parse. Only
 * Node and types here: the build's content-pack plugin (scripts/contentPackPlugin.ts) reads the folder through it too.
 */
import { readFileSync, readdirSync, statSync } from 'node:fs'
import { join, relative, sep } from 'node:path'
import type { ContentProblem } from '../src/content/load'

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

/**
 * Every JSON file of a pack folder, parsed and keyed by its pack-relative path, and a problem (with line and column)
 * for each file that does not parse. The app's build packs the same into its one content file (scripts/contentPackPlugin.ts).
 */
export function readContentPackFiles(packDir: string): { files: Record<string, unknown>; syntaxProblems: ContentProblem[] } {
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
  return { files, syntaxProblems }
}

/**
 * The pack's logos (`logos/<exhibitor id>.svg`) as text, keyed by pack-relative path; none when the folder has no
 * `logos/`. Checked by src/content/logoCheck.ts like the JSON files are by the schema.
 */
export function readContentPackLogos(packDir: string): Record<string, string> {
  const dir = join(packDir, 'logos')
  if (!statSync(dir, { throwIfNoEntry: false })?.isDirectory()) return {}
  const logos: Record<string, string> = {}
  for (const entry of readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
    if (entry.isFile() && entry.name.endsWith('.svg')) logos[`logos/${entry.name}`] = readFileSync(join(dir, entry.name), 'utf8')
  }
  return logos
}
