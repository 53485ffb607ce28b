/**
 * The hall in a headset, counted: draw calls and triangles per eye under IWER's emulated Meta Quest 3, for the sample
 * hall and the 3,000-booth synthetic one. The headset draws the same scene once for each eye in one frame, and the
 * renderer's counters hold the whole frame, so an eye is half of it. Budgets are those of the page's hall, per eye.
 */
import type { Browser } from '@playwright/test'
import { framesPass, installHeadset } from '../tests/helpers/xr'

export interface VrSceneCounts {
  drawCallsPerEye: number
  trianglesPerEye: number
  drawCallsFrame: number
  trianglesFrame: number
}

export async function vrSceneCounts(browser: Browser, url: string): Promise<VrSceneCounts> {
  // a small canvas: XR frames in software rendering come quicker (the counts do not depend on pixels)
  const context = await browser.newContext({ viewport: { width: 780, height: 320 } })
  const page = await context.newPage()
  try {
    await installHeadset(page)
    await page.goto(url)
    await page.waitForFunction(() => (window as any).__expoDebug?.frames > 0, null, { timeout: 120_000 })
    await page.getByRole('button', { name: 'Enter VR' }).click({ timeout: 60_000 })
    await page.waitForFunction(() => (window as any).__expoStore.getState().vrPresenting === true, null, { timeout: 60_000 })
    // let the walk land and the near-camera detail (labels, products, logos) follow the visitor
    await framesPass(page, 10)
    await page.waitForTimeout(2000)
    let drawCallsFrame = 0
    let trianglesFrame = 0
    for (let i = 0; i < 3; i++) {
      await framesPass(page, 1)
      const counts: { drawCalls: number; triangles: number } = await page.evaluate(() => {
        const d = (window as any).__expoDebug
        return { drawCalls: d.drawCalls, triangles: d.triangles }
      })
      drawCallsFrame = Math.max(drawCallsFrame, counts.drawCalls)
      trianglesFrame = Math.max(trianglesFrame, counts.triangles)
    }
    return { drawCallsPerEye: drawCallsFrame / 2, trianglesPerEye: trianglesFrame / 2, drawCallsFrame, trianglesFrame }
  } finally {
    await context.close()
  }
}
