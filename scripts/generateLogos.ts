/**
 * `npm run logos [packDir]`: writes an invented logo (src/content/logoMark.ts) to `logos/<id>.svg` for every sample
 * exhibitor of the pack, the same bytes on every run. A real exhibitor's logo (`"sample": false`) is never written over.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join, relative, resolve } from 'node:path'
import { readContentPackFiles } from '../server/contentFiles'
import { exhibitorSchema } from '../src/content/schema'
import { checkLogoSvg, logoFileOf } from '../src/content/logoCheck'
import { logoMark } from '../src/content/logoMark'

function main(): number {
  const packDir = resolve(process.argv[2] ?? 'assets/content/wmc2021')
  const { files, syntaxProblems } = readContentPackFiles(packDir)
  if (syntaxProblems.length > 0) {
    for (const p of syntaxProblems) console.error(`${p.file}: ${p.message}`)
    return 1
  }
  mkdirSync(join(packDir, 'logos'), { recursive: true })
  let written = 0
  let unchanged = 0
  let bytes = 0
  let largest = { file: '', bytes: 0 }
  for (const [file, entries] of Object.entries(files)) {
    if (!file.startsWith('exhibitors/') || !Array.isArray(entries)) continue
    for (const raw of entries) {
      // only what the logo is made from needs to be valid here; content:check reports the rest
      const parsed = exhibitorSchema.pick({ id: true, name: true, sample: true }).safeParse(raw)
      if (!parsed.success || !parsed.data.sample) continue
      const { id, name } = parsed.data
      const svg = logoMark(id, name)
      const problems = checkLogoSvg(svg)
      if (problems.length > 0) throw new Error(`the generated logo of ${id} breaks the logo rules: ${problems.map((p) => p.message).join('; ')}`)
      const path = join(packDir, logoFileOf(id))
      const before = readFileSync(path, { encoding: 'utf8', flag: 'a+' })
      if (before === svg) unchanged++
      else {
        writeFileSync(path, svg)
        written++
      }
      const size = Buffer.byteLength(svg)
      bytes += size
      if (size > largest.bytes) largest = { file: logoFileOf(id), bytes: size }
    }
  }
  console.log(
    `logos: ${written} written, ${unchanged} unchanged in ${relative(process.cwd(), join(packDir, 'logos')) || '.'} · ` +
      `${bytes} B in all, the largest ${largest.file} (${largest.bytes} B)`,
  )
  return 0
}

process.exitCode = main()
