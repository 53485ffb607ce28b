/**
 * A first visit downloads each file once: the service worker precaches what the page has already fetched from the
 * HTTP cache instead of downloading it again, the content comes in one request, and the staff console is not precached.
 */
import { expect, test } from '@playwright/test'
import { firstVisitBytes } from '../../scripts/firstVisitBench'

test('a first visit to the lobby and to a booth link downloads no URL twice, page and service worker together', async ({ browser, baseURL }) => {
  test.setTimeout(240_000)
  const { lobby, booth } = await firstVisitBytes(browser, baseURL!)
  for (const visit of [lobby, booth]) {
    // The worker did precache the build (the hall's chunk and the content pack came from the page's downloads).
    expect(visit.workerRequests, visit.url).toBeGreaterThan(5)
    expect(visit.fetchedMoreThanOnce, visit.url).toEqual([])
    expect(visit.contentRequests, `${visit.url}: the content pack in one request`).toBe(1)
  }
})

test('the staff console is not precached for visitors, and still opens where the worker runs', async ({ page }) => {
  const worker = await (await page.request.get('/sw.js')).text()
  const precache = JSON.parse(/const PRECACHE = (\[[^\]]*\])/.exec(worker)![1]) as string[]
  expect(precache).toEqual(expect.arrayContaining(['/', expect.stringMatching(/^\/assets\/Hall-[\w-]+\.js$/), expect.stringMatching(/^\/assets\/content-wmc2021-[\w-]+\.json$/)]))
  expect(precache.filter((url) => /ConsoleApp/.test(url))).toEqual([])

  await page.goto('/?lang=en')
  await page.evaluate(() => navigator.serviceWorker.ready)
  await expect.poll(() => page.evaluate(() => Boolean(navigator.serviceWorker.controller))).toBe(true)
  // The worker now answers every page of its scope: the console's chunk falls through to the network.
  const consoleChunk = page.waitForResponse((response) => /\/assets\/ConsoleApp-[\w-]+\.js$/.test(response.url()))
  await page.goto('/exhibitor?lang=en')
  expect((await consoleChunk).ok()).toBe(true)
  expect(await page.evaluate(() => Boolean(navigator.serviceWorker.controller))).toBe(true)
  await expect(page.getByRole('heading', { name: 'Sign in to the exhibitor console' })).toBeVisible()
})
