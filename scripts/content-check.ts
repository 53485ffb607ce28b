/** `npm run content:check [packDir]`: validates a content pack on disk and prints each problem as file › entry › field. */
import { statSync } from 'node:fs'
import { relative, resolve } from 'node:path'
import { readContentPackDir } from '../server/content'
import { EXHIBITING_ZONE_IDS } from '../src/content/schema'
import { REQUIRED_PACK_FILES, formatContentProblem } from '../src/content/load'

function main(): number {
  const packDir = resolve(process.argv[2] ?? 'assets/content/wmc2021')
  if (!statSync(packDir, { throwIfNoEntry: false })?.isDirectory()) {
    console.error(`content-check: ${packDir} is not a directory`)
    return 1
  }

  const { files, result } = readContentPackDir(packDir)
  const problems = result.ok ? [] : result.problems
  if (problems.length > 0) {
    for (const problem of problems) console.error(formatContentProblem(problem))
    console.error(`content-check: ${problems.length} problem${problems.length === 1 ? '' : 's'} in ${relative(process.cwd(), packDir) || '.'}`)
    return 1
  }
  if (!result.ok) return 1

  const { event, zones, exhibitors, results, routes, sessions } = result.pack
  const perZone = EXHIBITING_ZONE_IDS.map((z) => `${z} ${exhibitors.filter((e) => e.zone === z).length}`).join(', ')
  const sample = exhibitors.filter((e) => e.sample).length
  console.log(
    `content ok: ${event.id} · ${zones.length} zones (${zones.filter((z) => z.featured).length} featured) · ` +
      `${exhibitors.length} exhibitors (${sample} sample): ${perZone} · ` +
      `results: ${results.figures.length} figures, ${results.highlights.length} highlights · ` +
      `${routes.length} curated route${routes.length === 1 ? '' : 's'} · ${sessions.length} session${sessions.length === 1 ? '' : 's'} of the programme`,
  )
  const ignored = Object.keys(files).filter((f) => !REQUIRED_PACK_FILES.includes(f))
  if (ignored.length > 0) console.log(`not part of the pack schema, ignored: ${ignored.join(', ')}`)
  return 0
}

process.exitCode = main()
