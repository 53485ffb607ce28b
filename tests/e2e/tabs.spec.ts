/** One visitor, two tabs of one browser: neither tab's changes to favourites and routes are lost to the other's. */
import { expect, test, type Page } from '@playwright/test'
import { exhibitorName, openHall } from '../helpers/page'

const panel = (page: Page, name: string) => page.getByRole('complementary', { name })

test('a favourite made in one tab and a stop added in another both survive reloading both', async ({ context }) => {
  const tabA = await context.newPage()
  const tabB = await context.newPage()
  await openHall(tabA)
  const [first, second] = await tabA.evaluate(() => (window as any).__expoStore.getState().pack.exhibitors.slice(0, 2).map((e: any) => e.id))
  const firstName = await exhibitorName(tabA, first)
  const secondName = await exhibitorName(tabA, second)
  // both tabs are open before either changes anything, so each starts from the same stored data
  await openHall(tabB, `booth=${second}`)
  await tabA.goto(`/?booth=${first}&lang=en&debug=1`)

  await panel(tabA, firstName).getByRole('button', { name: 'Add to favourites' }).click()
  await expect(panel(tabA, firstName).getByRole('button', { name: 'Remove from favourites' })).toHaveAttribute('aria-pressed', 'true')
  await panel(tabB, secondName).getByRole('button', { name: 'Add to my route' }).click()
  await expect(panel(tabB, secondName).getByRole('button', { name: 'In my route' })).toBeVisible()

  // each tab shows the other's change live, without a reload
  await tabA.getByRole('button', { name: /^My route/ }).click()
  await expect(panel(tabA, 'My route').getByRole('list', { name: /stops/ })).toContainText(secondName)
  await tabB.evaluate((id) => (window as any).__expoStore.getState().actions.openBooth(id, { fly: false }), first)
  await expect(panel(tabB, firstName).getByRole('button', { name: 'Remove from favourites' })).toBeVisible()

  for (const tab of [tabA, tabB]) {
    await tab.goto(`/?booth=${first}&lang=en&debug=1`)
    await expect(panel(tab, firstName).getByRole('button', { name: 'Remove from favourites' })).toHaveAttribute('aria-pressed', 'true')
    await tab.getByRole('button', { name: /^My route/ }).click()
    await expect(panel(tab, 'My route').getByRole('list', { name: /stops/ })).toContainText(secondName)
  }
})
