/** Never closing, even offline: after one visit the service worker reopens the hall, the agenda and the routes without a network. */
import { expect, test, type Page } from '@playwright/test'
import { canvasColourCount, exhibitorName, openHall } from '../helpers/page'

/** Same-origin files the page loaded (shell, CSS, the 3D chunk, the content pack), as paths. */
const loadedAssets = (page: Page): Promise<string[]> =>
  page.evaluate(() =>
    performance
      .getEntriesByType('resource')
      .map((entry) => new URL(entry.name))
      .filter((url) => url.origin === location.origin && url.pathname.startsWith('/assets/'))
      .map((url) => url.pathname),
  )

/** Paths held by the offline caches, once the service worker is active (installed = precached). */
const cachedPaths = (page: Page): Promise<string[]> =>
  page.evaluate(async () => {
    await navigator.serviceWorker.ready
    const paths: string[] = []
    for (const name of await caches.keys()) {
      for (const request of await (await caches.open(name)).keys()) paths.push(new URL(request.url).pathname)
    }
    return paths
  })

test('an offline reload after a first visit shows the hall, the agenda and the route', async ({ page, context }) => {
  await openHall(page)
  const { exhibitorId, start, end } = await page.evaluate(async () => {
    const store = (window as any).__expoStore.getState()
    const backend = (window as any).__expoBooking
    const exhibitor = store.pack.exhibitors[0]
    const { slots } = await backend.freeSlots(exhibitor.id, { from: Date.now(), to: Date.now() + 28 * 86_400_000 })
    const slot = slots.find((s: any) => s.mode === 'online') ?? slots[0]
    return { exhibitorId: exhibitor.id as string, start: slot.start as number, end: slot.end as number }
  })
  const name = await exhibitorName(page, exhibitorId)
  const booked = await page.evaluate(
    (slot) =>
      (window as any).__expoBooking.book({
        ...slot,
        topic: 'Offline check',
        visitorTimeZone: 'Asia/Shanghai',
        profile: { name: 'Li Wei', company: 'Hefei Test Co.', email: 'li.wei@example.com', role: 'buyer' },
      }),
    { exhibitorId, start, end, mode: 'online' },
  )
  expect(booked.ok, JSON.stringify(booked)).toBe(true)
  // A route stop, added the way a visitor does.
  await page.evaluate((id) => (window as any).__expoStore.getState().actions.openBooth(id, { fly: false }), exhibitorId)
  await page.getByRole('complementary', { name }).getByRole('button', { name: 'Add to my route' }).click()
  await page.keyboard.press('Escape')

  // The worker has installed (so precached the build), and every file this visit used is in its cache.
  const used = await loadedAssets(page)
  expect(used.some((path) => /\/Hall-[\w-]+\.js$/.test(path)), 'the 3D chunk was loaded').toBe(true)
  expect(used.filter((path) => /\/content-wmc2021-[\w-]+\.json$/.test(path)), 'the content pack, in one download').toHaveLength(1)
  await expect.poll(() => cachedPaths(page), { timeout: 60_000 }).toEqual(expect.arrayContaining(['/', ...used]))
  // Exhibitors' logos are fetched as the visitor comes near, not precached: the worker keeps the ones this visit fetched
  // (above: they are among `used`); one it never fetched cannot show offline, and its label keeps its text.
  const logoSeen = (url: string) => !/\/assets\/logos\//.test(url) || used.includes(new URL(url).pathname)

  const failed: string[] = []
  page.on('requestfailed', (request) => {
    const error = request.failure()?.errorText
    // ERR_ABORTED is the page cancelling a request (a favicon fetched twice), not the network refusing it.
    if (new URL(request.url()).origin === new URL(page.url()).origin && error !== 'net::ERR_ABORTED' && logoSeen(request.url()))
      failed.push(`${request.url()} (${error})`)
  })
  await context.setOffline(true)
  expect(page.url()).toContain('debug=1')
  await page.reload()

  // The hall draws again from the cached 3D chunk and content pack.
  await page.waitForFunction(() => (window as any).__expoDebug?.frames > 0, null, { timeout: 60_000 })
  await expect(page.getByRole('progressbar')).toHaveCount(0)
  expect(await canvasColourCount(page)).toBeGreaterThan(40)

  await page.getByRole('button', { name: /^My agenda/ }).click()
  await expect(page.getByRole('complementary', { name: 'My agenda' }).getByRole('listitem').filter({ hasText: name })).toContainText(
    booked.booking.confirmationCode,
  )

  await page.getByRole('button', { name: /^My route/ }).click()
  await expect(page.getByRole('complementary', { name: 'My route' }).getByRole('list', { name: /stops/ })).toContainText(name)
  expect(failed).toEqual([])
  expect(used.some((path) => path.startsWith('/assets/logos/')), 'the lobby showed some logos').toBe(true)
  // And the network really was gone: a file the worker does not keep cannot be fetched.
  expect(await page.evaluate(() => fetch('/?not-cached').then(() => 'online', () => 'offline'))).toBe('offline')
  await context.setOffline(false)
})

