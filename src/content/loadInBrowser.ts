/** The app's content loader: the pack's JSON files fetched in parallel with progress, then validated as one pack. */
import { validateContentPack, type ContentPackResult, type ContentProblem } from './load'

const FILE = '(file)'

const PACK_ROOT = '/assets/content/wmc2021/'

/**
 * Browser loader: each JSON file is its own lazy chunk, fetched in parallel with progress, then validated.
 * `import.meta.glob` is rewritten by Vite (and Vitest); Node scripts such as content-check never call this.
 */
export async function loadContentPack(onProgress?: (loaded: number, total: number) => void): Promise<ContentPackResult> {
  // Served as real JSON files (not JS modules) so a syntax error is reported with its file name,
  // and the files can be cached and swapped without a rebuild of the app.
  const urls = import.meta.glob<string>('/assets/content/wmc2021/**/*.json', { query: '?url', import: 'default', eager: true })
  const entries = Object.entries(urls)
  const total = entries.length
  let loaded = 0
  onProgress?.(0, total)
  const files: Record<string, unknown> = {}
  const loadProblems: ContentProblem[] = []
  await Promise.all(
    entries.map(async ([path, url]) => {
      const file = path.slice(PACK_ROOT.length)
      try {
        const response = await fetch(url)
        if (!response.ok) throw new Error(`HTTP ${response.status}`)
        const text = await response.text()
        try {
          files[file] = JSON.parse(text)
        } catch (error) {
          loadProblems.push({ file, entry: FILE, field: '', message: `is not valid JSON: ${(error as Error).message}` })
        }
      } catch (error) {
        loadProblems.push({ file, entry: FILE, field: '', message: `could not be loaded: ${(error as Error).message}` })
      }
      onProgress?.(++loaded, total)
    }),
  )
  const result = validateContentPack(files)
  if (loadProblems.length === 0) return result
  const failed = new Set(loadProblems.map((p) => p.file))
  const rest = result.ok ? [] : result.problems.filter((p) => !failed.has(p.file))
  return { ok: false, problems: [...loadProblems, ...rest] }
}
