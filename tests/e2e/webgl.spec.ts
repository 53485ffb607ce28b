/** The renderer under stress: a lost WebGL context, no WebGL at all, and an idle hall that draws nothing. */
import { expect, test, type Page } from '@playwright/test'
import { chromiumLaunchOptions } from '../helpers/chromium'
import { framesDuring, hallFrames } from '../helpers/hallFrames'
import { camera, cameraSettled, canvasColourCount, exhibitorName, openHall, watchConsole } from '../helpers/page'

/** Loses the context as a crashed GPU driver would, and waits until the page has heard of it. */
async function loseContext(page: Page) {
  await page.evaluate(() => {
    const canvas = document.querySelector('canvas')!
    ;(window as any).__contextLost = false
    canvas.addEventListener('webglcontextlost', () => ((window as any).__contextLost = true), { once: true })
    ;(window as any).__expoDebug.loseContext()
  })
  await page.waitForFunction(() => (window as any).__contextLost === true)
}

/** Waits until the hall has come to rest: a second and a half of browser frames without one drawn by the hall. */
async function hallAtRest(page: Page) {
  await expect
    .poll(
      async () => {
        const { hall, browser } = await framesDuring(page, 1500)
        return hall === 0 && browser >= 10
      },
      { timeout: 60_000, intervals: [0] },
    )
    .toBe(true)
}

async function openBoothHall(page: Page) {
  await openHall(page)
  const id: string = await page.evaluate(() => (window as any).__expoStore.getState().pack.exhibitors[3].id)
  await openHall(page, `booth=${id}`)
  const panel = page.getByRole('complementary', { name: await exhibitorName(page, id) })
  await expect(panel).toBeVisible()
  await cameraSettled(page)
  return { id, panel }
}

test('a lost WebGL context is restored with the same scene, camera and open booth', async ({ page }) => {
  const errors = watchConsole(page)
  const { id, panel } = await openBoothHall(page)
  const pose = await camera(page)
  const colours = await canvasColourCount(page)
  expect(colours).toBeGreaterThan(40)

  await loseContext(page)
  const lostAt = await hallFrames(page)
  await page.evaluate(() => (window as any).__expoDebug.restoreContext())

  // Drawn again, from the same place, with the same booth open.
  await expect.poll(() => hallFrames(page), { timeout: 30_000 }).toBeGreaterThan(lostAt)
  await expect.poll(() => canvasColourCount(page), { timeout: 30_000 }).toBeGreaterThan(colours * 0.8)
  const after = await camera(page)
  expect(after.x).toBeCloseTo(pose.x, 3)
  expect(after.z).toBeCloseTo(pose.z, 3)
  expect(after.yaw).toBeCloseTo(pose.yaw, 3)
  await expect(panel).toBeVisible()
  const state = await page.evaluate(() => {
    const s = (window as any).__expoStore.getState()
    return { webgl: s.webgl, view: s.view, openBoothId: s.openBoothId }
  })
  expect(state).toEqual({ webgl: 'ok', view: 'hall', openBoothId: id })
  // The booth still answers a click through the restored scene.
  expect(await page.evaluate((boothId) => (window as any).__expoDebug.boothScreenPosition(boothId)?.visible, id)).toBe(true)
  expect(errors).toEqual([])
})

test('a context that does not come back hands over to the plan view and keeps the visit', async ({ page }) => {
  const { id, panel } = await openBoothHall(page)
  await page.evaluate((boothId) => (window as any).__expoStore.getState().actions.toggleFavourite(boothId), id)

  await loseContext(page)
  // Never restored: within a few seconds the plan view takes over.
  await expect(page.getByRole('main', { name: 'Floor plan' })).toBeVisible({ timeout: 15_000 })
  await expect(page.locator('canvas[data-engine]')).toHaveCount(0)
  const state = await page.evaluate(() => {
    const s = (window as any).__expoStore.getState()
    return { webgl: s.webgl, view: s.view, openBoothId: s.openBoothId, favourites: s.favourites }
  })
  expect(state).toEqual({ webgl: 'lost', view: 'plan', openBoothId: id, favourites: [id] })
  await expect(panel).toBeVisible()
})

