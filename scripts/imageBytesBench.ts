/**
 * Bytes of the logos and product pictures a visitor downloads touring the sample hall (issue 12: at most 1.5 MB, loaded
 * as the visitor approaches), for `npm run bench` or alone on a built folder (`npx tsx scripts/imageBytesBench.ts
 * [dist]`).
 *
 * A scripted visitor opens the lobby, visits every zone from above and opens a booth in a few of them (its panel
 * shows the products' pictures), then the browser's own resource timing is read in the page and in its dedicated
 * workers: every image request (svg, png, webp, jpg, or anything the page loaded as an image), except the app's own
 * icons and favicon, summed on its own line, beside everything the tour downloaded. The service worker is blocked, so
 * each byte is fetched by the page as the visitor gets there, not ahead by the precache.
 */
import { resolve } from 'node:path'
import { pathToFileURL } from 'node:url'
import type { Browser } from '@playwright/test'
import { isExhibitorImage } from './imageRequests'
import { hallAtRest, runAloneOnPreview } from './serve'

export const IMAGE_BYTES_BUDGET_KB = 1536

/** Zones whose first booth the visitor opens: spread over the hall and its industries. */
const OPENED_IN = ['next-gen-it', 'nev', 'korea-pavilion', 'green-food'] as const

interface Fetched {
  url: string
  initiatorType: string
  transferSize: number
  encodedBodySize: number
}

// A string, not a function: tsx would wrap inner functions in a helper the page and the workers do not have.
const TIMINGS = `performance.getEntriesByType('navigation').concat(performance.getEntriesByType('resource'))
  .map((e) => ({ url: e.name, initiatorType: e.initiatorType, transferSize: e.transferSize, encodedBodySize: e.encodedBodySize }))`

const kb = (bytes: number) => Math.round((bytes / 1024) * 10) / 10

export interface ImageBytes {
  /** What the tour did. */
  tour: string
  imageRequests: number
  /** Bytes over the wire (resource timing `transferSize`) of the images, KB. */
  imageKB: number
  /** Everything the tour downloaded (the app, the content, the images), KB. */
  allKB: number
  /** The five largest images, to see what a budget overrun is made of. */
  largestImages: { url: string; kB: number }[]
}

export async function imageBytes(browser: Browser, baseUrl: string): Promise<ImageBytes> {
  const context = await browser.newContext({ viewport: { width: 1366, height: 820 }, reducedMotion: 'reduce', serviceWorkers: 'block' })
  try {
    const page = await context.newPage()
    // Room for every request of the tour: the browser keeps 250 resource timings by default and drops the rest.
    await page.addInitScript('performance.setResourceTimingBufferSize(100000)')
    await page.goto(`${baseUrl}/?debug=1&lang=en`)
    await page.waitForFunction(() => (window as any).__expoDebug?.frames > 0, null, { timeout: 120_000 })
    await hallAtRest(page)
    const zones = (await page.evaluate(() => (window as any).__expoStore.getState().pack.zones.map((z: { id: string }) => z.id))) as string[]
    for (const zone of zones) {
      await page.evaluate((id) => (window as any).__expoStore.getState().actions.goToZone(id), zone)
      await hallAtRest(page)
      if (!(OPENED_IN as readonly string[]).includes(zone)) continue
      await page.evaluate((id) => {
        const { pack, actions } = (window as any).__expoStore.getState()
        actions.openBooth(pack.exhibitors.find((e: { zone: string }) => e.zone === id).id)
      }, zone)
      await hallAtRest(page)
      // The panel's pictures load once it shows them.
      await page.waitForLoadState('networkidle')
    }
    const fetched = [...((await page.evaluate(TIMINGS)) as Fetched[])]
    for (const worker of page.workers()) fetched.push(...((await worker.evaluate(TIMINGS)) as Fetched[]))
    const images = fetched.filter(isExhibitorImage)
    return {
      tour: `the lobby, then ${zones.length} zones from above, a booth opened in ${OPENED_IN.join(', ')}`,
      imageRequests: images.length,
      imageKB: kb(images.reduce((sum, f) => sum + f.transferSize, 0)),
      allKB: kb(fetched.reduce((sum, f) => sum + f.transferSize, 0)),
      largestImages: images
        .sort((a, b) => b.transferSize - a.transferSize)
        .slice(0, 5)
        .map((f) => ({ url: new URL(f.url).pathname, kB: kb(f.transferSize) })),
    }
  } finally {
    await context.close()
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) runAloneOnPreview(imageBytes)
