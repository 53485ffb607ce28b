/** The hall on a phone (touch, 390×844, a 3x screen): joystick, drag and tap, the bottom sheet, gyroscope look, pixel ratio. */
import { expect, test, type Page } from '@playwright/test'
import { camera, cameraSettled, exhibitorName, openHall, watchConsole } from '../helpers/page'

test.use({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true, deviceScaleFactor: 3 })

type Spot = [x: number, y: number]

/** Fingers on the screen: real touch events, which Chromium turns into pointer events as on a phone. */
async function fingers(page: Page) {
  const cdp = await page.context().newCDPSession(page)
  const touch = (type: 'touchStart' | 'touchMove' | 'touchEnd', spots: Spot[]) =>
    cdp.send('Input.dispatchTouchEvent', { type, touchPoints: spots.map(([x, y], id) => ({ x, y, id })) })
  return {
    down: (...spots: Spot[]) => touch('touchStart', spots),
    move: (...spots: Spot[]) => touch('touchMove', spots),
    up: () => touch('touchEnd', []),
  }
}

const distance = (a: { x: number; z: number }, b: { x: number; z: number }) => Math.hypot(a.x - b.x, a.z - b.z)

async function walkMode(page: Page) {
  await page.getByRole('button', { name: 'Walk', exact: true }).tap()
  await expect(page.getByRole('button', { name: 'Walk', exact: true })).toHaveAttribute('aria-pressed', 'true')
  await cameraSettled(page)
}

test('the hall fills the phone screen at a pixel ratio of at most 1.5, without console errors', async ({ page }) => {
  const errors = watchConsole(page)
  await openHall(page)
  const { dpr, devicePixelRatio, canvas } = await page.evaluate(() => {
    const rect = document.querySelector('canvas')!.getBoundingClientRect()
    return { dpr: (window as any).__expoDebug.dpr, devicePixelRatio: window.devicePixelRatio, canvas: { width: rect.width, height: rect.height } }
  })
  expect(devicePixelRatio).toBe(3)
  expect(dpr).toBeLessThanOrEqual(1.5)
  expect(dpr).toBeGreaterThanOrEqual(1)
  expect(canvas).toEqual({ width: 390, height: 844 })
  expect(errors).toEqual([])
})

test('the joystick walks the visitor and stops when the thumb lifts', async ({ page }) => {
  await openHall(page)
  // Overview has no joystick: it walks.
  await expect(page.locator('.joystick')).toHaveCount(0)
  await walkMode(page)
  const pad = page.locator('.joystick')
  await expect(pad).toBeVisible()
  const box = (await pad.boundingBox())!
  expect(Math.min(box.width, box.height)).toBeGreaterThanOrEqual(44)

  const start = await camera(page)
  const thumb = await fingers(page)
  const cx = box.x + box.width / 2
  const cy = box.y + box.height / 2
  await thumb.down([cx, cy])
  await thumb.move([cx, cy - 20])
  await thumb.move([cx, cy - 45])
  await expect.poll(async () => distance(await camera(page), start), { timeout: 30_000 }).toBeGreaterThan(1)
  await thumb.up()
  await cameraSettled(page)
  const stopped = await camera(page)
  await page.waitForTimeout(1000)
  expect(distance(await camera(page), stopped)).toBeLessThan(0.01)
  // Walked ahead, the way the camera faced: the heading is unchanged.
  expect(Math.abs(stopped.yaw - start.yaw)).toBeLessThan(0.05)
})

test('dragging a finger across the hall looks around in walk mode', async ({ page }) => {
  await openHall(page)
  await walkMode(page)
  const start = await camera(page)
  const drag = await fingers(page)
  await drag.down([300, 420])
  for (const x of [260, 220, 180]) await drag.move([x, 420])
  await drag.up()
  await cameraSettled(page)
  const after = await camera(page)
  // Pulling the scene left turns the view right.
  expect(after.yaw - start.yaw).toBeGreaterThan(0.3)
  expect(distance(after, start)).toBeLessThan(0.01)
})

test('pinching two fingers apart zooms the overview in', async ({ page }) => {
  await openHall(page)
  await cameraSettled(page)
  const before = await camera(page)
  const pinch = await fingers(page)
  await pinch.down([160, 430], [230, 430])
  for (const spread of [60, 100, 140]) await pinch.move([195 - spread, 430], [195 + spread, 430])
  await pinch.up()
  // Closer to the floor, still looking the same way (the orbit's damping glides on for a while: no need to wait).
  await expect.poll(async () => (await camera(page)).y, { timeout: 30_000 }).toBeLessThan(before.y * 0.85)
  expect(Math.abs((await camera(page)).yaw - before.yaw)).toBeLessThan(0.05)
})

