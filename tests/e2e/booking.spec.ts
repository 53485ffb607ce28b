/** Booking negotiations in real Chromium: from a booth panel to the agenda, clashes, cancelling, two tabs, links. */
import { expect, test, type Page } from '@playwright/test'
import { shortDisplayText } from '../../src/i18n/displayText'
import { openHall } from '../helpers/page'

// A visitor in Berlin booking Chinese exhibitors: every time is shown in both clocks.
test.use({ timezoneId: 'Europe/Berlin' })

interface SlotInfo {
  exhibitorId: string
  name: string
  start: number
  dayLabel: string
  timeLabel: string
}

/** Finds exhibitors and slots through the debug handle, so the test then acts only through the UI. */
async function findSlots(page: Page, filter: { parallelTables?: number; overlapping?: boolean }) {
  return page.evaluate(async ({ parallelTables, overlapping }) => {
    const store = (window as any).__expoStore.getState()
    const backend = (window as any).__expoBooking
    const now = Date.now()
    const range = { from: now, to: now + 28 * 86_400_000 }
    const label = (start: number) => ({
      dayLabel: new Intl.DateTimeFormat('en', { weekday: 'short', month: 'short', day: 'numeric', timeZone: 'Europe/Berlin' }).format(start),
      timeLabel: new Intl.DateTimeFormat('en', { hour: '2-digit', minute: '2-digit', hourCycle: 'h23', timeZone: 'Europe/Berlin' }).format(start),
    })
    const candidates = store.pack.exhibitors.filter(
      (e: any) => e.availability.timeZone === 'Asia/Shanghai' && (!parallelTables || e.availability.parallelTables === parallelTables),
    )
    const info = async (e: any) => {
      const slots = (await backend.freeSlots(e.id, range)).slots.filter((s: any) => s.mode === 'online')
      return { e, slots }
    }
    const first = await info(candidates[0])
    if (!overlapping) {
      const s = first.slots[3]
      return [{ exhibitorId: first.e.id, name: first.e.name.en, start: s.start, ...label(s.start) }]
    }
    for (const other of candidates.slice(1)) {
      const second = await info(other)
      for (const a of first.slots.slice(2)) {
        const b = second.slots.find((s: any) => s.start === a.start)
        if (b)
          return [
            { exhibitorId: first.e.id, name: first.e.name.en, start: a.start, ...label(a.start) },
            { exhibitorId: other.id, name: other.name.en, start: b.start, ...label(b.start) },
          ]
      }
    }
    throw new Error('no two exhibitors with a shared free time')
  }, filter) as Promise<SlotInfo[]>
}

