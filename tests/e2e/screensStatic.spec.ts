/** Hosted as static files, without the booking server, screens show their title cards: no screens request, no hls.js, no errors. */
import { expect, test } from '@playwright/test'
import { cameraSettled, openHall, watchConsole } from '../helpers/page'

test('the static hall asks for no screens and downloads no stream player, and its screens show title cards', async ({ page }) => {
  const errors = watchConsole(page)
  const requests: string[] = []
  page.on('request', (request) => requests.push(new URL(request.url()).pathname))
  await openHall(page)
  await page.getByRole('button', { name: 'Walk', exact: true }).click()
  await cameraSettled(page)
  await page.evaluate(() => (window as any).__expoStore.getState().actions.openBooth('anhui-xingchen-zhitu', { fly: true }))
  await cameraSettled(page)
  await expect.poll(() => page.evaluate(() => (window as any).__expoDebug.screens().cards)).toContain('anhui-xingchen-zhitu')
  expect(await page.evaluate(() => (window as any).__expoDebug.screens().videos)).toEqual([])
  await expect(page.getByRole('button', { name: /^Sound (on|off)$/ })).toHaveCount(0)
  // the service worker's precache included: it fetches every file it keeps
  await page.waitForTimeout(1500)
  expect(requests.filter((path) => path.startsWith('/api/'))).toEqual([])
  expect(requests.filter((path) => /\/assets\/hls\./.test(path))).toEqual([])
  expect(errors).toEqual([])
})
