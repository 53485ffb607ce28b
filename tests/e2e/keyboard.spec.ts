/** Keyboard only, in the 3D hall: search, open a booth, book a negotiation, confirm, and Escape back where the visitor was. */
import { expect, test, type Locator, type Page } from '@playwright/test'
import { openHall } from '../helpers/page'

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')

const isFocused = (locator: Locator) => locator.evaluate((element) => element === document.activeElement).catch(() => false)

/** Presses Tab until `target` has the focus, as a keyboard user would; fails if it is never reached. */
async function tabTo(page: Page, target: Locator, limit = 30) {
  for (let i = 0; i < limit && !(await isFocused(target)); i++) await page.keyboard.press('Tab')
  await expect(target).toBeFocused()
}

/** An exhibitor with free slots, found through the debug handle so the test then acts through the keyboard alone. */
async function bookableExhibitor(page: Page): Promise<{ id: string; name: string }> {
  return page.evaluate(async () => {
    const store = (window as any).__expoStore.getState()
    const backend = (window as any).__expoBooking
    const now = Date.now()
    for (const exhibitor of store.pack.exhibitors) {
      const { slots } = await backend.freeSlots(exhibitor.id, { from: now, to: now + 28 * 86_400_000 })
      if (slots.length > 3) return { id: exhibitor.id, name: exhibitor.name.en }
    }
    throw new Error('no exhibitor with free slots')
  })
}

test('a visitor books a negotiation with the keyboard alone, from search to confirmation', async ({ page }) => {
  await openHall(page)
  const exhibitor = await bookableExhibitor(page)

  // "/" jumps to search; type the name, pick the hit with the arrow keys and Enter.
  await page.keyboard.press('/')
  const search = page.getByRole('combobox', { name: 'Search exhibitors, products or zones' })
  await expect(search).toBeFocused()
  await page.keyboard.type(exhibitor.name)
  const hit = page.getByRole('option', { name: new RegExp(`^${escape(exhibitor.name)}`) })
  await expect(hit).toBeVisible()
  for (let i = 0; i < 10 && (await hit.getAttribute('aria-selected')) !== 'true'; i++) await page.keyboard.press('ArrowDown')
  await expect(hit).toHaveAttribute('aria-selected', 'true')
  await page.keyboard.press('Enter')

  // The booth panel takes the focus (its heading), and Tab reaches its booking button.
  const panel = page.getByRole('complementary', { name: exhibitor.name })
  await expect(panel.getByRole('heading', { name: exhibitor.name })).toBeFocused()
  const book = panel.getByRole('button', { name: 'Book a negotiation' })
  await tabTo(page, book)
  await page.keyboard.press('Enter')

  // The picker: its heading first, then Tab through the days and times; Enter chooses.
  const dialog = page.getByRole('dialog')
  await expect(dialog.getByRole('heading', { name: new RegExp(escape(exhibitor.name)) })).toBeFocused()
  const days = dialog.getByRole('group', { name: 'Choose a day' }).getByRole('button')
  await expect(days.first()).toBeVisible()
  const secondDay = (await days.count()) > 1 ? days.nth(1) : days.first()
  await tabTo(page, secondDay)
  await page.keyboard.press('Enter')
  await expect(secondDay).toHaveAttribute('aria-pressed', 'true')
  const firstTime = dialog.getByRole('button', { name: /your time/ }).first()
  await tabTo(page, firstTime)
  await page.keyboard.press('Enter')

  // The visitor's details and a topic, typed field by field.
  const name = dialog.getByLabel('Name')
  await tabTo(page, name)
  await page.keyboard.type('Kim Minjun')
  await page.keyboard.press('Tab')
  await expect(dialog.getByLabel('Company or organisation')).toBeFocused()
  await page.keyboard.type('Hanbit Robotics')
  await page.keyboard.press('Tab')
  await expect(dialog.getByLabel('E-mail')).toBeFocused()
  await page.keyboard.type('minjun@example.com')
  const topic = dialog.getByLabel('Topic')
  await tabTo(page, topic)
  await page.keyboard.type('Robot arms for a battery line')
  await tabTo(page, dialog.getByRole('button', { name: 'Confirm booking' }))
  await page.keyboard.press('Enter')

  await expect(dialog.getByRole('heading', { name: 'Booked' })).toBeVisible()
  await expect(dialog.getByRole('heading', { name: 'Booked' })).toBeFocused()
  const code = (await dialog.locator('.confirmation-code strong').textContent())!.trim()
  expect(code).toMatch(/^[A-Z2-9]{6}$/)

  // Escape closes the dialog, and the focus is back on the button that opened it.
  await page.keyboard.press('Escape')
  await expect(dialog).toHaveCount(0)
  await expect(book).toBeFocused()
  // A second Escape closes the booth panel.
  await page.keyboard.press('Escape')
  await expect(panel).toHaveCount(0)
})
