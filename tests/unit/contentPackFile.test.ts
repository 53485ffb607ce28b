/** The content pack as one download: packed from the folder, fetched with progress, validated naming file, entry and field. */
import { afterEach, describe, expect, it, vi } from 'vitest'
import { readContentPackFiles } from '../../server/contentFiles'
import { formatContentProblem, type ContentPackResult, type ContentProblem } from '../../src/content/load'
import { fetchContentPack, loadContentPack } from '../../src/content/loadInBrowser'
import { decodeContentPackFile } from '../../src/content/packFile'
import { encodeContentPackFile } from '../../src/content/packFormat'
import { PACK_DIR, loadRealPack, readPackFiles } from '../helpers/realPack'

const REAL_FILES = readPackFiles(PACK_DIR)
const FILE_COUNT = Object.keys(REAL_FILES).length
const URL_OF_PACK = '/assets/content-wmc2021-AbC123.json'

/** Serves `text` at any URL as a stream of small pieces, the way a slow connection delivers it. */
function serve(text: string, init: ResponseInit = {}, pieceBytes = 4096) {
  const bytes = new TextEncoder().encode(text)
  const requested: string[] = []
  vi.stubGlobal('fetch', async (url: string) => {
    requested.push(url)
    let at = 0
    const body = new ReadableStream<Uint8Array>({
      pull(controller) {
        if (at >= bytes.length) return controller.close()
        controller.enqueue(bytes.slice(at, (at += pieceBytes)))
      },
    })
    return new Response(body, init)
  })
  return requested
}

function problemsOf(result: ContentPackResult): string[] {
  expect(result.ok).toBe(false)
  return result.ok ? [] : result.problems.map(formatContentProblem)
}

afterEach(() => vi.unstubAllGlobals())

describe('the content pack file', () => {
  it('holds every file of the folder, one per line, compactly', () => {
    const text = encodeContentPackFile(REAL_FILES)
    const lines = text.split('\n')
    expect(lines).toHaveLength(FILE_COUNT + 2)
    // Each line one file as compact JSON: the folder's indentation is for people, not for the network.
    expect(lines.slice(1, -1)).toEqual(
      Object.keys(REAL_FILES)
        .sort()
        .map((file, i) => `${JSON.stringify(file)}:${JSON.stringify(REAL_FILES[file])}${i < FILE_COUNT - 1 ? ',' : ''}`),
    )
    expect([lines[0], lines[lines.length - 1]]).toEqual(['{"files":{', '},"unreadable":{}}'])
  })

  it('decodes to the same pack as the folder', () => {
    const result = decodeContentPackFile(encodeContentPackFile(REAL_FILES), 'pack.json')
    expect(result).toEqual({ ok: true, pack: loadRealPack() })
  })

  it('names file, entry and field of a bad value, as the folder would', () => {
    const files = structuredClone(REAL_FILES) as Record<string, any>
    const entry = files['exhibitors/ai.json'][3]
    entry.availability.slotMinutes = 20
    expect(problemsOf(decodeContentPackFile(encodeContentPackFile(files), 'pack.json'))).toEqual([
      `exhibitors/ai.json › #3 "${entry.id}" › availability.slotMinutes: must be 15, 30, 45 or 60, not 20`,
    ])
  })

  it('names a file of the folder that was not JSON once, not also as missing', () => {
    const files = structuredClone(REAL_FILES)
    delete files['exhibitors/nev.json']
    const unreadable: ContentProblem[] = [{ file: 'exhibitors/nev.json', entry: '(file)', field: '', message: 'is not valid JSON (line 3, column 5): Unexpected character }' }]
    expect(problemsOf(decodeContentPackFile(encodeContentPackFile(files, unreadable), 'pack.json'))).toEqual([
      'exhibitors/nev.json › (file): is not valid JSON (line 3, column 5): Unexpected character }',
    ])
  })

  it('names the file whose line is broken when the pack arrives cut short', () => {
    const text = encodeContentPackFile(REAL_FILES)
    const cut = text.slice(0, text.indexOf('"exhibitors/nev.json"') + 300)
    const problems = problemsOf(decodeContentPackFile(cut, 'pack.json'))
    expect(problems).toHaveLength(1)
    expect(problems[0]).toMatch(/^exhibitors\/nev\.json › \(file\): is not valid JSON/)
  })

  it('names the pack itself when it is not a pack', () => {
    expect(problemsOf(decodeContentPackFile('[]', 'content-wmc2021-x.json'))).toEqual([
      'content-wmc2021-x.json › (file) › files: is not a content pack: it has no object of files',
    ])
    expect(problemsOf(decodeContentPackFile('', 'content-wmc2021-x.json'))[0]).toMatch(/^content-wmc2021-x\.json › \(file\): is not valid JSON/)
  })
})

describe('fetchContentPack', () => {
  it('loads the pack in one request, reporting progress file by file up to the total', async () => {
    const requested = serve(encodeContentPackFile(REAL_FILES))
    const progress: [number, number][] = []
    const result = await fetchContentPack(URL_OF_PACK, FILE_COUNT, (loaded, total) => progress.push([loaded, total]))
    expect(requested).toEqual([URL_OF_PACK])
    expect(result).toEqual({ ok: true, pack: { ...loadRealPack(), logos: expect.anything() } })
    expect(progress[0]).toEqual([0, FILE_COUNT])
    expect(progress[progress.length - 1]).toEqual([FILE_COUNT, FILE_COUNT])
    // The files are counted as they arrive, not all at the end.
    const between = progress.filter(([loaded]) => loaded > 0 && loaded < FILE_COUNT)
    expect(between.length).toBeGreaterThan(3)
    expect(progress.map(([loaded]) => loaded)).toEqual([...progress.map(([loaded]) => loaded)].sort((a, b) => a - b))
  })

  it('names the pack when it cannot be downloaded', async () => {
    serve('Not found', { status: 404 })
    expect(problemsOf(await fetchContentPack(URL_OF_PACK, FILE_COUNT))).toEqual(['content-wmc2021-AbC123.json › (file): could not be loaded: HTTP 404'])
    vi.stubGlobal('fetch', async () => {
      throw new TypeError('Failed to fetch')
    })
    expect(problemsOf(await fetchContentPack(URL_OF_PACK, FILE_COUNT))).toEqual(['content-wmc2021-AbC123.json › (file): could not be loaded: Failed to fetch'])
  })
})

describe('loadContentPack (the pack scripts/contentPackPlugin.ts serves)', () => {
  it('fetches the one pack URL the plugin gives, packed from the folder, with the folder\'s file count', async () => {
    const { files, syntaxProblems } = readContentPackFiles(PACK_DIR)
    expect(syntaxProblems).toEqual([])
    const requested = serve(encodeContentPackFile(files))
    const progress: [number, number][] = []
    const result = await loadContentPack((loaded, total) => progress.push([loaded, total]))
    expect(result.ok).toBe(true)
    // Under Vitest the plugin runs as in `npm run dev`: the pack packed on request from the folder.
    expect(requested).toEqual(['/@content-pack/wmc2021.json'])
    expect(progress[progress.length - 1]).toEqual([FILE_COUNT, FILE_COUNT])
  })
})
