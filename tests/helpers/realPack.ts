/** The real content pack read from disk and validated, for tests that need real exhibitors. */
import { readFileSync, readdirSync, statSync } from 'node:fs'
import { join, relative, sep } from 'node:path'
import { validateContentPack } from '../../src/content/load'
import type { ContentPack } from '../../src/content/schema'

// Tests run from the project root (vitest's root); jsdom tests have no file: import.meta.url.
export const PACK_DIR = join(process.cwd(), 'assets/content/wmc2021')

/** Every JSON file of a pack directory, keyed by its pack-relative path with forward slashes. */
export function readPackFiles(dir = PACK_DIR): Record<string, unknown> {
  const files: Record<string, unknown> = {}
  const walk = (folder: string) => {
    for (const name of readdirSync(folder)) {
      const path = join(folder, name)
      if (statSync(path).isDirectory()) walk(path)
      else if (name.endsWith('.json')) files[relative(dir, path).split(sep).join('/')] = JSON.parse(readFileSync(path, 'utf8'))
    }
  }
  walk(dir)
  return files
}

export function loadRealPack(): ContentPack {
  const result = validateContentPack(readPackFiles())
  if (!result.ok) throw new Error(`the real pack is invalid: ${JSON.stringify(result.problems[0])}`)
  return result.pack
}
