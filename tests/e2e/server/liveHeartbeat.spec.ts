/**
 * A network that dies without a word: the presence socket still looks open, but no beat comes. The app takes it for
 * dead after SILENT_AFTER_MS, stops showing counts it can no longer vouch for, reconnects and is counted again.
 */
import { expect, test, type Page, type WebSocketRoute } from '@playwright/test'
import { HEARTBEAT_MS } from '../../../src/live/protocol'
import { openHall } from '../../helpers/page'

const zoneMenu = (page: Page) => page.getByRole('navigation', { name: 'Zones' })
const korea = (page: Page) => zoneMenu(page).getByRole('button', { name: /^Korea National Pavilion/ })
const SILENT_AFTER_MS = HEARTBEAT_MS * 2.5

test('a presence connection gone silent is dropped and made again, and the visitor is counted again', async ({ page }) => {
  test.setTimeout(SILENT_AFTER_MS + 60_000)
  const connections: { page: WebSocketRoute; server: ReturnType<WebSocketRoute['connectToServer']> }[] = []
  // every presence socket goes through here, as through a network the test can cut
  await page.routeWebSocket('**/api/live', (socket) => {
    connections.push({ page: socket, server: socket.connectToServer() })
  })
  await openHall(page, 'zone=korea-pavilion')
  await expect(korea(page)).toHaveAccessibleName(/1 here/)
  const online = zoneMenu(page).getByText(/^\d+ online$/)
  await expect(online).toBeVisible()
  expect(connections).toHaveLength(1)

  // the network vanishes: nothing passes either way, and the page's socket does not close
  const [first] = connections
  first.page.onMessage(() => undefined)
  first.server.onMessage(() => undefined)
  // the server's side would drop the visitor by itself within GONE_AFTER_MS (no pongs); here it goes at once,
  // without telling the page
  first.server.onClose(() => undefined)
  await first.server.close()
  const cutAt = Date.now()

  // no beat for 2.5 heartbeats: the app stops vouching for the counts and connects again
  await expect(online).toBeHidden({ timeout: SILENT_AFTER_MS + 10_000 })
  expect(Date.now() - cutAt).toBeGreaterThan(SILENT_AFTER_MS - HEARTBEAT_MS)
  await expect.poll(() => connections.length, { timeout: 10_000 }).toBe(2)
  await expect(online).toBeVisible()
  await expect(korea(page)).toHaveAccessibleName(/1 here/)
})
