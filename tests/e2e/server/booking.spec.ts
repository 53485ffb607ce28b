/**
 * Booking through the server, as visitors do it, in real Chromium: two visitors (two browser contexts) racing for
 * one table, a picker that follows others' bookings live, offline, and the agenda opened on another device.
 */
import { expect, test, type Browser, type BrowserContext, type Page } from '@playwright/test'
import { openHall } from '../../helpers/page'

test.use({ timezoneId: 'Europe/Berlin' })

const DAY = 86_400_000

interface SlotInfo {
  exhibitorId: string
  name: string
  start: number
  dayLabel: string
  timeLabel: string
}

/** A free online slot of an exhibitor with one table, found through the API, far enough ahead to be the test's own. */
async function freeSlot(page: Page, exhibitorId: string, pick: number): Promise<SlotInfo> {
  return page.evaluate(
    async ({ exhibitorId, pick, DAY }) => {
      const from = Date.now() + 3 * DAY
      const answer = await fetch(`/api/exhibitors/${exhibitorId}/slots?from=${from}&to=${from + 14 * DAY}`).then((r) => r.json())
      const slot = answer.slots.filter((s: any) => s.mode === 'online')[pick]
      const store = (window as any).__expoStore.getState()
      const format = (options: Intl.DateTimeFormatOptions) => new Intl.DateTimeFormat('en', { ...options, timeZone: 'Europe/Berlin' }).format(slot.start)
      return {
        exhibitorId,
        name: store.pack.exhibitors.find((e: any) => e.id === exhibitorId).name.en,
        start: slot.start,
        dayLabel: format({ weekday: 'short', month: 'short', day: 'numeric' }),
        timeLabel: format({ hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }),
      }
    },
    { exhibitorId, pick, DAY },
  )
}

async function openPicker(page: Page, slot: SlotInfo) {
  await openHall(page, `booth=${slot.exhibitorId}&book=1`)
  const dialog = page.getByRole('dialog', { name: `Book a negotiation with ${slot.name}` })
  await expect(dialog).toBeVisible()
  await dialog.getByRole('button', { name: new RegExp(`^${slot.dayLabel}(?!\\d)`) }).click()
  return dialog
}

const slotButton = (page: Page, slot: SlotInfo) => page.getByRole('dialog').getByRole('button', { name: new RegExp(`^${slot.timeLabel} your time · \\d\\d:\\d\\d Beijing`) })

async function fillDetails(page: Page, name: string, topic: string) {
  const dialog = page.getByRole('dialog')
  await dialog.getByLabel('Name', { exact: true }).fill(name)
  await dialog.getByLabel('Company or organisation', { exact: true }).fill(`${name} GmbH`)
  await dialog.getByLabel('E-mail', { exact: true }).fill(`${name.toLowerCase().replace(/\W+/g, '.')}@example.com`)
  await dialog.getByLabel('Topic').fill(topic)
}

/** A whole request, as a visitor makes it: the booth's picker, the time, their details, "Send request". */
async function sendRequest(page: Page, slot: SlotInfo, name: string, topic: string) {
  await openPicker(page, slot)
  await slotButton(page, slot).click()
  await fillDetails(page, name, topic)
  await page.getByRole('dialog').getByRole('button', { name: 'Send request' }).click()
  await expect(page.getByRole('heading', { name: 'Request sent' })).toBeVisible()
}

async function visitor(browser: Browser, baseURL: string | undefined): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({ baseURL, timezoneId: 'Europe/Berlin', viewport: { width: 1366, height: 820 } })
  return { context, page: await context.newPage() }
}

test('two visitors race for one table: one wins, the other is told and sees the slot gone without reloading', async ({ browser, baseURL }) => {
  const anna = await visitor(browser, baseURL)
  const bo = await visitor(browser, baseURL)
  try {
    await openHall(anna.page)
    // chaohu-huinong-technology staffs one table
    const slot = await freeSlot(anna.page, 'chaohu-huinong-technology', 2)
    for (const [who, name] of [
      [anna, 'Anna Schmidt'],
      [bo, 'Bo Lindqvist'],
    ] as const) {
      await openPicker(who.page, slot)
      await slotButton(who.page, slot).click()
      await fillDetails(who.page, name, 'Irrigation sensors')
    }
    // Whoever's request reaches the server first wins; if the other's click has not landed by then, the server's
    // event stream takes the time out of that picker first, which tells that visitor as surely as a refusal.
    await Promise.all(
      [anna, bo].map((who) => who.page.getByRole('dialog').getByRole('button', { name: 'Send request' }).click({ timeout: 10_000 }).catch(() => undefined)),
    )
    const outcome = async (page: Page) => {
      const dialog = page.getByRole('dialog')
      await expect(dialog.getByRole('heading', { name: 'Request sent' }).or(dialog.getByRole('alert'))).toBeVisible()
      return (await dialog.getByRole('heading', { name: 'Request sent' }).isVisible()) ? 'won' : 'refused'
    }
    const results = await Promise.all([outcome(anna.page), outcome(bo.page)])
    expect([...results].sort()).toEqual(['refused', 'won'])
    const loser = results[0] === 'refused' ? anna.page : bo.page
    // told why, and back at the times, where the taken one is no longer offered
    await expect(loser.getByRole('dialog').getByRole('alert')).toContainText(/just been fully booked|just taken the last table/)
    await expect(slotButton(loser, slot)).toHaveCount(0)
  } finally {
    await anna.context.close()
    await bo.context.close()
  }
})

