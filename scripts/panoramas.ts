/**
 * `npm run panoramas`: a 360° picture of every zone, rendered by the hall itself in headless Chromium (the debug API's
 * `capturePanorama`, src/scene/panoramaCapture.ts) from the viewpoint src/plan/panoramas.ts gives, written as
 * assets/panoramas/<zone>.webp within the byte budget, and assets/panoramas/manifest.json beside them.
 *
 *   npm run panoramas                            build, then every zone
 *   npm run panoramas -- --no-build              take dist/ as it is
 *   npm run panoramas -- --zones lobby,ai        only those (the manifest keeps the other zones' entries)
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import type { Browser } from '@playwright/test'
import { ZONE_IDS, type ZoneId } from '../src/content/schema'
import { computeFloorPlan } from '../src/plan/floorPlan'
import { panoramaViewpoint } from '../src/plan/panoramas'
import type { PanoramaTaken } from '../src/scene/panoramaCapture'
import { loadRealPack } from '../tests/helpers/realPack'
import { chromiumPath } from '../tests/helpers/chromium'
import {
  manifestViewpoint,
  planFingerprint,
  PANORAMA_DIR,
  PANORAMA_MANIFEST,
  PANORAMA_TARGET_KB,
  type PanoramaEntry,
  type PanoramaManifest,
} from './panoramaManifest'
import { build, launchChromium, preview } from './serve'

const PORT = 4313
/**
 * Widths tried, largest first. 4096 is the most a phone's GPU takes as one texture (MAX_TEXTURE_SIZE is 4096 on many),
 * so the viewer never has to cut the picture up.
 */
const WIDTHS = [4096, 3072, 2048]
/**
 * Qualities tried at each width, best first. Above 0.9 the bytes grow by half again for no difference a visitor sees;
 * below 0.6 fascia text starts to smear.
 */
const QUALITIES = [0.9, 0.85, 0.8, 0.75, 0.7, 0.65, 0.6]
const KB = 1024

interface Options {
  build: boolean
  zones: ZoneId[]
}

function parseOptions(argv: string[]): Options {
  const options: Options = { build: true, zones: [...ZONE_IDS] }
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]
    if (arg === '--no-build') options.build = false
    else if (arg === '--zones' || arg.startsWith('--zones=')) {
      const list = arg.includes('=') ? arg.slice('--zones='.length) : (argv[++i] ?? '')
      const names = list.split(',').filter(Boolean)
      const unknown = names.filter((n) => !(ZONE_IDS as readonly string[]).includes(n))
      if (!names.length || unknown.length) throw new Error(`--zones takes a comma-separated list of: ${ZONE_IDS.join(', ')}${unknown.length ? ` (unknown: ${unknown.join(', ')})` : ''}`)
      options.zones = names as ZoneId[]
    } else throw new Error(`unknown option ${arg} (options: --no-build, --zones a,b)`)
  }
  return options
}

/** The best encoding within the target: the largest width at which some quality fits, at the best quality that does. */
async function fitToBudget(zoneId: ZoneId, encode: (width: number, quality: number) => Promise<Buffer>) {
  const target = PANORAMA_TARGET_KB * KB
  let smallest: { width: number; quality: number; bytes: number } | null = null
  for (const width of WIDTHS) {
    // bytes fall as quality falls: find the first quality that fits by halving the ladder, the best one first
    const tried = new Map<number, Buffer>()
    const at = async (i: number) => {
      if (!tried.has(i)) tried.set(i, await encode(width, QUALITIES[i]))
      return tried.get(i)!
    }
    if ((await at(0)).length <= target) return { width, quality: QUALITIES[0], webp: await at(0) }
    let fits = -1
    let lo = 1
    let hi = QUALITIES.length - 1
    while (lo <= hi) {
      const mid = (lo + hi) >> 1
      if ((await at(mid)).length <= target) {
        fits = mid
        hi = mid - 1
      } else lo = mid + 1
    }
    if (fits >= 0) return { width, quality: QUALITIES[fits], webp: await at(fits) }
    const last = QUALITIES.length - 1
    smallest = { width, quality: QUALITIES[last], bytes: (await at(last)).length }
  }
  throw new Error(
    `panorama of ${zoneId}: even ${smallest!.width}×${smallest!.width / 2} at quality ${smallest!.quality} is ` +
      `${(smallest!.bytes / KB).toFixed(1)} KB, over the ${PANORAMA_TARGET_KB} KB aimed at`,
  )
}