async function pickSlot(page: Page, slot: SlotInfo) {
  const dialog = page.getByRole('dialog', { name: new RegExp(slot.name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')) })
  await expect(dialog).toBeVisible()
  await dialog.getByRole('button', { name: new RegExp(`^${slot.dayLabel}(?!\\d)`) }).click()
  await dialog.getByRole('button', { name: new RegExp(`^${slot.timeLabel} your time · \\d\\d:\\d\\d Beijing`) }).first().click()
  return dialog
}

async function fillDetailsAndConfirm(page: Page, topic = 'Sourcing battery cells') {
  const dialog = page.getByRole('dialog')
  const name = dialog.getByLabel('Name')
  if (await name.isVisible()) {
    await name.fill('Anna Schmidt')
    await dialog.getByLabel('Company or organisation').fill('Schmidt Antriebe GmbH')
    await dialog.getByLabel('E-mail').fill('anna@example.com')
    await dialog.getByLabel('You are').selectOption('buyer')
  }
  await dialog.getByLabel('Topic').fill(topic)
  await dialog.getByRole('button', { name: 'Confirm booking' }).click()
}

test('a visitor books from a booth panel, sees it in the agenda, and it survives a reload', async ({ page }) => {
  await openHall(page)
  const [slot] = await findSlots(page, {})
  await openHall(page, `booth=${slot.exhibitorId}`)
  await page.getByRole('complementary', { name: slot.name }).getByRole('button', { name: 'Book a negotiation' }).click()
  await pickSlot(page, slot)

  // The profile is validated with clear messages before anything is booked.
  const dialog = page.getByRole('dialog')
  await dialog.getByLabel('E-mail').fill('not-an-address')
  await dialog.getByRole('button', { name: 'Confirm booking' }).click()
  await expect(dialog.getByText('Please enter your name')).toBeVisible()
  await expect(dialog.getByText('That e-mail address does not look right, e.g. name@example.com')).toBeVisible()

  await fillDetailsAndConfirm(page)
  await expect(dialog.getByRole('heading', { name: 'Booked' })).toBeVisible()
  const code = (await dialog.locator('.confirmation-code strong').textContent())!.trim()
  expect(code).toMatch(/^[A-Z2-9]{6}$/)
  await dialog.getByRole('button', { name: 'Open my agenda' }).click()

  const agenda = page.getByRole('complementary', { name: 'My agenda' })
  await expect(agenda.getByRole('listitem').filter({ hasText: slot.name })).toContainText(`Code ${code}`)
  await expect(agenda).toContainText(`${slot.timeLabel} your time`)

  await page.reload()
  await page.waitForFunction(() => (window as any).__expoDebug?.frames > 0)
  await page.getByRole('button', { name: /^My agenda/ }).click()
  await expect(page.getByRole('complementary', { name: 'My agenda' }).getByRole('listitem').filter({ hasText: slot.name })).toContainText(
    `Code ${code}`,
  )
  // The profile was remembered: the next booking does not ask again.
  await page.getByRole('complementary', { name: 'My agenda' }).getByRole('button', { name: 'Go to booth' }).click()
  await page.getByRole('button', { name: 'Book a negotiation' }).click()
  await page.getByRole('dialog').getByRole('button', { name: /your time/ }).first().click()
  await expect(page.getByRole('dialog').getByLabel('Name')).toHaveCount(0)
  await expect(page.getByRole('dialog')).toContainText('Anna Schmidt')
})

test('a booking that overlaps one the visitor holds is refused, naming the clash', async ({ page }) => {
  await openHall(page)
  const [first, second] = await findSlots(page, { overlapping: true })
  await openHall(page, `booth=${first.exhibitorId}&book=1`)
  await pickSlot(page, first)
  await fillDetailsAndConfirm(page)
  await expect(page.getByRole('heading', { name: 'Booked' })).toBeVisible()
  const code = (await page.locator('.confirmation-code strong').textContent())!.trim()

  await openHall(page, `booth=${second.exhibitorId}&book=1`)
  await pickSlot(page, second)
  await fillDetailsAndConfirm(page, 'A second meeting at the same time')
  const refusal = page.getByRole('dialog').getByRole('alert')
  await expect(refusal).toContainText('It overlaps your booking')
  await expect(refusal).toContainText(first.name)
  await expect(refusal).toContainText(code)
})

test('cancelling a booking frees its slot at once', async ({ page }) => {
  await openHall(page)
  const [slot] = await findSlots(page, { parallelTables: 1 })
  await openHall(page, `booth=${slot.exhibitorId}&book=1`)
  await pickSlot(page, slot)
  await fillDetailsAndConfirm(page)
  await expect(page.getByRole('heading', { name: 'Booked' })).toBeVisible()
  await page.getByRole('button', { name: 'Open my agenda' }).click()

  // With its only table taken, the time is no longer offered.
  const offered = () =>
    page.evaluate(
      async ({ id, start }) => (await (window as any).__expoBooking.freeSlots(id, { from: Date.now(), to: Date.now() + 29 * 86_400_000 })).slots.some((s: any) => s.start === start && s.mode === 'online'),
      { id: slot.exhibitorId, start: slot.start },
    )
  expect(await offered()).toBe(false)

  page.once('dialog', (d) => void d.accept())
  await page.getByRole('complementary', { name: 'My agenda' }).getByRole('button', { name: 'Cancel booking' }).click()
  // a notice shows names cleaned and shortened, so a crafted name cannot spoof it
  await expect(page.getByRole('status').filter({ hasText: `Cancelled your negotiation with ${shortDisplayText(slot.name)}` })).toBeVisible()
  expect(await offered()).toBe(true)
})

test('two tabs racing for the last table of a slot: exactly one wins, and each sees the other’s booking', async ({ context }) => {
  const [tabA, tabB] = [await context.newPage(), await context.newPage()]
  await openHall(tabA)
  const [slot] = await findSlots(tabA, { parallelTables: 1 })
  for (const tab of [tabA, tabB]) {
    await openHall(tab, `booth=${slot.exhibitorId}&book=1`)
    await pickSlot(tab, slot)
    const dialog = tab.getByRole('dialog')
    if (await dialog.getByLabel('Name').isVisible()) {
      await dialog.getByLabel('Name').fill('Anna Schmidt')
      await dialog.getByLabel('Company or organisation').fill('Schmidt Antriebe GmbH')
      await dialog.getByLabel('E-mail').fill('anna@example.com')
    }
    await dialog.getByLabel('Topic').fill('Race')
  }
  // The first booking reaches the other tab at once: its picker may take the time away before its click lands,
  // which tells that visitor as surely as a refusal would.
  await Promise.all([tabA, tabB].map((tab) => tab.getByRole('dialog').getByRole('button', { name: 'Confirm booking' }).click({ timeout: 10_000 }).catch(() => undefined)))
  const outcome = async (tab: Page) => {
    const dialog = tab.getByRole('dialog')
    await expect(dialog.getByRole('heading', { name: 'Booked' }).or(dialog.getByRole('alert'))).toBeVisible()
    return (await dialog.getByRole('heading', { name: 'Booked' }).isVisible()) ? 'won' : 'refused'
  }
  expect((await Promise.all([outcome(tabA), outcome(tabB)])).sort()).toEqual(['refused', 'won'])

  const confirmed = await tabA.evaluate(async () => (await (window as any).__expoBooking.myBookings()).filter((b: any) => b.status === 'confirmed').length)
  expect(confirmed).toBe(1)
  // The loser's tab shows the winner's booking in its agenda without a reload.
  for (const tab of [tabA, tabB]) {
    await tab.keyboard.press('Escape')
    await tab.getByRole('button', { name: /^My agenda/ }).click()
    await expect(tab.getByRole('complementary', { name: 'My agenda' }).getByRole('listitem').filter({ hasText: slot.name })).toHaveCount(1)
  }
})

test('?booth=…&book=1 opens that booth’s booking picker', async ({ page }) => {
  await openHall(page)
  const [slot] = await findSlots(page, {})
  await openHall(page, `booth=${slot.exhibitorId}&book=1`)
  await expect(page.getByRole('dialog', { name: `Book a negotiation with ${slot.name}` })).toBeVisible()
  await expect(page.getByRole('dialog').getByRole('button', { name: /your time · \d\d:\d\d Beijing/ }).first()).toBeVisible()
  await expect(page).toHaveURL(/[?&]book=1(&|$)/)
  await page.keyboard.press('Escape')
  await expect(page.getByRole('dialog')).toHaveCount(0)
  await expect(page).not.toHaveURL(/[?&]book=1/)
})

test('the booked table is marked in the negotiation area and "go to table" walks the visitor there', async ({ page }) => {
  test.setTimeout(240_000)
  await openHall(page)
  const [slot] = await findSlots(page, {})
  await openHall(page, `booth=${slot.exhibitorId}&book=1`)
  await pickSlot(page, slot)
  await fillDetailsAndConfirm(page)
  await expect(page.getByRole('heading', { name: 'Booked' })).toBeVisible()
  const tableId = await page.evaluate(async () => (await (window as any).__expoBooking.myBookings())[0].tableId)
  await expect.poll(() => page.evaluate(() => (window as any).__expoDebug.markedTables())).toEqual([tableId])

  await page.getByRole('button', { name: 'Open my agenda' }).click()
  await page.getByRole('button', { name: 'Walk', exact: true }).click()
  await page.getByRole('complementary', { name: 'My agenda' }).getByRole('button', { name: 'Go to table' }).click()
  // SwiftShader draws slowly and the walk is paced per frame: allow time, measure the end.
  await expect
    .poll(
      () =>
        page.evaluate((id) => {
          const table = (window as any).__expoStore.getState().plan.tables.find((t: any) => t.id === id)
          const pose = (window as any).__expoDebug.camera()
          return Math.hypot(pose.x - table.centre.x, pose.z - table.centre.z)
        }, tableId),
      { timeout: 180_000, intervals: [1000] },
    )
    .toBeLessThan(4)
})
