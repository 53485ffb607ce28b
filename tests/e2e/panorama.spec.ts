/**
 * The light 360° view (`?pano=<zoneId>`): it opens without the 3D hall's chunk, turns by drag, keys and the gyroscope,
 * its hotspots open booths (a negotiation booked from there) and neighbouring zones, it speaks three languages, axe
 * finds nothing serious, and on a phone it has a Cardboard view whose gaze and tap choose a hotspot.
 */
import { expect, test, type Locator, type Page } from '@playwright/test'
import { blockingAxeIssues } from '../helpers/axe'
import { watchConsole } from '../helpers/page'

// a visitor in Berlin, so the booking picker shows both clocks; the worker would fetch every file of the build (the
// hall's too) for offline use after the page has loaded: left out, these tests watch what the page itself asks for
test.use({ timezoneId: 'Europe/Berlin', serviceWorkers: 'block' })

const ZONE = 'ai'

/** Opens a zone's 360° view and waits until its picture is drawn. */
async function openPanorama(page: Page, query = '') {
  const params = new URLSearchParams(query)
  if (!params.has('pano')) params.set('pano', ZONE)
  if (!params.has('lang')) params.set('lang', 'en')
  params.set('debug', '1')
  await page.goto(`/?${params}`)
  await expect(page.locator('canvas.panorama-canvas')).toBeVisible({ timeout: 30_000 })
  await expect(page.locator('.panorama-status')).toHaveCount(0)
  await page.waitForFunction(() => (window as any).__expoPanorama?.frames() > 0)
}

const look = (page: Page): Promise<{ yaw: number; pitch: number; fov: number }> => page.evaluate(() => (window as any).__expoPanorama.look())
const frames = (page: Page): Promise<number> => page.evaluate(() => (window as any).__expoPanorama.frames())

/** The hotspots in sight (those behind the viewer stay in the page, out of sight, for the keyboard). */
const inSight = (page: Page, name: RegExp) => page.getByRole('button', { name }).and(page.locator('.panorama-hotspot:not(.is-away)'))

async function centre(locator: Locator) {
  const box = (await locator.boundingBox())!
  return { x: box.x + box.width / 2, y: box.y + box.height / 2 }
}

/** The hotspot's direction, as the page placed it. */
const direction = async (locator: Locator) => ({ yaw: Number(await locator.getAttribute('data-yaw')), pitch: Number(await locator.getAttribute('data-pitch')) })

const exhibitorName = (page: Page, id: string, language: string): Promise<string> =>
  page.evaluate(([id, language]) => (window as any).__expoStore.getState().pack.exhibitors.find((e: any) => e.id === id).name[language], [id, language])
const zoneName = (page: Page, id: string, language: string): Promise<string> =>
  page.evaluate(([id, language]) => (window as any).__expoStore.getState().pack.zones.find((z: any) => z.id === id).name[language], [id, language])

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')

test('a 360° link opens the zone’s picture without ever asking for the 3D hall, draws only when something moves, and leads into the hall', async ({ page }) => {
  const errors = watchConsole(page)
  const asked: string[] = []
  page.on('request', (request) => asked.push(new URL(request.url()).pathname))
  await openPanorama(page)
  const hallChunks: string[] = await page.evaluate(() => document.querySelector<HTMLMetaElement>('meta[name="expo-hall-chunks"]')!.content.split(' '))
  expect(hallChunks.some((path) => /\/Hall-[\w-]+\.js$/.test(path))).toBe(true)

  const name = await zoneName(page, ZONE, 'en')
  await expect(page.getByRole('heading', { name: `360° view: ${name}` })).toBeAttached()
  await expect(page.getByRole('img', { name: new RegExp(`^360° picture of ${escape(name)}`) })).toBeVisible()
  expect(asked.filter((path) => path.startsWith('/assets/panoramas/'))).toEqual([expect.stringMatching(new RegExp(`^/assets/panoramas/${ZONE}-[\\w-]+\\.webp$`))])
  expect(new URL(page.url()).searchParams.get('pano')).toBe(ZONE)
  // the zone menu is there and marks where the visitor is
  await expect(page.getByRole('navigation', { name: 'Zones' }).getByRole('button', { name: new RegExp(`^${escape(name)}`) })).toHaveAttribute('aria-current', 'location')

  // once the picture is in and placed, nothing more is drawn while nothing moves
  const drawnDuring = async (ms: number) => {
    const before = await frames(page)
    await page.waitForTimeout(ms)
    return (await frames(page)) - before
  }
  await expect.poll(() => drawnDuring(500)).toBe(0)
  expect(await drawnDuring(1500)).toBe(0)
  expect(asked.filter((path) => hallChunks.includes(path))).toEqual([])
  expect(errors).toEqual([])

  // the way into the hall, at this zone: only now does its chunk come
  await page.getByRole('button', { name: 'Enter the 3D hall' }).click()
  await expect(page.getByRole('main', { name: '3D exhibition hall' })).toBeVisible()
  await expect.poll(() => asked.some((path) => /\/Hall-[\w-]+\.js$/.test(path))).toBe(true)
  await expect.poll(() => new URL(page.url()).searchParams.get('zone')).toBe(ZONE)
  expect(new URL(page.url()).searchParams.has('pano')).toBe(false)
})