async function captureZone(browser: Browser, url: string, zoneId: ZoneId) {
  // 800×600: frames the hall draws meanwhile cost less, and the window is still no phone's (the detail shown differs)
  const context = await browser.newContext({ viewport: { width: 800, height: 600 }, reducedMotion: 'reduce' })
  try {
    const page = await context.newPage()
    const pageErrors: string[] = []
    page.on('pageerror', (error) => pageErrors.push(error.message))
    await page.goto(`${url}/?zone=${zoneId}&debug=1&lang=zh-CN`)
    try {
      await page.waitForFunction(() => (window as any).__expoDebug?.frames > 0 && (window as any).__expoDebug.capturePanorama, null, { timeout: 120_000 })
    } catch {
      throw new Error(`panorama of ${zoneId}: the hall never drew a frame${pageErrors.length ? ` (${pageErrors.join('; ')})` : ''}`)
    }
    const taken: PanoramaTaken = await page.evaluate(([zone, width]) => (window as any).__expoDebug.capturePanorama({ zoneId: zone, width }), [zoneId, WIDTHS[0]] as const)
    const encode = async (width: number, quality: number) =>
      Buffer.from(await page.evaluate(([w, q]) => (window as any).__expoDebug.encodePanorama({ width: w, quality: q }) as Promise<string>, [width, quality] as const), 'base64')
    return { taken, ...(await fitToBudget(zoneId, encode)) }
  } finally {
    await context.close()
  }
}

function readManifest(): PanoramaManifest | null {
  if (!existsSync(PANORAMA_MANIFEST)) return null
  return JSON.parse(readFileSync(PANORAMA_MANIFEST, 'utf8')) as PanoramaManifest
}

async function main() {
  const options = parseOptions(process.argv.slice(2))
  // before the build: a missing browser is the commonest failure, and it says how to get one
  chromiumPath()
  const pack = loadRealPack()
  const plan = computeFloorPlan({ zones: pack.zones, exhibitors: pack.exhibitors })
  const fingerprint = planFingerprint(plan)
  const previous = readManifest()
  // pictures of another plan are stale together: keep the others' entries only when the plan is the same
  const zones: PanoramaManifest['zones'] = previous?.plan === fingerprint ? { ...previous.zones } : {}
  if (options.build) build()
  if (!existsSync('dist/index.html')) throw new Error('no built app in dist/: run without --no-build')
  mkdirSync(PANORAMA_DIR, { recursive: true })

  const server = await preview(PORT)
  if (!(await fetch(server.url).then((r) => r.ok, () => false))) {
    server.stop()
    throw new Error(`nothing serves the build on ${server.url}: is port ${PORT} taken?`)
  }
  const browser = await launchChromium()
  const started = Date.now()
  try {
    for (const zoneId of options.zones) {
      const zoneStarted = Date.now()
      const { taken, width, quality, webp } = await captureZone(browser, server.url, zoneId).catch((error: Error) => {
        throw error.message.includes(`panorama of ${zoneId}`) ? error : new Error(`panorama of ${zoneId}: ${error.message}`)
      })
      const expected = manifestViewpoint(panoramaViewpoint(plan, zoneId)!)
      const seen = manifestViewpoint(taken.viewpoint)
      if (JSON.stringify(seen) !== JSON.stringify(expected)) {
        throw new Error(`panorama of ${zoneId}: the built hall stood at ${JSON.stringify(seen)}, the content pack on disk gives ${JSON.stringify(expected)}: build again`)
      }
      const file = `${zoneId}.webp`
      writeFileSync(join(PANORAMA_DIR, file), webp)
      const entry: PanoramaEntry = { file, width, height: width / 2, bytes: webp.length, quality, viewpoint: expected }
      zones[zoneId] = entry
      console.log(`${zoneId}: ${width}×${width / 2} at quality ${quality}, ${(webp.length / KB).toFixed(1)} KB (${((Date.now() - zoneStarted) / 1000).toFixed(0)} s)`)
    }
  } finally {
    await browser.close()
    server.stop()
  }
  // zones in the schema's order, so the file changes only where a picture did
  const ordered = Object.fromEntries(ZONE_IDS.filter((id) => zones[id]).map((id) => [id, zones[id]]))
  const manifest: PanoramaManifest = { plan: fingerprint, zones: ordered }
  writeFileSync(PANORAMA_MANIFEST, `${JSON.stringify(manifest, null, 2)}\n`)
  summary(manifest, (Date.now() - started) / 1000)
}

function summary(manifest: PanoramaManifest, seconds: number) {
  const rows = Object.entries(manifest.zones).map(([zone, e]) => [zone, `${e!.width}×${e!.height}`, String(e!.quality), (e!.bytes / KB).toFixed(1)])
  const header = ['zone', 'size', 'quality', 'KB']
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)))
  const line = (cells: string[]) => cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join('  ')
  console.log(`\n${line(header)}\n${widths.map((w) => '-'.repeat(w)).join('  ')}`)
  rows.forEach((r) => console.log(line(r)))
  const bytes = Object.values(manifest.zones).map((e) => e!.bytes)
  console.log(`\n${bytes.length} panoramas in ${PANORAMA_MANIFEST}: largest ${(Math.max(...bytes) / KB).toFixed(1)} KB, ` +
    `in all ${(bytes.reduce((a, b) => a + b, 0) / KB).toFixed(1)} KB; this run took ${seconds.toFixed(0)} s`)
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error)
  process.exit(1)
})
