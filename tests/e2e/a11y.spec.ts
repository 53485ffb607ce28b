/** axe-core scans of the main screens, in English and Chinese and on a phone: no serious or critical issue. */
import { expect, test, type Locator, type Page } from '@playwright/test'
import { blockingAxeIssues } from '../helpers/axe'
import { openHall } from '../helpers/page'

const store = (page: Page, action: string, ...args: unknown[]) =>
  page.evaluate(([name, rest]) => (window as any).__expoStore.getState().actions[name as string](...(rest as unknown[])), [action, args] as const)

/** An exhibitor with free online slots, so the picker and the agenda have something to show. */
async function bookableExhibitor(page: Page): Promise<string> {
  return page.evaluate(() => (window as any).__expoStore.getState().pack.exhibitors.find((e: any) => e.availability.modes.includes('online')).id)
}

async function visible(locator: Locator) {
  await expect(locator).toBeVisible()
  return locator
}

/** Every main screen in one language; returns the blocking violations of all of them. */
async function scanMainScreens(page: Page, lang: 'en' | 'zh-CN'): Promise<string[]> {
  const found: string[] = []
  const at = (screen: string) => `${screen} [${lang}]`

  await openHall(page, `lang=${lang}`)
  await expect(page.getByRole('progressbar')).toHaveCount(0)
  found.push(...(await blockingAxeIssues(page, at('hall with overlay (lobby)'))))
  // Phones fold the top bar's actions into a menu.
  const menu = page.locator('.topbar-menu-button')
  if (await menu.isVisible()) {
    await menu.click()
    await expect(menu).toHaveAttribute('aria-expanded', 'true')
    found.push(...(await blockingAxeIssues(page, at('top-bar menu'))))
    await menu.click()
  }

  const exhibitorId = await bookableExhibitor(page)
  await openHall(page, `lang=${lang}&booth=${exhibitorId}`)
  await visible(page.locator('.booth-panel'))
  found.push(...(await blockingAxeIssues(page, at('booth panel'))))

  await openHall(page, `lang=${lang}&booth=${exhibitorId}&book=1`)
  const picker = await visible(page.getByRole('dialog'))
  await visible(picker.locator('.slot-button').first())
  found.push(...(await blockingAxeIssues(page, at('booking picker: day and time'))))
  await picker.locator('.slot-button').first().click()
  await visible(picker.locator('form'))
  found.push(...(await blockingAxeIssues(page, at('booking picker: the form'))))
  await picker.locator('form [type="submit"]').click()
  await expect(picker.locator('[aria-invalid="true"]').first()).toBeVisible()
  found.push(...(await blockingAxeIssues(page, at('booking picker: the form with errors'))))
  await page.keyboard.press('Escape')

  // A booking in the agenda and a stop in the route, so both panels show their lists.
  await page.evaluate(async (id) => {
    const backend = (window as any).__expoBooking
    const slot = (await backend.freeSlots(id, { from: Date.now(), to: Date.now() + 28 * 86_400_000 })).slots.find((s: any) => s.mode === 'online')
    await backend.book({
      exhibitorId: id,
      start: slot.start,
      end: slot.end,
      mode: slot.mode,
      topic: 'Accessibility check',
      visitorTimeZone: 'Asia/Shanghai',
      profile: { name: 'Li Wei', company: 'Hefei Test Co.', email: 'li.wei@example.com', role: 'buyer' },
    })
  }, exhibitorId)
  await store(page, 'addStop', { kind: 'booth', exhibitorId })
  await store(page, 'setAgendaOpen', true)
  await visible(page.locator('.agenda-panel'))
  await expect(page.locator('.agenda-panel li').first()).toBeVisible()
  found.push(...(await blockingAxeIssues(page, at('agenda'))))

  await store(page, 'setRoutePanelOpen', true)
  await visible(page.locator('.route-panel'))
  found.push(...(await blockingAxeIssues(page, at('route panel'))))
  await store(page, 'setRoutePanelOpen', false)

  await store(page, 'setHelpOpen', true)
  await visible(page.getByRole('dialog'))
  found.push(...(await blockingAxeIssues(page, at('help dialog'))))
  return found
}

// Eight scans and four page loads on a software GPU take about a minute.
test.slow()

for (const lang of ['en', 'zh-CN'] as const) {
  test(`the main screens in ${lang} have no serious or critical accessibility issue`, async ({ page }) => {
    const found = await scanMainScreens(page, lang)
    expect(found, `axe found:\n${found.join('\n')}`).toEqual([])
  })
}

test.describe('on a phone', () => {
  test.use({ viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true, deviceScaleFactor: 2 })
  test('the main screens have no serious or critical accessibility issue', async ({ page }) => {
    const found = await scanMainScreens(page, 'en')
    expect(found, `axe found:\n${found.join('\n')}`).toEqual([])
  })
})
