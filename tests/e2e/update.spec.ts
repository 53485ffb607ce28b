/**
 * Updates of the installed app, with two builds: build A is served and opened, build B is deployed into the same
 * folder while the tab stays open; the tab offers the reload, lands on build B in one reload, and A's cache is gone.
 */
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { test as base, expect, type Page } from '@playwright/test'
import { build, type Plugin } from 'vite'
import { openHall } from '../helpers/page'
import { serveFolder } from '../helpers/staticSite'

interface TwoBuilds {
  url: string
  /** Copies build B over build A in the served folder, as a deploy does (A's hashed files stay beside B's). */
  deployB(): void
  versionA: string
  versionB: string
}

const cacheVersion = (dist: string) => /const VERSION = "(\w+)"/.exec(readFileSync(join(dist, 'sw.js'), 'utf8'))![1]
const entryScript = (dist: string) => /<script type="module"[^>]* src="([^"]+)"/.exec(readFileSync(join(dist, 'index.html'), 'utf8'))![1]

/** Build B is the app as it is plus one line in its entry chunk, so a page can tell which build it runs. */
function markBuild(mark: string): Plugin {
  return {
    name: 'test:mark-build',
    renderChunk: (code, chunk) => (chunk.isEntry ? { code: `${code}\nglobalThis.__expoBuild = ${JSON.stringify(mark)};\n`, map: null } : null),
  }
}

const test = base.extend<object, { twoBuilds: TwoBuilds }>({
  twoBuilds: [
    async ({}, use) => {
      const distA = resolve(process.env.E2E_DIST ?? 'dist')
      if (!existsSync(join(distA, 'sw.js'))) throw new Error(`No build in ${distA}: run vite build first`)
      const root = mkdtempSync(join(tmpdir(), 'expo-update-'))
      try {
        const distB = join(root, 'b')
        await build({ configFile: resolve('vite.config.ts'), logLevel: 'warn', plugins: [markBuild('B')], build: { outDir: distB, emptyOutDir: true } })
        expect(entryScript(distB), 'build B has an entry chunk of its own').not.toBe(entryScript(distA))
        const site = join(root, 'site')
        cpSync(distA, site, { recursive: true })
        const server = await serveFolder(site)
        try {
          await use({ url: server.url, deployB: () => cpSync(distB, site, { recursive: true }), versionA: cacheVersion(distA), versionB: cacheVersion(distB) })
        } finally {
          await server.close()
        }
      } finally {
        rmSync(root, { recursive: true, force: true })
      }
    },
    { scope: 'worker', timeout: 180_000 },
  ],
  baseURL: async ({ twoBuilds }, use) => use(twoBuilds.url),
})

const cacheNames = (page: Page) => page.evaluate(() => caches.keys())
const runningBuild = (page: Page) => page.evaluate(() => ((window as any).__expoBuild as string | undefined) ?? 'A')

test('a build deployed while the tab is open is offered, and one reload lands on it with the old cache gone', async ({ page, context, twoBuilds }) => {
  test.setTimeout(180_000)
  const offer = page.getByRole('status').filter({ hasText: 'A new version is ready' })

  // A first visit installs the worker, which takes the tab over: that is no update, so nothing is offered.
  await openHall(page)
  await expect.poll(() => page.evaluate(() => navigator.serviceWorker.controller?.state ?? 'none'), { timeout: 60_000 }).toBe('activated')
  expect(await runningBuild(page)).toBe('A')
  expect(await cacheNames(page)).toEqual([`cloud-expo-${twoBuilds.versionA}`])
  const waitingAfterCheck = await page.evaluate(async () => {
    const registration = (await navigator.serviceWorker.getRegistration())!
    await registration.update()
    return registration.waiting !== null || registration.installing !== null
  })
  expect(waitingAfterCheck, 'the same build again is no update').toBe(false)
  await expect(offer).toHaveCount(0)
  await expect(page.getByRole('button', { name: 'Reload', exact: true })).toHaveCount(0)

  // Build B is deployed; the visitor comes back to the tab, which checks for a newer build.
  twoBuilds.deployB()
  await page.evaluate(() => document.dispatchEvent(new Event('visibilitychange')))
  await expect(offer).toBeVisible({ timeout: 60_000 })
  // B is installed and waiting beside A; A still runs this tab.
  expect((await cacheNames(page)).sort()).toEqual([`cloud-expo-${twoBuilds.versionA}`, `cloud-expo-${twoBuilds.versionB}`].sort())
  expect(await runningBuild(page)).toBe('A')

  // On a phone the offer fits the screen, clear of the top bar.
  await page.setViewportSize({ width: 390, height: 760 })
  const box = (await offer.boundingBox())!
  const topBar = (await page.locator('.topbar').boundingBox())!
  expect(box.x).toBeGreaterThanOrEqual(0)
  expect(box.x + box.width).toBeLessThanOrEqual(390)
  expect(box.y).toBeGreaterThanOrEqual(topBar.y + topBar.height)

  // Accepted from the keyboard: one reload, onto build B, served by B's worker alone.
  let loads = 0
  page.on('load', () => loads++)
  const reload = offer.getByRole('button', { name: 'Reload', exact: true })
  await reload.focus()
  await expect(reload).toBeFocused()
  await page.keyboard.press('Enter')
  await expect.poll(() => runningBuild(page).catch(() => 'navigating'), { timeout: 30_000 }).toBe('B')
  await expect.poll(() => cacheNames(page)).toEqual([`cloud-expo-${twoBuilds.versionB}`])
  const registration = await page.evaluate(async () => {
    const current = (await navigator.serviceWorker.getRegistration())!
    return { waiting: current.waiting !== null, controlled: navigator.serviceWorker.controller?.state }
  })
  expect(registration).toEqual({ waiting: false, controlled: 'activated' })
  await expect(offer).toHaveCount(0)
  // No second reload follows (a reload loop would keep counting).
  await page.waitForTimeout(2000)
  expect(loads).toBe(1)

  // Offline, the tab reopens on build B from B's cache.
  await context.setOffline(true)
  await page.reload({ waitUntil: 'domcontentloaded' })
  await expect.poll(() => runningBuild(page).catch(() => 'navigating')).toBe('B')
  await context.setOffline(false)
})
