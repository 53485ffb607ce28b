/**
 * First-visit bytes for `npm run bench` (or alone on a built folder: `npx tsx scripts/firstVisitBench.ts [dist]`): what a
 * visitor's browser transfers on a first visit to the lobby and to a booth link, counted by the browser itself (resource
 * timing `transferSize`, so compressed bytes where the server compresses) in the page and in the service worker that
 * precaches the build, each visit in a fresh context (empty HTTP cache, no worker yet).
 */
import { readFileSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { pathToFileURL } from 'node:url'
import type { Browser, BrowserContext, Worker } from '@playwright/test'
import { runAloneOnPreview } from './serve'

/** One fetch as the browser timed it: bytes over the wire (0 when answered by a cache) and the body's encoded size. */
interface Fetched {
  url: string
  transferSize: number
  encodedBodySize: number
}

export interface FirstVisit {
  url: string
  pageKB: number
  pageRequests: number
  workerKB: number
  workerRequests: number
  totalKB: number
  /** The content pack's share of the page: its requests (JSON files under assets/) and their bytes. */
  contentKB: number
  contentRequests: number
  /** URLs whose body came over the network more than once (page and worker together), with the bytes of every transfer. */
  fetchedMoreThanOnce: { url: string; times: number; kB: number }[]
}

const KB = 1024
const kb = (bytes: number) => Math.round((bytes / KB) * 10) / 10

/**
 * A body came over the network: something was transferred, and more than a revalidation's headers. A 304 transfers
 * only headers (transferSize below the cached body's size); a cache hit transfers nothing.
 */
const downloaded = (f: Fetched) => f.transferSize > 0 && f.transferSize >= f.encodedBodySize

// A string, not a function: tsx would wrap inner functions in a helper the page and the worker do not have.
const TIMINGS = `performance.getEntriesByType('navigation').concat(performance.getEntriesByType('resource'))
  .map((e) => ({ url: e.name, transferSize: e.transferSize, encodedBodySize: e.encodedBodySize }))`

/** The worker once its install (the precache) is done and it is active, so its resource timing holds every precache fetch. */
async function activatedWorker(context: BrowserContext): Promise<Worker> {
  const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker', { timeout: 120_000 }))
  await worker.evaluate(`new Promise((resolve) => {
    if (self.serviceWorker.state === 'activated') resolve()
    else self.serviceWorker.addEventListener('statechange', () => { if (self.serviceWorker.state === 'activated') resolve() })
  })`)
  return worker
}

async function firstVisit(browser: Browser, url: string): Promise<FirstVisit> {
  const context = await browser.newContext({ viewport: { width: 1366, height: 820 } })
  try {
    const page = await context.newPage()
    await page.goto(url, { waitUntil: 'load' })
    // The hall (or the plan view where WebGL is missing) is up, the worker has precached and taken the page over,
    // and nothing more is on its way.
    await page.locator('canvas, [aria-label*="plan" i]').first().waitFor({ timeout: 120_000 })
    await page.evaluate(() => navigator.serviceWorker.ready)
    const worker = await activatedWorker(context)
    await page.waitForLoadState('networkidle')
    await page.waitForTimeout(1000)
    const inPage = (await page.evaluate(TIMINGS)) as Fetched[]
    const inWorker = (await worker.evaluate(TIMINGS)) as Fetched[]
    const sum = (list: Fetched[]) => list.reduce((total, f) => total + f.transferSize, 0)
    const content = inPage.filter((f) => /\/assets\/[^/?#]+\.json([?#]|$)/.test(f.url))
    const transfers = new Map<string, number[]>()
    for (const f of [...inPage, ...inWorker].filter(downloaded)) {
      // A fragment is not part of what is fetched.
      const key = f.url.split('#')[0]
      transfers.set(key, [...(transfers.get(key) ?? []), f.transferSize])
    }
    return {
      url,
      pageKB: kb(sum(inPage)),
      pageRequests: inPage.length,
      workerKB: kb(sum(inWorker)),
      workerRequests: inWorker.length,
      totalKB: kb(sum(inPage) + sum(inWorker)),
      contentKB: kb(sum(content)),
      contentRequests: content.length,
      fetchedMoreThanOnce: [...transfers]
        .filter(([, sizes]) => sizes.length > 1)
        .map(([key, sizes]) => ({ url: key, times: sizes.length, kB: kb(sizes.reduce((a, b) => a + b, 0)) })),
    }
  } finally {
    await context.close()
  }
}

/** A booth of the real pack, the first of the first exhibitor file: the link a visitor is sent. */
function realBoothId(): string {
  const exhibitors = JSON.parse(readFileSync(join('assets/content/wmc2021/exhibitors/ai.json'), 'utf8')) as { id: string }[]
  return exhibitors[0].id
}

export async function firstVisitBytes(browser: Browser, baseUrl: string): Promise<{ lobby: FirstVisit; booth: FirstVisit }> {
  const base = baseUrl.replace(/\/$/, '')
  return {
    lobby: await firstVisit(browser, `${base}/?lang=en`),
    booth: await firstVisit(browser, `${base}/?booth=${encodeURIComponent(realBoothId())}&lang=en`),
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) runAloneOnPreview(firstVisitBytes)
