/** Custom tour routes in real Chromium: build, optimise, see the path, share, and walk the guided tour. */
import { expect, test, type Page } from '@playwright/test'
import { craftedShareCode } from '../helpers/craftedShareCode'
import { openHall } from '../helpers/page'

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')

/** Adds a booth the way a visitor does: open its panel, press "Add to my route". */
async function addBoothFromPanel(page: Page, exhibitorId: string, name: string) {
  await page.evaluate((id) => (window as any).__expoStore.getState().actions.openBooth(id, { fly: false }), exhibitorId)
  await page.getByRole('complementary', { name }).getByRole('button', { name: 'Add to my route' }).click()
  await expect(page.getByRole('complementary', { name }).getByRole('button', { name: 'In my route' })).toBeVisible()
}

async function booths(page: Page, pick: 'zigzag' | 'neighbours'): Promise<{ id: string; name: string }[]> {
  return page.evaluate((how) => {
    const { plan, pack } = (window as any).__expoStore.getState()
    const name = (id: string) => pack.exhibitors.find((e: any) => e.id === id).name.en
    const byDepth = [...plan.booths].sort((a: any, b: any) => a.front.z - b.front.z || a.front.x - b.front.x)
    const chosen =
      how === 'zigzag'
        ? [byDepth[0], byDepth[byDepth.length - 1], byDepth[1], byDepth[byDepth.length - 2]]
        : plan.booths.filter((b: any) => b.zoneId === 'ai').slice(0, 3)
    return chosen.map((b: any) => ({ id: b.exhibitorId, name: name(b.exhibitorId) }))
  }, pick)
}

const summaryMetres = async (page: Page) =>
  Number((await page.getByTestId('route-summary').textContent())!.match(/([\d,]+) m on foot/)![1].replace(/,/g, ''))

const stopNames = (page: Page): Promise<(string | null)[]> =>
  page.getByRole('list', { name: /stops/ }).getByRole('listitem').evaluateAll((items) => items.map((li) => li.querySelector('.route-stop-go')!.textContent))

test('a visitor adds 4 booths, optimises the order, and sees the shorter walk drawn in the hall', async ({ page }) => {
  await openHall(page)
  const picks = await booths(page, 'zigzag')
  for (const booth of picks) await addBoothFromPanel(page, booth.id, booth.name)
  await page.keyboard.press('Escape')
  await page.getByRole('button', { name: /^My route/ }).click()
  const panel = page.getByRole('complementary', { name: 'My route' })
  expect(await stopNames(page)).toEqual(picks.map((b) => b.name))
  const before = await summaryMetres(page)

  await panel.getByRole('button', { name: 'Optimise order' }).click()
  await expect.poll(() => summaryMetres(page)).toBeLessThan(before)
  const optimised = await stopNames(page)
  expect(optimised).not.toEqual(picks.map((b) => b.name))
  expect([...optimised].sort()).toEqual(picks.map((b) => b.name).sort())
  await expect(page.getByRole('status').filter({ hasText: 'Ordered by walking distance' })).toBeVisible()

  // The path and four numbered markers are drawn in the hall.
  await expect.poll(() => page.evaluate(() => (window as any).__expoDebug.routePathPoints())).toBeGreaterThan(4)
  await expect
    .poll(() => page.evaluate(() => (window as any).__expoDebug.routeMarkers().map((m: any) => m.number)))
    .toEqual([1, 2, 3, 4])

  // Reordering by keyboard: Alt+ArrowDown moves the focused stop one place down.
  const first = page.getByRole('list', { name: /stops/ }).getByRole('listitem').first()
  await first.focus()
  await page.keyboard.press('Alt+ArrowDown')
  expect((await stopNames(page))[1]).toBe(optimised[0])
})