test('an open picker drops a time as soon as another visitor takes its last table', async ({ browser, baseURL }) => {
  const anna = await visitor(browser, baseURL)
  const bo = await visitor(browser, baseURL)
  try {
    await openHall(bo.page)
    const slot = await freeSlot(bo.page, 'feidong-bianzhi-edge-ai', 3)
    await openPicker(bo.page, slot)
    await expect(slotButton(bo.page, slot)).toHaveCount(1)

    await sendRequest(anna.page, slot, 'Anna Schmidt', 'Edge AI boxes')

    // Bo did nothing: the server's event stream took the time away
    await expect(slotButton(bo.page, slot)).toHaveCount(0)
  } finally {
    await anna.context.close()
    await bo.context.close()
  }
})

test('offline, the agenda shows the last known bookings and booking says why it cannot be done now', async ({ browser, baseURL }) => {
  const anna = await visitor(browser, baseURL)
  try {
    await openHall(anna.page)
    const slot = await freeSlot(anna.page, 'luyang-youyu-interactive', 1)
    await sendRequest(anna.page, slot, 'Anna Schmidt', 'Game localisation')
    await anna.page.keyboard.press('Escape')

    await anna.context.setOffline(true)
    await anna.page.getByRole('button', { name: /^My agenda/ }).click()
    const agenda = anna.page.getByRole('complementary', { name: 'My agenda' })
    await expect(agenda.getByRole('status').filter({ hasText: /^Offline: your agenda as it was at/ })).toBeVisible()
    await expect(agenda.getByRole('listitem').filter({ hasText: slot.name })).toContainText('Waiting for the exhibitor’s answer')

    await agenda.getByRole('button', { name: 'Go to booth' }).click()
    await anna.page.getByRole('complementary', { name: slot.name }).getByRole('button', { name: 'Book a negotiation' }).click()
    await expect(anna.page.getByRole('dialog').getByRole('alert').first()).toContainText('You are offline: booking needs a connection')

    await anna.context.setOffline(false)
    await expect(anna.page.getByRole('dialog').getByText('You are offline')).toHaveCount(0, { timeout: 40_000 })
  } finally {
    await anna.context.close()
  }
})

test('the agenda opens on another device through a private link, and through a link mailed to the visitor', async ({ browser, baseURL, request }) => {
  const laptop = await visitor(browser, baseURL)
  const phone = await visitor(browser, baseURL)
  const tablet = await visitor(browser, baseURL)
  try {
    await openHall(laptop.page)
    const slot = await freeSlot(laptop.page, 'luan-pianxiang-tea', 5)
    await sendRequest(laptop.page, slot, 'Mina Park', 'Green tea for Seoul')
    await laptop.page.getByRole('button', { name: 'Open my agenda' }).click()

    const agenda = laptop.page.getByRole('complementary', { name: 'My agenda' })
    await agenda.getByRole('button', { name: 'Create a private link' }).click()
    const link = await agenda.getByLabel('Private link').inputValue()
    expect(link).toMatch(/\/\?agenda=[A-Za-z0-9_-]{43}$/)

    await phone.page.goto(link.replace(/^https?:\/\/[^/]+/, '') + '&lang=en&debug=1')
    // the secret leaves the address bar at once
    await expect(phone.page).not.toHaveURL(/agenda=[A-Za-z0-9_-]{43}/)
    await expect(phone.page.getByRole('complementary', { name: 'My agenda' }).getByRole('listitem').filter({ hasText: slot.name })).toContainText('Green tea for Seoul')

    // the same agenda by a one-time link mailed to the address booked with (read from the development outbox)
    await agenda.getByLabel('E-mail').fill('mina.park@example.com')
    await agenda.getByRole('button', { name: 'E-mail me a link' }).click()
    await expect(agenda.getByText('If you booked with mina.park@example.com, a link is on its way')).toBeVisible()
    const mailedLink = async (): Promise<string | undefined> => {
      const { mails } = await (await request.get('/api/dev/outbox')).json()
      return (mails as { to: string; links: string[] }[]).find((m) => m.to === 'mina.park@example.com')?.links.find((l) => l.includes('signin='))
    }
    await expect.poll(mailedLink).toBeTruthy()
    const signIn = (await mailedLink())!
    await tablet.page.goto(signIn.replace(/^https?:\/\/[^/]+/, '') + '&lang=en&debug=1')
    await expect(tablet.page.getByRole('complementary', { name: 'My agenda' }).getByRole('listitem').filter({ hasText: slot.name })).toBeVisible()
    // single use: the same link again is refused, with a way forward
    const again = await browser.newContext({ baseURL })
    const againPage = await again.newPage()
    await againPage.goto(signIn.replace(/^https?:\/\/[^/]+/, '') + '&lang=en')
    await expect(againPage.getByRole('status').filter({ hasText: 'This sign-in link is unknown, used or expired' })).toBeVisible()
    await again.close()
  } finally {
    await laptop.context.close()
    await phone.context.close()
    await tablet.context.close()
  }
})