test('a tap on a booth opens its panel as a bottom sheet inside the screen', async ({ page }) => {
  await openHall(page, 'zone=ai')
  await cameraSettled(page)
  const target = await page.evaluate(() => {
    const debug = (window as any).__expoDebug
    const store = (window as any).__expoStore.getState()
    // Clear of the top bar, the view switch and the minimap.
    return store.plan.booths
      .filter((b: any) => b.zoneId === 'ai')
      .map((b: any) => ({ id: b.exhibitorId, ...debug.boothScreenPosition(b.exhibitorId) }))
      .find((p: any) => p.visible && p.x > 30 && p.x < 360 && p.y > 200 && p.y < 600)
  })
  expect(target, 'a booth of the AI zone is on screen').toBeTruthy()
  await page.touchscreen.tap(target.x, target.y)
  const panel = page.getByRole('complementary', { name: await exhibitorName(page, target.id) })
  await expect(panel).toBeVisible()
  const sheet = (await panel.boundingBox())!
  expect(sheet.x).toBeGreaterThanOrEqual(0)
  expect(sheet.x + sheet.width).toBeLessThanOrEqual(390 + 0.5)
  expect(sheet.y + sheet.height).toBeLessThanOrEqual(844 + 0.5)
  // A sheet from the bottom edge, not a side panel.
  expect(sheet.y + sheet.height).toBeGreaterThan(844 - 2)
  expect(sheet.width).toBeGreaterThan(390 - 2)
})

test('nothing scrolls sideways on a 360 px wide phone, in overview, walk mode or with a panel open', async ({ page }) => {
  await page.setViewportSize({ width: 360, height: 780 })
  await openHall(page)
  const scrollWidth = () => page.evaluate(() => document.documentElement.scrollWidth)
  expect(await scrollWidth()).toBeLessThanOrEqual(360)
  await walkMode(page)
  await expect(page.locator('.joystick')).toBeVisible()
  expect(await scrollWidth()).toBeLessThanOrEqual(360)
  const first = await page.evaluate(() => (window as any).__expoStore.getState().pack.exhibitors[0].id)
  await page.evaluate((boothId) => (window as any).__expoStore.getState().actions.openBooth(boothId), first)
  await expect(page.getByRole('complementary', { name: await exhibitorName(page, first) })).toBeVisible()
  expect(await scrollWidth()).toBeLessThanOrEqual(360)
})

test('tapping the floor in walk mode walks there', async ({ page }) => {
  await openHall(page)
  await walkMode(page)
  const start = await camera(page)
  // A spot a few metres ahead on the aisle, wherever the walk began.
  const spot = await page.evaluate(() => {
    const debug = (window as any).__expoDebug
    const pose = debug.camera()
    for (const ahead of [6, 5, 4, 7, 3]) {
      const x = pose.x + Math.sin(pose.yaw) * ahead
      const z = pose.z + Math.cos(pose.yaw) * ahead
      const point = debug.floorScreenPosition(x, z)
      if (point.visible && point.y > 200 && point.y < 640) return { ...point, ahead }
    }
    return null
  })
  expect(spot, 'the floor ahead is on screen').toBeTruthy()
  await page.touchscreen.tap(spot!.x, spot!.y)
  await expect.poll(async () => distance(await camera(page), start), { timeout: 30_000 }).toBeGreaterThan(1.5)
})

test.describe('gyroscope look', () => {
  test('turns the view with the phone, keeping the heading the visitor had', async ({ page }) => {
    await openHall(page)
    await walkMode(page)
    // A phone's sensor: readings every 50 ms from wherever `__alpha` points.
    await page.evaluate(() => {
      const w = window as any
      w.__alpha = 123
      w.__sensor = setInterval(
        () => window.dispatchEvent(new DeviceOrientationEvent('deviceorientation', { alpha: w.__alpha, beta: 90, gamma: 0 })),
        50,
      )
    })
    const before = await camera(page)
    const toggle = page.getByRole('button', { name: 'Look by turning the phone' })
    await toggle.tap()
    await expect(toggle).toHaveAttribute('aria-pressed', 'true')
    await cameraSettled(page)
    // Switched on facing alpha 123°: the view keeps its own heading.
    expect(Math.abs((await camera(page)).yaw - before.yaw)).toBeLessThan(0.02)

    // The phone turns 30° to the left: so does the view.
    await page.evaluate(() => ((window as any).__alpha = 153))
    await expect.poll(async () => (await camera(page)).yaw - before.yaw, { timeout: 30_000 }).toBeLessThan(-0.5)
    await cameraSettled(page)
    expect((await camera(page)).yaw - before.yaw).toBeCloseTo(-Math.PI / 6, 1)

    // Off again: the phone turns, the view stays.
    await toggle.tap()
    await expect(toggle).toHaveAttribute('aria-pressed', 'false')
    const off = await camera(page)
    await page.evaluate(() => ((window as any).__alpha = 60))
    await page.waitForTimeout(1000)
    expect(Math.abs((await camera(page)).yaw - off.yaw)).toBeLessThan(0.01)
  })

  test('falls back to touch with a notice when the phone sends no readings', async ({ page }) => {
    await openHall(page)
    await walkMode(page)
    const toggle = page.getByRole('button', { name: 'Look by turning the phone' })
    await toggle.tap()
    await expect(page.getByRole('status').filter({ hasText: 'drag the view to look around' })).toBeVisible()
    await expect(toggle).toHaveAttribute('aria-pressed', 'false')
    expect(await page.evaluate(() => (window as any).__expoStore.getState().gyroLook)).toBe(false)
  })
})