test('a shared route link reproduces the route, stops and order, in a fresh browser', async ({ page, browser }) => {
  await openHall(page)
  const picks = await booths(page, 'zigzag')
  for (const booth of picks.slice(0, 3)) await addBoothFromPanel(page, booth.id, booth.name)
  await page.keyboard.press('Escape')
  await page.getByRole('button', { name: /^My route/ }).click()
  const panel = page.getByRole('complementary', { name: 'My route' })
  await panel.getByLabel('Route name').fill('Zig-zag 之字路线')
  await panel.getByRole('button', { name: 'Share route' }).click()
  const link = await panel.getByLabel('Share link').inputValue()
  expect(link.length).toBeLessThan(400)
  const order = await stopNames(page)

  const fresh = await browser.newContext()
  const other = await fresh.newPage()
  const url = new URL(link)
  url.searchParams.set('debug', '1')
  url.searchParams.set('lang', 'en')
  await other.goto(url.toString())
  await expect(other.getByRole('status').filter({ hasText: 'Opened a shared route: Zig-zag 之字路线 (3 stops)' })).toBeVisible()
  await expect(other.getByRole('complementary', { name: 'My route' }).getByLabel('Route name')).toHaveValue('Zig-zag 之字路线')
  expect(await stopNames(other)).toEqual(order)

  // A tampered code is refused with a notice, never half-read.
  const tampered = new URL(url)
  const code = tampered.searchParams.get('route')!
  tampered.searchParams.set('route', code.slice(0, -3) + (code.endsWith('AAA') ? 'BBB' : 'AAA'))
  await other.goto(tampered.toString())
  await expect(other.getByRole('status').filter({ hasText: 'The shared route link is not valid' })).toBeVisible()
  await fresh.close()
})

test('a crafted route link cannot spoof its notice: bidi controls are dropped and a long name is shortened', async ({ page }) => {
  // as long as a link may be (600 characters of code); the encoder itself never writes more than 48 bytes of name
  const name = `Safe tour\u202E\u2066 ${'A'.repeat(400)}`
  await openHall(page, `route=${craftedShareCode(name)}`)
  const notice = page.getByRole('status').filter({ hasText: 'Opened a shared route' })
  await expect(notice).toContainText(`Opened a shared route: Safe tour ${'A'.repeat(29)}… (2 stops)`)
  expect(await notice.textContent()).not.toMatch(/[\u202a-\u202e\u2066-\u2069\u200e\u200f\u061c]/)
  // stored as an honest share code would carry it: cleaned, at most 48 bytes
  await expect(page.getByRole('complementary', { name: 'My route' }).getByLabel('Route name')).toHaveValue(`Safe tour ${'A'.repeat(38)}`)

  // a 500-character name makes a link longer than any route needs: refused whole, nothing stored
  await page.goto(`/?lang=en&debug=1&route=${craftedShareCode(`\u202E${'B'.repeat(500)}`)}`)
  const refused = page.getByRole('status').filter({ hasText: 'The shared route link is not valid' })
  await expect(refused).toBeVisible()
  await expect(refused).not.toContainText('BBB')
  expect(await page.evaluate(() => (window as any).__expoStore.getState().routes.map((r: any) => r.name))).toEqual([`Safe tour ${'A'.repeat(38)}`])
})

test('the guided tour walks to each stop in order and opens its card', async ({ page }) => {
  test.setTimeout(240_000)
  await openHall(page)
  const picks = await booths(page, 'neighbours')
  for (const booth of picks) await addBoothFromPanel(page, booth.id, booth.name)
  await page.keyboard.press('Escape')
  await page.getByRole('button', { name: /^My route/ }).click()
  const panel = page.getByRole('complementary', { name: 'My route' })
  await panel.getByLabel('Seconds at each stop').fill('2')
  await panel.getByRole('button', { name: 'Start tour', exact: true }).click()

  const tour = page.getByRole('region', { name: /^Guided tour/ })
  await expect(tour).toBeVisible()
  for (const [index, booth] of picks.entries()) {
    await expect(tour).toContainText(`Stop ${index + 1} of 3: ${booth.name}`, { timeout: 120_000 })
    await expect(page.getByRole('complementary', { name: new RegExp(`^${escape(booth.name)}$`) })).toBeVisible({ timeout: 120_000 })
  }
  // After the last dwell the tour ends by itself.
  await expect(tour).toHaveCount(0, { timeout: 30_000 })
})

for (const lang of ['zh-CN', 'en', 'ko'] as const) {
  test(`curated routes can be copied and started as a tour in ${lang}`, async ({ page }) => {
    await openHall(page, `lang=${lang}`)
    const curated = await page.evaluate((l) => {
      const route = (window as any).__expoStore.getState().pack.routes[0]
      return { title: route.title[l], stops: route.stops.length }
    }, lang)
    await page.evaluate(() => (window as any).__expoStore.getState().actions.setRoutePanelOpen(true))
    const card = page.getByRole('listitem').filter({ has: page.getByRole('heading', { name: curated.title }) })
    await expect(card).toBeVisible()
    await card.getByRole('button').nth(1).click()
    await expect.poll(() => page.evaluate(() => (window as any).__expoStore.getState().routes.at(-1)?.stops.length)).toBe(curated.stops)
    await card.getByRole('button').first().click()
    await expect(page.getByRole('region', { name: new RegExp(curated.title.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')) })).toBeVisible()
  })
}
