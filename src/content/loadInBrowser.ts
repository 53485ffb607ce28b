/** The app's content loader: the whole pack in one request (its format: packFormat.ts), with progress as its files arrive, validated as one pack. */
import contentPack from 'virtual:content-pack'
import type { ContentPackResult } from './load'
import { decodeContentPackFile } from './packFile'
import { filesReceived } from './packFormat'

/**
 * Browser loader for the pack the build emitted (a hashed, immutable `assets/content-<pack>-<hash>.json`; in
 * `npm run dev` served fresh from the folder on each load). Node scripts such as content-check read the folder instead.
 */
export function loadContentPack(onProgress?: (loaded: number, total: number) => void): Promise<ContentPackResult> {
  return fetchContentPack(contentPack.url, contentPack.files, onProgress)
}

/** Fetches the pack at `url` (holding `total` files), reporting progress in files as their lines arrive. */
export async function fetchContentPack(
  url: string,
  total: number,
  onProgress?: (loaded: number, total: number) => void,
): Promise<ContentPackResult> {
  const packName = new URL(url, 'http://pack/').pathname.split('/').pop() ?? url
  onProgress?.(0, total)
  let text: string
  try {
    const response = await fetch(url)
    if (!response.ok) throw new Error(`HTTP ${response.status}`)
    text = await readCountingFiles(response, (lineBreaks) => onProgress?.(Math.min(filesReceived(lineBreaks), total), total))
  } catch (error) {
    return { ok: false, problems: [{ file: packName, entry: '(file)', field: '', message: `could not be loaded: ${(error as Error).message}` }] }
  }
  onProgress?.(total, total)
  // absolute, so the logos' addresses (relative to the pack's) resolve the same wherever the app is hosted
  return decodeContentPackFile(text, packName, typeof document === 'undefined' ? url : new URL(url, document.baseURI).href)
}

/** The response's text, reporting the line breaks received so far whenever their count grows. */
async function readCountingFiles(response: Response, onLineBreaks: (count: number) => void): Promise<string> {
  if (!response.body) return response.text()
  const reader = response.body.pipeThrough(new TextDecoderStream()).getReader()
  const parts: string[] = []
  let lineBreaks = 0
  for (;;) {
    const { done, value } = await reader.read()
    if (done) break
    parts.push(value)
    let found = 0
    for (let at = value.indexOf('\n'); at !== -1; at = value.indexOf('\n', at + 1)) found++
    if (found > 0) onLineBreaks((lineBreaks += found))
  }
  return parts.join('')
}