test('the app is installable: a manifest with icons, and a service worker; robots.txt is its own file', async ({ page }) => {
  await page.goto('/?lang=en')
  await page.evaluate(() => navigator.serviceWorker.ready)
  const cdp = await page.context().newCDPSession(page)
  const { errors, data } = await cdp.send('Page.getAppManifest')
  expect(errors).toEqual([])
  expect(JSON.parse(data!)).toMatchObject({ start_url: '/', display: 'standalone', lang: 'zh-CN', theme_color: '#0b5cad' })
  // Chromium's own check: name, start URL, display mode, 192 and 512 px icons, a worker with a fetch handler.
  // Test contexts are incognito, which Chromium reports too; that one is about the browser, not the app.
  const installabilityErrors = async () =>
    (await cdp.send('Page.getInstallabilityErrors')).installabilityErrors.map((e) => e.errorId).filter((id) => id !== 'in-incognito')
  await expect.poll(installabilityErrors).toEqual([])
  for (const icon of ['/icons/icon-192.png', '/icons/icon-512.png', '/icons/maskable-512.png', '/icons/apple-touch-icon.png']) {
    const response = await page.request.get(icon)
    expect(response.headers()['content-type'], icon).toBe('image/png')
  }
  // crawlers get rules, not the app's page
  const robots = await page.request.get('/robots.txt')
  expect(robots.headers()['content-type']).toMatch(/^text\/plain/)
  expect(await robots.text()).toContain('Disallow: /api/')
})

test('the built page preloads the content loader and the 3D chunk, so they download beside the shell, not after it', async ({ page }) => {
  const shell = await (await page.request.get('/')).text()
  const preloads = [...shell.matchAll(/<link rel="modulepreload"[^>]*href="([^"]+)"[^>]*>/g)].map((match) => match[1])
  expect(preloads.some((href) => /^\/assets\/contentStart-[\w-]+\.js$/.test(href)), shell).toBe(true)
  // The hall's chunks as a list src/hallPreload.ts preloads (but not on a 360° link, which never shows the hall).
  const hallChunks = /<meta name="expo-hall-chunks" content="([^"]*)"[^>]*>/.exec(shell)?.[1].split(' ') ?? []
  expect(hallChunks.some((href) => /^\/assets\/Hall-[\w-]+\.js$/.test(href)), shell).toBe(true)
  // Marked, so the booking server can leave them out of the staff consoles' page (server/http/appPage.ts).
  expect(shell).toMatch(/<meta name="expo-hall-chunks"[^>]*data-expo-hall/)

  // Without the preload the hall is asked for once the content is in; with it, before the first content file.
  await page.goto('/?lang=en')
  const loaded = (pattern: RegExp) =>
    page.evaluate((source) => performance.getEntriesByType('resource').some((e) => new RegExp(source).test(new URL(e.name).pathname)), pattern.source)
  await expect.poll(() => loaded(/^\/assets\/Hall-[\w-]+\.js$/)).toBe(true)
  await expect.poll(() => loaded(/^\/assets\/[\w-]+\.json$/)).toBe(true)
  const starts = await page.evaluate(() =>
    performance.getEntriesByType('resource').map((e) => ({ path: new URL(e.name).pathname, start: e.startTime })),
  )
  const hall = starts.find((e) => /\/Hall-[\w-]+\.js$/.test(e.path))!
  const firstContent = Math.min(...starts.filter((e) => /^\/assets\/[\w-]+\.json$/.test(e.path)).map((e) => e.start))
  expect(hall.start, JSON.stringify(starts)).toBeLessThan(firstContent)
})
