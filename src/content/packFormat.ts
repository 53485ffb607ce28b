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
 *     },"unreadable":{"exhibitors/nev.json":"is not valid JSON (line 3, column 5): …"},"logos":{"hefei-x":"logos/hefei-x-1a2b3c4d.svg",…}}
 *
 * The logos themselves are not in it: each is a file of its own, fetched as the visitor comes near (`logos` gives
 * each exhibitor's logo as an address relative to the pack file's own).
 */
import type { ContentProblem } from './load'

/**
 * `files` are the pack's parsed files by pack-relative path; `unreadable` the files that did not parse, with the
 * problem to show (carried so the app names them as it does any other content problem).
 */
export function encodeContentPackFile(
  files: Record<string, unknown>,
  unreadable: readonly ContentProblem[] = [],
  logos: Readonly<Record<string, string>> = {},
): string {
  // JSON.stringify escapes every line break inside a value, so each file stays on its line.
  const lines = Object.keys(files)
    .sort()
    .map((file, i, all) => `${JSON.stringify(file)}:${JSON.stringify(files[file])}${i < all.length - 1 ? ',' : ''}`)
  const unreadableFiles = Object.fromEntries(unreadable.map((p) => [p.file, p.message]))
  const logoList = Object.keys(logos).length > 0 ? `,"logos":${JSON.stringify(logos)}` : ''
  return ['{"files":{', ...lines, `},"unreadable":${JSON.stringify(unreadableFiles)}${logoList}}`].join('\n')
}

/** How many of the pack's files a text holds in full so far: each file's line ends with a line break (the first line is the header). */
export function filesReceived(lineBreaks: number): number {
  return Math.max(0, lineBreaks - 1)
}
