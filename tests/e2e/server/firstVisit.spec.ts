/**
 * A first visit served by the booking server: the icon downloaded once, and the hall's chunks preloaded for visitors
 * but never for the staff consoles, who do not load the hall.
 */
import { expect, test, type Page } from '@playwright/test'

/** The page's own resource timing: what it asked for, and whether bytes came over the network (not from its cache). */
const resources = (page: Page) =>
  page.evaluate(() =>
    performance.getEntriesByType('resource').map((entry) => {
      const timing = entry as PerformanceResourceTiming
      return { path: new URL(timing.name).pathname, initiator: timing.initiatorType, transferred: timing.transferSize }
    }),
  )

test('the icon downloads once on a first visit, although the browser and the top bar both ask for it', async ({ page }) => {
  await page.goto('/?lang=en')
  // The hall writes the visitor's place into the address (replaceState), and Chromium asks for the icon again then.
  await expect(page).toHaveURL(/zone=lobby/)
  const icons = async () => (await resources(page)).filter((r) => /favicon/.test(r.path))
  await expect.poll(async () => (await icons()).length).toBeGreaterThanOrEqual(2)
  await page.waitForTimeout(1500)
  const requested = await icons()
  // one hashed file for the tab and the logo alike, cached for good: the later asks never reach the network
  expect(new Set(requested.map((r) => r.path)).size, JSON.stringify(requested)).toBe(1)
  expect(requested.filter((r) => r.transferred > 0), JSON.stringify(requested)).toHaveLength(1)
  expect(requested[0].path).toMatch(/^\/assets\/favicon-[\w-]+\.svg$/)
})

test('the console page has no hall preloads and never fetches the 3D chunk; the hall page has both', async ({ page }) => {
  const consolePage = await (await page.request.get('/exhibitor', { headers: { accept: 'text/html' } })).text()
  expect(consolePage).not.toMatch(/Hall-[\w-]+\.js/)
  expect(consolePage).not.toMatch(/expo-hall-chunks/)
  // the hall page lists the 3D chunk for the entry's first module to preload (all but a ?pano= link)
  const hallPage = await (await page.request.get('/', { headers: { accept: 'text/html' } })).text()
  expect(hallPage).toMatch(/<meta name="expo-hall-chunks" content="[^"]*\/assets\/Hall-[\w-]+\.js/)

  await page.goto('/exhibitor?lang=en')
  await expect(page.getByRole('heading', { level: 1, name: 'Sign in to the exhibitor console' })).toBeVisible()
  expect((await resources(page)).filter((r) => /\/(Hall|contentStart)-[\w-]+\.js$/.test(r.path))).toEqual([])
})
