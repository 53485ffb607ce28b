/**
 * The content pack as the app downloads it: every JSON file of the pack folder in one compact document, so a first
 * visit makes one request (one hashed, immutable file) instead of one per file. The folder stays the source: authors
 * edit its files and `npm run content:check` reads them; the build (scripts/contentPackPlugin.ts) writes this.
 *
 * One pack file per line, so a reader can count files as they arrive and a broken line names its file:
 *
 *     {"files":{
 *     "event.json":{…},
 *     "exhibitors/ai.json":[…],
 *     …
 *     },"unreadable":{"exhibitors/nev.json":"is not valid JSON (line 3, column 5): …"}}
 */
import type { ContentProblem } from './load'

/**
 * `files` are the pack's parsed files by pack-relative path; `unreadable` the files that did not parse, with the
 * problem to show (carried so the app names them as it does any other content problem).
 */
export function encodeContentPackFile(files: Record<string, unknown>, unreadable: readonly ContentProblem[] = []): string {
  // JSON.stringify escapes every line break inside a value, so each file stays on its line.
  const lines = Object.keys(files)
    .sort()
    .map((file, i, all) => `${JSON.stringify(file)}:${JSON.stringify(files[file])}${i < all.length - 1 ? ',' : ''}`)
  const unreadableFiles = Object.fromEntries(unreadable.map((p) => [p.file, p.message]))
  return ['{"files":{', ...lines, `},"unreadable":${JSON.stringify(unreadableFiles)}}`].join('\n')
}

/** How many of the pack's files a text holds in full so far: each file's line ends with a line break (the first line is the header). */
export function filesReceived(lineBreaks: number): number {
  return Math.max(0, lineBreaks - 1)
}
