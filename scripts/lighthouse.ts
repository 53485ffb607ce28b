/**
 * Lighthouse 12 on the lobby, as a phone (Lighthouse's default: a mid-range device, 4× slower CPU, slow 4G) and as a
 * desktop, in the system Chromium: the four category scores and the metrics issue 11 follows. `lighthouseScores(url)`
 * is for the bench; alone, `npx tsx scripts/lighthouse.ts [dist]` runs it against the booking server in production
 * mode serving that build (compressed, as visitors get it).
 */
import { resolve } from 'node:path'
import { pathToFileURL } from 'node:url'
import * as chromeLauncher from 'chrome-launcher'
import lighthouse, { desktopConfig, type Config, type Flags, type Result } from 'lighthouse'
import { CHROMIUM_ARGS, chromiumPath } from '../tests/helpers/chromium'
import { startProductionServer } from './productionServer'

const CATEGORIES = ['performance', 'accessibility', 'best-practices', 'seo'] as const

export interface LighthouseRun {
  /** 0–1 per category, as Lighthouse reports them (null when a category could not be scored). */
  scores: Record<(typeof CATEGORIES)[number], number | null>
  metrics: {
    firstContentfulPaintMs: number
    largestContentfulPaintMs: number
    totalBlockingTimeMs: number
    speedIndexMs: number
    cumulativeLayoutShift: number
    /**
     * Bytes the page's own requests transferred (compressed as sent). The service worker's precache fetches are not
     * among them: a file the page then gets from the worker (the 3D chunk, often) counts 0 here.
     */
    totalByteWeight: number
    /** Script bytes downloaded but not run by the end of the load, as Lighthouse estimates them (transfer size). */
    unusedJavaScriptBytes: number
  }
  /** The audits that cost a point outside performance: what to look at when a score drops below 1. */
  failing: string[]
  /** Lighthouse's own notes on the run (a page that redirected, a throttling it could not apply). */
  warnings: string[]
  durationMs: number
}

const round = (value: number | undefined, digits = 0) => (value === undefined ? Number.NaN : Math.round(value * 10 ** digits) / 10 ** digits)

function summarise(lhr: Result, durationMs: number): LighthouseRun {
  const numeric = (id: string) => lhr.audits[id]?.numericValue
  const unused = lhr.audits['unused-javascript']?.details as { overallSavingsBytes?: number } | undefined
  const failing = CATEGORIES.filter((category) => category !== 'performance').flatMap((category) =>
    (lhr.categories[category]?.auditRefs ?? [])
      .filter((ref) => ref.weight > 0 && lhr.audits[ref.id]?.score !== null && (lhr.audits[ref.id]?.score ?? 1) < 1)
      .map((ref) => `${category}: ${ref.id}`),
  )
  return {
    scores: Object.fromEntries(CATEGORIES.map((category) => [category, lhr.categories[category]?.score ?? null])) as LighthouseRun['scores'],
    metrics: {
      firstContentfulPaintMs: round(numeric('first-contentful-paint')),
      largestContentfulPaintMs: round(numeric('largest-contentful-paint')),
      totalBlockingTimeMs: round(numeric('total-blocking-time')),
      speedIndexMs: round(numeric('speed-index')),
      cumulativeLayoutShift: round(numeric('cumulative-layout-shift'), 3),
      totalByteWeight: round(numeric('total-byte-weight')),
      unusedJavaScriptBytes: round(unused?.overallSavingsBytes ?? 0),
    },
    failing,
    warnings: lhr.runWarnings,
    durationMs: Math.round(durationMs),
  }
}

/**
 * Both runs on one Chromium (Lighthouse empties the origin's storage and caches, the service worker included,
 * before each). Software WebGL under 4× CPU throttling makes the mobile run the slow one: about half a minute.
 */
export async function lighthouseScores(url: string): Promise<{ mobile: LighthouseRun; desktop: LighthouseRun }> {
  const chrome = await chromeLauncher.launch({ chromePath: chromiumPath(), chromeFlags: [...CHROMIUM_ARGS, '--headless=new'], logLevel: 'error' })
  try {
    const run = async (config?: Config) => {
      const flags: Flags = { port: chrome.port, output: 'json', logLevel: 'error', onlyCategories: [...CATEGORIES] }
      const started = performance.now()
      const result = await lighthouse(url, flags, config)
      if (!result) throw new Error(`Lighthouse returned nothing for ${url}`)
      if (result.lhr.runtimeError) throw new Error(`Lighthouse could not load ${url}: ${result.lhr.runtimeError.code} ${result.lhr.runtimeError.message}`)
      return summarise(result.lhr, performance.now() - started)
    }
    const mobile = await run()
    const desktop = await run(desktopConfig)
    return { mobile, desktop }
  } finally {
    chrome.kill()
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  const main = async () => {
    const server = await startProductionServer(process.argv[2] ?? 'dist')
    try {
      console.log(JSON.stringify(await lighthouseScores(`${server.url}/`), null, 2))
    } finally {
      await server.stop()
    }
  }
  main().catch((error) => {
    console.error(error)
    process.exitCode = 1
  })
}
