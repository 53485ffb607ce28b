/**
 * Who is here, with two visitors in two browser contexts on the booking server: each sees the other in the zone's
 * count and as an avatar in the hall, and "Appear invisible" takes one out of the other's count and view.
 */
import { expect, test, type Page } from '@playwright/test'
import { FRAME_FULL } from '../../../src/live/avatarFrame'
import { openHall } from '../../helpers/page'

const zoneMenu = (page: Page) => page.getByRole('navigation', { name: 'Zones' })
const korea = (page: Page) => zoneMenu(page).getByRole('button', { name: /^Korea National Pavilion/ })
const avatars = (page: Page) => page.evaluate(() => (window as unknown as { __expoDebug: { avatars(): number } }).__expoDebug.avatars())

test('two visitors see each other in the zone count and as avatars; appearing invisible leaves the other’s count', async ({ browser, baseURL }) => {
  const first = await browser.newContext({ baseURL, viewport: { width: 1366, height: 820 } })
  const second = await browser.newContext({ baseURL, viewport: { width: 1366, height: 820 } })
  try {
    const mina = await first.newPage()
    // what reaches the page over /api/live: avatars only as binary frames, the first of them a full one
    const frames: { binary: boolean; first: number; text: string }[] = []
    mina.on('websocket', (socket) => {
      if (!socket.url().endsWith('/api/live')) return
      socket.on('framereceived', ({ payload }) =>
        frames.push(typeof payload === 'string' ? { binary: false, first: -1, text: payload } : { binary: true, first: payload[0], text: '' }),
      )
    })
    await openHall(mina, 'zone=korea-pavilion')
    await expect(korea(mina)).toHaveAccessibleName(/1 here/)
    await expect(zoneMenu(mina).getByText(/^\d+ online$/)).toBeVisible()

    const li = await second.newPage()
    await openHall(li, 'zone=korea-pavilion')
    // the count is part of the zone's button: read before entering, by screen readers too
    await expect(korea(mina)).toHaveAccessibleName(/2 here/)
    await expect(korea(li)).toHaveAccessibleName(/2 here/)
    await expect.poll(() => avatars(mina)).toBe(1)
    await expect.poll(() => avatars(li)).toBe(1)
    expect(frames.find((f) => f.binary)).toEqual({ binary: true, first: FRAME_FULL, text: '' })
    expect(frames.some((f) => f.text.includes('"avatars"'))).toBe(false)

    await zoneMenu(li).getByRole('switch', { name: 'Appear invisible' }).check()
    await expect(korea(mina)).toHaveAccessibleName(/1 here/)
    await expect.poll(() => avatars(mina)).toBe(0)
    // the invisible visitor still sees the one who is not
    await expect.poll(() => avatars(li)).toBe(1)
  } finally {
    await first.close()
    await second.close()
  }
})
