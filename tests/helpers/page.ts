/** Browser-test helpers that speak the way a visitor acts: open a link, wait for the hall, look at the canvas. */
import { expect, type Page } from '@playwright/test'
import { PNG } from 'pngjs'

export interface BoothInfo {
  exhibitorId: string
  zoneId: string
  rect: { x: number; z: number; width: number; depth: number }
  front: { x: number; z: number }
}

/** Collects console errors and page errors so a test can assert there were none. */
export function watchConsole(page: Page): string[] {
  const errors: string[] = []
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(message.text())
  })
  page.on('pageerror', (error) => errors.push(String(error)))
  return errors
}

/** Opens the app with the given query and waits until the hall has drawn its first frame. */
export async function openHall(page: Page, query = '') {
  const params = new URLSearchParams(query)
  if (!params.has('lang')) params.set('lang', 'en')
  params.set('debug', '1')
  await page.goto(`/?${params}`)
  await page.waitForFunction(() => Boolean((window as any).__expoDebug) && (window as any).__expoDebug.frames > 0, null, {
    timeout: 60_000,
  })
}

export async function camera(page: Page): Promise<{ x: number; y: number; z: number; yaw: number; pitch: number }> {
  return page.evaluate(() => (window as any).__expoDebug.camera())
}

export async function booth(page: Page, exhibitorId: string): Promise<BoothInfo> {
  return page.evaluate((id) => {
    const plan = (window as any).__expoStore.getState().plan
    return plan.booths.find((b: any) => b.exhibitorId === id)
  }, exhibitorId)
}

export async function exhibitorName(page: Page, exhibitorId: string, language = 'en'): Promise<string> {
  return page.evaluate(
    ([id, lang]) => (window as any).__expoStore.getState().pack.exhibitors.find((e: any) => e.id === id).name[lang],
    [exhibitorId, language] as const,
  )
}

/**
 * Waits until a camera flight has settled: the pose is unchanged across two drawn frames, or no frame
 * is drawn at all for a while (the hall renders on demand, so an idle hall draws nothing).
 */
export async function cameraSettled(page: Page) {
  await expect
    .poll(
      () =>
        // No named functions inside: scripts run through tsx, which would wrap them in a helper the page lacks.
        page.evaluate(async () => {
          const debug = (window as any).__expoDebug
          const before = JSON.stringify(debug.camera())
          const startFrame = debug.frames
          const deadline = performance.now() + 1500
          while (debug.frames < startFrame + 2 && performance.now() < deadline) await new Promise((r) => setTimeout(r, 50))
          return JSON.stringify(debug.camera()) === before
        }),
      { timeout: 30_000, intervals: [100] },
    )
    .toBe(true)
}

/** How many distinct colours the canvas shows (coarsely quantised): a blank or black canvas shows one or two. */
export async function canvasColourCount(page: Page): Promise<number> {
  const shot = await page.locator('canvas').first().screenshot()
  const png = PNG.sync.read(shot)
  const colours = new Set<number>()
  for (let i = 0; i < png.data.length; i += 4 * 7) {
    colours.add(((png.data[i] >> 4) << 8) | ((png.data[i + 1] >> 4) << 4) | (png.data[i + 2] >> 4))
  }
  return colours.size
}