test('dragging the picture turns the view: the hotspots move with it, and the wheel zooms', async ({ page }) => {
  await openPanorama(page)
  const hotspot = inSight(page, /^Booth: /).first()
  const key = await hotspot.getAttribute('data-key')
  const spot = page.locator(`[data-key="${key}"]`).first()
  const before = await centre(spot)
  // grab the picture below the horizon, clear of the hotspots, and pull it 150 px to the right and 40 px down
  await page.mouse.move(700, 600)
  await page.mouse.down()
  for (let i = 1; i <= 10; i++) await page.mouse.move(700 + 15 * i, 600 + 4 * i)
  await page.mouse.up()
  await expect.poll(async () => (await centre(spot)).x - before.x).toBeGreaterThan(140)
  const after = await centre(spot)
  // what was under the finger stayed under it (to a few pixels: turning about the vertical bends the path)
  expect(after.x - before.x).toBeLessThan(160)
  expect(after.y - before.y).toBeGreaterThan(30)
  expect(after.y - before.y).toBeLessThan(50)

  const fov = (await look(page)).fov
  await page.mouse.move(700, 600)
  await page.mouse.wheel(0, -400)
  await expect.poll(async () => (await look(page)).fov).toBeLessThan(fov * 0.8)
})

test('a booth hotspot opens the booth panel with every action, and a negotiation is booked from there', async ({ page }) => {
  await openPanorama(page)
  const hotspot = inSight(page, /^Booth: /).first()
  const id = (await hotspot.getAttribute('data-key'))!.replace(/^booth:/, '')
  const name = await exhibitorName(page, id, 'en')
  await expect(hotspot).toHaveAccessibleName(`Booth: ${name}`)
  await hotspot.click()

  const panel = page.getByRole('complementary', { name })
  await expect(panel).toBeVisible()
  await expect(panel.getByRole('button', { name: 'Add to my route' })).toBeVisible()
  await panel.getByRole('button', { name: /Add to favourites/ }).click()
  await expect(panel.getByRole('button', { name: /Remove from favourites/ })).toHaveAttribute('aria-pressed', 'true')
  // the panel sits over this zone's picture: no 360° button to where the visitor already is
  await expect(panel.getByRole('button', { name: /^360° view of/ })).toHaveCount(0)
  expect(new URL(page.url()).searchParams.get('booth')).toBe(id)

  await panel.getByRole('button', { name: 'Book a negotiation' }).click()
  const dialog = page.getByRole('dialog', { name: new RegExp(escape(name)) })
  await dialog.getByRole('button', { name: /your time · \d\d:\d\d Beijing/ }).first().click()
  await dialog.getByLabel('Name').fill('Anna Schmidt')
  await dialog.getByLabel('Company or organisation').fill('Schmidt Antriebe GmbH')
  await dialog.getByLabel('E-mail').fill('anna@example.com')
  await dialog.getByLabel('You are').selectOption('buyer')
  await dialog.getByLabel('Topic').fill('Vision sensors for our line')
  await dialog.getByRole('button', { name: 'Confirm booking' }).click()
  await expect(page.getByRole('dialog').getByRole('heading', { name: 'Booked' })).toBeVisible()
  // still in the 360° view, never the hall
  await expect(page.locator('canvas.panorama-canvas')).toBeVisible()
  expect(new URL(page.url()).searchParams.get('pano')).toBe(ZONE)
})

