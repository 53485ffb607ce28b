/** `npm run content:check [packDir]`: validates a content pack on disk and prints each problem as file › entry › field. */
import { readdirSync, readFileSync, statSync } from 'node:fs'
import { join, relative, resolve, sep } from 'node:path'
import { EXHIBITING_ZONE_IDS } from '../src/content/schema'
import { REQUIRED_PACK_FILES, formatContentProblem, validateContentPack, type ContentProblem } from '../src/content/load'

function jsonFilesUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((d) => {
    const path = join(dir, d.name)
    if (d.isDirectory()) return jsonFilesUnder(path)
    return d.isFile() && d.name.endsWith('.json') ? [path] : []
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

function main(): number {
  const packDir = resolve(process.argv[2] ?? 'assets/content/wmc2021')
  if (!statSync(packDir, { throwIfNoEntry: false })?.isDirectory()) {
    console.error(`content-check: ${packDir} is not a directory`)
    return 1
  }

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
  // a file that did not parse is absent from `files`; say so once, not also as "missing"
  const unreadable = new Set(syntaxProblems.map((p) => p.file))
  const problems = [...syntaxProblems, ...(result.ok ? [] : result.problems.filter((p) => !unreadable.has(p.file)))]
  if (problems.length > 0) {
    for (const problem of problems) console.error(formatContentProblem(problem))
    console.error(`content-check: ${problems.length} problem${problems.length === 1 ? '' : 's'} in ${relative(process.cwd(), packDir) || '.'}`)
    return 1
  }
  if (!result.ok) return 1

  const { event, zones, exhibitors, results, routes } = result.pack
  const perZone = EXHIBITING_ZONE_IDS.map((z) => `${z} ${exhibitors.filter((e) => e.zone === z).length}`).join(', ')
  const sample = exhibitors.filter((e) => e.sample).length
  console.log(
    `content ok: ${event.id} · ${zones.length} zones (${zones.filter((z) => z.featured).length} featured) · ` +
      `${exhibitors.length} exhibitors (${sample} sample): ${perZone} · ` +
      `results: ${results.figures.length} figures, ${results.highlights.length} highlights · ` +
      `${routes.length} curated route${routes.length === 1 ? '' : 's'}`,
  )
  const ignored = Object.keys(files).filter((f) => !REQUIRED_PACK_FILES.includes(f))
  if (ignored.length > 0) console.log(`not part of the pack schema, ignored: ${ignored.join(', ')}`)
  return 0
}

process.exitCode = main()
