/** The hall without WebGL (`--disable-3d-apis`): the plan view takes over by itself, and booking and routes work there. */
import { chromium, expect, test, type Locator, type Page } from '@playwright/test'
import { chromiumLaunchOptions } from '../helpers/chromium'
import { openHall } from '../helpers/page'

test.use({ launchOptions: chromiumLaunchOptions(['--disable-3d-apis']), timezoneId: 'Europe/Berlin' })

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')

/** Opens the app and waits for the plan view instead of 3D frames: without WebGL there are none. */
async function openPlan(page: Page, query = ''): Promise<Locator> {
  const params = new URLSearchParams(query)
  if (!params.has('lang')) params.set('lang', 'en')
  params.set('debug', '1')
  await page.goto(`/?${params}`)
  const plan = page.getByRole('main', { name: 'Floor plan' })
  await expect(plan).toBeVisible({ timeout: 60_000 })
  return plan
}

/** An exhibitor in Beijing time with free online slots, and how its fourth slot reads in the Berlin visitor's clock. */
async function bookableExhibitor(page: Page) {
  return page.evaluate(async () => {
    const store = (window as any).__expoStore.getState()
    const backend = (window as any).__expoBooking
    const exhibitor = store.pack.exhibitors.find((e: any) => e.availability.timeZone === 'Asia/Shanghai')
    const now = Date.now()
    const slots = (await backend.freeSlots(exhibitor.id, { from: now, to: now + 28 * 86_400_000 })).slots.filter((s: any) => s.mode === 'online')
    const start = slots[3].start
    return {
      id: exhibitor.id as string,
      name: exhibitor.name.en as string,
      zone: store.pack.zones.find((z: any) => z.id === exhibitor.zone).name.en as string,
      dayLabel: new Intl.DateTimeFormat('en', { weekday: 'short', month: 'short', day: 'numeric', timeZone: 'Europe/Berlin' }).format(start),
      timeLabel: new Intl.DateTimeFormat('en', { hour: '2-digit', minute: '2-digit', hourCycle: 'h23', timeZone: 'Europe/Berlin' }).format(start),
    }
  })
}

/** Chooses a zone in the plan's zone list; its booths are then listed in a region named after it. */
async function chooseZone(plan: Locator, zone: string): Promise<Locator> {
  await plan.getByRole('region', { name: 'Zones' }).getByRole('button', { name: new RegExp(`^${escape(zone)}`) }).click()
  const details = plan.getByRole('region', { name: zone, exact: true })
  await expect(details).toBeVisible()
  return details
}

test('without WebGL the floor plan replaces the 3D hall by itself, with no way back to 3D', async ({ page }) => {
  const plan = await openPlan(page)
  await expect(page.locator('.expo-canvas canvas')).toHaveCount(0)
  await expect(plan).toContainText('This browser cannot show the 3D hall')
  const boothCount = await page.evaluate(() => (window as any).__expoStore.getState().plan.booths.length)
  await expect(plan.getByRole('group', { name: 'Hall floor plan' }).getByRole('button')).toHaveCount(boothCount)
  await expect(page.getByRole('button', { name: 'Back to the 3D hall' })).toHaveCount(0)
  await expect(page.getByRole('button', { name: '3D hall', exact: true })).toHaveCount(0)
})

test('a negotiation is booked from the plan view: zone list, booth, time, details, code', async ({ page }) => {
  const plan = await openPlan(page)
  const exhibitor = await bookableExhibitor(page)
  const booths = await chooseZone(plan, exhibitor.zone)
  await expect(page.getByTestId('live-announcer')).toHaveText(`Now in: ${exhibitor.zone}`)
  const boothButton = booths.getByRole('button', { name: new RegExp(`^${escape(exhibitor.name)}`) })
  await boothButton.click()

  const panel = page.getByRole('complementary', { name: exhibitor.name })
  await panel.getByRole('button', { name: 'Book a negotiation' }).click()
  await expect(page.getByRole('dialog', { name: new RegExp(escape(exhibitor.name)) })).toBeVisible()
  // Once booked the dialog is titled "Booked": follow it by role alone.
  const dialog = page.getByRole('dialog')
  await dialog.getByRole('button', { name: new RegExp(`^${exhibitor.dayLabel}(?!\\d)`) }).click()
  await dialog.getByRole('button', { name: new RegExp(`^${exhibitor.timeLabel} your time · \\d\\d:\\d\\d Beijing`) }).first().click()
  await dialog.getByLabel('Name').fill('Anna Schmidt')
  await dialog.getByLabel('Company or organisation').fill('Schmidt Antriebe GmbH')
  await dialog.getByLabel('E-mail').fill('anna@example.com')
  await dialog.getByLabel('Topic').fill('Sourcing battery cells')
  await dialog.getByRole('button', { name: 'Confirm booking' }).click()
  await expect(dialog.getByRole('heading', { name: 'Booked' })).toBeVisible()
  const code = (await dialog.locator('.confirmation-code strong').textContent())!.trim()
  expect(code).toMatch(/^[A-Z2-9]{6}$/)

  // Escape closes the dialog and the keyboard is back on the button that opened it.
  await page.keyboard.press('Escape')
  await expect(dialog).toHaveCount(0)
  await expect(panel.getByRole('button', { name: 'Book a negotiation' })).toBeFocused()

  await page.getByRole('button', { name: /^My agenda/ }).click()
  await expect(page.getByRole('complementary', { name: 'My agenda' }).getByRole('listitem').filter({ hasText: exhibitor.name })).toContainText(
    `Code ${code}`,
  )
})