test('a zone hotspot goes to the neighbouring zone’s picture, the link following', async ({ page }) => {
  await openPanorama(page)
  const hotspot = page.getByRole('button', { name: /^Go to zone: / }).first()
  const neighbour = (await hotspot.getAttribute('data-key'))!.replace(/^zone:/, '')
  const name = await zoneName(page, neighbour, 'en')
  await expect(hotspot).toHaveAccessibleName(`Go to zone: ${name}`)
  // it may be behind the viewer: focusing it turns the view to it first
  await hotspot.focus()
  await expect(hotspot).not.toHaveClass(/is-away/)
  await hotspot.click()
  await expect(page.getByRole('heading', { name: `360° view: ${name}` })).toBeAttached()
  await expect.poll(() => new URL(page.url()).searchParams.get('pano')).toBe(neighbour)
  await expect(page.locator('.panorama-status')).toHaveCount(0)
  // and back the other way through the zone menu's 360° button
  const back = await zoneName(page, ZONE, 'en')
  await page.getByRole('button', { name: `360° view of ${back}` }).click()
  await expect.poll(() => new URL(page.url()).searchParams.get('pano')).toBe(ZONE)
})

test('with the keyboard alone: arrows turn, + zooms, Shift+Tab reaches a hotspot behind the viewer and turns to it, Enter opens it', async ({ page }) => {
  await openPanorama(page)
  const start = await look(page)
  await page.keyboard.press('ArrowRight')
  await page.keyboard.press('ArrowRight')
  await page.keyboard.press('ArrowUp')
  await expect.poll(async () => (await look(page)).yaw - start.yaw).toBeCloseTo((10 * Math.PI) / 180, 3)
  expect((await look(page)).pitch - start.pitch).toBeCloseTo((5 * Math.PI) / 180, 3)
  await page.keyboard.press('+')
  expect((await look(page)).fov).toBeLessThan(start.fov)

  // the booth hotspots out of sight now
  const away: string[] = await page.evaluate(() =>
    [...document.querySelectorAll<HTMLElement>('.panorama-hotspot.is-booth.is-away')].map((b) => b.dataset.key!),
  )
  expect(away.length).toBeGreaterThan(0)
  // backwards from the end of the page: the 360° view comes after the overlay, its hotspots just before its controls
  let focused = ''
  for (let i = 0; i < 60 && !away.includes(focused); i++) {
    await page.keyboard.press('Shift+Tab')
    focused = await page.evaluate(() => (document.activeElement as HTMLElement | null)?.dataset.key ?? '')
  }
  expect(away).toContain(focused)
  const hotspot = page.locator(`button[data-key="${focused}"]`)
  await expect(hotspot).not.toHaveClass(/is-away/)
  // turned until it faces the visitor
  const towards = await direction(hotspot)
  await expect.poll(async () => Math.abs(Math.atan2(Math.sin((await look(page)).yaw - towards.yaw), Math.cos((await look(page)).yaw - towards.yaw)))).toBeLessThan(0.01)
  const box = (await hotspot.boundingBox())!
  expect(Math.abs(box.x + box.width / 2 - 683)).toBeLessThan(40)

  await page.keyboard.press('Enter')
  const name = await exhibitorName(page, focused.replace(/^booth:/, ''), 'en')
  await expect(page.getByRole('complementary', { name })).toBeVisible()
  await page.keyboard.press('Escape')
  await expect(page.getByRole('complementary', { name })).toHaveCount(0)
  await expect(hotspot).toBeFocused()
})

test('names every hotspot in Chinese, English and Korean, and axe finds no serious issue', async ({ page }) => {
  await openPanorama(page, 'lang=zh-CN')
  const booth = page.locator('.panorama-hotspot.is-booth').first()
  const zone = page.locator('.panorama-hotspot.is-zone').first()
  const boothId = (await booth.getAttribute('data-key'))!.replace(/^booth:/, '')
  const zoneId = (await zone.getAttribute('data-key'))!.replace(/^zone:/, '')
  const here = await zoneName(page, ZONE, 'zh-CN')
  await expect(booth).toHaveAccessibleName(`展位：${await exhibitorName(page, boothId, 'zh-CN')}`)
  await expect(zone).toHaveAccessibleName(`前往展区：${await zoneName(page, zoneId, 'zh-CN')}`)
  await expect(page.getByRole('button', { name: `${here} 360°全景` })).toBeVisible()
  await expect(page.getByRole('button', { name: '进入三维展馆' })).toBeVisible()

  await page.getByLabel('语言').selectOption('ko')
  await expect(booth).toHaveAccessibleName(`부스: ${await exhibitorName(page, boothId, 'ko')}`)
  await expect(zone).toHaveAccessibleName(`전시구역으로 이동: ${await zoneName(page, zoneId, 'ko')}`)
  await expect(page.getByRole('img', { name: new RegExp(`^${escape(await zoneName(page, ZONE, 'ko'))}의 360° 사진`) })).toBeVisible()
  expect(new URL(page.url()).searchParams.get('lang')).toBe('ko')

  await page.getByLabel('언어').selectOption('en')
  await expect(booth).toHaveAccessibleName(`Booth: ${await exhibitorName(page, boothId, 'en')}`)
  await expect(zone).toHaveAccessibleName(`Go to zone: ${await zoneName(page, zoneId, 'en')}`)
  expect(await blockingAxeIssues(page, '360° view')).toEqual([])
  await booth.focus()
  await page.keyboard.press('Enter')
  await expect(page.locator('.booth-panel')).toBeVisible()
  expect(await blockingAxeIssues(page, '360° view with a booth panel')).toEqual([])
})

