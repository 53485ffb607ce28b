/** Exhibitors' logos in real Chromium: shown where the name is, fetched only as the visitor comes near, never all at once. */
import { expect, test, type Page } from '@playwright/test'
import { cameraSettled, exhibitorName, openHall, watchConsole } from '../helpers/page'

const LOGO_PATH = /\/assets\/logos\/([a-z0-9-]+)-[0-9a-f]+\.svg$/

/** The exhibitor ids whose logo files the page has requested so far. */
function watchLogoRequests(page: Page): Set<string> {
  const ids = new Set<string>()
  page.on('request', (request) => {
    const id = LOGO_PATH.exec(new URL(request.url()).pathname)?.[1]
    if (id) ids.add(id)
  })
  return ids
}

/** naturalWidth of the first image matched, once it has loaded (0 until then, or when it failed). */
const loadedWidth = (page: Page, selector: string) =>
  page.evaluate((s) => {
    const image = document.querySelector<HTMLImageElement>(s)
    return image && image.complete ? image.naturalWidth : 0
  }, selector)

test('the lobby fetches no more than the logos of the booths near it, and a zone fetches its own as the visitor arrives', async ({ page }) => {
  const errors = watchConsole(page)
  const requested = watchLogoRequests(page)
  await openHall(page)
  await cameraSettled(page)
  const { total, ai } = await page.evaluate(() => {
    const pack = (window as any).__expoStore.getState().pack
    return { total: pack.exhibitors.length, ai: pack.exhibitors.filter((e: any) => e.zone === 'ai').map((e: any) => e.id) as string[] }
  })
  // the labels follow the camera every half second at most: give them a few rounds to ask for what they would
  await page.waitForTimeout(2000)
  const fromLobby = requested.size
  expect(fromLobby, `the lobby fetched ${fromLobby} of ${total} logos`).toBeLessThan(total / 2)
  expect(ai.some((id) => requested.has(id))).toBe(false)

  await page.getByRole('navigation', { name: 'Zones' }).getByRole('button', { name: /^Artificial Intelligence/ }).click()
  await cameraSettled(page)
  await expect.poll(() => ai.filter((id) => requested.has(id)).length, { timeout: 20_000 }).toBeGreaterThan(0)
  expect(requested.size).toBeLessThan(total)
  // nor does the service worker download them all: it keeps each one as the hall fetches it
  const worker = await (await page.request.get('/sw.js')).text()
  const precache = JSON.parse(/const PRECACHE = (\[[^\]]*\])/.exec(worker)![1]) as string[]
  expect(precache.length).toBeGreaterThan(5)
  expect(precache.filter((url) => url.includes('/logos/'))).toEqual([])
  expect(errors).toEqual([])
})

test('the booth panel and the search results show the exhibitor’s logo, loaded, beside its name', async ({ page }) => {
  const errors = watchConsole(page)
  await openHall(page)
  const id = await page.evaluate(() => (window as any).__expoStore.getState().pack.exhibitors.find((e: any) => e.zone === 'nev').id)
  const name = await exhibitorName(page, id)

  const search = page.getByRole('combobox', { name: 'Search exhibitors, products or zones' })
  await search.fill(name)
  const hit = page.getByRole('option', { name: new RegExp(name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')) }).first()
  await expect(hit).toBeVisible()
  const hitLogo = hit.locator('img')
  await expect(hitLogo).toHaveAttribute('alt', '')
  await expect(hitLogo).toHaveAttribute('width', '28')
  await expect.poll(() => loadedWidth(page, '.search-hit img.exhibitor-logo')).toBeGreaterThan(0)
  expect(await hitLogo.getAttribute('src')).toMatch(new RegExp(`/assets/logos/${id}-[0-9a-f]+\\.svg$`))

  await hit.click()
  const panel = page.getByRole('complementary', { name })
  await expect(panel).toBeVisible()
  await expect(panel.locator('header img')).toHaveAttribute('height', '56')
  await expect.poll(() => loadedWidth(page, '.booth-panel header img.exhibitor-logo')).toBeGreaterThan(0)
  expect(errors).toEqual([])
})