test('a route is built and shared from the plan view, and drawn on the plan', async ({ page }) => {
  const plan = await openPlan(page)
  const booths = await chooseZone(plan, 'Korea National Pavilion')
  const buttons = booths.getByRole('button')
  for (const index of [0, 1]) {
    const button = buttons.nth(index)
    const name = (await button.locator('.plan-booth-name').textContent())!.trim()
    await button.click()
    const panel = page.getByRole('complementary', { name })
    await panel.getByRole('button', { name: 'Add to my route' }).click()
    await expect(panel.getByRole('button', { name: 'In my route' })).toBeVisible()
    // Escape closes the panel and returns the keyboard to the list.
    await page.keyboard.press('Escape')
    await expect(panel).toHaveCount(0)
    await expect(button).toBeFocused()
    await expect(button).toContainText(`Route stop ${index + 1}`)
  }
  await expect(plan.locator('.plan-stop')).toHaveCount(2)
  await expect(plan).toContainText(/on foot · about \d+ min/)

  await page.getByRole('button', { name: /^My route/ }).click()
  const routePanel = page.getByRole('complementary', { name: 'My route' })
  await routePanel.getByRole('button', { name: 'Share route' }).click()
  await expect(routePanel.getByLabel('Share link')).toHaveValue(/\?route=/)
})

test('a booth of the floor plan opens with the keyboard: one Tab stop in the plan, arrows, Enter, Escape', async ({ page }) => {
  const plan = await openPlan(page)
  await chooseZone(plan, 'Korea National Pavilion')
  const floorPlan = plan.getByRole('group', { name: 'Hall floor plan' })
  await expect(floorPlan.locator('[tabindex="0"]')).toHaveCount(1)
  const firstKorean = await page.evaluate(
    () => (window as any).__expoStore.getState().plan.booths.find((b: any) => b.zoneId === 'korea-pavilion').exhibitorId,
  )
  // The plan comes just before the zone list in Tab order, and Tab lands on the current zone's first booth.
  await plan.getByRole('region', { name: 'Zones' }).getByRole('button').first().focus()
  await page.keyboard.press('Shift+Tab')
  await expect(floorPlan.locator(`[data-exhibitor-id="${firstKorean}"]`)).toBeFocused()

  await page.keyboard.press('ArrowRight')
  const focusedName = await page.evaluate(() => document.activeElement?.getAttribute('aria-label'))
  expect(focusedName).toBeTruthy()
  await page.keyboard.press('Enter')
  await expect(page.getByRole('complementary', { name: focusedName! })).toBeVisible()
  await page.keyboard.press('Escape')
  await expect(floorPlan.getByRole('button', { name: focusedName!, exact: true })).toBeFocused()
})

test('with WebGL, switching to the plan and back to the 3D hall keeps the open booth and the route', async ({ baseURL }) => {
  // This file's browser has no WebGL: this one test brings its own, with it.
  const browser = await chromium.launch(chromiumLaunchOptions())
  try {
    const page = await browser.newPage({ baseURL, viewport: { width: 1366, height: 820 } })
    await openHall(page)
    const booth = await page.evaluate(() => {
      const { pack, plan, actions } = (window as any).__expoStore.getState()
      const first = plan.booths.find((b: any) => b.zoneId === 'ai')
      actions.addStop({ kind: 'zone', zoneId: 'nev' })
      return { id: first.exhibitorId as string, name: pack.exhibitors.find((e: any) => e.id === first.exhibitorId).name.en as string }
    })
    await openHall(page, `booth=${booth.id}`)
    await expect(page.getByRole('complementary', { name: booth.name })).toBeVisible()

    await page.getByRole('banner').getByRole('button', { name: 'Plan view' }).click()
    const plan = page.getByRole('main', { name: 'Floor plan' })
    await expect(plan).toBeVisible()
    await expect(page.locator('.expo-canvas canvas')).toHaveCount(0)
    await expect(page.getByRole('complementary', { name: booth.name })).toBeVisible()
    await expect(plan.getByRole('region', { name: 'Artificial Intelligence', exact: true })).toBeVisible()
    await expect(plan.locator('.plan-stop')).toHaveCount(1)

    await plan.getByRole('button', { name: 'Back to the 3D hall' }).click()
    await expect(plan).toHaveCount(0)
    await page.waitForFunction(() => (window as any).__expoDebug?.frames > 0, null, { timeout: 60_000 })
    await expect(page.getByRole('complementary', { name: booth.name })).toBeVisible()
    await expect(page.getByRole('button', { name: /^My route/ })).toContainText('1')
  } finally {
    await browser.close()
  }
})
