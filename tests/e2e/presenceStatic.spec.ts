/** Hosted as static files, without the booking server, the live parts are simply absent: no socket, no counts, no errors. */
import { expect, test } from '@playwright/test'
import { openHall, watchConsole } from '../helpers/page'

test('the static hall opens no live connection and shows no counts or presence controls', async ({ page }) => {
  const errors = watchConsole(page)
  const sockets: string[] = []
  page.on('websocket', (socket) => sockets.push(socket.url()))
  await openHall(page, 'zone=korea-pavilion')
  const zones = page.getByRole('navigation', { name: 'Zones' })
  await expect(zones.getByRole('button', { name: /^Korea National Pavilion/ })).toBeVisible()
  await expect(zones.getByText(/ here| online/)).toHaveCount(0)
  await expect(page.getByRole('switch', { name: 'Appear invisible' })).toHaveCount(0)
  expect(await page.evaluate(() => (window as unknown as { __expoDebug: { avatars(): number } }).__expoDebug.avatars())).toBe(0)
  expect(sockets.filter((url) => url.includes('/api/live'))).toEqual([])
  expect(errors).toEqual([])
})

test('the static booth panel has no chat, and no chat code is downloaded', async ({ page }) => {
  const scripts: string[] = []
  page.on('request', (request) => request.resourceType() === 'script' && scripts.push(request.url()))
  const exhibitorId = 'binhu-xiaohe-robotics'
  await openHall(page, `booth=${exhibitorId}`)
  await expect(page.getByRole('complementary', { name: /Binhu Xiaohe Robotics/ })).toBeVisible()
  await expect(page.getByRole('region', { name: 'Talk to the booth' })).toHaveCount(0)
  expect(scripts.filter((url) => /BoothChat|AgendaChat|chatClient|ChatThread/.test(url))).toEqual([])
})