test.describe('on a phone', () => {
  test.use({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true, deviceScaleFactor: 3 })

  test('the view fills the screen, turns with the phone, and the Cardboard view’s gaze and tap open a booth', async ({ page }) => {
    const errors = watchConsole(page)
    await openPanorama(page)
    const canvas = (await page.locator('canvas.panorama-canvas').boundingBox())!
    expect([canvas.width, canvas.height]).toEqual([390, 844])
    expect(await blockingAxeIssues(page, '360° view on a phone')).toEqual([])

    // A phone's sensor: readings every 50 ms from wherever `__alpha` points.
    await page.evaluate(() => {
      const w = window as any
      w.__alpha = 40
      w.__sensor = setInterval(() => window.dispatchEvent(new DeviceOrientationEvent('deviceorientation', { alpha: w.__alpha, beta: 90, gamma: 0 })), 50)
    })
    const before = await look(page)
    const toggle = page.getByRole('button', { name: 'Look by turning the phone' })
    await toggle.tap()
    await expect(toggle).toHaveAttribute('aria-pressed', 'true')
    // switched on: the view keeps its heading
    await page.waitForTimeout(300)
    expect(Math.abs((await look(page)).yaw - before.yaw)).toBeLessThan(0.02)
    // the phone turns 20° to the left: so does the view, and what was ahead moves right on the screen
    const spot = inSight(page, /^(Booth|Go to zone): /).first()
    const key = await spot.getAttribute('data-key')
    const x0 = (await centre(page.locator(`[data-key="${key}"]`).first())).x
    await page.evaluate(() => ((window as any).__alpha = 60))
    await expect.poll(async () => (await look(page)).yaw - before.yaw).toBeCloseTo((-20 * Math.PI) / 180, 2)
    expect((await centre(page.locator(`[data-key="${key}"]`).first())).x).toBeGreaterThan(x0 + 50)

    // the Cardboard view: both eyes, a reticle in each, hotspots drawn in both
    await page.getByRole('button', { name: 'Cardboard view' }).tap()
    await expect(page.getByRole('button', { name: 'Leave the Cardboard view' })).toBeVisible()
    await expect(page.locator('.panorama-reticle')).toHaveCount(2)
    const booth = page.locator('button.panorama-hotspot.is-booth').first()
    const id = (await booth.getAttribute('data-key'))!.replace(/^booth:/, '')
    await expect(page.locator(`.is-twin [data-key="booth:${id}"]`)).toHaveCount(1)

    // turn the phone until the gaze rests on that booth, then tap anywhere on the picture
    const target = await direction(booth)
    const now = await look(page)
    const alpha = 60 - ((target.yaw - now.yaw) * 180) / Math.PI
    await page.evaluate((alpha) => ((window as any).__alpha = alpha), alpha)
    await expect(page.locator(`button[data-key="booth:${id}"]`)).toHaveClass(/is-gazed/)
    await expect(page.locator(`.is-twin [data-key="booth:${id}"]`)).toHaveClass(/is-gazed/)
    await page.touchscreen.tap(100, 700)

    // a panel is read without the lenses: the Cardboard view gives way to the booth's bottom sheet
    const panel = page.getByRole('complementary', { name: await exhibitorName(page, id, 'en') })
    await expect(panel).toBeVisible()
    await expect(page.getByRole('button', { name: 'Leave the Cardboard view' })).toHaveCount(0)
    const sheet = (await panel.boundingBox())!
    expect(sheet.y + sheet.height).toBeCloseTo(844, 0)
    await page.evaluate(() => clearInterval((window as any).__sensor))
    expect(errors).toEqual([])
  })
})