test('an idle hall draws nothing, and draws again as soon as something moves', async ({ page }) => {
  // Reduced motion: the lobby cube stands still, so the hall comes to rest as soon as it has loaded.
  await page.emulateMedia({ reducedMotion: 'reduce' })
  await openHall(page)
  await hallAtRest(page)
  const idle = await hallFrames(page)
  const quiet = await framesDuring(page, 3000)
  expect(quiet.browser).toBeGreaterThan(20)
  expect(quiet.hall).toBe(0)

  await page.getByRole('navigation', { name: 'Zones' }).getByRole('button', { name: /^Korea National Pavilion/ }).click()
  await expect.poll(() => hallFrames(page)).toBeGreaterThan(idle)
  await hallAtRest(page)
  const moved = await hallFrames(page)
  // A cut, not a flight: a handful of frames (the cut, the label pool, the zone change), not a second of animation.
  expect(moved - idle).toBeLessThan(10)
})

/** Makes the page look hidden (another tab) or shown again, as the browser reports it. */
const setTabHidden = (page: Page, hidden: boolean) =>
  page.evaluate((value) => {
    Object.defineProperty(document, 'visibilityState', { value: value ? 'hidden' : 'visible', configurable: true })
    document.dispatchEvent(new Event('visibilitychange'))
  }, hidden)

test('the lobby cube turns only while it is in view and the tab is shown; a zone after its flight draws nothing', async ({ page }) => {
  // (Its pace, at most 30 frames a second, is proven in tests/unit/ambientPace.test.ts: software WebGL here draws the
  // lobby slower than that.)
  await openHall(page)
  // In the lobby, just after load: the cube turns (the hall appearing counts as activity). Polled: software WebGL may
  // hold the first frames back while it compiles shaders.
  const cubeTurns = async () => (await framesDuring(page, 1000)).hall
  await expect.poll(cubeTurns, { timeout: 15_000, intervals: [0] }).toBeGreaterThan(1)

  await setTabHidden(page, true)
  // Within a few seconds nothing is drawn for 2 s (the frame already asked for, or one a late store change asks for,
  // may still come; the cube turning on draws several in 2 s).
  const hiddenSpan = async () => {
    const { hall, browser } = await framesDuring(page, 2000)
    return browser > 1 ? hall : -1
  }
  await expect.poll(hiddenSpan, { timeout: 8_000, intervals: [0] }).toBe(0)
  await setTabHidden(page, false)
  await expect.poll(cubeTurns, { timeout: 10_000, intervals: [0] }).toBeGreaterThan(1)

  const clickedAt = await page.evaluate(() => performance.now())
  await page.getByRole('navigation', { name: 'Zones' }).getByRole('button', { name: /^Korea National Pavilion/ }).click()
  await cameraSettled(page)
  // Still within the cube's 20 s turn after the click (the flight's end counts as later activity), but the cube is
  // out of view: not one frame.
  const zone = await framesDuring(page, 3000)
  expect(await page.evaluate((at) => performance.now() - at, clickedAt)).toBeLessThan(20_000)
  expect(zone.hall).toBe(0)
  expect(zone.browser).toBeGreaterThan(20)
})

test('without WebGL at all the plan view opens instead of a broken hall', async ({ browser: shared, baseURL }) => {
  const browser = await shared.browserType().launch({ ...chromiumLaunchOptions(['--disable-3d-apis']), headless: true })
  try {
    const page = await browser.newPage({ baseURL })
    const errors = watchConsole(page)
    await page.goto('/?lang=en&debug=1')
    await expect(page.getByRole('main', { name: 'Floor plan' })).toBeVisible({ timeout: 30_000 })
    await expect(page.locator('canvas[data-engine]')).toHaveCount(0)
    expect(await page.evaluate(() => (window as any).__expoStore.getState().webgl)).toBe('unavailable')
    expect(errors).toEqual([])
  } finally {
    await browser.close()
  }
})
